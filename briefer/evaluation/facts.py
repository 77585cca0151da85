"""Figures, quotes and speakers measured against the gold annotations.

The gold files (``quotes.jsonl``, ``figures.jsonl``) hold article ids and annotations, never the
article texts: those are read from the evaluation data folder. A gold item's span is the next
not-yet-used occurrence of its text in the article's raw ``text``; each article is analysed
through :func:`briefer.analyze.analyze` exactly as the pipeline does, so spans are comparable.

- figures: a prediction matches a gold figure when their spans overlap (one-to-one, in order);
- quotes: a prediction matches only with the exact span;
- speakers: on matched gold quotes that have a speaker, the normalised predicted speaker must
  contain the normalised ``speaker_key``; an unattributed gold quote given a speaker is a guess.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefer.arabic.normalize import normalize
from briefer.errors import UsageError
from briefer.types import Analysis, Article

GOLD_DIR = Path(__file__).parent / "gold"


@dataclass
class Score:
    matched: int = 0  # predictions that matched a gold item
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def add(self, other: Score) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold


@dataclass
class FactsReport:
    articles: int = 0
    figures: Score = field(default_factory=Score)
    quotes: Score = field(default_factory=Score)
    speakers_correct: int = 0  # matched, attributed gold quotes whose speaker is right
    speakers_matched: int = 0  # matched, attributed gold quotes
    speakers_gold: int = 0  # all attributed gold quotes
    guessed: int = 0  # unattributed gold quotes that were given a speaker
    kinds_correct: int = 0  # matched quotes whose full/phrase kind agrees
    has_figure_gold: bool = False
    misses: list[str] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        """On attributed gold quotes whose span was found."""
        return self.speakers_correct / self.speakers_matched if self.speakers_matched else 0.0

    @property
    def speaker_accuracy_all(self) -> float:
        """On every attributed gold quote (a quote not found counts as wrong)."""
        return self.speakers_correct / self.speakers_gold if self.speakers_gold else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "figures": {**asdict(self.figures), "precision": self.figures.precision, "recall": self.figures.recall}
            if self.has_figure_gold else None,
            "quotes": {**asdict(self.quotes), "precision": self.quotes.precision, "recall": self.quotes.recall},
            "speakers": {"correct": self.speakers_correct, "matched": self.speakers_matched,
                         "gold": self.speakers_gold, "accuracy": self.speaker_accuracy,
                         "accuracy_all": self.speaker_accuracy_all, "guessed": self.guessed},
            "kind_agreement": self.kinds_correct / self.quotes.matched if self.quotes.matched else 0.0,
            "misses": self.misses,
        }

    def render(self) -> str:
        lines = [f"facts on {self.articles} gold articles"]
        if self.has_figure_gold:
            f = self.figures
            lines.append(f"figures   P {f.precision:.3f}  R {f.recall:.3f}  ({f.matched} matched, {f.predicted} "
                         f"predicted, {f.gold} gold; span overlap)")
        else:
            lines.append("figures   no figures.jsonl in the gold folder: not measured")
        q = self.quotes
        lines.append(f"quotes    P {q.precision:.3f}  R {q.recall:.3f}  ({q.matched} matched, {q.predicted} "
                     f"predicted, {q.gold} gold; exact spans)")
        lines.append(f"speakers  accuracy {self.speaker_accuracy:.3f} on {self.speakers_matched} found attributed "
                     f"quotes ({self.speaker_accuracy_all:.3f} on all {self.speakers_gold}); "
                     f"{self.guessed} unattributed quote(s) given a speaker")
        if q.matched:
            lines.append(f"kinds     full/phrase agreement {self.kinds_correct / q.matched:.3f}")
        if self.misses:
            lines.append(f"misses ({len(self.misses)}):")
            lines.extend(f"  {miss}" for miss in self.misses)
        return "\n".join(lines)


# ------------------------------------------------------------------------------------ reading


def read_gold(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict) or "dataset" not in row or "id" not in row:
            raise UsageError(f"{path}:{number}: a gold line needs 'dataset' and 'id'")
        rows.append(row)
    return rows


def read_articles(data_dir: Path, wanted: Iterable[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """The records the gold names, by (dataset file, id), read from the data folder."""
    records: dict[tuple[str, str], dict] = {}
    for dataset in sorted({d for d, _ in wanted}):
        path = data_dir / dataset
        if not path.is_file():
            raise UsageError(f"{path}: evaluation data not found (pass --data with the folder holding {dataset})")
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                records[(dataset, str(record.get("id")))] = record
    missing = [f"{d}#{i}" for d, i in wanted if (d, i) not in records]
    if missing:
        raise UsageError(f"{data_dir}: gold article(s) not in the data: {', '.join(missing[:3])}")
    return records


def gold_spans(text: str, items: list[dict[str, Any]]) -> list[tuple[int, int] | None]:
    """Each item's span: the next unused occurrence of its text (None when it is not there)."""
    used: dict[str, int] = {}
    spans: list[tuple[int, int] | None] = []
    for item in items:
        needle = item["text"]
        start = text.find(needle, used.get(needle, 0))
        if start < 0:
            spans.append(None)
            continue
        used[needle] = start + 1
        spans.append((start, start + len(needle)))
    return spans


# --------------------------------------------------------------------------------- evaluating


def evaluate_facts(data_dir: Path, gold_dir: Path = GOLD_DIR) -> FactsReport:
    from briefer.analyze import analyze

    quotes_gold = {(r["dataset"], str(r["id"])): r.get("quotes", []) for r in read_gold(gold_dir / "quotes.jsonl")}
    figures_gold = {(r["dataset"], str(r["id"])): r.get("figures", []) for r in read_gold(gold_dir / "figures.jsonl")}
    if not quotes_gold and not figures_gold:
        raise UsageError(f"{gold_dir}: no quotes.jsonl or figures.jsonl with gold annotations")
    keys = list(dict.fromkeys([*quotes_gold, *figures_gold]))
    records = read_articles(data_dir, keys)
    report = FactsReport(articles=len(keys), has_figure_gold=bool(figures_gold))
    for key in keys:
        record = records[key]
        analysis = analyze(Article(id=str(record["id"]), text=record["text"], title=record.get("title", "")))
        where = f"{key[0]}#{key[1]}"
        if key in figures_gold:
            _score_figures(analysis, figures_gold[key], report, where)
        if key in quotes_gold:
            _score_quotes(analysis, quotes_gold[key], report, where)
    return report


def _score_figures(analysis: Analysis, gold: list[dict], report: FactsReport, where: str) -> None:
    text = analysis.article.text
    spans = gold_spans(text, gold)
    predicted = list(analysis.figures)
    used = [False] * len(predicted)
    score = Score(predicted=len(predicted), gold=len(gold))
    for item, span in zip(gold, spans):
        hit = None
        if span is not None:
            hit = next((k for k, f in enumerate(predicted) if not used[k] and f.start < span[1] and span[0] < f.end),
                       None)
        if hit is None:
            report.misses.append(f"figure missed   {where}: {item['text']}")
            continue
        used[hit] = True
        score.matched += 1
    for k, figure in enumerate(predicted):
        if not used[k]:
            report.misses.append(f"figure extra    {where}: {figure.text}")
    report.figures.add(score)


def _score_quotes(analysis: Analysis, gold: list[dict], report: FactsReport, where: str) -> None:
    text = analysis.article.text
    by_span = {(q.start, q.end): q for q in analysis.quotes}
    found = set()
    score = Score(predicted=len(analysis.quotes), gold=len(gold))
    for item, span in zip(gold, gold_spans(text, gold)):
        key = normalize(item.get("speaker_key", "")).strip()
        if key:
            report.speakers_gold += 1
        quote = by_span.get(span) if span else None
        if quote is None:
            report.misses.append(f"quote missed    {where}: «{_short(item['text'])}»")
            continue
        found.add(span)
        score.matched += 1
        report.kinds_correct += quote.kind == item.get("kind", quote.kind)
        if not key:
            if quote.speaker:
                report.guessed += 1
                report.misses.append(f"speaker guessed {where}: «{_short(item['text'])}» given '{quote.speaker}'")
            continue
        report.speakers_matched += 1
        if key in normalize(quote.speaker):
            report.speakers_correct += 1
        else:
            report.misses.append(f"speaker wrong   {where}: «{_short(item['text'])}» "
                                 f"want '{item['speaker_key']}', got '{quote.speaker or '(none)'}'")
    for quote in analysis.quotes:
        if (quote.start, quote.end) not in found:
            report.misses.append(f"quote extra     {where}: «{_short(quote.text)}»")
    report.quotes.add(score)


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
