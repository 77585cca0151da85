"""The English side without a translation model: names, figures and speakers through the lexicon."""

from __future__ import annotations

import pytest

from briefer.arabic.segment import split_sentences
from briefer.translate import (
    ENGLISH_HINT,
    LEXICON_LABEL,
    english_phrase,
    english_side,
    figure_spans,
    lexicon,
    romanized,
)
from briefer.types import Analysis, Article, Bullet, Quote


@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        ("ارتفع العجز إلى نحو 2.5 مليار دولار", "about 2.5 billion dollars"),
        ("بلغ التضخم ٤٠٪ العام الماضي", "40%"),
        ("قتل أكثر من 300 جندي", "more than 300 soldiers"),
        ("خفض البنك المركزي الفائدة 200 نقطة أساس", "200 basis points"),
        ("بقيمة ١٢٫٥ مليون دينار عراقي", "12.5 million Iraqi dinars"),
        ("تنطلق الانتخابات في يونيو/ حزيران 2026", "June 2026"),
        ("وقع الاتفاق في 5 يونيو 2026", "5 June 2026"),
        ("بلغت الصادرات 3,500 برميل", "3,500 barrels"),
    ],
)
def test_figures_keep_their_digits_and_get_english_units(arabic, english):
    assert [span.english for span in figure_spans(arabic)] == [english]


def test_figure_span_leaves_a_joined_preposition_outside():
    text = "ارتفع الإنفاق بنحو 4 مليارات ريال"
    (span,) = figure_spans(text)
    assert text[span.start : span.end] == "نحو 4 مليارات ريال"
    assert span.english == "about 4 billion riyals"


def test_titles_put_nationality_first():
    assert english_phrase("وزير الخارجية العراقي") == "Iraqi Foreign Minister"
    assert english_phrase("الرئيس الأمريكي") == "US President"
    assert english_phrase("المتحدث باسم وزارة الصحة") == "spokesperson for the Health Ministry"


def test_unknown_names_are_romanised_consistently():
    assert romanized("حسين") == romanized("حسين") == "Hsin"
    assert english_phrase("وزير الخارجية العراقي فؤاد حسين") == "Iraqi Foreign Minister Fuad Hsin"
    assert english_phrase("فؤاد حسين", romanize=False) == ""  # left to a model when there is one


def test_lexicon_covers_the_promised_categories():
    categories = {entry.category for entry in lexicon().phrases.values()}
    assert {"country", "city", "org", "title", "unit", "currency", "month", "scale", "approx"} <= categories
    assert lexicon().phrases[("مصر",)].english == "Egypt"
    assert lexicon().phrases[("الامم", "المتحده")].english == "the United Nations"  # folded key


TEXT = (
    "أعلنت وزارة الصحة العراقية إطلاق حملة تطعيم تستهدف 2.5 مليون طفل في بغداد. "
    "وقال وزير الصحة صالح الحسناوي: «الحملة تشمل 15 محافظة». "
    "ودعت الوزارة الأهالي إلى مراجعة المراكز الصحية."
)


def _analysis() -> Analysis:
    quote = "الحملة تشمل 15 محافظة"
    start = TEXT.index(quote)
    return Analysis(
        Article("measles", TEXT, title="حملة تطعيم في العراق تستهدف 2.5 مليون طفل"),
        split_sentences(TEXT),
        quotes=(Quote(quote, start, start + len(quote), speaker="وزير الصحة صالح الحسناوي", sentence=1),),
    )


def test_english_side_without_a_translator_gives_labelled_fact_lines():
    analysis = _analysis()
    bullets_ar = [Bullet("ar", s.text, sources=(s.index,), origin="extractive") for s in analysis.sentences]
    headline, bullets, mode = english_side(analysis, bullets_ar)
    assert mode == "lexicon"
    assert headline == "Iraq · 2.5 million children"
    assert [b.text for b in bullets] == [
        "The Health Ministry, Baghdad — figures: 2.5 million children",
        "Quote (Arabic, not translated) by Health Minister صالح الحسناوي",
    ]
    assert all(b.lang == "en" and b.translated and b.origin == "lexicon" for b in bullets)
    assert [b.sources for b in bullets] == [(0,), (1,)]  # the third bullet has no figure or quote


def test_a_quote_without_speaker_says_so():
    text = "جاء في البيان «لن نتراجع عن 3 قرارات»."
    analysis = Analysis(Article("x", text), split_sentences(text))
    _, bullets, _ = english_side(analysis, [Bullet("ar", text, sources=(0,))])
    assert bullets[0].text == "Quote (Arabic, not translated), speaker not identified"


def test_label_and_hint_tell_the_reader_how_to_get_full_english():
    assert "Not a translation" in LEXICON_LABEL
    assert "translator = \"marian\"" in ENGLISH_HINT and "briefer models pull Helsinki-NLP/opus-mt-ar-en" in ENGLISH_HINT


def test_unknown_names_can_stay_in_arabic_script():
    assert english_phrase("وزير الخارجية العراقي فؤاد حسين", keep_arabic=True) == "Iraqi Foreign Minister فؤاد حسين"


def test_facts_only_english_keeps_an_unknown_unit_as_written():
    from briefer.translate import figure_spans

    assert [s.english for s in figure_spans("مقتل 6 مهربين وإصابة 3 جنود", arabic_units=True)] == ["6 مهربين", "3 soldiers"]
