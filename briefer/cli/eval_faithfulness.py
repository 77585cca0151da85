"""`briefer eval faithfulness DATA.jsonl`: figures, quotes, speakers and names the engines get
wrong before the guard, and what reaches the output after it (must be nothing)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from briefer.cli.common import config_from, fail_on_errors


def command(
    ctx: typer.Context,
    data: Annotated[
        list[Path], typer.Argument(exists=True, dir_okay=False, help="JSONL files of articles (text, title, source).")
    ],
    backend: Annotated[
        list[str] | None,
        typer.Option("--backend", "-b", help="Engine to run; repeat for several (default: every registered engine)."),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N articles of each file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Run the engines over DATA and count what the faithfulness guard caught and let through.

    Exit code 0 when nothing unverifiable reached the output of any engine that ran, 1 otherwise.
    """
    from briefer.backends.registry import available
    from briefer.evaluation.faithfulness import evaluate, report_json, report_text

    # Model engines look for local models only: an offline hub lookup otherwise retries for ~47 s.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with fail_on_errors(ctx):
        config = config_from(ctx)
        report = evaluate(data, config, backend or available(), limit)
        if as_json:
            typer.echo(json.dumps(report_json(report), ensure_ascii=False, indent=2))
        else:
            typer.echo(report_text(report))
        raise typer.Exit(0 if report.clean else 1)
