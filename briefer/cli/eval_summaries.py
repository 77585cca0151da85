"""`briefer eval summaries DATA.jsonl`: the extractive engine beside Lead and sumy, by ROUGE."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from briefer.cli.common import config_from, fail_on_errors


class Budget(str, Enum):
    one = "1"
    third = "third"


def command(
    ctx: typer.Context,
    data: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="JSONL with text and reference(s).")],
    budget: Annotated[
        Budget | None,
        typer.Option("--budget", help="1 sentence or a third of the sentences (default: from the file name)."),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N articles.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Timed passes per system; the fastest counts.")] = 3,
) -> None:
    """ROUGE-1/2/L F1 and ms per article of briefer's engine, Lead-1/3/k, LexRank, TextRank, Luhn."""
    from briefer.evaluation.summaries import budget_for, evaluate, read_records, report_json

    with fail_on_errors(ctx):
        config = config_from(ctx)
        chosen = budget_for(data, budget.value if budget else None)
        records = read_records(data, limit)
        if not records:
            typer.echo(f"briefer: error: {data}: no article with text and reference", err=True)
            raise typer.Exit(2)
        report = evaluate(records, chosen, config, data=str(data), repeat=repeat)
        summary = report_json(report)
        if as_json:
            typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        else:
            typer.echo(_table(summary))


def _table(summary: dict) -> str:
    budget = "1 sentence" if summary["budget"] == "1" else "a third of the sentences"
    lines = [
        f"{summary['data']}: {summary['articles']} articles, budget {budget}",
        f"{'system':<30} {'R1':>6} {'R2':>6} {'RL':>6} {'ms/article':>11} {'first pass':>11}",
    ]
    for row in summary["systems"]:
        lines.append(f"{row['system']:<30} {row['rouge1']:>6.2f} {row['rouge2']:>6.2f} {row['rougeL']:>6.2f}"
                     f" {row['ms_per_article']:>11.3f} {row['first_pass_ms']:>11.3f}")
    lines.append(f"shared preparation, not in the times above: analysis {summary['analysis_ms_per_article']:.3f}"
                 f" ms/article, sentence terms {summary['terms_ms_per_article']:.3f} ms/article")
    lines.append("ms/article: the fastest of the timed passes (--repeat); first pass: the first of them")
    lines.append(f"engine is {summary['speedup_vs_lexrank']:.1f}x faster per article than LexRank on the same terms"
                 f" ({summary['speedup_vs_lexrank_first_pass']:.1f}x on the first pass),"
                 f" {summary['speedup_vs_lexrank_as_shipped']:.1f}x faster than sumy's LexRank as shipped,"
                 " both from the text (analysis and terms included)")
    lines.append(f"signature: {summary['signature']}")
    return "\n".join(lines)
