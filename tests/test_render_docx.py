import io

import pytest
import regex
from briefing_samples import day_briefs
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.compose import compose
from briefer.config import BriefConfig
from briefer.errors import RenderError
from briefer.render import render_bytes
from briefer.render.docx import STYLES, is_rtl_text, split_by_script, style_cs_font
from briefer.render.make_template import build_template
from briefer.types import Skipped

ARABIC = regex.compile(r"\p{Script=Arabic}")
SIGNATURE = "engine:extractive|model:-|prompt:-|bullets:3|briefer:0.1.0|translator:none|verify:repair,replace"


def _render(english="none", **settings):
    config = BriefConfig(handling="للاستخدام الرسمي فقط", **settings)
    skipped = (Skipped("feed.jsonl:4", "article is not in Arabic (looks like 'en')"),)
    briefing = compose(day_briefs(english=english), config, skipped=skipped, signature=SIGNATURE)
    return Document(io.BytesIO(render_bytes(briefing, "docx", config)))


def _all_paragraphs(document):
    """Body, table cells, headers and footers."""
    parts = [document]
    for section in document.sections:
        parts += [section.header, section.footer, section.first_page_header, section.first_page_footer]
    for part in parts:
        yield from part.paragraphs
        for table in part.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def _runs(paragraph):
    return paragraph._p.findall(".//" + qn("w:r"))


def _run_text(run):
    return "".join(t.text or "" for t in run.findall(qn("w:t")))


@pytest.fixture(scope="module", params=["stacked", "side-by-side"])
def document(request):
    return _render(layout=request.param)


def test_every_arabic_paragraph_is_bidi_and_never_right_aligned(document):
    checked = 0
    for paragraph in _all_paragraphs(document):
        if is_rtl_text(paragraph.text):
            p_pr = paragraph._p.pPr
            assert p_pr is not None and p_pr.find(qn("w:bidi")) is not None, paragraph.text
            jc = p_pr.find(qn("w:jc"))
            assert jc is None or jc.get(qn("w:val")) not in {"right", "end"}, paragraph.text
            checked += 1
    assert checked > 30


def test_every_arabic_run_is_rtl_with_a_complex_script_font_and_size(document):
    checked = 0
    for paragraph in _all_paragraphs(document):
        for run in _runs(paragraph):
            if ARABIC.search(_run_text(run)):
                r_pr = run.find(qn("w:rPr"))
                assert r_pr is not None and r_pr.find(qn("w:rtl")) is not None, _run_text(run)
                fonts = r_pr.find(qn("w:rFonts"))
                run_font = fonts.get(qn("w:cs")) if fonts is not None else None
                assert (run_font or style_cs_font(paragraph.style)) == "Amiri"
                checked += 1
    assert checked > 50
    for name in (STYLES.bullet_ar, STYLES.story, STYLES.title):
        r_pr = document.styles[name].element.rPr
        assert r_pr.find(qn("w:szCs")) is not None


def test_bold_styles_are_bold_for_arabic_too(document):
    for name in (STYLES.title, STYLES.story, STYLES.heading):
        r_pr = document.styles[name].element.rPr
        assert r_pr.find(qn("w:b")) is not None and r_pr.find(qn("w:bCs")) is not None


def test_runs_are_split_by_script_so_digits_and_latin_keep_their_places():
    assert split_by_script("نشر الجيش 2,500 جندي", rtl_paragraph=True) == [
        ("نشر الجيش ", True), ("2,500", False), (" جندي", True)]
    assert split_by_script("نقلت Reuters News عن مصدر", True) == [
        ("نقلت ", True), ("Reuters News\u200f", False), (" عن مصدر", True)]
    assert split_by_script("Troops: 2,500 (صحيفة الأفق)", rtl_paragraph=False) == [
        ("Troops: 2,500 (", False), ("صحيفة الأفق\u200e", True), (")", False)]
    assert split_by_script("الفريق فاز 31-29 في G20", True) == [
        ("الفريق فاز ", True), ("31-29", False), (" في ", True), ("G20", False)]
    assert split_by_script("المصدر: 10_report.docx", True)[1] == ("\u200e10_report.docx", False)


def test_english_paragraphs_are_left_to_right():
    document = _render(english="lexicon")
    english = [p for p in document.paragraphs if p.text.startswith("The army deployed")]
    assert english and all(p._p.pPr.find(qn("w:bidi")) is None for p in english)
    assert any(p.text == "Key facts (not a translation)" for p in document.paragraphs)


def test_without_english_the_document_says_how_to_enable_it(document):
    notes = [p.text for p in document.paragraphs if "--translator marian" in p.text]
    assert notes and "briefer[models]" in notes[0]


def test_story_shows_both_outlets_with_links_dates_and_the_disagreement(document):
    text = "\n".join(p.text for p in _all_paragraphs(document))
    assert "صحيفة الأفق (2026-11-30)" in text and "وكالة أنباء المشرق" in text
    assert "تباين بين المصادر · Sources disagree\u200f: 2500 جندي (صحيفة الأفق) مقابل 2000 جندي (وكالة أنباء المشرق)" in text
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")}
    assert {"https://alofoq.example/army", "https://almashriq.example/army"} <= targets
    assert "«الجيش لن يسمح بجر لبنان إلى حرب لا يريدها» — العماد جوزيف عون" in text  # fact box


def test_header_footer_contents_and_appendix(document):
    section = document.sections[0]
    header = "\n".join(p.text for p in section.header.paragraphs)
    assert "للاستخدام الرسمي فقط" in header and "الموجز الإعلامي اليومي" in header
    assert "2026" in header and "1448 هـ" in header  # Gregorian and Hijri
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml
    assert 'TOC \\o "1-2"' in document.element.body.xml
    text = "\n".join(p.text for p in _all_paragraphs(document))
    assert "feed.jsonl:4: article is not in Arabic" in text
    assert SIGNATURE in text and "Prompt version" in text
    assert "replaced by a source sentence" in text


def test_side_by_side_puts_arabic_and_english_in_a_right_to_left_table():
    document = _render(layout="side-by-side", english="lexicon")
    two_column = [t for t in document.tables if len(t.columns) == 2]
    assert two_column
    tbl_pr = two_column[0]._tbl.tblPr
    assert tbl_pr.find(qn("w:bidiVisual")) is not None
    arabic_cell, english_cell = two_column[0].rows[0].cells
    assert is_rtl_text(arabic_cell.text) and not is_rtl_text(english_cell.text)


def test_cap_lists_the_rest_in_the_annex():
    document = _render(max_stories=2)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "ملحق: أخبار أخرى" in text
    headings = [p.text for p in document.paragraphs if p.style.name == STYLES.story]
    assert len(headings) == 2


def test_a_template_without_the_named_styles_is_refused_with_its_name(tmp_path):
    plain = tmp_path / "plain.docx"
    Document().save(str(plain))
    briefing = compose(day_briefs(), BriefConfig())
    with pytest.raises(RenderError, match=r"plain\.docx: missing style\(s\) Briefing Title"):
        render_bytes(briefing, "docx", BriefConfig(template=str(plain)))


def test_a_user_template_built_from_the_shipped_one_gives_the_look(tmp_path):
    template = build_template()
    template.styles[STYLES.bullet_ar].element.rPr.find(qn("w:rFonts")).set(qn("w:cs"), "Noto Naskh Arabic")
    path = tmp_path / "mine.docx"
    template.save(str(path))
    config = BriefConfig(template=str(path))
    document = Document(io.BytesIO(render_bytes(compose(day_briefs(), config), "docx", config)))
    bullet = next(p for p in document.paragraphs if p.style.name == STYLES.bullet_ar)
    assert style_cs_font(bullet.style) == "Noto Naskh Arabic"
    assert all(r.find(qn("w:rPr")).find(qn("w:rFonts")) is None for r in _runs(bullet))  # style wins


def test_shipped_template_has_every_named_style():
    from importlib import resources

    path = resources.files("briefer.render").joinpath("templates/briefing.docx")
    names = {s.name for s in Document(str(path)).styles}
    assert set(STYLES.names()) <= names


def test_provenance_is_a_word_comment_on_each_bullet(tmp_path):
    from pathlib import Path

    from briefer.config import load_config
    from briefer.pipeline import run_briefing
    from briefer.render import render_bytes

    examples = Path(__file__).resolve().parent.parent / "examples"
    config = load_config(examples / "briefer.toml", environ={}).replace(no_cache=True, provenance=True)
    result = run_briefing([str(examples / "12_security_red_sea_drones.txt")], config)
    path = tmp_path / "p.docx"
    path.write_bytes(render_bytes(result.briefing, "docx", config))
    comments = list(Document(str(path)).comments)
    brief = result.briefs[0]
    assert len(comments) == len(brief.bullets_ar)
    first = brief.analysis.sentences[brief.bullets_ar[0].sources[0]]
    assert f"({first.start}–{first.end})" in comments[0].text and first.text in comments[0].text


@given(text=st.text(alphabet=st.sampled_from(list("ab 1\u0627\u0644\t\n\r\xa0\u200f«»&<>")), max_size=12),
       rtl=st.booleans(), bold=st.booleans(), cs_font=st.booleans())
@settings(max_examples=200, deadline=None)
def test_runs_built_directly_are_the_runs_python_docx_builds(text, rtl, bold, cs_font):
    from lxml import etree

    from briefer.render.docx import _append_run, _format_run

    document = Document()
    direct, reference = document.add_paragraph(), document.add_paragraph()
    _append_run(direct, text, rtl, bold, cs_font)
    _format_run(reference.add_run(text)._r, rtl, bold, cs_font)
    assert etree.tostring(direct._p) == etree.tostring(reference._p)


def test_paragraphs_go_before_the_section_properties():
    document = _render()
    body = list(document.element.body)
    assert body[-1].tag == qn("w:sectPr")
    assert sum(1 for child in body if child.tag == qn("w:sectPr")) == 1
