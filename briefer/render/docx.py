"""The briefing as a Word document: template styles, right-to-left Arabic done properly.

The look lives in a template (templates/briefing.docx, built by make_template.py, replaceable with
--template); this module only fills it with paragraphs in named styles. Document order:

    header (title, Gregorian + Hijri date, handling line) and footer (page X of Y) on every page
    title block -> contents (TOC field) -> executive summary (Arabic, English)
    -> sections -> stories: headline ar/en, sources with links and dates, bullets (stacked, or
       side by side in a right-to-left two-column table), outlets' disagreements, fact box
    -> annex (stories beyond the cap, by headline) -> appendix (verification, skipped, signature)

Right to left (python-docx has no API for it; the raw XML is in the last section of this module,
the only place in briefer that writes it): ``w:bidi`` on every Arabic paragraph, ``w:rtl`` on every
Arabic run, complex-script font (``w:rFonts/@w:cs``) and size (``w:szCs``) from the styles,
bold as ``w:bCs``; never right alignment on an RTL paragraph (there ``right`` means the end side
and LibreOffice draws it flush left); tables that hold Arabic columns are set right-to-left.
Runs are split by script, so digits and Latin words keep their places inside Arabic sentences.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import groupby
from pathlib import Path

import regex
from docx import Document
from docx.enum.table import WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from briefer.compose_figures import key_figures, key_quotes
from briefer.config import BriefConfig
from briefer.errors import RenderError
from briefer.render.common import (
    ACTIONS,
    all_briefs,
    briefing_date,
    english_mode,
    english_note,
    label,
    labels,
    outlet_name,
    problem_summary,
    section_names,
    signature_fields,
    stories_by_section,
    verification_changes,
    verification_counts,
)
from briefer.types import ArticleBrief, Briefing, Story

TEMPLATE = "templates/briefing.docx"
DEFAULT_CS_FONT = "Amiri"
LRM, RLM = "\u200e", "\u200f"  # invisible direction marks


@dataclass(frozen=True)
class Styles:
    """The named styles a template must define (make_template.py builds them)."""

    title: str = "Briefing Title"
    date: str = "Briefing Date"
    handling: str = "Handling"
    heading: str = "Heading 1"  # sections; in the contents
    story: str = "Heading 2"  # Arabic headline; in the contents
    story_en: str = "Story Title EN"
    sources: str = "Sources"
    block_label: str = "Block Label"
    bullet_ar: str = "Bullet AR"
    bullet_en: str = "Bullet EN"
    summary_ar: str = "Summary AR"
    summary_en: str = "Summary EN"
    disagreement: str = "Disagreement"
    fact_title: str = "Fact Box Title"
    fact: str = "Fact Box"
    note: str = "Note"
    annex: str = "Annex Entry"
    contents_title: str = "TOC Heading"
    contents_1: str = "toc 1"
    contents_2: str = "toc 2"
    header: str = "Header"
    footer: str = "Footer"
    hyperlink: str = "Hyperlink"  # character style of the source links

    def names(self) -> list[str]:
        return list(vars(self).values())


STYLES = Styles()


def render_docx(briefing: Briefing, config: BriefConfig) -> bytes:
    document = open_template(config.template)
    writer = DocxWriter(document, config)
    writer.write(briefing)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def open_template(path: str = ""):
    """The user's template (--template) or the shipped one, emptied, with every named style checked."""
    source = Path(path) if path else _shipped_template()
    where = str(source) if path else f"briefer/render/{TEMPLATE}"
    try:
        document = Document(str(source)) if source else _built_template()
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise RenderError(f"template {where}: not a readable .docx ({exc})") from None
    present = {style.name for style in document.styles}
    missing = [name for name in STYLES.names() if name not in present]
    if missing:
        raise RenderError(f"template {where}: missing style(s) {', '.join(missing)} (see briefer/render/make_template.py)")
    _empty_body(document)
    return document


def _shipped_template() -> Path | None:
    candidate = resources.files("briefer.render").joinpath(TEMPLATE)
    return Path(str(candidate)) if candidate.is_file() else None


def _built_template():
    """Without the shipped file (a source checkout that never ran make_template): build it in memory."""
    from briefer.render.make_template import build_template

    return build_template()


class DocxWriter:
    """Fills an emptied template, top to bottom."""

    def __init__(self, document, config: BriefConfig):
        self.document = document
        self.config = config
        self.cs_font = DEFAULT_CS_FONT
        self._bookmark = 0
        self._style_ids: dict[str, str] = {}
        self._style_names: dict[str, str] = {}  # id -> name of the styles set so far
        self._cs_font_missing: dict[str, bool] = {}
        # the body's last child, before which every paragraph goes (None in a template without one)
        self._section_properties = document.element.body.find(qn("w:sectPr"))

    # ---------------------------------------------------------------------------- document

    def write(self, briefing: Briefing) -> None:
        when = briefing_date(briefing.date)
        self._header_footer(briefing, when)
        self._title_block(briefing, when)
        self._contents(briefing)
        self._summary(briefing)
        names = section_names(briefing)
        for key, stories in stories_by_section(briefing):
            ar, en = names.get(key, (key, key))
            self.paragraph(f"{ar} · {en}" if en and en != ar else ar, STYLES.heading, bookmark=True)
            for story in stories:
                self._story(story)
        if briefing.annex:
            self._annex(briefing.annex)
        self._appendix(briefing)
        _ask_to_update_fields(self.document)

    def _header_footer(self, briefing: Briefing, when) -> None:
        """Every page: handling line, title and dates on top, page X of Y below. The first page
        already shows the title block, so its header carries the handling line only."""
        section = self.document.sections[0]
        section.different_first_page_header_footer = True
        hijri = f" · {when.hijri_ar}" if when.hijri_ar else ""
        running = f"{briefing.title} · {when.gregorian_ar}{hijri}"
        for header, title in ((section.header, running), (section.first_page_header, "")):
            lines = [(briefing.handling, STYLES.handling), (title, STYLES.header)]
            self._fill_part(header, [(text, style) for text, style in lines if text] or [("", STYLES.header)])
        for footer in (section.footer, section.first_page_footer):
            line = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            self.fill(line, "", STYLES.footer, rtl=True)
            self.runs(line, f"{label('ar', 'page')} ", rtl_paragraph=True)
            _add_field(line, "PAGE", "1")
            self.runs(line, f" {label('ar', 'of')} ", rtl_paragraph=True)
            _add_field(line, "NUMPAGES", "1")
            if briefing.handling:
                self.fill(footer.add_paragraph(), briefing.handling, STYLES.handling)

    def _fill_part(self, part, lines: Sequence[tuple[str, str]]) -> None:
        paragraphs = part.paragraphs
        for index, (text, style) in enumerate(lines):
            paragraph = paragraphs[0] if index == 0 and paragraphs else part.add_paragraph()
            self.fill(paragraph, text, style)

    def _title_block(self, briefing: Briefing, when) -> None:
        self.paragraph(briefing.title, STYLES.title)
        hijri = f" — {when.hijri_ar}" if when.hijri_ar else ""
        self.paragraph(f"{when.gregorian_ar}{hijri}", STYLES.date)
        hijri_en = f" — {when.hijri_en}" if when.hijri_en else ""
        self.paragraph(f"{when.gregorian_en}{hijri_en}", STYLES.date)

    def _contents(self, briefing: Briefing) -> None:
        """A TOC field (Word fills page numbers on opening), its cached entries already written so
        that a reader or converter that does not update fields still shows the contents."""
        self.paragraph(f"{label('ar', 'contents')} · {label('en', 'contents')}", STYLES.contents_title)
        entries: list[tuple[str, str]] = [
            (STYLES.contents_1, f"{label('ar', 'summary')} · {label('en', 'summary')}"),
        ]
        names = section_names(briefing)
        for key, stories in stories_by_section(briefing):
            ar, en = names.get(key, (key, key))
            entries.append((STYLES.contents_1, f"{ar} · {en}" if en and en != ar else ar))
            entries += [(STYLES.contents_2, s.lead.headline_ar) for s in stories]
        if briefing.annex:
            entries.append((STYLES.contents_1, f"{label('ar', 'annex')} · {label('en', 'annex')}"))
        entries.append((STYLES.contents_1, f"{label('ar', 'appendix')} · {label('en', 'appendix')}"))
        paragraphs = [self.paragraph(text, style) for style, text in entries]
        _wrap_in_field(paragraphs, r'TOC \o "1-2" \h \z \u')

    def _summary(self, briefing: Briefing) -> None:
        self.paragraph(f"{label('ar', 'summary')} · {label('en', 'summary')}", STYLES.heading, bookmark=True)
        for line in briefing.summary_ar:
            self.paragraph(line, STYLES.summary_ar)
        english = [line for line in briefing.summary_en if line]
        top = briefing.stories[: len(briefing.summary_en)]
        if english and any(english_mode(story) == "lexicon" for story in top):
            self.paragraph(label("en", "english_lexicon"), STYLES.block_label, rtl=False)
        for line in english:
            self.paragraph(line, STYLES.summary_en, rtl=False)
        note = english_note(briefing)
        if note:
            self.paragraph(note, STYLES.note, rtl=False)

    # ------------------------------------------------------------------------------- story

    def _story(self, story: Story) -> None:
        lead = story.lead
        self.paragraph(lead.headline_ar, STYLES.story, bookmark=True)
        if self.config.layout == "side-by-side":
            self._side_by_side(story)
        else:
            if lead.headline_en and english_mode(story) != "lexicon":
                self.paragraph(lead.headline_en, STYLES.story_en, rtl=False)
            self._sources(story, self.document)
            self._bullets_ar(lead, self.document)
            self._bullets_en(story, self.document)
        self._disagreements(story, self.document)
        self._fact_box(story)

    def _sources(self, story: Story, container) -> None:
        paragraph = self.paragraph("", STYLES.sources, rtl=True, container=container)
        self.runs(paragraph, f"{label('ar', 'sources')} ({len(story.briefs)}): ", rtl_paragraph=True, bold=True, style=STYLES.sources)
        for position, brief in enumerate(story.briefs):
            article = brief.article
            if position:
                self.runs(paragraph, " ؛ ", rtl_paragraph=True, style=STYLES.sources)
            name = outlet_name(article)
            if article.url:
                _add_hyperlink(paragraph, article.url, name, self._link_format(name))
            else:
                self.runs(paragraph, name, rtl_paragraph=True, style=STYLES.sources)
            if article.date:
                self.runs(paragraph, f" ({article.date[:10]})", rtl_paragraph=True, style=STYLES.sources)

    def _bullets_ar(self, brief: ArticleBrief, container) -> None:
        sentences = {s.index: s for s in brief.analysis.sentences}
        for bullet in brief.bullets_ar:
            paragraph = self.paragraph(bullet.text, STYLES.bullet_ar, container=container)
            if self.config.provenance and bullet.sources and paragraph.runs:
                # a Word comment on the bullet: the page stays clean, the reviewer sees the source
                cited = [sentences[i] for i in bullet.sources if i in sentences]
                text = "\n".join(f"[{s.index + 1}] ({s.start}–{s.end}) {s.text}" for s in cited)
                self.document.add_comment(paragraph.runs, text=f"{label('ar', 'provenance')}:\n{text}",
                                          author="briefer", initials="B")

    def _bullets_en(self, story: Story, container) -> None:
        lead = story.lead
        if not lead.bullets_en:
            return
        if english_mode(story) == "lexicon":
            # key facts picked by a lexicon are not a headline: they go under the label with the rest
            self.paragraph(label("en", "english_lexicon"), STYLES.block_label, rtl=False, container=container)
            if lead.headline_en:
                self.paragraph(lead.headline_en, STYLES.bullet_en, rtl=False, container=container)
        for bullet in lead.bullets_en:
            self.paragraph(bullet.text, STYLES.bullet_en, rtl=False, container=container)

    def _side_by_side(self, story: Story) -> None:
        """Arabic and English in a two-column table set right to left: Arabic on the right."""
        table = self.document.add_table(rows=1, cols=2)
        table.table_direction = WD_TABLE_DIRECTION.RTL
        arabic, english = table.rows[0].cells
        _drop_empty_first_paragraph(arabic)
        _drop_empty_first_paragraph(english)
        self._sources(story, arabic)
        self._bullets_ar(story.lead, arabic)
        if story.lead.headline_en and english_mode(story) != "lexicon":
            self.paragraph(story.lead.headline_en, STYLES.story_en, rtl=False, container=english)
        self._bullets_en(story, english)
        if not english.paragraphs:
            english.add_paragraph()  # a cell must hold a paragraph
        _set_widths(table, (Cm(8.5), Cm(8.5)))

    def _disagreements(self, story: Story, container) -> None:
        """One bilingual line per disputed quantity: every outlet's value, none picked."""
        for disagreement in story.disagreements:
            values = f" {label('ar', 'versus')} ".join(f"{text} ({source})" for text, source in disagreement.values)
            heading = f"{label('ar', 'disagreement')} · {label('en', 'disagreement')}"
            self.paragraph(f"{heading}: {values}", STYLES.disagreement, container=container)

    def _fact_box(self, story: Story) -> None:
        figures, quotes = key_figures(story.lead), key_quotes(story.lead)
        if not figures and not quotes:
            return
        table = self.document.add_table(rows=1, cols=1)
        table.table_direction = WD_TABLE_DIRECTION.RTL
        _shade_box(table)
        _keep_rows_whole(table)
        cell = table.rows[0].cells[0]
        _drop_empty_first_paragraph(cell)
        self.paragraph(f"{label('ar', 'facts')} · {label('en', 'facts')}", STYLES.fact_title, container=cell)
        if figures:
            self.paragraph(f"{label('ar', 'figures')}: " + " ؛ ".join(figures), STYLES.fact, container=cell)
        for text, speaker in quotes:
            self.paragraph(f"«{text}» — {speaker}", STYLES.fact, container=cell)
        self.document.add_paragraph()  # air between the box and the next story

    # ------------------------------------------------------------------- annex and appendix

    def _annex(self, annex: Sequence[Story]) -> None:
        self.paragraph(f"{label('ar', 'annex')} · {label('en', 'annex')}", STYLES.heading, bookmark=True)
        for story in annex:
            outlets = "، ".join(outlet_name(a) for a in story.sources)
            self.paragraph(f"{story.lead.headline_ar} ({outlets})", STYLES.annex)
            if story.lead.headline_en:
                self.paragraph(story.lead.headline_en, STYLES.annex, rtl=False)

    def _appendix(self, briefing: Briefing) -> None:
        self.paragraph(f"{label('ar', 'appendix')} · {label('en', 'appendix')}", STYLES.heading, bookmark=True)
        self.paragraph(f"{label('ar', 'verification')} · {label('en', 'verification')}", STYLES.block_label)
        counts = verification_counts(all_briefs(briefing))
        rows = [(labels()["verification"][a][0], labels()["verification"][a][1], counts["ar"][a], counts["en"][a])
                for a in ACTIONS]
        self._table([("", "", "عربي · Arabic", "إنجليزي · English"), *rows])
        changes = [(brief, v) for brief, changed in verification_changes(briefing) for v in changed]
        if changes:
            self.paragraph(f"{label('ar', 'verification_changes')} · {label('en', 'verification_changes')} ({len(changes)})",
                           STYLES.block_label)
        for brief, verdict in changes:
            where = brief.article.origin or brief.article.id
            problems = problem_summary(verdict.problems)
            line = f"{where} · {verdict.lang} #{verdict.position + 1} · {verdict.action}: {problems}"
            self.paragraph(line, STYLES.note, rtl=is_rtl_text(line))  # a long Arabic quote reads from the right
        self.paragraph(f"{label('ar', 'skipped')} · {label('en', 'skipped')} ({len(briefing.skipped)})",
                       STYLES.block_label)
        for item in briefing.skipped:
            self.paragraph(f"{item.origin}: {item.reason}", STYLES.note, rtl=False)
        self.paragraph(f"{label('ar', 'signature')} · {label('en', 'signature')}", STYLES.block_label)
        names = labels()["signature"]
        self._table([(names.get(k, [k, k])[0], names.get(k, [k, k])[1], v, "") for k, v in
                     signature_fields(briefing.signature)], columns=3)
        self.paragraph(briefing.signature, STYLES.note, rtl=False)

    def _table(self, rows: Sequence[tuple], columns: int = 4) -> Table:
        """A small right-to-left grid: Arabic label, English label, values."""
        table = self.document.add_table(rows=0, cols=columns)
        table.table_direction = WD_TABLE_DIRECTION.RTL
        _grid_borders(table)
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row[:columns]):
                _drop_empty_first_paragraph(cell)
                self.paragraph(str(value), STYLES.fact, container=cell)
        return table

    # ------------------------------------------------------------------ paragraphs and runs

    def paragraph(self, text: str, style: str, rtl: bool | None = None, container=None,
                  bookmark: bool = False) -> Paragraph:
        """A paragraph in ``style``; right to left when ``rtl`` or (None) when the text is mostly Arabic."""
        paragraph = container.add_paragraph() if container is not None else self._body_paragraph()
        self.fill(paragraph, text, style, rtl)
        if bookmark:
            self._bookmark += 1
            _add_bookmark(paragraph, f"_briefer{self._bookmark}", self._bookmark)
        return paragraph

    def _body_paragraph(self) -> Paragraph:
        """document.add_paragraph(), without its search for the section properties among all the
        body's paragraphs each time (quadratic in a long document): they are found once."""
        if self._section_properties is None:
            return self.document.add_paragraph()
        element = OxmlElement("w:p")
        self._section_properties.addprevious(element)
        return Paragraph(element, self.document._body)

    def fill(self, paragraph: Paragraph, text: str, style: str, rtl: bool | None = None) -> None:
        # by style id on the element: python-docx's by-name setter rescans every style each time
        paragraph._p.style = self._style_id(style)
        is_rtl = is_rtl_text(text) if rtl is None else rtl
        if is_rtl:
            set_paragraph_rtl(paragraph)
        self.runs(paragraph, text, rtl_paragraph=is_rtl, style=style)

    def runs(self, paragraph: Paragraph, text: str, rtl_paragraph: bool, bold: bool = False,
             style: str = "") -> None:
        """Runs split by script: Arabic runs marked right to left with the complex-script font."""
        # the style's name from the id this writer set: python-docx's paragraph.style rescans the styles
        needs_font = self._needs_cs_font(style or self._style_names.get(paragraph._p.style) or paragraph.style.name)
        for segment, rtl in split_by_script(text, rtl_paragraph):
            _append_run(paragraph, segment, rtl, bold, needs_font)

    def _style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.document.styles[name].style_id
            self._style_names[self._style_ids[name]] = name
        return self._style_ids[name]

    def _link_format(self, text: str):
        def apply(run_element) -> None:
            _format_run(run_element, is_rtl_text(text), False, True)

        return apply

    def _needs_cs_font(self, style: str) -> bool:
        """Only when the style chain names no complex-script font: a template's fonts win."""
        if style not in self._cs_font_missing:
            self._cs_font_missing[style] = not style_cs_font(self.document.styles[style])
        return self._cs_font_missing[style]


# ----------------------------------------------------------------------------- script split

# Arabic letters, Arabic-Indic digits and Arabic punctuation (comma, semicolon, question mark).
_RTL_CHAR = regex.compile(r"[\p{Script=Arabic}\u060C\u061B\u061F]")
_LTR_CHAR = regex.compile(r"[\p{Script=Latin}0-9]")
_LATIN = regex.compile(r"\p{Script=Latin}")


def is_rtl_text(text: str) -> bool:
    """Right to left when the first letter is Arabic (Unicode's first-strong rule, so a bilingual
    heading "الملخص التنفيذي · Executive summary" reads from the right) or Arabic letters are the
    majority (an Arabic sentence opening with "CNN")."""
    first = regex.search(r"[\p{Script=Arabic}\p{Script=Latin}]", text)
    if first is None:
        return False
    arabic = len(regex.findall(r"\p{Script=Arabic}", text))
    latin = len(regex.findall(r"\p{Script=Latin}", text))
    return bool(regex.match(r"\p{Script=Arabic}", first.group())) or arabic >= latin


def split_by_script(text: str, rtl_paragraph: bool) -> list[tuple[str, bool]]:
    """[(segment, is_rtl)]: strong Arabic / Latin / digit stretches, each neutral stretch (spaces,
    punctuation, quotation marks) joined to its neighbours when both are of one kind, else given
    the paragraph's direction. '3,500', '31-29' and 'Reuters News' stay one left-to-right run; a
    number is not glued to the Latin words before it ('Sources: 2500' keeps 2500 on its own)."""
    pieces = [("".join(chars), kind) for kind, chars in groupby(text, key=_char_kind)]  # kind: R | L | D | N
    resolved: list[tuple[str, bool]] = []
    for index, (piece, kind) in enumerate(pieces):
        if kind == "N":
            before = pieces[index - 1][1] if index > 0 else None
            after = pieces[index + 1][1] if index + 1 < len(pieces) else None
            if before == after and before is not None:
                rtl = before == "R"
            elif {before, after} == {"L", "D"} and not any(c.isspace() for c in piece):
                rtl = False  # '10_report.docx', 'A-8': one left-to-right token
            else:
                rtl = rtl_paragraph
        else:
            rtl = kind == "R"
        if resolved and resolved[-1][1] == rtl:
            resolved[-1] = (resolved[-1][0] + piece, rtl)
        else:
            resolved.append((piece, rtl))
    marked = []
    for index, (piece, rtl) in enumerate(resolved):
        if rtl_paragraph and not rtl:
            piece = _anchor_ltr(piece)
        if rtl != rtl_paragraph and index + 1 < len(resolved) and (rtl or _LATIN.search(piece)):
            # a mark of the paragraph's direction closes an embedded stretch of words, so a number
            # after it is read in the paragraph's direction, not glued to the foreign words before it
            # (a bare number inside Arabic needs no mark: the bidi algorithm already places it)
            piece += RLM if rtl_paragraph else LRM
        marked.append((piece, rtl))
    return marked


@functools.lru_cache(maxsize=4096)
def _char_kind(char: str) -> str:
    """R (Arabic), D (digit), L (Latin) or N (neutral); a document repeats a few hundred characters."""
    return "R" if _RTL_CHAR.match(char) else "D" if char.isdigit() else "L" if _LTR_CHAR.match(char) else "N"


def _anchor_ltr(piece: str) -> str:
    """A left-to-right run that opens with digits and holds Latin letters ('10_report.docx')
    gets a LEFT-TO-RIGHT MARK in front: after Arabic, the bidi algorithm would otherwise take
    the digits as Arabic numbers and move them to the other end of the run."""
    if piece[:1].isdigit() and _LATIN.search(piece):
        return LRM + piece
    return piece


# ----------------------------------------------------------------------------- raw XML
# python-docx has no API for the following; every piece of hand-written WordprocessingML in
# briefer is here.


def set_paragraph_rtl(paragraph: Paragraph) -> None:
    """w:bidi: the paragraph runs right to left. Its alignment is left unset (start = right)."""
    p_pr = paragraph._p.get_or_add_pPr()
    if p_pr.find(qn("w:bidi")) is None:
        bidi = OxmlElement("w:bidi")
        # schema order: w:bidi comes after w:pStyle/keepNext/.../spacing? it precedes w:jc
        _insert_in_order(p_pr, bidi, _P_PR_ORDER)
    if paragraph.alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.alignment = None


_W_R, _W_RPR, _W_T, _W_RFONTS, _W_CS = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:rFonts"), qn("w:cs")
_W_B, _W_BCS, _W_RTL, _XML_SPACE = qn("w:b"), qn("w:bCs"), qn("w:rtl"), qn("xml:space")


def _append_run(paragraph: Paragraph, text: str, rtl: bool, bold: bool, cs_font: bool) -> None:
    """The run python-docx's ``add_run(text)`` + _format_run would make, built directly with lxml
    (a long sources line or annex holds thousands of runs, and python-docx's path is slow per
    run). Tabs and line breaks, which python-docx turns into elements of their own, take its path."""
    if "\t" in text or "\n" in text or "\r" in text:
        _format_run(paragraph.add_run(text)._r, rtl, bold, cs_font)
        return
    run = etree.SubElement(paragraph._p, _W_R)
    r_pr = etree.SubElement(run, _W_RPR)  # schema order: rFonts, b, bCs, rtl
    if rtl and cs_font:
        etree.SubElement(r_pr, _W_RFONTS).set(_W_CS, DEFAULT_CS_FONT)
    if bold:
        etree.SubElement(r_pr, _W_B)
        etree.SubElement(r_pr, _W_BCS)
    if rtl:
        etree.SubElement(r_pr, _W_RTL)
    if text:
        element = etree.SubElement(run, _W_T)
        element.text = text
        if len(text.strip()) < len(text):  # as python-docx's CT_R.add_t
            element.set(_XML_SPACE, "preserve")


def _format_run(run_element, rtl: bool, bold: bool, cs_font: bool) -> None:
    r_pr = run_element.get_or_add_rPr()
    if bold:
        _set_on(r_pr, "w:b")
        _set_on(r_pr, "w:bCs")
    if rtl:
        if cs_font:
            fonts = r_pr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                _insert_in_order(r_pr, fonts, _R_PR_ORDER)
            fonts.set(qn("w:cs"), DEFAULT_CS_FONT)
        _set_on(r_pr, "w:rtl")


def set_style_fonts(style, latin: str, complex_script: str, size_pt: float, size_cs_pt: float) -> None:
    """A style's fonts and sizes for both scripts (for make_template): rFonts ascii/hAnsi/cs, sz, szCs.
    Theme font references are removed so the names given here are the ones used."""
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        _insert_in_order(r_pr, fonts, _R_PR_ORDER)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), complex_script)
    for tag, size in (("w:sz", size_pt), ("w:szCs", size_cs_pt)):
        element = r_pr.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            _insert_in_order(r_pr, element, _R_PR_ORDER)
        element.set(qn("w:val"), str(int(round(size * 2))))


def set_style_rtl(style) -> None:
    """A paragraph style whose paragraphs run right to left (for make_template)."""
    p_pr = style.element.get_or_add_pPr()
    if p_pr.find(qn("w:bidi")) is None:
        _insert_in_order(p_pr, OxmlElement("w:bidi"), _P_PR_ORDER)


def style_cs_font(style) -> str:
    """The complex-script font a paragraph style gives, following basedOn, then the doc defaults."""
    while style is not None:
        r_pr = style.element.rPr
        fonts = r_pr.find(qn("w:rFonts")) if r_pr is not None else None
        if fonts is not None and fonts.get(qn("w:cs")):
            return fonts.get(qn("w:cs"))
        style = style.base_style
    return ""


def _set_on(r_pr, tag: str) -> None:
    if r_pr.find(qn(tag)) is None:
        _insert_in_order(r_pr, OxmlElement(tag), _R_PR_ORDER)


# Element order of CT_PPr / CT_RPr in the schema: Word rejects out-of-order properties.
_P_PR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
               "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
               "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
               "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
               "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
               "sectPr", "pPrChange")
_R_PR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
               "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
               "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
               "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def _insert_in_order(parent, child, order: Sequence[str]) -> None:
    """Insert ``child`` before the first existing sibling that the schema puts after it."""
    name = child.tag.split("}")[1]
    rank = order.index(name)
    for position, sibling in enumerate(parent):
        sibling_name = sibling.tag.split("}")[1]
        if sibling_name in order and order.index(sibling_name) > rank:
            parent.insert(position, child)
            return
    parent.append(child)


def _add_field(paragraph: Paragraph, instruction: str, cached: str) -> None:
    """A complex field (PAGE, NUMPAGES) with its cached result."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", cached),
                       ("end", None)):
        run = paragraph.add_run()
        _field_part(run._r, kind, text)


def _field_part(run_element, kind: str, text: str | None) -> None:
    if kind == "instr":
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {text} "
        run_element.append(instr)
    elif kind == "text":
        run_element.text = text
    else:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run_element.append(char)


def _wrap_in_field(paragraphs: Sequence[Paragraph], instruction: str) -> None:
    """Turn already written paragraphs into the cached result of one field (a TOC)."""
    first, last = paragraphs[0], paragraphs[-1]
    anchor = first._p.find(qn("w:r"))
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        run = OxmlElement("w:r")
        _field_part(run, kind, text)
        if anchor is not None:
            anchor.addprevious(run)
        else:
            first._p.append(run)
    end = OxmlElement("w:r")
    _field_part(end, "end", None)
    last._p.append(end)


def _add_hyperlink(paragraph: Paragraph, url: str, text: str, format_run) -> None:
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    r_pr.append(style)
    run.append(r_pr)
    text_element = OxmlElement("w:t")
    text_element.set(qn("xml:space"), "preserve")
    text_element.text = text
    run.append(text_element)
    format_run(run)
    link.append(run)
    paragraph._p.append(link)


def _add_bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    first_run = paragraph._p.find(qn("w:r"))
    if first_run is not None:
        first_run.addprevious(start)
    else:
        paragraph._p.append(start)
    paragraph._p.append(end)


def _shade_box(table: Table, fill: str = "F2F4F8", border: str = "8A9BB8") -> None:
    """The fact box: a light shaded cell with a thin border."""
    _grid_borders(table, border, outside_only=True)
    for cell in table._cells:
        tc_pr = cell._tc.get_or_add_tcPr()
        shade = OxmlElement("w:shd")
        shade.set(qn("w:val"), "clear")
        shade.set(qn("w:color"), "auto")
        shade.set(qn("w:fill"), fill)
        tc_pr.append(shade)


def _grid_borders(table: Table, color: str = "B7C1D3", outside_only: bool = False) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    edges = ("top", "left", "bottom", "right") + (() if outside_only else ("insideH", "insideV"))
    for edge in edges:
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "6")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), color)
        borders.append(element)
    tbl_pr.append(borders)


def _keep_rows_whole(table: Table) -> None:
    """w:cantSplit: a row (the fact box) is never broken across two pages."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.append(OxmlElement("w:cantSplit"))


def _set_widths(table: Table, widths: Iterable) -> None:
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _drop_empty_first_paragraph(cell: _Cell) -> None:
    """A new cell holds one empty paragraph; remove it so the cell starts with our first line."""
    paragraphs = cell.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].text:
        cell._tc.remove(paragraphs[0]._p)


def _empty_body(document) -> None:
    """Remove a template's sample content, keep its section properties (page size, margins)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _ask_to_update_fields(document) -> None:
    """Word refreshes the contents' page numbers on opening (w:updateFields)."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)
