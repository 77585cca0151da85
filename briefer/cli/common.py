"""What every command shares: global options, config building, error mapping, progress."""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from briefer.config import BriefConfig, load_config
from briefer.errors import BrieferError


@dataclass(frozen=True)
class GlobalOptions:
    config_path: Path | None = None
    quiet: bool = False
    debug: bool = False


def console_err() -> Console:
    return Console(stderr=True, soft_wrap=True)


def _globals(ctx: typer.Context) -> GlobalOptions:
    root = ctx.find_root()
    return root.obj if isinstance(root.obj, GlobalOptions) else GlobalOptions()


def config_from(ctx: typer.Context, **flags: Any) -> BriefConfig:
    """defaults < briefer.toml < BRIEFER_* < these flags (None means 'not given')."""
    options = _globals(ctx)
    if options.debug:
        import logging

        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
    if options.quiet:
        flags["quiet"] = True
    if options.debug:
        flags["debug"] = True
    return load_config(options.config_path, overrides=flags)


@contextlib.contextmanager
def fail_on_errors(ctx: typer.Context) -> Iterator[None]:
    """An expected error becomes one line on stderr and exit code 2; --debug adds the traceback."""
    try:
        yield
    except BrieferError as exc:
        if _globals(ctx).debug:
            traceback.print_exc()
        console_err().print(f"briefer: error: {exc}", highlight=False, markup=False)
        raise typer.Exit(exc.exit_code) from None


@contextlib.contextmanager
def progress_reporter(config: BriefConfig, label: str) -> Iterator[Any]:
    """A rich progress bar on stderr when it is a terminal and not --quiet; else None."""
    if config.quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn(f"{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=console_err(), transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def report(done: int, total: int | None, origin: str) -> None:
            bar.update(task, completed=done, total=total, description=Path(origin).name if origin else "")

        yield report
