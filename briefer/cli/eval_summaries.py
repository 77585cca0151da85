"""`briefer eval summaries`. (Placeholder until its issue lands.)"""

from __future__ import annotations

import typer


def command() -> None:
    """Not implemented yet."""
    typer.echo("briefer: error: 'eval summaries' is not implemented yet", err=True)
    raise typer.Exit(2)
