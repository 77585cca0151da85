"""`briefer render`: turn a briefing DOCX into PDF/PNG pages. (Placeholder.)"""

from __future__ import annotations

import typer


def render() -> None:
    """Not implemented yet."""
    typer.echo("briefer: error: 'render' is not implemented yet", err=True)
    raise typer.Exit(2)
