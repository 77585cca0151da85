import time

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.arabic.segment import _closes_only, _opens_only, quote_regions, split_sentences


def texts(text):
    return [sentence.text for sentence in split_sentences(text)]


def test_ends_at_arabic_and_latin_marks_and_line_breaks():
    text = "هل تنجح المفاوضات؟ قال الوزير إنها ستنجح! وأضاف أن الجولة المقبلة في جدة.\nوصل الوفد الرياض"
    assert texts(text) == [
        "هل تنجح المفاوضات؟",
        "قال الوزير إنها ستنجح!",
        "وأضاف أن الجولة المقبلة في جدة.",
        "وصل الوفد الرياض",
    ]


def test_offsets_point_into_the_article():
    text = "  انخفض سعر الذهب 0.1 بالمئة.  وارتفع الدولار. "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.index for s in split_sentences(text)] == [0, 1]


def test_no_end_inside_decimals_abbreviations_or_urls():
    text = (
        "انخفض سعر الذهب إلى 1154.55 دولار للأوقية. وقال د. محمد عيسى إن الاكتشاف مذهل. "
        "وأصدرت وكالة إف. بي. آي مذكرة اعتقال. وأوضحت الهيئة على موقعها www.sfda.gov.sa أن الحملة مستمرة."
    )
    assert texts(text) == [
        "انخفض سعر الذهب إلى 1154.55 دولار للأوقية.",
        "وقال د. محمد عيسى إن الاكتشاف مذهل.",
        "وأصدرت وكالة إف. بي. آي مذكرة اعتقال.",
        "وأوضحت الهيئة على موقعها www.sfda.gov.sa أن الحملة مستمرة.",
    ]


def test_year_marker_period_can_end_a_sentence():
    assert texts("أقيمت الدورة في 16 شوال 1432هـ. وحضرها الأمير.") == [
        "أقيمت الدورة في 16 شوال 1432هـ.",
        "وحضرها الأمير.",
    ]


def test_a_quote_that_spans_sentences_stays_in_one_sentence():
    text = "وقال المحلل “نرى موجة بيع واسعة. النحاس والحديد يتراجعان.” وتابع الجلسة. ثم انصرف."
    assert texts(text) == [
        "وقال المحلل “نرى موجة بيع واسعة. النحاس والحديد يتراجعان.”",
        "وتابع الجلسة.",
        "ثم انصرف.",
    ]
    assert texts("قال «لن نتراجع. أبداً» ثم غادر.") == ["قال «لن نتراجع. أبداً» ثم غادر."]


def test_an_unclosed_quote_does_not_swallow_the_line():
    text = "وقال “الذين أطلقوا النار مجرمون. وغادر الموقع. ثم عاد."
    assert len(texts(text)) == 3


def test_semicolon_ends_a_clause_unless_a_reason_follows():
    assert texts("تسلم الجائزة؛ لأن بحثه متميز") == ["تسلم الجائزة؛ لأن بحثه متميز"]
    assert texts("انتهت الجلسة الأولى؛ وبدأت الثانية بعد الظهر") == ["انتهت الجلسة الأولى؛", "وبدأت الثانية بعد الظهر"]


def test_glued_period_before_an_arabic_word_still_ends():
    assert texts("بحسب وكالة الأنباء “الألمانية”.وتراجع الفيلم") == ["بحسب وكالة الأنباء “الألمانية”.", "وتراجع الفيلم"]


def test_ellipsis_mid_line_is_a_pause():
    assert texts("ميرنا المهندس في ذمة الله..الله يرحمها.. اللهم صبر أهلها") == [
        "ميرنا المهندس في ذمة الله..الله يرحمها.. اللهم صبر أهلها"
    ]


def test_quote_regions_pair_misdirected_marks():
    text = "عبّر الشهراني لـ”عين اليوم” عن فخره"
    (region,) = quote_regions(text)
    assert text[region[0] : region[1]] == "”عين اليوم”"


WRAPPED = (
    "الخطاط الكويتي فريد العلي يعرض مجموعة محمديات بدعوة من جمعية العلوم الاجتماعية\n"
    "وتحت رعاية عميد كلية العلوم الاجتماعية في جامعة الكويت. وعرض الخطاط العلي 30 لوحة\n"
    "تحتوي على 108 تصاميم لكلمة محمد من مجموعة محمديات التي صممها الفنان بخمسمئة\n"
    "تشكيل يتزامن مع ذكرى المولد النبوي الشريف.\n"
    "\n"
    "وفي اليوم الثاني من المعرض أقام الفنان العلي ورشة فنية خطية لطلبة كلية العلوم\n"
    "الاجتماعية قدم فيها حلولا للمشاكل التي تواجه الطلبة في طريقة تحسين الخط العربي.\n"
)


def test_a_text_wrapped_at_a_fixed_width_is_read_in_whole_sentences():
    sentences = texts(WRAPPED)
    assert [s.replace("\n", " ") for s in sentences] == [
        "الخطاط الكويتي فريد العلي يعرض مجموعة محمديات بدعوة من جمعية العلوم الاجتماعية "
        "وتحت رعاية عميد كلية العلوم الاجتماعية في جامعة الكويت.",
        "وعرض الخطاط العلي 30 لوحة تحتوي على 108 تصاميم لكلمة محمد من مجموعة محمديات التي صممها "
        "الفنان بخمسمئة تشكيل يتزامن مع ذكرى المولد النبوي الشريف.",
        "وفي اليوم الثاني من المعرض أقام الفنان العلي ورشة فنية خطية لطلبة كلية العلوم "
        "الاجتماعية قدم فيها حلولا للمشاكل التي تواجه الطلبة في طريقة تحسين الخط العربي.",
    ]


def test_a_paragraph_a_line_and_short_headings_still_break_at_each_line():
    news = ("أعلنت الحكومة خطة جديدة لدعم الاقتصاد الوطني خلال العام المقبل\n"
            "وقال وزير المالية إن الخطة تشمل 60 ألف وظيفة في القطاع الخاص.\n"
            "الأسعار\nالأجور\nالضرائب\nالتعليم\n")
    assert len(texts(news)) == 6
    headings = "أبرز العناوين\nالسياسة\nالاقتصاد\nالرياضة\nالثقافة\n"
    assert texts(headings) == ["أبرز العناوين", "السياسة", "الاقتصاد", "الرياضة", "الثقافة"]


def test_empty_and_blank_text():
    assert split_sentences("") == ()
    assert split_sentences(" \n\n ") == ()


def _reference_line_quotes(line):
    """Quote pairing mark by mark, as first written: each opening mark scans on for its closer."""
    regions, position = [], 0
    while position < len(line):
        opening = next((i for i in range(position, len(line)) if line[i] == "«"
                        or (line[i] in "\"“”" and not _closes_only(line, i))), -1)
        if opening < 0:
            break
        wanted = (lambda i: line[i] == "»") if line[opening] == "«" else (
            lambda i: line[i] in "\"“”" and not _opens_only(line, i))
        closing = next((i for i in range(opening + 1, len(line)) if wanted(i)), -1)
        if closing < 0:
            position = opening + 1
            continue
        regions.append((opening, closing + 1))
        position = closing + 1
    return regions


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["«", "»", '"', "“", "”", " ", "قال", ".", "(", ":", "ـ", "،"]), max_size=30)
       .map("".join))
def test_quote_pairing_matches_the_mark_by_mark_reading(line):
    assert quote_regions(line) == _reference_line_quotes(line)


def test_long_runs_and_stray_marks_stay_fast():
    # a 10,000-digit number, a 100,000-character run, 20,000 stray marks: each once quadratic
    started = time.perf_counter()
    number = "بلغ العدد " + "7" * 10_000 + " جنديا."
    assert texts(number + " وانتهى") == [number, "وانتهى"]
    assert len(split_sentences("a" * 100_000 + "@b.c")) == 1
    assert quote_regions("« " * 20_000) == []
    assert len(split_sentences("كلام. " * 20_000)) == 20_000
    assert time.perf_counter() - started < 5  # about 0.1 s; the quadratic versions took minutes
