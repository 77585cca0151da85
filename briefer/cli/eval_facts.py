"""`briefer eval facts --data ../shared/eval`: figures, quotes and speakers against the gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from briefer.cli.common import fail_on_errors


def command(
    ctx: typer.Context,
    data: Annotated[Path, typer.Option("--data", exists=True, file_okay=False,
                                       help="Folder holding the gold articles' JSONL files.")],
    gold: Annotated[Path | None, typer.Option("--gold", exists=True, file_okay=False,
                                                 help="Gold folder (default: the one shipped with briefer).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Precision and recall of figures and quotes, speaker accuracy, and every miss."""
    from briefer.evaluation.facts import GOLD_DIR, evaluate_facts

    with fail_on_errors(ctx):
        report = evaluate_facts(data, gold or GOLD_DIR)
        if as_json:
            typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        else:
            typer.echo(report.render())
