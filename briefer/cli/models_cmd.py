"""`briefer models list|pull|check`. (Placeholder until the model-engines issue lands.)"""

from __future__ import annotations

import typer

app = typer.Typer(help="Models: what is configured, present, fetchable.", no_args_is_help=True)


@app.command(name="list")
def list_models() -> None:
    """List the configured engines and models."""
    from briefer.backends.registry import available

    for name in available():
        typer.echo(name)
