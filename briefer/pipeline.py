"""The one function that runs the whole flow, with per-article error capture.

    inputs -> ingest -> analyze -> summarize -> verify -> translate -> verify -> compose -> Briefing

An article that fails at any stage becomes a ``Skipped`` entry with a one-line reason; the rest of
the batch goes on. Rendering is the caller's (CLI) job, so a library user can keep the Briefing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from briefer.analyze import analyze
from briefer.backends.base import Engine
from briefer.backends.registry import get_engine
from briefer.compose import compose
from briefer.config import BriefConfig
from briefer.errors import ArticleError, BrieferError
from briefer.ingest import read_inputs
from briefer.translate import english_side
from briefer.types import Analysis, Article, ArticleBrief, Briefing, Skipped
from briefer.verify import verify_bullets

#: called after each article with (done, total or None, origin)
Progress = Callable[[int, "int | None", str], None]


@dataclass(frozen=True)
class RunResult:
    briefing: Briefing
    briefs: tuple[ArticleBrief, ...]
    skipped: tuple[Skipped, ...]

    @property
    def exit_code(self) -> int:
        """0 all good, 1 briefing written but some inputs skipped."""
        return 1 if self.skipped else 0


def run_briefing(inputs: Sequence[str], config: BriefConfig, progress: Progress | None = None) -> RunResult:
    """Read every input, brief every article, compose the day's briefing."""
    engine = get_engine(config)
    articles, skipped = _split_errors(read_inputs(inputs, config))
    briefs: list[ArticleBrief] = []
    for done, article in enumerate(articles, start=1):
        try:
            briefs.append(brief_article(article, config, engine))
        except BrieferError as exc:
            skipped.append(Skipped(article.origin or article.id, _reason(exc)))
        if progress:
            progress(done, None, article.origin)
    briefing = compose(briefs, config, skipped=skipped, signature=signature(engine, config))
    return RunResult(briefing, tuple(briefs), tuple(skipped))


def read_articles(inputs: Sequence[str], config: BriefConfig) -> tuple[list[Article], list[Skipped]]:
    """All articles of the inputs in memory, with the inputs that failed (for small commands)."""
    articles, skipped = _split_errors(read_inputs(inputs, config))
    return list(articles), skipped


def brief_inputs(inputs: Sequence[str], config: BriefConfig) -> tuple[list[ArticleBrief], list[Skipped]]:
    """Briefs without a briefing: for `briefer summarize` and evaluation."""
    engine = get_engine(config)
    articles, skipped = read_articles(inputs, config)
    briefs = []
    for article in articles:
        try:
            briefs.append(brief_article(article, config, engine))
        except BrieferError as exc:
            skipped.append(Skipped(article.origin or article.id, _reason(exc)))
    return briefs, skipped


def brief_article(article: Article, config: BriefConfig, engine: Engine) -> ArticleBrief:
    """Analyse, summarise, verify and translate one article."""
    analysis = analyze(article)
    _check_language(analysis, config)
    return brief_analysis(analysis, config, engine)


def brief_analysis(analysis: Analysis, config: BriefConfig, engine: Engine) -> ArticleBrief:
    (bullets,) = engine.summarize([analysis])
    bullets_ar, verdicts_ar = verify_bullets(analysis, bullets, config.verify_policy)
    headline_en, bullets_en, mode = english_side(analysis, bullets_ar)
    bullets_en, verdicts_en = verify_bullets(analysis, bullets_en, config.verify_policy)
    return ArticleBrief(
        analysis=analysis,
        headline_ar=engine.headline(analysis),
        bullets_ar=bullets_ar,
        headline_en=headline_en,
        bullets_en=bullets_en,
        english=mode,
        verdicts=verdicts_ar + verdicts_en,
        engine=engine.signature(),
    )


def signature(engine: Engine, config: BriefConfig) -> str:
    return f"{engine.signature()}|translator:{config.translator}|verify:{config.verify_policy}"


def _check_language(analysis: Analysis, config: BriefConfig) -> None:
    if analysis.language != "ar" and config.non_arabic == "skip":
        raise ArticleError(
            analysis.article.origin or analysis.article.id,
            f"article is not in Arabic (looks like '{analysis.language}'); "
            "set non_arabic = \"summarize\" to brief it anyway",
        )


def _split_errors(items: Iterable[Article | BrieferError]) -> tuple[Iterator[Article], list[Skipped]]:
    """Stream articles while collecting input errors as they pass."""
    skipped: list[Skipped] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, BrieferError):
                skipped.append(Skipped(getattr(item, "origin", "?"), _reason(item)))
            else:
                yield item

    return articles(), skipped


def _reason(exc: BrieferError) -> str:
    return getattr(exc, "problem", None) or str(exc)
