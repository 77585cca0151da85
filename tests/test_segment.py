from briefer.arabic.segment import quote_regions, split_sentences


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


def test_empty_and_blank_text():
    assert split_sentences("") == ()
    assert split_sentences(" \n\n ") == ()
