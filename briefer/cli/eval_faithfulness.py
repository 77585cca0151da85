"""`briefer eval faithfulness`. (Placeholder until its issue lands.)"""

from __future__ import annotations

import typer


def command() -> None:
    """Not implemented yet."""
    typer.echo("briefer: error: 'eval faithfulness' is not implemented yet", err=True)
    raise typer.Exit(2)
