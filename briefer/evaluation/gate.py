"""`briefer eval gate`: the evaluation's key figures against floors pinned in a file.

One command for "did this change make briefer worse on real news": it runs the facts gold set,
the faithfulness guard (extractive engine) and the engine's ROUGE against the Lead baseline of
the same budget, then compares each figure with ``floors.toml`` (shipped beside this module, or
a file given). Scores only: the sumy systems and the timing passes of `eval summaries` are left
out, as speed is the benchmarks' to measure. The data is the evaluation folder
(``../shared/eval``), which tests do not have: the gate is a command to run before a change
lands, not a test.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefer.config import BriefConfig
from briefer.errors import ConfigError, InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FLOORS = Path(__file__).with_name("floors.toml")
FAITHFULNESS_FILES = ("news_quotes.jsonl", "bbc_standfirst.jsonl")
#: ROUGE data -> the Lead baseline of its budget that the engine must beat
SUMMARY_FILES = {"bbc_standfirst.jsonl": "Lead-1", "easc.jsonl": "Lead-k"}


@dataclass(frozen=True)
class Floor:
    metric: str
    limit: float
    at_least: bool  # False: the value may be at most ``limit``


@dataclass(frozen=True)
class Check:
    floor: Floor
    value: float | None  # None: the metric was not measured (a floor naming an unknown metric)

    @property
    def passed(self) -> bool:
        if self.value is None:
            return False
        return self.value >= self.floor.limit if self.floor.at_least else self.value <= self.floor.limit


def read_floors(path: Path = FLOORS) -> list[Floor]:
    """The floors of a file: numbers under [at_least] and [at_most]; a one-line ConfigError if not."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the floors ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    unknown = set(data) - {"at_least", "at_most"}
    if unknown:
        raise ConfigError(f"{path}: unknown table [{sorted(unknown)[0]}] (use [at_least] and [at_most])")
    floors = []
    for table, at_least in (("at_least", True), ("at_most", False)):
        for metric, limit in data.get(table, {}).items():
            if isinstance(limit, bool) or not isinstance(limit, int | float):
                raise ConfigError(f"{path}: [{table}] {metric} must be a number, got {limit!r}")
            floors.append(Floor(metric, float(limit), at_least))
    if not floors:
        raise ConfigError(f"{path}: no floors in [at_least] or [at_most]")
    return floors


def check(floors: Sequence[Floor], measured: Mapping[str, float]) -> list[Check]:
    return [Check(floor, measured.get(floor.metric)) for floor in floors]


def render(checks: Sequence[Check]) -> str:
    width = max(len(c.floor.metric) for c in checks)
    lines = [f"{'metric'.ljust(width)}  {'value':>8}  floor"]
    for c in checks:
        value = "missing" if c.value is None else f"{c.value:.3f}".rstrip("0").rstrip(".")
        bound = f"{'>=' if c.floor.at_least else '<='} {c.floor.limit:g}"
        lines.append(f"{c.floor.metric.ljust(width)}  {value:>8}  {bound:<9} {'ok' if c.passed else 'FAIL'}")
    failed = sum(not c.passed for c in checks)
    lines.append("PASS: every figure is at its floor" if not failed else f"FAIL: {failed} figure(s) below their floor")
    return "\n".join(lines)


def measure(data_dir: Path, config: BriefConfig) -> dict[str, float]:
    """Every metric the floors may name, measured on the evaluation folder."""
    _require(data_dir, (*FAITHFULNESS_FILES, *SUMMARY_FILES))
    return {**_facts(data_dir), **_faithfulness(data_dir, config), **_summaries(data_dir, config)}


def _require(data_dir: Path, names: Sequence[str]) -> None:
    for name in dict.fromkeys(names):
        if not (data_dir / name).is_file():
            raise InputError(str(data_dir / name), "missing: the gate reads the evaluation folder (../shared/eval)")


def _facts(data_dir: Path) -> dict[str, float]:
    from briefer.evaluation.facts import GOLD_DIR, evaluate_facts

    report = evaluate_facts(data_dir, GOLD_DIR)
    return {
        "facts_figures_precision": report.figures.precision, "facts_figures_recall": report.figures.recall,
        "facts_quotes_precision": report.quotes.precision, "facts_quotes_recall": report.quotes.recall,
        "facts_speaker_accuracy": report.speaker_accuracy,
    }


def _faithfulness(data_dir: Path, config: BriefConfig) -> dict[str, float]:
    from briefer.evaluation.faithfulness import evaluate

    report = evaluate([data_dir / name for name in FAITHFULNESS_FILES], config, ["extractive"])
    (tally,) = report.engines
    return {
        "faithfulness_unverifiable_in_output": float(sum(tally.after.values())),
        "faithfulness_arabic_dropped": float(tally.actions.get("ar", {}).get("dropped", 0)),
        "faithfulness_english_dropped": float(tally.actions.get("en", {}).get("dropped", 0)),
    }


def _summaries(data_dir: Path, config: BriefConfig) -> dict[str, float]:
    from briefer.evaluation.summaries import ENGINE_NAME, budget_for, evaluate, read_records

    measured = {}
    for name, lead in SUMMARY_FILES.items():
        path = data_dir / name
        report = evaluate(read_records(path), budget_for(path), config, str(path), repeat=1, only=(ENGINE_NAME, lead))
        engine, baseline = (100 * report.result(n).scores.rouge1 for n in (ENGINE_NAME, lead))
        key = f"summaries_{path.stem}_rouge1"
        measured[key], measured[f"{key}_over_lead"] = engine, engine - baseline
    return measured
