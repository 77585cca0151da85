"""The DOCX as LibreOffice prints it: the Arabic text is in the PDF, in reading order.

Needs soffice (libreoffice-writer-nogui), pdftotext/pdftoppm (poppler-utils) and the Amiri font;
skipped, with the reason, where they are missing. CI installs them.
"""

import pytest
import regex
from briefing_samples import day_briefs
from typer.testing import CliRunner

from briefer.arabic.normalize import normalize
from briefer.compose import compose
from briefer.config import BriefConfig
from briefer.render import render_to_path
from briefer.render.convert import docx_to_pdf, missing_tools, pdf_text

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(missing_tools("soffice", "pdftotext", "pdftoppm")),
                       reason=f"needs {', '.join(missing_tools('soffice', 'pdftotext', 'pdftoppm'))} "
                              "(apt-get install libreoffice-writer-nogui poppler-utils fonts-hosny-amiri)"),
]

_CONTROLS = regex.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _arabic_words(text: str) -> list[str]:
    """Arabic words in order, diacritics and bidi controls dropped (pdftotext splits on shadda)."""
    return regex.findall(r"\p{Script=Arabic}{2,}", normalize(_CONTROLS.sub("", text)).replace("\u0651", ""))


def _in_order(needle: list[str], haystack: list[str]) -> bool:
    """needle appears in haystack as a contiguous run of words."""
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack) - len(needle) + 1))


@pytest.fixture(scope="module")
def pdf_words(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lo")
    config = BriefConfig(handling="للاستخدام الرسمي فقط")
    briefing = compose(day_briefs(), config)
    docx = folder / "briefing.docx"
    render_to_path(briefing, docx, "docx", config)
    text = pdf_text(docx_to_pdf(docx, folder))
    return briefing, _arabic_words(text)


def test_headlines_and_bullets_are_in_the_pdf_in_reading_order(pdf_words):
    briefing, words = pdf_words
    for story in briefing.stories:
        assert _in_order(_arabic_words(story.lead.headline_ar), words), story.lead.headline_ar
        for bullet in story.lead.bullets_ar:
            sentence = _arabic_words(bullet.text)
            assert _in_order(sentence[:8], words), bullet.text  # a line's worth, across no line break
    reversed_headline = list(reversed(_arabic_words(briefing.stories[0].lead.headline_ar)))
    assert not _in_order(reversed_headline, words)  # visual (reversed) order would fail above


def test_the_disagreement_and_the_handling_line_are_printed(pdf_words):
    _, words = pdf_words
    assert _in_order(["تباين", "بين", "المصادر"], words)
    assert _in_order(_arabic_words("للاستخدام الرسمي فقط"), words)


def test_briefer_render_writes_pdf_and_png_pages(tmp_path):
    from briefer.cli.app import app

    config = BriefConfig()
    docx = tmp_path / "b.docx"
    render_to_path(compose(day_briefs(), config), docx, "docx", config)
    result = CliRunner().invoke(app, ["render", str(docx), "--pdf", str(tmp_path / "pdf"), "--png",
                                      str(tmp_path / "png"), "--pages", "2", "--dpi", "40"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "pdf" / "b.pdf").stat().st_size > 10_000
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == ["b-page1.png", "b-page2.png"]
