"""The one function that runs the whole flow, with per-article error capture.

    inputs -> ingest -> analyze -> summarize -> verify -> translate -> verify -> compose -> Briefing

An article that fails at any stage becomes a ``Skipped`` entry with a one-line reason; the rest of
the batch goes on. Articles stream through in chunks, finished briefs are cached per article
(briefer.cache) so an interrupted run resumes, and the extractive path can fan out over
processes (``jobs``). Memory stays nearly flat in the input size: each finished brief goes to a
temporary file (briefer.spill) and compose keeps one small entry per article
(briefer.compose_entries), reading complete briefs back only for the stories in full.
Rendering is the caller's (CLI) job, so a library user can keep the Briefing.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from briefer.analyze import analyze
from briefer.backends.registry import get_engine
from briefer.cache import BriefCache, encode_brief
from briefer.compose import compose_entries, section_placer
from briefer.compose_entries import Entry, entry_of, headline_brief
from briefer.config import BriefConfig
from briefer.errors import ArticleError, BrieferError, EngineError
from briefer.ingest import read_inputs
from briefer.spill import BriefSpill, pickle_brief
from briefer.translate import english_side, get_translator, lexicon_headline
from briefer.types import Analysis, Article, ArticleBrief, Briefing, Bullet, Skipped
from briefer.verify import headline_problems, verify_bullets

#: called after each article with (done, total or None, origin)
Progress = Callable[[int, "int | None", str], None]
Outcome = ArticleBrief | Skipped
_CHUNK = 256  # articles read ahead at a time; bounds memory and keeps workers busy
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunResult:
    briefing: Briefing
    briefs: Sequence[ArticleBrief]  # every brief in input order, read back from disk on access
    skipped: tuple[Skipped, ...]
    notices: tuple[str, ...] = ()  # things the user should know (engine fallbacks, ignored options)
    cached: int = 0  # briefs taken from the cache rather than recomputed

    @property
    def exit_code(self) -> int:
        """0 all good, 1 briefing written but some inputs skipped."""
        return 1 if self.skipped else 0


class BriefMaker:
    """Engine, translator and settings for turning articles into checked ArticleBriefs."""

    def __init__(self, config: BriefConfig):
        self.config = config
        self.engine = get_engine(config)
        self.translator = get_translator(config)
        self.place = section_placer(config)  # a story's section, worked out where its lead is made

    @property
    def signature(self) -> str:
        """Everything that shapes a brief: printed in the briefing, part of every cache key."""
        translator = f"{self.translator.name}:{self.translator.model_name}" if self.translator else "lexicon"
        return f"{self.engine.signature()}|translator:{translator}|verify:{self.config.verify_policy}"

    @property
    def notices(self) -> tuple[str, ...]:
        notice = getattr(self.engine, "notice", "")
        return (notice,) if notice else ()

    def make(self, articles: Sequence[Article]) -> list[Outcome]:
        """Briefs (or Skipped) for a batch of articles, in order; the engine sees the batch at once."""
        outcomes: list[Outcome | Analysis] = [self._analyze(article) for article in articles]
        analyses = [o for o in outcomes if isinstance(o, Analysis)]
        briefs = iter(self._brief_analyses(analyses)) if analyses else iter(())
        return [next(briefs) if isinstance(o, Analysis) else o for o in outcomes]

    def _analyze(self, article: Article) -> Analysis | Skipped:
        try:
            analysis = analyze(article)
            _check_language(analysis, self.config)
            return analysis
        except BrieferError as exc:
            return Skipped(article.origin or article.id, _reason(exc))
        except Exception as exc:  # noqa: BLE001 - one article's bug must not sink the morning's batch
            return _internal_error(article.origin or article.id, exc)

    def _brief_analyses(self, analyses: list[Analysis]) -> list[Outcome]:
        """Summarise the batch, check the Arabic, then give each article its checked English."""
        policy = self.config.verify_policy
        try:
            bullet_lists = self.engine.summarize(analyses)
            checked, english_lists = None, None
            if self.engine.writes_english:
                # an engine writing English works from the Arabic bullets that survived the guard
                checked = [verify_bullets(a, bullets, policy) for a, bullets in zip(analyses, bullet_lists)]
                english_lists = self.engine.english(analyses, [bullets for bullets, _ in checked])
        except BrieferError as exc:
            return [Skipped(a.article.origin or a.article.id, _reason(exc)) for a in analyses]
        outcomes: list[Outcome] = []
        for i, analysis in enumerate(analyses):
            origin = analysis.article.origin or analysis.article.id
            try:
                # otherwise each article's Arabic and English are checked back to back: the guard
                # reads the article once for both (verify.source keeps the last few)
                bullets_ar, verdicts_ar = checked[i] if checked else verify_bullets(analysis, bullet_lists[i], policy)
                english = english_lists[i] if english_lists is not None else None
                outcomes.append(self._with_english(analysis, bullets_ar, verdicts_ar, english))
            except BrieferError as exc:
                outcomes.append(Skipped(origin, _reason(exc)))
            except Exception as exc:  # noqa: BLE001 - as in _analyze
                outcomes.append(_internal_error(origin, exc))
        return outcomes

    def _with_english(
        self, analysis: Analysis, bullets_ar: tuple[Bullet, ...], verdicts_ar: tuple, english: Sequence[Bullet] | None
    ) -> ArticleBrief:
        headline_ar = self.engine.headline(analysis)
        headline_en, bullets_en, mode = self._english_side(analysis, bullets_ar, headline_ar)
        headline_en = _checked_headline(analysis, headline_ar, headline_en, mode)
        if english is not None:  # the engine's own English (None: it fell back for this article)
            bullets_en, mode = tuple(english), "model"
        bullets_en, verdicts_en = verify_bullets(analysis, bullets_en, self.config.verify_policy)
        return ArticleBrief(
            analysis=analysis,
            headline_ar=headline_ar,
            bullets_ar=bullets_ar,
            headline_en=headline_en,
            bullets_en=bullets_en,
            english=mode,
            verdicts=verdicts_ar + verdicts_en,
            engine=self.engine.signature(),
        )

    def _english_side(
        self, analysis: Analysis, bullets_ar: tuple[Bullet, ...], headline_ar: str
    ) -> tuple[str, tuple[Bullet, ...], str]:
        """The translator's English, or the facts-only lexicon English when the translator fails
        on this article (a model answering off-schema twice): the article is still briefed. The
        English headline says the Arabic one the briefing shows."""
        try:
            return english_side(analysis, bullets_ar, self.translator, headline_ar)
        except EngineError as exc:
            if self.translator is None:
                raise
            log.info("translation failed for %s (%s); facts-only English instead", analysis.article.origin, exc)
            return english_side(analysis, bullets_ar, None, headline_ar)


def _checked_headline(analysis: Analysis, headline_ar: str, headline_en: str, mode: str) -> str:
    """The English headline, if it says nothing its Arabic headline does not: a translated one
    that fails (a model's own figure or name) gives way to the lexicon's, and one that still
    fails is left out, as a bullet that cannot be verified is."""
    candidates = [(headline_en, "lexicon" if mode == "lexicon" else "translation")]
    if mode != "lexicon":
        candidates.append((lexicon_headline(analysis, headline_ar), "lexicon"))
    for text, origin in candidates:
        problems = headline_problems(headline_ar, text, origin)
        if not problems:
            return text
        log.info("English headline of %s not shown: %s", analysis.article.origin or analysis.article.id, problems[0].message)
    return ""


# ------------------------------------------------------------------------------ entry points


def run_briefing(inputs: Sequence[str], config: BriefConfig, progress: Progress | None = None) -> RunResult:
    """Read every input, brief every article, compose the day's briefing."""
    maker = BriefMaker(config)
    skipped: list[Skipped] = []
    briefs = BriefSpill()
    entries: list[Entry] = []
    articles = _collect_errors(read_inputs(inputs, config), skipped)
    cache = None if config.no_cache else BriefCache(config.cache)
    counter = _Counter()
    try:
        for done, outcome in enumerate(_outcomes(articles, maker, cache, counter), start=1):
            if isinstance(outcome, Skipped):
                skipped.append(outcome)
            else:
                briefs.append_pickled(outcome.pickled)  # the complete brief never enters this process
                entries.append(outcome.entry)
            if progress:
                progress(done, None, outcome.origin)
    finally:
        if cache is not None:
            cache.close()
    notices = maker.notices + _job_notices(config)
    briefing = compose_entries(entries, briefs.__getitem__, config, skipped=skipped, signature=maker.signature)
    return RunResult(briefing, briefs, tuple(skipped), notices, counter.cached)


def read_articles(inputs: Sequence[str], config: BriefConfig) -> tuple[list[Article], list[Skipped]]:
    """All articles of the inputs in memory, with the inputs that failed (for small commands)."""
    skipped: list[Skipped] = []
    articles = list(_collect_errors(read_inputs(inputs, config), skipped))
    return articles, skipped


def brief_inputs(inputs: Sequence[str], config: BriefConfig) -> tuple[list[ArticleBrief], list[Skipped]]:
    """Briefs without a briefing: for `briefer summarize` and evaluation."""
    articles, skipped = read_articles(inputs, config)
    outcomes = BriefMaker(config).make(articles) if articles else []
    skipped += [o for o in outcomes if isinstance(o, Skipped)]
    return [o for o in outcomes if isinstance(o, ArticleBrief)], skipped


def brief_article(article: Article, config: BriefConfig, maker: BriefMaker | None = None) -> ArticleBrief:
    """One article, briefed and checked; raises ArticleError when it cannot be."""
    (outcome,) = (maker or BriefMaker(config)).make([article])
    if isinstance(outcome, Skipped):
        raise ArticleError(outcome.origin, outcome.reason)
    return outcome


# ------------------------------------------------------------------------ streaming + workers


@dataclass
class _Counter:
    cached: int = 0


@dataclass(frozen=True, slots=True)
class _Finished:
    """A brief as the run keeps it, made where the brief is made (in a worker when there are
    workers): its compose entry, its pickle for the spill and its cache value ("" without a
    cache). The parent then never unpickles a complete brief to pickle it again, and what is left
    of its work overlaps the workers'."""

    entry: Entry
    pickled: bytes
    cache_value: str

    @property
    def origin(self) -> str:
        article = self.entry.brief.article
        return article.origin or article.id


def _finish(brief: ArticleBrief, maker: BriefMaker, with_cache: bool) -> _Finished:
    value = encode_brief(brief) if with_cache else ""
    return _Finished(entry_of(brief, headline_brief(brief), maker.place(brief)), pickle_brief(brief), value)


#: a chunk sent to be briefed: its cache hits (None where it missed), and what gives the outcomes
#: of the misses, in order, when called (the workers' result, or the work itself without workers)
_InFlight = tuple[list[ArticleBrief | None], Callable[[], list[_Finished | Skipped]]]


def _outcomes(articles: Iterator[Article], maker: BriefMaker, cache: BriefCache | None,
              counter: _Counter) -> Iterator[_Finished | Skipped]:
    """Outcomes in input order: cached briefs straight away, the rest computed (maybe in workers).

    With workers, the next chunk is read and sent before the results of the one in flight are
    taken in (spilled, cached, entered), so the workers never wait on this process.
    """
    pool = _worker_pool(maker.config)
    try:
        in_flight: _InFlight | None = None
        while True:
            chunk = list(islice(articles, _CHUNK))
            sent = _send(chunk, maker, cache, counter, pool) if chunk else None
            if in_flight is not None:
                yield from _receive(in_flight, maker, cache)
            if sent is None:
                return
            in_flight = sent
    finally:
        if pool is not None:
            pool.terminate()


def _send(chunk: list[Article], maker: BriefMaker, cache: BriefCache | None, counter: _Counter, pool) -> _InFlight:
    hits = [cache.get(a.id, maker.signature) if cache else None for a in chunk]
    counter.cached += sum(hit is not None for hit in hits)
    misses = [a for a, hit in zip(chunk, hits) if hit is None]
    size = max(1, maker.config.batch_size)
    batches = [misses[i : i + size] for i in range(0, len(misses), size)]
    if pool is None or not batches:
        # without workers the work waits until the chunk before is taken in: a run killed then
        # has lost at most this chunk, as with workers
        return hits, lambda: [outcome for batch in batches for outcome in _make_finished(maker, batch)]
    result = pool.map_async(_work, batches)
    return hits, lambda: [outcome for outcomes in result.get() for outcome in outcomes]


def _receive(in_flight: _InFlight, maker: BriefMaker, cache: BriefCache | None) -> Iterator[_Finished | Skipped]:
    hits, outcomes = in_flight
    fresh = iter(outcomes())
    for hit in hits:
        if hit is not None:
            yield _finish(hit, maker, with_cache=False)
            continue
        outcome = next(fresh)
        if cache is not None and isinstance(outcome, _Finished):
            cache.put(outcome.entry.brief.article.id, outcome.cache_value, maker.signature)
        yield outcome


def _make_finished(maker: BriefMaker, articles: list[Article]) -> list[_Finished | Skipped]:
    with_cache = not maker.config.no_cache
    return [_finish(o, maker, with_cache) if isinstance(o, ArticleBrief) else o for o in maker.make(articles)]


def _worker_pool(config: BriefConfig):
    """Processes for the extractive path; model engines batch on their device instead."""
    if config.jobs <= 1 or config.backend != "extractive":
        return None
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return context.Pool(config.jobs, initializer=_init_worker, initargs=(config,))


_WORKER: BriefMaker | None = None


def _init_worker(config: BriefConfig) -> None:
    global _WORKER
    _WORKER = BriefMaker(config)


def _work(articles: list[Article]) -> list[_Finished | Skipped]:
    assert _WORKER is not None, "worker used before _init_worker"
    return _make_finished(_WORKER, articles)


def _job_notices(config: BriefConfig) -> tuple[str, ...]:
    if config.jobs > 1 and config.backend != "extractive":
        return (f"--jobs {config.jobs} ignored: the '{config.backend}' engine batches on its device instead",)
    return ()


# ----------------------------------------------------------------------------------- helpers


def _check_language(analysis: Analysis, config: BriefConfig) -> None:
    if analysis.language != "ar" and config.non_arabic == "skip":
        raise ArticleError(
            analysis.article.origin or analysis.article.id,
            f"article is not in Arabic (looks like '{analysis.language}'); "
            'set non_arabic = "summarize" to brief it anyway',
        )


def _collect_errors(items: Iterable[Article | BrieferError], skipped: list[Skipped]) -> Iterator[Article]:
    """Stream articles while collecting input errors as they pass."""
    for item in items:
        if isinstance(item, BrieferError):
            skipped.append(Skipped(getattr(item, "origin", "?"), _reason(item)))
        else:
            yield item


def _internal_error(origin: str, exc: Exception) -> Skipped:
    """A bug met on one article: skip it with the cause named, keep the traceback for --debug."""
    log.debug("internal error on %s", origin, exc_info=exc)
    first_line = str(exc).splitlines()[0][:200] if str(exc) else ""
    return Skipped(origin, f"internal error ({type(exc).__name__}: {first_line}); please report it, --debug shows the traceback")


def _reason(exc: BrieferError) -> str:
    return getattr(exc, "problem", None) or str(exc)
