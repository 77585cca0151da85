"""`briefer render`: a briefing DOCX as PDF and PNG pages (LibreOffice + poppler), to look at it."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from briefer.cli.common import console_err, fail_on_errors


def render(
    ctx: typer.Context,
    docx: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A briefing .docx.")],
    pdf: Annotated[Path | None, typer.Option("--pdf", file_okay=False, help="Folder for the PDF.")] = None,
    png: Annotated[Path | None, typer.Option("--png", file_okay=False, help="Folder for PNG pages.")] = None,
    pages: Annotated[int, typer.Option("--pages", min=1, help="PNG pages from the first.")] = 2,
    dpi: Annotated[int, typer.Option("--dpi", min=30, max=600, help="PNG resolution.")] = 110,
) -> None:
    """Convert BRIEFING.docx to PDF (--pdf DIR) and/or PNG pages (--png DIR) with LibreOffice."""
    from briefer.errors import UsageError
    from briefer.render.convert import docx_to_pdf, pdf_to_pngs

    with fail_on_errors(ctx):
        if pdf is None and png is None:
            raise UsageError("render: give --pdf DIR, --png DIR or both")
        with tempfile.TemporaryDirectory(prefix="briefer-render-") as scratch:
            made = docx_to_pdf(docx, pdf or Path(scratch))
            written = [made] if pdf else []
            if png is not None:
                written += pdf_to_pngs(made, png, pages=pages, dpi=dpi)
            for path in written:
                console_err().print(f"wrote {path}", highlight=False, markup=False)
