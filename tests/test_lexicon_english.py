"""The English side without a translation model: names, figures and speakers through the lexicon."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
        "The Iraqi Health Ministry, Baghdad — figures: 2.5 million children",  # وزارة الصحة العراقية
        "Quote (Arabic, not translated) by Health Minister \u2068صالح الحسناوي\u2069",
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
    assert english_phrase("وزير الخارجية العراقي فؤاد حسين", keep_arabic=True) == "Iraqi Foreign Minister \u2068فؤاد حسين\u2069"  # isolated: the next Latin text stays in order


def test_facts_only_english_keeps_an_unknown_unit_as_written():
    from briefer.translate import figure_spans

    assert [s.english for s in figure_spans("مقتل 6 حمالين وإصابة 3 جنود", facts_only=True)] == ["6 \u2068حمالين\u2069", "3 soldiers"]


# ------------------------------------------------------------------ the fast paths give the same answers

LEXICON_WORDS = sorted({word for key in lexicon().phrases for word in key})
OTHER_WORDS = ["أعلنت", "الحكومة", "أن", "في", "يوم", "الأحد", "2.5", "٤٠", "3,500", "/", "%", "حزيران", "صالح"]


def _scanned_match(tokens, i, categories=None):
    """The lookup as first written: every length, longest first, every clitic variant of the first word."""
    from briefer.translate import Match, words
    from briefer.translate.words import _first_word_variants, _fold

    lex = words.lexicon()  # looked up where _match_at looks it up: the tiny_lexicon fixture patches it there
    for length in range(min(lex.longest, len(tokens) - i), 0, -1):
        rest = tuple(_fold(t.text) for t in tokens[i + 1 : i + length])
        for skip, first in _first_word_variants(tokens[i].text):
            entry = lex.phrases.get((_fold(first), *rest))
            if entry and (categories is None or entry.category in categories):
                return Match(length, entry, skip)
    return None


words_with_clitics = st.tuples(
    st.sampled_from(["", "", "", "و", "ب", "ل", "لل", "ف"]),
    st.sampled_from(LEXICON_WORDS + OTHER_WORDS),
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(words_with_clitics, min_size=1, max_size=12).map(" ".join))
def test_indexed_lookup_finds_what_a_scan_of_every_length_finds(text):
    from briefer.translate import NAME_CATEGORIES
    from briefer.translate.words import _match_at, _tokens

    tokens = _tokens(text)
    for categories in (None, NAME_CATEGORIES, frozenset({"approx", "month"})):
        for i in range(len(tokens)):
            assert _match_at(tokens, i, categories) == _scanned_match(tokens, i, categories)


def _blank_quotes(text):
    from briefer.translate import quote_spans

    for quote in quote_spans(text):
        text = text[: quote.start] + " " * (quote.end - quote.start) + text[quote.end :]
    return text


QUOTE_PIECES = ["وقال الوزير", "«الحملة تشمل 15 محافظة»", "“لن نتراجع عن 3 قرارات”", '"نحو 2.5 مليار"',
                "``40%''", "«", "”", '"', "بلغ", "4,000", "جندي،", ":", "5٪", "في", "بغداد."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(QUOTE_PIECES), max_size=15).map(lambda parts: "".join(p + " " * (len(p) % 2) for p in parts)))
def test_dropping_quoted_tokens_equals_tokenising_the_text_with_quotes_blanked(text):
    from briefer.translate import quote_spans
    from briefer.translate.side import _outside_quotes
    from briefer.translate.words import _tokens

    kept = [(t.text, t.start, t.end) for t in _outside_quotes(_tokens(text), quote_spans(text))]
    assert kept == [(t.text, t.start, t.end) for t in _tokens(_blank_quotes(text))]


@pytest.mark.parametrize(
    ("needle", "text"),
    [("فؤاد حسين", "قال فؤاد حسين إن فؤاد حسين"), ("ااا", "اااااااا"), ("بغداد", "لا ذكر لها"), ("a.b", "a.b axb a.b")],
)
def test_entity_occurrences_are_the_non_overlapping_literal_matches(needle, text):
    import regex

    from briefer.translate.names import _occurrences

    assert _occurrences(needle, text) == [m.start() for m in regex.finditer(regex.escape(needle), text)]


def test_english_side_tokenises_the_headline_and_each_bullet_once(monkeypatch):
    from briefer.translate import names, side, words

    calls = []
    tokens = words._tokens
    for module in (side, names):  # the modules whose functions english_side calls tokenise
        monkeypatch.setattr(module, "_tokens", lambda text: calls.append(text) or tokens(text))
    analysis = _analysis()
    bullets_ar = [Bullet("ar", s.text, sources=(s.index,)) for s in analysis.sentences]
    headline, bullets, _ = english_side(analysis, bullets_ar)
    assert headline == "Iraq · 2.5 million children" and len(bullets) == 2  # same answers as above
    assert calls == [analysis.article.title] + [b.text for b in bullets_ar]


@pytest.fixture
def tiny_lexicon(monkeypatch):
    """A two-entry lexicon where a word and the same word without its clitic open different phrases."""
    from briefer.translate import Entry, Lexicon, words

    phrases = {
        ("وزير",): Entry("title", "minister"),
        ("زير", "الماء"): Entry("word", "water jar"),  # 'و' + 'زير الماء' reads as 'and the water jar'
    }
    small = Lexicon(phrases, {}, 2, words._index_by_first_word(phrases))
    monkeypatch.setattr(words, "lexicon", lambda: small)
    words._phrases_opened_by.cache_clear()
    yield small
    words._phrases_opened_by.cache_clear()  # forget the tiny lexicon's answers


def test_longer_phrase_wins_over_the_word_as_written(tiny_lexicon):
    from briefer.translate.words import _match_at, _tokens

    tokens = _tokens("وزير الماء")
    found = _match_at(tokens, 0)
    assert (found.length, found.entry.english, found.skip) == (2, "water jar", 1)
    assert found == _scanned_match(tokens, 0)
    assert _match_at(_tokens("وزير النفط"), 0).entry.english == "minister"



def test_a_preposition_after_a_number_is_not_taken_for_its_unit():
    from briefer.translate import figure_spans

    assert [s.english for s in figure_spans("فاز الهلال بثلاثة أهداف مقابل 1 على النصر", facts_only=True)] == ["1"]


# ------------------------------------------------------------------ ranges, scores and head nouns


@pytest.mark.parametrize(("arabic", "english"), [
    ("فاز الهلال على النصر 3-1 في الدوري", ["3-1"]),
    ("فاز الهلال على النصر ٣-١ في الدوري", ["3-1"]),
    ("وانتهت المباراة بالتعادل 0 -0 )", ["0-0"]),
    ("ارتفعت الأسعار بين 15 و25 في المئة", ["15–25 percent"]),
    ("يتراوح عدد العمال من 5 إلى 12 مليون", ["5–12 million"]),
    ("كلفت القرصنة بين 57 و109 مليارات دولار", ["57–109 billion dollars"]),
    ("ويقتل ما بين 81 ألفا و138 ألف شخص سنويا", ["81 thousand–138 thousand people"]),
    ("ينصح بالنوم مدة 15 -30 دقيقة", ["15–30 minutes"]),
    ("خسر الفريق 2-3 على أرضه", ["2–3"]),  # rising: read as the figures layer reads it, a range
    ("ارتفع التضخم 40% - 30 عاملا", ["40%", "30 workers"]),  # a percent ends the first figure
])
def test_facts_only_ranges_and_scores_are_one_figure(arabic, english):
    assert [span.english for span in figure_spans(arabic, facts_only=True)] == english


@pytest.mark.parametrize(("arabic", "english"), [
    ("وسجل اللاعب 9 بضربة رأس", ["9"]),  # a preposition + a singular noun after 3-10: not what 9 counts
    ("وبقيت روسيا في الفئة الثالثة منذ عام 2013، وهو ما أثار غضب موسكو", ["2013"]),  # a comma ends it
    ("وبلغ عدد الزوار 2013 وهو رقم قياسي", ["2013"]),  # و + a word that counts nothing
    ("تأهل 8 بالإضافة إلى المضيف", ["8"]),  # a definite noun is never the counted one
    ("أطلقت الشرطة 9 بلاغات", ["9 reports"]),  # ب that is part of the word stays
    ("وصل عدد البلاغات إلى 14 بلدة", ["14 towns"]),  # singular after 11-99 is the counted noun
])
def test_facts_only_head_nouns_are_what_the_number_counts(arabic, english):
    assert [span.english for span in figure_spans(arabic, facts_only=True)] == english


def test_without_facts_only_the_masking_keeps_two_numbers_apart():
    assert [span.english for span in figure_spans("فاز الهلال 3-1")] == ["3", "1"]


def _sports_and_prices() -> Analysis:
    from briefer.analyze import analyze

    text = (
        "فاز الهلال على النصر بنتيجة 3-1 في مباراة الذهاب على ملعب الملك فهد الدولي في الرياض. "
        "وتوقع صندوق النقد الدولي أن ترتفع أسعار الغذاء في المنطقة بين 15 و25 في المئة خلال العام المقبل. "
        "وتظهر الإحصاءات وجود ما بين 5 و12 مليون عامل أجنبي في روسيا."
    )
    return analyze(Article(id="r1", text=text, title="الهلال يفوز على النصر 3-1", source="وكالة الأنباء"))


def test_facts_only_lines_with_ranges_and_scores_pass_the_guard():
    from briefer.verify import verify_bullets

    analysis = _sports_and_prices()
    bullets_ar = tuple(Bullet("ar", s.text, sources=(s.index,)) for s in analysis.sentences)
    headline, bullets_en, mode = english_side(analysis, bullets_ar)
    assert mode == "lexicon" and "3-1" in headline and "3 · 1" not in headline
    kept, verdicts = verify_bullets(analysis, bullets_en, "repair,replace")
    assert [v.action for v in verdicts] == ["kept"] * 3
    texts = " | ".join(b.text for b in kept)
    assert "3-1" in texts and "15–25 percent" in texts and "5–12 million" in texts


# ------------------------------------------------------------------ figure shapes the figures layer reads


def _facts_only(text: str) -> list[str]:
    return [span.english for span in figure_spans(text, facts_only=True)]


@pytest.mark.parametrize(("arabic", "english"), [
    # the newswire decimal, decimals first: 10ر18 is 18.10 (glued to its scale word, as written)
    ("وجاء في المركز الثاني محققا إيرادات بلغت 10ر18ميلون دولار.", ["18.10 million dollars"]),
    ("وحل ثالثا بإيرادات بلغت 70ر13مليون دولار.", ["13.70 million dollars"]),
    ("محققا ايرادات بلغت 02ر10 مليون دولار.", ["10.02 million dollars"]),
    ("بيان ديلف الذي كلفه ٥٠ر١١ مليون يورو", ["11.50 million euros"]),
    # a right-to-left mark beside the point: displayed, and meant, the other way round
    ("سيرتفع عدد السكان من 3.\u200f7 مليار نسمة إلى 7.\u200f9 مليار نسمة", ["7.3 billion inhabitants", "9.7 billion inhabitants"]),
    ("ثم إلى 2\u200f.11 مليار نسمة في 2100", ["11.2 billion inhabitants", "2100"]),
    ("بلغ العدد 3.7 مليار نسمة", ["3.7 billion inhabitants"]),  # no mark: as written
    ("بلغت النسبة 10 ر 18 بالمئة", ["10", "18 percent"]),  # a spaced ر is a word, not a decimal point
])
def test_facts_only_decimals_read_as_the_figures_layer_reads_them(arabic, english):
    assert _facts_only(arabic) == english


@pytest.mark.parametrize(("arabic", "english"), [
    ("بلغت إيرادات العرض السينمائي في مصر 10 ملايين ونصف جنيه، بعد مرور أسبوع", ["10.5 million pounds"]),
    ("وتستغرق الرحلة 3 ساعات ونصف", ["3.5 hours"]),
    ("وتستغرق 29 يوماً ونصف اليوم.", ["29.5 days"]),  # the unit said again is taken with the half
    ("وبلغ عدد المشتركين 4 ملايين وربع", ["4.25 million"]),
    ("وأنفقت 10 ملايين دولار ونصف", ["10.5 million dollars"]),
    ("قتل 20 شخصا ونصف الجرحى من الأطفال", ["20 people"]),  # half of the wounded, not of the dead
    ("استمر 3 أيام ونصف مليون زائر حضروا", ["3 days"]),  # the half opens another figure
    ("وبلغ 5 ملايين وثلث", ["5 million"]),  # a third has no exact decimal: not made up
])
def test_facts_only_and_a_half_joins_the_number(arabic, english):
    assert _facts_only(arabic) == english


def test_and_a_half_is_left_to_the_model_when_there_is_one():
    assert [s.english for s in figure_spans("في مصر 10 ملايين ونصف جنيه")] == ["10 million"]


@pytest.mark.parametrize(("arabic", "english"), [
    ("وتعادل بيرسيتش في الدقيقة 58 بتسديدة قوية من داخل منطقة الجزاء", ["58"]),
    ("وسجل صلاح 13 هدفا مقارنة بـ 8 لرونالدو و18 لميسي", ["13 goals", "8", "18"]),
    ("وقتل 13 شخصا، وأصاب أكثر من 130 بجروح قبل أن يفر", ["13 people", "more than 130"]),
    ("قتل 20 بسوريا خلال الأسبوع", ["20"]),  # ب + a place name
    ("وفازت فرنسا بكأس العالم 2018 بفوز كبير على كرواتيا", ["2018"]),  # a year counts nothing
    ("وكان ذلك في عام 1935 وتوفي بعدها", ["1935"]),
])
def test_facts_only_a_preposition_or_a_year_is_not_what_a_number_counts(arabic, english):
    assert _facts_only(arabic) == english


@pytest.mark.parametrize(("arabic", "english"), [
    ("وينتشر في أكثر من 235 بلدا ودولة", ["more than 235 countries"]),  # accusative: a counted noun
    ("أدت لمقتل 260 كرديا", ["260 Kurds"]),
    ("ضبط 89 كبسولة من الهيروين", ["89 capsules"]),  # listed in counted_nouns.txt
    ("يتكون كل فريق من 7 لاعبين", ["7 players"]),
    ("يلعب كرة القدم في أكثر من 200 بلدة", ["more than 200 towns"]),  # too short for ب + noun
    ("أعلن عن مقتل 2076 مقاتلًا من الفصائل", ["2076 fighters"]),  # a year-like count
    ("زار المعرض أكثر من 2000 زائر", ["more than 2000 visitors"]),  # a year is never approximate
    ("يبلغ طوله 360 كلم ويتكون من ثلاثة روافد", ["360 km"]),
    ("ويصل وزنه إلى 585 كيلوغراما وقت إطلاقه", ["585 kilograms"]),
    ("شاشة بقياس 5.5 بوصة", ["5.5 inches"]),
])
def test_facts_only_counted_nouns_and_units_stay_with_their_number(arabic, english):
    assert _facts_only(arabic) == english


def test_counted_noun_list_holds_only_what_the_preposition_rule_needs():
    from briefer.translate.figures import _counted_nouns, _is_accusative

    nouns = _counted_nouns()
    assert len(nouns) > 50
    assert all(noun[0] in "بلك" and not _is_accusative(noun) for noun in nouns)


def _figures_article() -> Analysis:
    from briefer.analyze import analyze

    text = (
        "تصدر الفيلم إيرادات دور السينما محققا إيرادات بلغت 10ر18ميلون دولار خلال عطلة نهاية الأسبوع. "
        "وتتوقع الأمم المتحدة أن يرتفع عدد سكان العالم من 3.\u200f7 مليار نسمة إلى 7.\u200f9 مليار نسمة. "
        "وبلغت إيرادات الأفلام في مصر 10 ملايين ونصف جنيه خلال أسبوع. "
        "وتعادل اللاعب في الدقيقة 58 بتسديدة قوية من داخل منطقة الجزاء."
    )
    return analyze(Article(id="f1", text=text, title="إيرادات السينما تبلغ 10ر18ميلون دولار"))


def test_facts_only_lines_give_the_figures_layer_values_and_pass_the_guard():
    from briefer.facts.english import find_english_figures
    from briefer.verify import verify_bullets

    analysis = _figures_article()
    bullets_ar = tuple(Bullet("ar", s.text, sources=(s.index,)) for s in analysis.sentences)
    headline, bullets_en, _ = english_side(analysis, bullets_ar)
    assert headline == "18.10 million dollars"
    english_values = [f.value for b in bullets_en for f in find_english_figures(b.text)]
    assert english_values == pytest.approx([f.value for f in analysis.figures])
    assert [b.text for b in bullets_en][1:] == [
        "The United Nations — figures: 7.3 billion inhabitants; 9.7 billion inhabitants", "Egypt — figures: 10.5 million pounds", "Figures: 58",
    ]
    kept, verdicts = verify_bullets(analysis, bullets_en, "repair,replace")
    assert [v.action for v in verdicts] == ["kept"] * 4 and len(kept) == 4


# ------------------------------------------------------------------ plural and dual currencies


@pytest.mark.parametrize(("arabic", "english"), [
    ("بلغ سعر التذكرة 15 ريالات", ["15 riyals"]),
    ("غرامة قدرها 40 دنانير", ["40 dinars"]),
    ("بيعت النسخة بـ 7 جنيهات", ["7 pounds"]),
    ("رسوم قيمتها 9 دراهم", ["9 dirhams"]),
    ("ارتفع السعر إلى 6 دولارات", ["6 dollars"]),
    ("خسرت العملة 8 ليرات", ["8 lira"]),
    ("تراوح السعر بين 3 و4 ريالات", ["3–4 riyals"]),  # a range keeps both ends
    ("بلغ سعره 2.75 ريالات", ["2.75 riyals"]),  # the digits as written
])
def test_plural_currencies_read_in_english_with_the_figure_exact(arabic, english):
    assert _facts_only(arabic) == english


@pytest.mark.parametrize("dual", ["دولاران", "دولارين", "ريالان", "ريالين", "ديناران", "دينارين",
                                  "جنيهان", "جنيهين", "درهمان", "درهمين", "ليرتان", "ليرتين"])
def test_dual_currencies_are_listed(dual):
    from briefer.translate.words import _fold

    assert lexicon().phrases[(_fold(dual),)].category == "currency"


def test_a_dual_currency_written_in_words_gives_the_value_the_figures_layer_read():
    from briefer.translate.side import _word_figure_english

    # "بتكلفة دولارين" (two dollars): the number is the dual itself, read from the figure's value
    assert _word_figure_english("دولارين", 2.0, "دولارين", "money", "") == "2 dollars"
    assert _word_figure_english("ألفي ريال", 2000.0, "ريالين", "money", "") == "2,000 riyals"


def test_plural_currencies_in_a_facts_line_pass_the_guard():
    from briefer.analyze import analyze
    from briefer.verify import verify_bullets

    text = "ورفعت الشركة سعر التذكرة إلى 15 ريالات. وبلغت الغرامة 40 دنانير في الأردن."
    analysis = analyze(Article(id="c1", text=text))
    bullets_ar = tuple(Bullet("ar", s.text, sources=(s.index,)) for s in analysis.sentences)
    _, bullets_en, _ = english_side(analysis, bullets_ar)
    assert [b.text for b in bullets_en] == ["Figures: 15 riyals", "Jordan — figures: 40 dinars"]
    kept, verdicts = verify_bullets(analysis, bullets_en, "repair,replace")
    assert [v.action for v in verdicts] == ["kept", "kept"] and len(kept) == 2


# ------------------------------------------------------------------ clock times


@pytest.mark.parametrize(("arabic", "english"), [
    ("يبدأ الحفل الساعة 10:30 صباحا", ["10:30 a.m."]),
    ("انطلق القطار الساعة ٩:٤٥ مساءً", ["9:45 p.m."]),  # Arabic-Indic digits
    ("تبدأ الجلسة الساعة 8.15 مساء", ["8:15 p.m."]),  # the point between hours and minutes
    ("يفتح المعرض الساعة 9", ["9 o'clock"]),
    ("وقع الانفجار الساعة 3 فجرا بتوقيت مكة المكرمة", ["3 a.m. Mecca time"]),
    ("أقلعت الطائرة الساعة 0615 بتوقيت غرينتش", ["0615 GMT"]),  # as the newswire writes it
    ("وصل الوفد عند 21:05 بالتوقيت المحلي", ["21:05 local time"]),
    ("يفتح من 9 صباحا حتى 11 مساء", ["9 a.m.", "11 p.m."]),  # a time of day makes an hour a time
    ("الساعة 7 مساء قتل 4 أشخاص", ["7 p.m.", "4 people"]),
])
def test_clock_times_read_in_english(arabic, english):
    assert _facts_only(arabic) == english


@pytest.mark.parametrize(("arabic", "english"), [
    ("فاز الفريق 2:1 على ضيفه", ["2", "1"]),  # no الساعة, no time word: a score
    ("ارتفع المؤشر 10.30 نقطة", ["10.30 points"]),  # a decimal
    ("قتل 25 مساء الأحد", ["25 \u2068مساء\u2069"]),  # past 12: not an hour
    ("بدأ الاجتماع الساعة العاشرة صباحا", []),  # an hour in words: the guard could not trace its 10
])
def test_what_is_not_a_clock_time_in_digits_is_left_as_it_was(arabic, english):
    assert _facts_only(arabic) == english


def test_clock_times_in_a_facts_line_pass_the_guard():
    from briefer.analyze import analyze
    from briefer.verify import verify_bullets

    text = ("وقع الانفجار الساعة 10:30 صباحا وأسفر عن مقتل 12 شخصا. "
            "وقال المتحدث إن الطريق فتح الساعة 8 مساء بعد رفع 3 شاحنات. "
            "وأقلعت الطائرة الساعة 0615 بتوقيت غرينتش وعلى متنها 150 راكبا.")
    analysis = analyze(Article(id="t1", text=text))
    bullets_ar = tuple(Bullet("ar", s.text, sources=(s.index,)) for s in analysis.sentences)
    _, bullets_en, _ = english_side(analysis, bullets_ar)
    assert [b.text for b in bullets_en] == [
        "Figures: 10:30 a.m.; 12 people",
        "Figures: 8 p.m.; 3 trucks",
        "Figures: 0615 GMT; 150 passengers",
    ]
    kept, verdicts = verify_bullets(analysis, bullets_en, "repair,replace")
    assert [v.action for v in verdicts] == ["kept"] * 3 and len(kept) == 3


# ------------------------------------------------------------------ the headline: titles, figures in words


def _headline(title: str) -> str:
    from briefer.translate import lexicon_headline

    return lexicon_headline(Analysis(Article("h", "نص قصير.", title=title), split_sentences("نص قصير.")))


@pytest.mark.parametrize(("title", "english"), [
    # a title read whole with its nationality or genitive comes before the places it visits
    ("وزير الخارجية العراقي يبحث في عمّان التعاون", "Iraqi Foreign Minister · Amman"),
    ("قائد الجيش المصري يزور القاهرة", "commander of the Egyptian army · Cairo"),  # the army said once
    ("الأمين العام للجامعة العربية يزور بغداد", "Secretary-General of the Arab League · Baghdad"),
    ("رئيس كوريا الجنوبية: ترامب يستحق جائزة", "President of South Korea"),
    ("وزير الصحة يفتتح 5 مستشفيات", "Health Minister · 5 hospitals"),  # listed with its genitive
    ("وزير بريطاني: على بوتين تحمل المسؤولية", "a British minister"),  # indefinite in Arabic
    ("الشرطة الهندية تعتقل امرأة", "the Indian police"),
])
def test_the_headline_names_titles_with_their_genitive_or_nationality(title, english):
    assert _headline(title) == english


@pytest.mark.parametrize("title", [
    "الملك يستقبل السفير",  # bare titles
    "المدرب يشيد باللاعبين",
    "المتحدث باسم يعلن",  # a preposition left without its noun
    "الأمين العام يزور",  # a title and its adjective: no genitive
    "رئيس الجمهورية يصل",  # listed, but "the President" describes nobody
    "المدير السابق لصوت العرب يتحدث",  # the complement no list knows: the former director of what?
    "المحكمة البرازيلية العليا تقرر",  # the phrase goes on: not just "the Brazilian court"
])
def test_the_headline_leaves_out_bare_or_incomplete_titles(title):
    assert _headline(title) == ""


def test_the_headline_states_figures_written_in_words_with_the_value_in_digits():
    assert _headline("فيرساتشي تباع لشركة أمريكية بملياري دولار") == "2 billion dollars"
    assert _headline("مسلحو المعارضة يغادرون ثلاث بلدات") == "3 towns"
    assert _headline("انتحاري يقتل ستة في سوق") == ""  # a bare small number says nothing


def test_a_dual_scale_word_in_the_construct_state_is_two_of_its_scale():
    # "مليونا مسافر" is two million passengers (the figures layer reads the dual in construct);
    # the same letters alone are one million
    assert _headline("مليونا مسافر غادروا الشرقية") == "2 million passengers"
    assert _headline("ستة ويصيب 11") == "11"  # "ويصيب" (and injures) is a verb, not what six counts


@pytest.mark.parametrize(("arabic", "english"), [
    ("مساحة 250 كيلو مترا مربعا", "250 square kilometres"),
    ("وزنه 41 كيلو غراما", "41 kilograms"),
    ("نحو 90 ميلا بحريا", "about 90 nautical miles"),
    ("بلغت 5 أمتار مكعبة", "5 cubic metres"),
    ("التصدي لـ 3 رميات", "3 throws"),
    ("و24 بحارا", "24 sailors"),
    ("عدد 12 بحارة", "12 sailors"),  # ب is the noun's own letter (counted_nouns.txt)
    # after a scale word, a noun the lexicon lists; one it does not is left out, not kept in Arabic
    ("شملت 2.4 مليون حبة كبتاغون", "2.4 million pills"),
    ("أمام نحو 4 آلاف متفرج", "about 4 thousand spectators"),
    ("أكثر من 50 مليون كرية", "more than 50 million"),
    ("إنفاق 16 مليون استرليني", "16 million pounds sterling"),
    ("قتل 6 ويصيب آخرين", "6"),  # a verb after the number is not what it counts
])
def test_units_and_counted_nouns_in_english(arabic, english):
    assert [span.english for span in figure_spans(arabic, facts_only=True)] == [english]
