"""Typer app: the commands a desk uses every morning. Thin: options -> BriefConfig -> library."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from briefer import __version__
from briefer.cli.common import (
    GlobalOptions,
    config_from,
    console_err,
    fail_on_errors,
    progress_reporter,
)

app = typer.Typer(
    name="briefer",
    help="Arabic news in, a faithful bilingual daily briefing out (DOCX, Markdown, JSON).",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)


class Format(str, Enum):
    docx = "docx"
    md = "md"
    json = "json"


class Layout(str, Enum):
    stacked = "stacked"
    side_by_side = "side-by-side"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefer {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", exists=True, dir_okay=False, help="Settings file (default: ./briefer.toml)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or notes.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    ctx.obj = GlobalOptions(config_path=config, quiet=quiet, debug=debug)


InputsArg = Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.", show_default=False)]
BackendOpt = Annotated[
    str | None, typer.Option("--backend", "-b", help="extractive | seq2seq | instruct | openai | auto")
]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="Model id or local folder.")]
BulletsOpt = Annotated[int | None, typer.Option("--bullets", "-n", min=1, max=10, help="Bullets per article.")]
BaseUrlOpt = Annotated[str | None, typer.Option("--base-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1")]
TranslatorOpt = Annotated[str | None, typer.Option("--translator", help="auto | none | marian | nllb | instruct | openai")]
TranslatorModelOpt = Annotated[str | None, typer.Option("--translator-model", help="Translation model id or local folder.")]
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes.")]
NoCacheOpt = Annotated[bool | None, typer.Option("--no-cache", help="Neither read nor write the cache.")]


@app.command()
def brief(
    ctx: typer.Context,
    inputs: InputsArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the briefing.", dir_okay=False)],
    format: Annotated[Format | None, typer.Option("--format", "-f", help="Default: from the output suffix.")] = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    bullets: BulletsOpt = None,
    base_url: BaseUrlOpt = None,
    translator: TranslatorOpt = None,
    translator_model: TranslatorModelOpt = None,
    layout: Annotated[Layout | None, typer.Option("--layout", help="Arabic and English stacked or side by side.")] = None,
    template: Annotated[Path | None, typer.Option("--template", exists=True, dir_okay=False, help="A .docx with the named styles.")] = None,
    provenance: Annotated[bool | None, typer.Option("--provenance", help="Show source sentences in the DOCX.")] = None,
    plain: Annotated[bool | None, typer.Option("--plain", help="Markdown without HTML.")] = None,
    max_stories: Annotated[int | None, typer.Option("--max-stories", min=1, help="Stories in full; the rest go to the annex.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Briefing date, YYYY-MM-DD.")] = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = None,
    non_arabic: Annotated[str | None, typer.Option("--non-arabic", help="skip | summarize articles not in Arabic.")] = None,
) -> None:
    """Brief every article in INPUTS into one document."""
    from briefer.pipeline import run_briefing
    from briefer.render import format_for, render_to_path

    with fail_on_errors(ctx):
        config = config_from(
            ctx, backend=backend, model=model, bullets=bullets, base_url=base_url, translator=translator,
            translator_model=translator_model, layout=layout.value if layout else None, template=str(template) if template else None,
            provenance=provenance, plain=plain, max_stories=max_stories, date=date, jobs=jobs, no_cache=no_cache,
            non_arabic=non_arabic,
        )
        fmt = format_for(output, format.value if format else None)
        with progress_reporter(config, "Briefing") as progress:
            result = run_briefing(inputs, config, progress=progress)
        if not result.briefs:
            _report_skipped(result.skipped)
            raise _nothing_to_write()
        render_to_path(result.briefing, output, fmt, config)
        _report_skipped(result.skipped)
        for notice in result.notices:
            console_err().print(f"note: {notice}", highlight=False, markup=False)
        if not config.quiet:
            console_err().print(
                f"wrote {output} ({len(result.briefing.stories)} stories from {len(result.briefs)} articles"
                + (f", {len(result.skipped)} skipped" if result.skipped else "")
                + (f", {result.cached} from the cache" if result.cached else "") + ")"
            )
        raise typer.Exit(result.exit_code)


@app.command()
def summarize(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="An article file, or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    bullets: BulletsOpt = None,
    base_url: BaseUrlOpt = None,
    translator: TranslatorOpt = None,
    translator_model: TranslatorModelOpt = None,
) -> None:
    """Print the bullets for each article in FILE."""
    from briefer.pipeline import brief_inputs

    with fail_on_errors(ctx):
        config = config_from(ctx, backend=backend, model=model, bullets=bullets, base_url=base_url,
                             translator=translator, translator_model=translator_model, no_cache=True)
        briefs, skipped = brief_inputs([file], config)
        for brief in briefs:
            if as_json:
                typer.echo(json.dumps(_brief_json(brief), ensure_ascii=False))
            else:
                _print_brief(brief)
        raise _batch_exit(len(briefs), skipped)


@app.command()
def facts(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="An article file, or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON with spans instead of a table.")] = False,
) -> None:
    """Print the figures, quotes and entities found in each article of FILE."""
    from briefer.analyze import analyze
    from briefer.cli.facts_view import facts_json, print_facts_table
    from briefer.pipeline import read_articles

    with fail_on_errors(ctx):
        config = config_from(ctx)
        articles, skipped = read_articles([file], config)
        for article in articles:
            analysis = analyze(article)
            if as_json:
                typer.echo(json.dumps(facts_json(analysis), ensure_ascii=False, indent=2))
            else:
                print_facts_table(analysis)
        raise _batch_exit(len(articles), skipped)


@app.command()
def ingest(ctx: typer.Context, inputs: InputsArg) -> None:
    """Print what was read from INPUTS as JSON lines (one article per line), for checking feeds."""
    from briefer.errors import BrieferError
    from briefer.ingest import read_inputs

    with fail_on_errors(ctx):
        config = config_from(ctx)
        problems = read = 0
        for item in read_inputs(inputs, config):
            if isinstance(item, BrieferError):
                problems += 1
                console_err().print(f"[red]skipped[/red] {item}", highlight=False, markup=True)
                continue
            read += 1
            typer.echo(json.dumps(_article_json(item), ensure_ascii=False))
        if read == 0:
            raise _nothing_to_write()
        raise typer.Exit(1 if problems else 0)


def _article_json(article) -> dict:
    return {
        "id": article.id, "title": article.title, "source": article.source, "date": article.date,
        "url": article.url, "origin": article.origin, "meta": dict(article.meta), "text": article.text,
    }


def _brief_json(brief) -> dict:
    from dataclasses import asdict

    return {
        "id": brief.article.id, "origin": brief.article.origin,
        "headline_ar": brief.headline_ar, "headline_en": brief.headline_en,
        "bullets_ar": [asdict(b) for b in brief.bullets_ar],
        "bullets_en": [asdict(b) for b in brief.bullets_en],
        "english": brief.english, "verification": [asdict(v) for v in brief.verdicts], "engine": brief.engine,
    }


def _print_brief(brief) -> None:
    typer.echo(f"# {brief.headline_ar}")
    for bullet in brief.bullets_ar:
        typer.echo(f"• {bullet.text}")
    if brief.bullets_en:
        typer.echo(f"## {brief.headline_en}" if brief.headline_en else "")
        for bullet in brief.bullets_en:
            typer.echo(f"• {bullet.text}")
    typer.echo("")


def _report_skipped(skipped) -> None:
    for item in skipped:
        console_err().print(f"skipped {item.origin}: {item.reason}", highlight=False, markup=False)


def _batch_exit(done: int, skipped) -> typer.Exit:
    """Skipped inputs listed on stderr; exit 0 all done, 1 some skipped, 2 nothing done."""
    _report_skipped(skipped)
    if not done:
        return _nothing_to_write()
    return typer.Exit(1 if skipped else 0)


def _nothing_to_write() -> typer.Exit:
    console_err().print("briefer: error: no article could be read; nothing written", highlight=False)
    return typer.Exit(2)


def _register_subcommands() -> None:
    from briefer.cli import eval_cmd, models_cmd, render_cmd

    app.add_typer(eval_cmd.app, name="eval")
    app.add_typer(models_cmd.app, name="models")
    app.command(name="render")(render_cmd.render)


_register_subcommands()


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
