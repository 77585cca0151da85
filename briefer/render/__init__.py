"""Renderers: DOCX, Markdown, JSON. ``render_to_path`` picks one and writes atomically."""

from __future__ import annotations

from pathlib import Path

from briefer.config import BriefConfig
from briefer.errors import UsageError
from briefer.fileio import atomic_write_bytes
from briefer.types import Briefing

FORMATS = ("docx", "md", "json")


def format_for(path: Path, explicit: str | None = None) -> str:
    if explicit:
        if explicit not in FORMATS:
            raise UsageError(f"unknown format '{explicit}' (choose from {', '.join(FORMATS)})")
        return explicit
    suffix = path.suffix.lower().lstrip(".")
    suffix = {"markdown": "md"}.get(suffix, suffix)
    if suffix not in FORMATS:
        raise UsageError(f"{path}: cannot tell the format from the suffix; use --format {'|'.join(FORMATS)}")
    return suffix


def render_bytes(briefing: Briefing, fmt: str, config: BriefConfig) -> bytes:
    if fmt == "docx":
        from briefer.render.docx import render_docx

        return render_docx(briefing, config)
    if fmt == "md":
        from briefer.render.markdown import render_markdown

        return render_markdown(briefing, config).encode("utf-8")
    from briefer.render.json import render_json

    return render_json(briefing, config).encode("utf-8")


def render_to_path(briefing: Briefing, path: Path, fmt: str, config: BriefConfig) -> None:
    """Render fully in memory, then replace ``path`` atomically: a failure leaves the old file."""
    atomic_write_bytes(path, render_bytes(briefing, fmt, config))
