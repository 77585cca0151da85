"""`briefer models list|pull|check`: what is configured and present, fetching, and a real run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from briefer.cli.common import config_from, console_err, fail_on_errors

app = typer.Typer(help="Models: what is configured, present locally, fetchable, working.", no_args_is_help=True)

BackendOpt = Annotated[str | None, typer.Option("--backend", "-b", help="extractive | seq2seq | instruct | openai | auto")]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="Model id, local folder, or server model name.")]
BaseUrlOpt = Annotated[str | None, typer.Option("--base-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1")]


@app.command(name="list")
def list_models(
    ctx: typer.Context,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    cached: Annotated[bool, typer.Option("--cached/--no-cached", help="Also list every model in the HF cache.")] = True,
) -> None:
    """Engines and their settings, the configured models (present or missing), the local cache."""
    from briefer.backends.registry import OPTIONS, available
    from briefer.models import cached_models, configured

    with fail_on_errors(ctx):
        config = config_from(ctx, backend=backend, model=model, base_url=base_url)
        typer.echo(f"backend: {config.backend}")
        for name in available():
            marker = "*" if name == config.backend else " "
            settings = ", ".join(f"{key}={getattr(config, key)!r}" for key in OPTIONS.get(name, ()))
            typer.echo(f" {marker} {name:<10} {settings}")
        typer.echo("configured models:")
        entries = configured(config)
        if not entries:
            typer.echo("  (none: the extractive engine needs no model)")
        for entry in entries:
            state = "present" if entry.present else "MISSING"
            kind = f" [{entry.kind}]" if entry.kind else ""
            where = f" {entry.location}" if entry.location else ""
            typer.echo(f"  {entry.role:<10} {entry.name} ({entry.used_by}): {state}{kind}{where}")
        if cached:
            found = cached_models()
            typer.echo("in the Hugging Face cache:" if found else "in the Hugging Face cache: (none)")
            for entry in found:
                typer.echo(f"  {entry.name} [{entry.kind or '?'}] {entry.location}")


@app.command()
def pull(
    ctx: typer.Context,
    names: Annotated[list[str] | None, typer.Argument(help="Hub ids (default: the configured models).")] = None,
) -> None:
    """Download models into the local Hugging Face cache (on a machine with a network)."""
    from briefer.errors import UsageError
    from briefer.models import configured
    from briefer.models import pull as pull_model

    with fail_on_errors(ctx):
        config = config_from(ctx)
        wanted = list(names or [e.name for e in configured(config) if e.role != "server"])
        if not wanted:
            raise UsageError("no model to pull: name one (briefer models pull ORG/NAME) or set model in briefer.toml")
        for name in wanted:
            typer.echo(f"{name}: {pull_model(name)}")


@app.command()
def check(
    ctx: typer.Context,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    article: Annotated[
        Path | None, typer.Option("--article", exists=True, dir_okay=False, help="Article to run (default: a shipped sample).")
    ] = None,
) -> None:
    """Load the configured engine and brief one article; a missing model fails at once, in one line."""
    # Never let the hub client go online from here: without a network it retries for ~47 s.
    os.environ["HF_HUB_OFFLINE"] = "1"
    from briefer.models import check as check_model

    with fail_on_errors(ctx):
        config = config_from(ctx, backend=backend, model=model, base_url=base_url, no_cache=True)
        result = check_model(config, article)
        if result.failures:
            # the engine fell back to extractive bullets: the model loads but does not do the job
            console_err().print(f"briefer: error: {result.failures[0]}", highlight=False, markup=False)
            raise typer.Exit(1)
        if result.notice and not config.quiet:
            console_err().print(result.notice, highlight=False, markup=False)
        actions = ", ".join(f"{result.verdicts.count(a)} {a}" for a in dict.fromkeys(result.verdicts)) or "no bullets"
        typer.echo(
            f"ok {result.backend} model {result.model}: loaded in {result.load_seconds:.2f} s, "
            f"one article in {result.run_seconds:.2f} s, peak memory {result.peak_rss_mib:.0f} MiB; "
            f"guard: {actions}"
        )
        for text in result.bullets_ar:
            typer.echo(f"  • {text}")
        typer.echo(f"  signature: {result.signature}")
