from briefing_samples import day_briefs

from briefer.compose import compose
from briefer.config import BriefConfig
from briefer.render.markdown import _escape, render_markdown


def _markdown(**settings):
    config = BriefConfig(handling="للاستخدام الرسمي فقط", **settings)
    return render_markdown(compose(day_briefs(), config, signature="engine:extractive|model:-"), config)


def test_arabic_blocks_are_marked_right_to_left_and_english_is_not():
    text = _markdown()
    assert text.count('<div dir="rtl">') == text.count("</div>") > 5
    rtl_block = text.split('<div dir="rtl">')[2]
    assert "# الموجز الإعلامي اليومي" in rtl_block and "1448 هـ" in rtl_block
    english_date = text.split("</div>")[2]
    assert "Monday 30 November 2026" in english_date


def test_story_has_linked_sources_bullets_disagreement_and_facts():
    text = _markdown()
    assert "[صحيفة الأفق](https://alofoq.example/army) (2026-11-30)" in text
    assert "- بيروت – أعلن الجيش اللبناني أمس الأحد نشر نحو 2500 جندي" in text
    assert "2500 جندي (صحيفة الأفق) مقابل 2000 جندي (وكالة أنباء المشرق)" in text
    assert "> «الجيش لن يسمح بجر لبنان إلى حرب لا يريدها» — العماد جوزيف عون" in text
    assert "1. الجيش اللبناني ينشر 2500 جندي في الجنوب بعد ليلة من القصف" in text


def test_plain_has_no_html_at_all():
    text = _markdown(plain=True)
    assert "<div" not in text and "</div>" not in text
    assert "## الشؤون الأمنية والعسكرية · Security and defence" in text


def test_appendix_english_note_annex_and_escaping():
    text = _markdown(max_stories=2)
    assert "## ملحق: أخبار أخرى · Annex: further stories" in text
    assert "| أُبقيت كما هي · kept as written | 15 | 0 |" in text  # 5 articles x 3 bullets, annex included
    assert "| استُبدلت بجملة من المصدر · replaced by a source sentence | 5 | 0 |" in text
    assert "--translator marian --translator-model \\<path\\>" in text
    assert "`engine:extractive|model:-|briefer:0.1.0`" in text
    assert _escape("نص *مهم* <b>") == "نص \\*مهم\\* \\<b\\>"


def test_lexicon_only_english_says_how_to_get_a_translation():
    from pathlib import Path

    from briefer.config import load_config
    from briefer.pipeline import run_briefing
    from briefer.render.markdown import render_markdown

    examples = Path(__file__).resolve().parent.parent / "examples"
    config = load_config(examples / "briefer.toml", environ={}).replace(no_cache=True, translator="none")
    text = render_markdown(run_briefing([str(examples / "12_security_red_sea_drones.txt")], config).briefing, config)
    assert "not a translation" in text and "--translator marian" in text


def test_bullets_cite_their_source_sentences_with_offsets():
    from pathlib import Path

    from briefer.config import load_config
    from briefer.pipeline import run_briefing
    from briefer.render.markdown import render_markdown

    examples = Path(__file__).resolve().parent.parent / "examples"
    config = load_config(examples / "briefer.toml", environ={}).replace(no_cache=True, plain=True)
    result = run_briefing([str(examples / "01_politics_iraq_fm_visit_amman.txt")], config)
    text = render_markdown(result.briefing, config)
    brief = result.briefs[0]
    first = brief.bullets_ar[0]
    sentence = brief.analysis.sentences[first.sources[0]]
    assert f" [{first.sources[0] + 1}]" in text
    assert f"[{first.sources[0] + 1}] {sentence.start}–{sentence.end}" in text
    assert brief.article.text[sentence.start:sentence.end] == sentence.text
