"""`briefer eval gate --data ../shared/eval`: the evaluation's key figures against pinned floors."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from briefer.cli.common import config_from, fail_on_errors


def command(
    ctx: typer.Context,
    data: Annotated[Path, typer.Option("--data", exists=True, file_okay=False,
                                       help="The evaluation folder (news_quotes, bbc_standfirst, easc JSONL files).")],
    floors: Annotated[Path | None, typer.Option("--floors", exists=True, dir_okay=False,
                                                   help="Floors file (default: the one shipped with briefer).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Facts, faithfulness and ROUGE against the floors pinned in a file: run before a change lands.

    Exit code 0 when every figure is at its floor, 1 otherwise.
    """
    from briefer.evaluation.gate import FLOORS, check, measure, read_floors, render

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with fail_on_errors(ctx):
        pinned = read_floors(floors or FLOORS)  # a broken floors file fails before the minutes of measuring
        checks = check(pinned, measure(data, config_from(ctx, no_cache=True)))
        if as_json:
            typer.echo(json.dumps([{"metric": c.floor.metric, "value": c.value, "limit": c.floor.limit,
                                    "at_least": c.floor.at_least, "passed": c.passed} for c in checks], indent=2))
        else:
            typer.echo(render(checks))
        raise typer.Exit(0 if all(c.passed for c in checks) else 1)
