"""DOCX -> PDF -> PNG pages with LibreOffice and poppler, to look at a briefing as printed.

    soffice --headless --convert-to pdf     (Debian: libreoffice-writer-nogui, fonts-hosny-amiri)
    pdftoppm -png / pdftotext               (Debian: poppler-utils)

Each conversion runs LibreOffice with a profile of its own in a temporary folder, so it neither
waits for nor disturbs a LibreOffice the user (or a parallel test) has open.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from briefer.errors import RenderError

SOFFICE_NAMES = ("soffice", "libreoffice")
CONVERT_TIMEOUT_S = 180


def soffice_path() -> str | None:
    return next((found for name in SOFFICE_NAMES if (found := shutil.which(name))), None)


def missing_tools(*tools: str) -> list[str]:
    """Which of 'soffice', 'pdftoppm', 'pdftotext' cannot be found on PATH."""
    return [tool for tool in tools if (soffice_path() if tool == "soffice" else shutil.which(tool)) is None]


def docx_to_pdf(docx: Path, outdir: Path) -> Path:
    """Convert ``docx`` into ``outdir``/<name>.pdf with LibreOffice; the PDF's path."""
    soffice = soffice_path()
    if soffice is None:
        raise RenderError("LibreOffice (soffice) not found on PATH: install it (Debian: libreoffice-writer-nogui)")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefer-lo-") as profile:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(outdir), str(docx)]
        _run(command, "soffice")
    pdf = outdir / f"{docx.stem}.pdf"
    if not pdf.is_file():
        raise RenderError(f"{docx}: LibreOffice wrote no PDF (is it a valid .docx?)")
    return pdf


def pdf_to_pngs(pdf: Path, outdir: Path, pages: int = 2, dpi: int = 110) -> list[Path]:
    """Pages 1..``pages`` of ``pdf`` as ``outdir``/<name>-page<N>.png; their paths in page order."""
    if shutil.which("pdftoppm") is None:
        raise RenderError("pdftoppm not found on PATH: install poppler-utils")
    outdir.mkdir(parents=True, exist_ok=True)
    prefix = outdir / f"{pdf.stem}-page"
    _run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", str(pages), str(pdf), str(prefix)], "pdftoppm")
    # pdftoppm pads the page number to the width of the page count: -1, -01 or -001
    produced = sorted(outdir.glob(f"{prefix.name}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    renamed = []
    for path in produced:
        target = outdir / f"{prefix.name}{int(path.stem.rsplit('-', 1)[1])}.png"
        path.replace(target)
        renamed.append(target)
    return renamed


def pdf_text(pdf: Path) -> str:
    """The PDF's text as pdftotext reads it (logical order), for checks."""
    if shutil.which("pdftotext") is None:
        raise RenderError("pdftotext not found on PATH: install poppler-utils")
    return _run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], "pdftotext")


def _run(command: list[str], tool: str) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=CONVERT_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise RenderError(f"{tool} took longer than {CONVERT_TIMEOUT_S} s and was stopped") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise RenderError(f"{tool} failed (exit {done.returncode}): {detail[-1] if detail else 'no message'}")
    return done.stdout
