"""`briefer eval faithfulness`: what the engines get wrong, and what reaches the briefing.

    DATA.jsonl -> ingest (the real readers) -> for each engine: pipeline.brief_article
      BEFORE the guard: the guard's own findings on the raw engine output (the Verdict problems
                        that verify_bullets recorded for every raw bullet, Arabic and English)
      AFTER the guard:  an independent re-check (verify.audit) of the bullets that were kept,
                        which must find nothing
      plus bullets kept / repaired / replaced / dropped per language

An engine that cannot run here (no model, no server) is reported as unavailable, not as a failure.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from briefer.arabic.segment import split_sentences
from briefer.config import BriefConfig
from briefer.errors import BrieferError
from briefer.facts.english import find_english_figures
from briefer.facts.figures import find_figures
from briefer.ingest import read_inputs
from briefer.pipeline import BriefMaker, brief_article
from briefer.types import Article, ArticleBrief
from briefer.verify import ACTIONS, PROBLEM_KINDS, audit, problem_kind, quoted_spans

#: how the report names each problem kind
KIND_LABELS = {
    "figure": "figures not in the source",
    "quote": "quoted spans not verbatim",
    "speaker": "wrong speakers",
    "name": "names not in the article",
    "support": "bullets mostly not in the article's words",
}
_EXAMPLES = 10  # problem lines kept per engine, to show what the guard caught


@dataclass
class EngineTally:
    """Counts for one engine over the data."""

    engine: str
    signature: str = ""
    unavailable: str = ""  # why the engine could not run here
    articles: int = 0
    skipped: int = 0
    seconds: float = 0.0
    bullets: Counter = field(default_factory=Counter)  # raw bullets per language
    before: Counter = field(default_factory=Counter)  # problem kind -> count, raw output
    after: Counter = field(default_factory=Counter)  # problem kind -> count, what was kept
    actions: dict[str, Counter] = field(default_factory=dict)  # lang -> action -> count
    checked: Counter = field(default_factory=Counter)  # figures / quotes in the kept bullets
    examples: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """True when nothing unverifiable reached the output."""
        return not sum(self.after.values())

    def add(self, brief: ArticleBrief) -> None:
        self.articles += 1
        for verdict in brief.verdicts:
            self.bullets[verdict.lang] += 1
            self.actions.setdefault(verdict.lang, Counter())[verdict.action] += 1
            for problem in verdict.problems:
                self.before[problem_kind(problem)] += 1
                if len(self.examples) < _EXAMPLES:
                    self.examples.append(f"{brief.article.origin or brief.article.id} [{verdict.lang} #{verdict.position}"
                                         f" {verdict.action}] {problem}")
        kept = (*brief.bullets_ar, *brief.bullets_en)
        for problems in audit(brief.analysis, kept):
            self.after.update(p.kind for p in problems)
        for bullet in kept:
            figures = find_english_figures(bullet.text) if bullet.lang == "en" else find_figures(bullet.text, split_sentences(bullet.text))
            self.checked["figures"] += len(figures)
            self.checked["quotes"] += len(quoted_spans(bullet.text))


@dataclass(frozen=True)
class FaithfulnessReport:
    data: tuple[str, ...]
    articles: int  # articles read
    unreadable: int  # input lines that were not articles
    engines: tuple[EngineTally, ...]

    @property
    def clean(self) -> bool:
        return all(t.clean for t in self.engines if not t.unavailable)


def read_articles(paths: Sequence[Path], config: BriefConfig, limit: int | None) -> tuple[list[Article], int]:
    """The articles of each data file (the first ``limit`` of each), and how many lines failed."""
    articles: list[Article] = []
    unreadable = 0
    for path in paths:
        items = read_inputs([str(path)], config)
        for item in islice(items, limit) if limit else items:
            if isinstance(item, BrieferError):
                unreadable += 1
            else:
                articles.append(item)
    return articles, unreadable


def evaluate(paths: Sequence[Path], config: BriefConfig, backends: Iterable[str], limit: int | None = None) -> FaithfulnessReport:
    articles, unreadable = read_articles(paths, config, limit)
    tallies = tuple(run_engine(articles, config.replace(backend=name, no_cache=True)) for name in backends)
    return FaithfulnessReport(tuple(str(p) for p in paths), len(articles), unreadable, tallies)


def run_engine(articles: Sequence[Article], config: BriefConfig) -> EngineTally:
    """Every article through the real pipeline with one engine; the guard's work counted."""
    tally = EngineTally(config.backend)
    try:
        maker = BriefMaker(config)
    except BrieferError as exc:
        tally.unavailable = str(exc)
        return tally
    tally.signature = maker.signature
    started = time.perf_counter()
    for article in articles:
        try:
            tally.add(brief_article(article, config, maker))
        except BrieferError as exc:
            tally.skipped += 1
            if tally.articles == 0 and tally.skipped >= 3:  # the engine fails on everything
                tally.unavailable = str(exc)
                break
    tally.seconds = time.perf_counter() - started
    return tally


def report_json(report: FaithfulnessReport) -> dict:
    return {
        "data": list(report.data),
        "articles": report.articles,
        "unreadable": report.unreadable,
        "clean": report.clean,
        "engines": [_tally_json(t) for t in report.engines],
    }


def _tally_json(tally: EngineTally) -> dict:
    if tally.unavailable:
        return {"engine": tally.engine, "unavailable": tally.unavailable}
    return {
        "engine": tally.engine,
        "signature": tally.signature,
        "articles": tally.articles,
        "skipped": tally.skipped,
        "seconds": round(tally.seconds, 2),
        "bullets": dict(tally.bullets),
        "before": {kind: tally.before.get(kind, 0) for kind in PROBLEM_KINDS},
        "after": {kind: tally.after.get(kind, 0) for kind in PROBLEM_KINDS},
        "actions": {lang: {a: counts.get(a, 0) for a in ACTIONS} for lang, counts in sorted(tally.actions.items())},
        "checked_after": dict(tally.checked),
        "clean": tally.clean,
        "examples": tally.examples,
    }


def report_text(report: FaithfulnessReport) -> str:
    """The report as a desk reads it: one block per engine, BEFORE and AFTER side by side."""
    lines = [f"{', '.join(report.data)}: {report.articles} articles" + (
        f" ({report.unreadable} unreadable lines)" if report.unreadable else "")]
    for tally in report.engines:
        lines.append("")
        if tally.unavailable:
            lines.append(f"{tally.engine}: unavailable here ({tally.unavailable})")
            continue
        bullets = ", ".join(f"{n} {lang}" for lang, n in sorted(tally.bullets.items())) or "0"
        lines.append(f"{tally.engine}: {tally.articles} articles, {tally.skipped} skipped, bullets {bullets},"
                     f" {tally.seconds:.1f} s")
        lines.append(f"  {'':<28} {'before':>8} {'after':>8}")
        for kind in PROBLEM_KINDS:
            lines.append(f"  {KIND_LABELS[kind]:<28} {tally.before.get(kind, 0):>8} {tally.after.get(kind, 0):>8}")
        for lang, counts in sorted(tally.actions.items()):
            lines.append(f"  {lang}: " + ", ".join(f"{counts.get(a, 0)} {a}" for a in ACTIONS))
        lines.append(f"  checked in the output: {tally.checked['figures']} figures, {tally.checked['quotes']} quoted spans")
        lines.append(f"  {'PASS' if tally.clean else 'FAIL'}: {sum(tally.after.values())} unverifiable items reached the output")
        lines += [f"  e.g. {example}" for example in tally.examples[:5]]
        lines.append(f"  signature: {tally.signature}")
    return "\n".join(lines)
