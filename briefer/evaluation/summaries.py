"""`briefer eval summaries`: the extractive engine against Lead and sumy baselines, by ROUGE.

    DATA.jsonl (text, title, reference: a string or a list) -> Article -> analyze (once, shared)
      -> every system summarises every article with the same sentence budget
      -> Arabic-aware ROUGE-1/2/L F1 against the best reference, and ms per article

Budgets: "1" (one sentence; for the engine, its first bullet as written) or "third" (a third of
the article's sentences, at least one; for the engine, its top-ranked sentences in article order).
"""

from __future__ import annotations

import json
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefer.analyze import analyze
from briefer.backends.extractive import ExtractiveEngine
from briefer.backends.scoring import article_terms
from briefer.config import BriefConfig
from briefer.errors import InputError, UsageError
from briefer.evaluation.baselines import (
    AS_SHIPPED,
    SUMY_SYSTEMS,
    Summary,
    lead,
    sumy_as_shipped,
    sumy_summary,
)
from briefer.evaluation.rouge import SIGNATURE, RougeScore, mean_scores, rouge
from briefer.ingest import article_id
from briefer.types import Analysis, Article

BUDGETS = ("1", "third")
ENGINE_NAME = "briefer extractive"


@dataclass(frozen=True)
class Record:
    article: Article
    references: tuple[str, ...]


@dataclass(frozen=True)
class SystemResult:
    name: str
    scores: RougeScore
    ms_per_article: float  # the fastest of the timed passes
    first_pass_ms: float = 0.0  # the first timed pass alone


@dataclass(frozen=True)
class Report:
    data: str
    budget: str
    articles: int
    analysis_ms_per_article: float
    terms_ms_per_article: float
    results: tuple[SystemResult, ...]
    signature: str = SIGNATURE

    def result(self, name: str) -> SystemResult:
        return next(r for r in self.results if r.name == name)


def read_records(path: Path, limit: int | None = None) -> list[Record]:
    """Articles with references from a JSONL file; lines without text or reference are skipped."""
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None
    for number, line in enumerate(lines, start=1):
        if limit is not None and len(records) >= limit:
            break
        if not line.strip():
            continue
        record = _record(line, f"{path}:{number}")
        if record is not None:
            records.append(record)
    return records


def _record(line: str, origin: str) -> Record | None:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"not valid JSON ({exc.msg})") from None
    if not isinstance(row, dict):
        raise InputError(origin, "expected a JSON object per line")
    text = str(row.get("text") or "").strip()
    reference = row.get("reference")
    references = tuple(str(r) for r in reference) if isinstance(reference, list) else (str(reference or ""),)
    references = tuple(r for r in references if r.strip())
    if not text or not references:
        return None
    article = Article(id=str(row.get("id") or article_id(text)), text=text, title=str(row.get("title") or ""),
                      source=str(row.get("source") or ""), origin=origin)
    return Record(article, references)


def budget_for(path: Path, override: str | None = None) -> str:
    """The budget given, else from the file name: one sentence for a standfirst set, else a third."""
    if override is not None:
        if override not in BUDGETS:
            raise UsageError(f"unknown budget '{override}' (available: {', '.join(BUDGETS)})")
        return override
    return "1" if "standfirst" in path.name.lower() else "third"


def sentence_count(analysis: Analysis, budget: str) -> int:
    if budget == "1":
        return 1
    return max(1, round(len(analysis.sentences) / 3))


def systems(config: BriefConfig, budget: str) -> list[tuple[str, Summary]]:
    """Every system under the same budget: the engine, Lead-1, Lead-3, Lead-k, then sumy's."""
    engine = ExtractiveEngine(config)

    def engine_summary(analysis: Analysis, terms: Sequence[Sequence[str]], count: int) -> str:
        if budget == "1":
            # the event bullet comes first whatever the count: write that one alone
            bullets = engine.bullets(analysis, terms, count=1)
            return bullets[0].text if bullets else ""
        return " ".join(analysis.sentences[i].text for i in engine.top_sentences(analysis, count, terms))

    chosen: list[tuple[str, Summary]] = [
        (ENGINE_NAME, engine_summary),
        ("Lead-1", lambda a, _terms, _count: lead(a, _terms, 1)),
        ("Lead-3", lambda a, _terms, _count: lead(a, _terms, 3)),
    ]
    if budget != "1":
        chosen.append(("Lead-k", lead))
    chosen += [(name, sumy_summary(name)) for name in SUMY_SYSTEMS]
    chosen += [(name + AS_SHIPPED, sumy_as_shipped(name)) for name in SUMY_SYSTEMS]
    return chosen


def evaluate(records: Sequence[Record], budget: str, config: BriefConfig | None = None,
             data: str = "", repeat: int = 3, only: Collection[str] = ()) -> Report:
    """Score every system on the same prepared articles; time each system's own work only.

    Shared preparation, timed apart: analysis (sentences, figures, quotes) and the sentence terms
    (normalised, light-stemmed tokens) that the engine and sumy's summarizers are both fed. Each
    system runs ``repeat`` timed passes over all the articles; its time is the fastest pass (the
    least disturbed by whatever else the machine runs), and the first pass is kept beside it.
    ``only``: the names of the systems to run (default: all of them).
    """
    started = time.perf_counter()
    analyses = [analyze(record.article) for record in records]
    analysis_ms = _per_article_ms(started, len(records))
    started = time.perf_counter()
    terms = [article_terms(analysis) for analysis in analyses]
    terms_ms = _per_article_ms(started, len(records))
    counts = [sentence_count(a, budget) for a in analyses]
    references = [record.references for record in records]
    results = tuple(
        _run_system(name, summary, analyses, terms, counts, references, repeat)
        for name, summary in systems(config or BriefConfig(), budget)
        if not only or name in only
    )
    return Report(data, budget, len(records), analysis_ms, terms_ms, results)


def _run_system(name: str, summary: Summary, analyses: list[Analysis], terms: list[list[list[str]]],
                counts: list[int], references: list[tuple[str, ...]], repeat: int = 3) -> SystemResult:
    if analyses:  # one untimed call first: data files, compiled patterns and imports load once
        summary(analyses[0], terms[0], counts[0])
    passes = []
    for _ in range(max(1, repeat)):  # every pass writes the same summaries: the systems are deterministic
        started = time.perf_counter()
        summaries = [summary(*inputs) for inputs in zip(analyses, terms, counts, strict=True)]
        passes.append(_per_article_ms(started, len(analyses)))
    scores = mean_scores(rouge(text, refs) for text, refs in zip(summaries, references, strict=True))
    return SystemResult(name, scores, min(passes), passes[0])


def _per_article_ms(started: float, count: int) -> float:
    return (time.perf_counter() - started) * 1000 / max(count, 1)


def report_json(report: Report) -> dict:
    return {
        "data": report.data, "budget": report.budget, "articles": report.articles,
        "analysis_ms_per_article": round(report.analysis_ms_per_article, 3),
        "terms_ms_per_article": round(report.terms_ms_per_article, 3), "signature": report.signature,
        "systems": [
            {"system": r.name, "rouge1": round(100 * r.scores.rouge1, 2), "rouge2": round(100 * r.scores.rouge2, 2),
             "rougeL": round(100 * r.scores.rougeL, 2), "ms_per_article": round(r.ms_per_article, 3),
             "first_pass_ms": round(r.first_pass_ms, 3)}
            for r in report.results
        ],
        "speedup_vs_lexrank": round(speedup(report), 1),
        "speedup_vs_lexrank_first_pass": round(speedup(report, first_pass=True), 1),
        "speedup_vs_lexrank_as_shipped": round(speedup_from_text(report), 1),
    }


def speedup(report: Report, baseline: str = "LexRank", first_pass: bool = False) -> float:
    """How many times faster per article the engine's ranking and writing is than a baseline fed
    the same sentences and terms: neither side's time includes reading the text. Fastest pass
    against fastest pass, or (``first_pass``) first against first."""
    def ms(name: str) -> float:
        result = report.result(name)
        return result.first_pass_ms if first_pass else result.ms_per_article

    engine_ms = ms(ENGINE_NAME)
    return ms(baseline) / engine_ms if engine_ms > 0 else float("inf")


def speedup_from_text(report: Report, baseline: str = "LexRank" + AS_SHIPPED) -> float:
    """The same from the article text on both sides: the engine with its analysis and terms,
    sumy with its own parser, tokenizer and stemmer."""
    engine_ms = report.analysis_ms_per_article + report.terms_ms_per_article + report.result(ENGINE_NAME).ms_per_article
    return report.result(baseline).ms_per_article / engine_ms if engine_ms > 0 else float("inf")

