"""Build the shipped Word template, templates/briefing.docx: page setup and the named styles.

    python -m briefer.render.make_template            # rewrites briefer/render/templates/briefing.docx
    python -m briefer.render.make_template my.docx    # a copy to edit in Word and pass with --template

A user's template may change any style's look (fonts, sizes, colours, spacing) but must keep the
style names of ``briefer.render.docx.Styles``. Arabic and English sizes are set apart (w:sz and
w:szCs) because Naskh letters at the same point size read smaller than Latin ones.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from briefer.render.docx import STYLES, TEMPLATE, set_style_fonts, set_style_rtl

LATIN_FONT = "Times New Roman"  # LibreOffice maps it to the metric-compatible Liberation Serif
ARABIC_FONT = "Amiri"  # Naskh, made for running text; Debian: fonts-hosny-amiri
NAVY = RGBColor(0x1F, 0x3A, 0x5F)
GREY = RGBColor(0x59, 0x59, 0x59)
RED = RGBColor(0x9B, 0x1C, 0x1C)
AMBER = RGBColor(0x8A, 0x4B, 0x08)


@dataclass(frozen=True)
class Look:
    size: float  # Latin point size
    size_cs: float  # Arabic point size
    bold: bool = False
    italic: bool = False
    color: RGBColor | None = None
    align: WD_ALIGN_PARAGRAPH | None = None  # only centre: RTL paragraphs keep their start side
    before: float = 0
    after: float = 4
    base: str = "Normal"
    rtl: bool = False  # style-level w:bidi (for styles only ever used for Arabic)
    keep_with_next: bool = False


LOOKS: dict[str, Look] = {
    "Normal": Look(11, 13, after=4),
    STYLES.title: Look(22, 26, bold=True, color=NAVY, align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=2),
    STYLES.date: Look(11, 13, color=GREY, align=WD_ALIGN_PARAGRAPH.CENTER, after=2),
    STYLES.handling: Look(10, 12, bold=True, color=RED, align=WD_ALIGN_PARAGRAPH.CENTER, after=2),
    STYLES.heading: Look(15, 17, bold=True, color=NAVY, before=16, after=6, base="Heading 1", keep_with_next=True),
    STYLES.story: Look(13, 15, bold=True, color=NAVY, before=12, after=2, base="Heading 2", keep_with_next=True),
    STYLES.story_en: Look(11.5, 13, bold=True, italic=True, color=GREY, after=4, keep_with_next=True),
    STYLES.sources: Look(9, 11, color=GREY, after=4, keep_with_next=True),
    STYLES.block_label: Look(10, 12, bold=True, color=NAVY, before=6, after=2, keep_with_next=True),
    STYLES.bullet_ar: Look(11, 14, after=3, base="List Bullet"),
    STYLES.bullet_en: Look(10.5, 12, after=3, base="List Bullet"),
    STYLES.summary_ar: Look(11, 14, bold=True, after=3, base="List Number"),
    STYLES.summary_en: Look(10.5, 12, after=3, base="List Bullet"),
    STYLES.disagreement: Look(10, 12, bold=True, color=AMBER, before=2, after=2),
    STYLES.fact_title: Look(10, 12, bold=True, color=NAVY, after=2),
    STYLES.fact: Look(10, 12, after=2),
    STYLES.note: Look(9, 11, italic=True, color=GREY, after=2),
    STYLES.annex: Look(10, 12, after=2),
    STYLES.contents_title: Look(14, 16, bold=True, color=NAVY, before=12, after=6),
    STYLES.contents_1: Look(11, 13, bold=True, after=1),
    STYLES.contents_2: Look(10, 12, after=1),
    STYLES.header: Look(9, 11, color=GREY, align=WD_ALIGN_PARAGRAPH.CENTER, after=0),
    STYLES.footer: Look(9, 11, color=GREY, align=WD_ALIGN_PARAGRAPH.CENTER, after=0),
}


def build_template():
    """A python-docx Document holding the page setup and every named style, and no content."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    for name, look in LOOKS.items():
        _define(document, name, look)
    _hyperlink_style(document)
    return document


def _define(document, name: str, look: Look) -> None:
    styles = document.styles
    if name in {s.name for s in styles}:
        style = styles[name]
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[look.base]
    style.quick_style = True
    set_style_fonts(style, LATIN_FONT, ARABIC_FONT, look.size, look.size_cs)
    font = style.font
    font.bold, font.cs_bold = look.bold, look.bold
    font.italic, font.cs_italic = look.italic, look.italic
    if look.color is not None:
        font.color.rgb = look.color
    paragraph = style.paragraph_format
    paragraph.space_before, paragraph.space_after = Pt(look.before), Pt(look.after)
    paragraph.keep_with_next = look.keep_with_next or None
    if look.align is not None:
        paragraph.alignment = look.align
    if look.rtl:
        set_style_rtl(style)


def _hyperlink_style(document) -> None:
    styles = document.styles
    if "Hyperlink" in {s.name for s in styles}:
        return
    style = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = RGBColor(0x1F, 0x4E, 0x9A)
    style.font.underline = True


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path(__file__).parent / TEMPLATE
    target.parent.mkdir(parents=True, exist_ok=True)
    build_template().save(str(target))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
