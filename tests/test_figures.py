import json

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.arabic.segment import split_sentences
from briefer.facts.figures import _blocked_spans, canonical_unit, counts_nothing, figure_key, find_figures


def figures(text):
    return find_figures(text, split_sentences(text))


def one(text):
    (figure,) = figures(text)
    assert text[figure.start : figure.end] == figure.text
    return figure


def test_count_with_head_noun():
    figure = one("وأكد المتحدث أن 3500 جندي وصلوا إلى الحدود")
    assert (figure.text, figure.value, figure.unit, figure.kind) == ("3500 جندي", 3500, "جندي", "number")


def test_money_with_scale_word_and_approximation():
    figure = one("وتقدر قيمة الصفقة بنحو ٢٫٥ مليار دولار أمريكي")
    assert figure.value == pytest.approx(2.5e9)
    assert figure.kind == "money"
    assert figure.approx == "بنحو"
    assert figure.unit == "دولار أمريكي"


def test_newswire_reversed_decimal_and_misspelt_million():
    figure = one("محققا إيرادات بلغت 20ر115 ميلون دولار")
    assert figure.value == pytest.approx(115.2e6)
    assert figure.kind == "money"


@pytest.mark.parametrize(
    "text, written, value",
    [
        ("ارتفعت الأسعار 40% خلال العام", "40%", 40),
        ("انخفض الدولار 0.4 بالمئة امام سلة عملات", "0.4 بالمئة", 0.4),
        ("بعد أن تراجع 4.4 في المئة في الجلسة", "4.4 في المئة", 4.4),
        ("ونزل البلاديوم ثلاثة بالمئة ليسجل مستوى جديدا", "ثلاثة بالمئة", 3),
        ("خسر أكثر من واحد بالمئة", "واحد بالمئة", 1),
    ],
)
def test_percentages(text, written, value):
    figure = one(text)
    assert (figure.text, figure.kind, figure.value) == (written, "percent", pytest.approx(value))


def test_number_words():
    found = figures("ودرس أكثر من مائة وثمانية وعشرين نقشًا، ورعت الجمعية أكثر من 8 آلاف يتيم")
    assert [(f.text, f.value) for f in found] == [("مائة وثمانية وعشرين نقشًا", 128), ("8 آلاف يتيم", 8000)]
    assert found[0].approx == "أكثر من"


def test_vague_plurals_and_small_words_are_not_figures():
    assert figures("ضجت مواقع التواصل بآلاف التعليقات وعشرات المسابقات ومئات الهدايا") == ()
    assert figures("وكانت العلاقة بين الاثنين سرية، وقالت لست جاهلة، وهي أحد أهم المواقع") == ()


@pytest.mark.parametrize(
    "text, written, low, high",
    [
        ("تبعد ما بين 100- الى 150 كيلومترا شمالا", "100- الى 150 كيلومترا", 100, 150),
        ("تشجيع البالغين ما بين 40 و60 عاما على النوم", "40 و60 عاما", 40, 60),
        ("أقوم بالنوم مدة 15 -30 دقيقة ثم أكمل", "15 -30 دقيقة", 15, 30),
        ("قرب له بدنات خمس أو ست", "خمس أو ست", 5, 6),
    ],
)
def test_ranges(text, written, low, high):
    figure = one(text)
    assert (figure.text, figure.kind, figure.value, figure.value_max) == (written, "range", low, high)


@pytest.mark.parametrize(
    "text, written",
    [
        ("أقر البرلمان القانون في 4 فبراير/ شباط 2018 بالأغلبية", "4 فبراير/ شباط 2018"),
        ("وقع الحادث يوم الجمعة 31 يوليو2015 قرب الجامعة", "الجمعة 31 يوليو2015"),
        ("ألقى محاضرة الاثنين 20 ربيع الثاني بعنوان التاريخ", "الاثنين 20 ربيع الثاني"),
        ("حدث ذلك يوم الأحد الموافق الثالث والعشرين من شهر ذي القعدة عام 1426 في الرياض",
         "الأحد الموافق الثالث والعشرين من شهر ذي القعدة عام 1426"),
        ("أقل مستوى منذ ديسمبر كانون الأول 2014 بحسب رويترز", "ديسمبر كانون الأول 2014"),
        ("استقال في سبتمبر عام 1967 عقب النكسة", "سبتمبر عام 1967"),
        ("انفجر الصاروخ أمس الأحد بعد دقائق", "أمس الأحد"),
        ("ستنتهي الأعمال بنهاية هذا العام كما قال", "بنهاية هذا العام"),
        ("يصل الوفد بعد غد إلى جدة", "بعد غد"),
        ("وصل في الساعة العاشرة صباحًا إلى المطار", "الساعة العاشرة صباحًا"),
        ("انتزعت خلال محاولات سرقة في القرن التاسع عشر", "القرن التاسع عشر"),
        ("عملت في أواخر تسعينيات القرن الماضي عارضة", "تسعينيات القرن الماضي"),
        ("الذي توفي عام 1996 في لوس أنجليس", "1996"),
        ("أغلقت خلال الأشهر الثلاثة الماضية عدة محلات", "الثلاثة"),
    ],
)
def test_dates(text, written):
    figure = one(text)
    assert figure.text == written
    assert figure.kind in ("date", "number")


def test_month_names_that_are_also_words_need_context():
    assert figures("مارس الرياضة بانتظام في أهلاً رمضان") == ()
    assert one("وعرض خلال شهر رمضان الماضي").text == "شهر رمضان الماضي"
    assert figures("تستمر الاشتباكات في منطقة يريم في اب") == ()


def test_rank_ordinals():
    found = figures("وتراجع إلى المركز الثاني فيلم المغامرة، بينما نال المرتبة الرابعة مستشفى الحرس")
    assert [(f.text, f.kind, f.value) for f in found] == [("المركز الثاني", "ordinal", 2), ("المرتبة الرابعة", "ordinal", 4)]
    assert figures("في عهد الملك رمسيس الثاني وهو أول فيلم") == ()


@pytest.mark.parametrize(
    "text",
    [
        "اتصلت بخدمات الطوارئ 911 وأخبرتهم بالقصة",
        "للاستفسار الاتصال على الرقم 920001234",
        "هاتف 0114567890 للحجز",
        "صيغته الكيميائية C21H30O5 معروفة",
        "نشر حساب @PUPPY19340 تغريدة",
        "ظهرت في فيلم \"10\" الشهير",
        "زوروا الموقع www.site2030.gov.sa للتسجيل",
        "اشترى هاتف iPhone 6 المستعمل",
    ],
)
def test_phone_numbers_ids_and_names_are_not_figures(text):
    assert figures(text) == ()


def test_sentence_index_is_set():
    text = "وصل الوفد أمس.\nوقال الوزير إن 45 يتيماً شاركوا."
    found = figures(text)
    assert [f.sentence for f in found] == [0, 1]


def test_figure_key_matches_scripts_scales_and_case_endings():
    (a,) = figures("وصل ٣٥٠٠ جندي")
    (b,) = figures("وصل 3500 جنديا")
    assert figure_key(a) == figure_key(b)
    (c,) = figures("بلغت 2.5 مليار دولار")
    (d,) = figures("بلغت 2,500 مليون دولار")
    assert figure_key(c) == figure_key(d)
    (e,) = figures("بلغت 2.6 مليار دولار")
    assert figure_key(e) != figure_key(c)


def test_figure_key_for_dates_reads_day_month_year():
    (a,) = figures("في 18 مارس آذار 2015 وقع")
    (b,) = figures("في 18 مارس 2015 وقع")
    assert figure_key(a) == figure_key(b) == ("date", 2015, 3, 18, None)


def test_canonical_unit():
    assert canonical_unit("بالمئة") == canonical_unit("%") == "%"
    assert canonical_unit("عاماً") == canonical_unit("سنوات") == "year"
    assert canonical_unit("الجنود") == "جنود"


def test_huge_numbers_never_give_an_infinite_value():
    text = "بلغ العدد " + "7" * 10_000 + " جندي، وبلغت الكلفة " + "9" * 400 + ".5 دولار، أي 12.5 في المئة."
    found = figures(text)
    assert [(f.text, f.value) for f in found] == [("12.5 في المئة", 12.5)]
    (rank, _year) = figures("حل الفريق في المركز " + "9" * 400 + " هذا العام")
    assert rank.kind == "ordinal" and rank.value is None
    json.dumps([(f.value, f.value_max) for f in found + (rank,)], allow_nan=False)
    (date,) = figures("وصلت البعثة يوم " + "0" * 5000 + "12 يونيو 2026")  # int() of 5,000 digits raised
    assert date.kind == "date" and figure_key(date) == ("date", 2026, 6, 12, None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab1.@# _س", "www.", "http://", "@@", "\n"]), max_size=30).map("".join))
def test_urls_and_handles_are_found_run_by_run_as_one_pattern_would(text):
    # the reference: one regex over the text (quadratic on a long run full of @, hence replaced)
    reference = regex.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+|[#@][\p{L}\p{N}_]+")
    assert _blocked_spans(text) == [match.span() for match in reference.finditer(text)]


def test_a_scale_word_written_once_belongs_to_both_ends_of_a_range():
    text = "ويعمل في القطاع ما بين 5 و12 مليون عامل، وتبلغ الكلفة بين 2 و3 مليارات دولار."
    ranges = [(f.value, f.value_max) for f in find_figures(text, split_sentences(text)) if f.kind == "range"]
    assert ranges == [(5e6, 12e6), (2e9, 3e9)]


def found(text):
    return [(f.text, pytest.approx(f.value) if f.value is not None else None, f.kind) for f in figures(text)]


@pytest.mark.parametrize(
    "text, written, value, unit",
    [
        ("ويعاني سكان البلاد وعددهم 22 مليونا من نقص حاد في الغذاء", "22 مليونا", 22e6, ""),
        ("وقالت الوكالة إن 50 ألفا من السكان غادروا المدينة", "50 ألفا", 50_000, ""),
        ("وقدرت الحكومة الكلفة بنحو 3 مليارا من الريالات", "3 مليارا", 3e9, ""),
        ("وبلغ عدد المشتركين في عام 2000 ستمائة وخمسون مليونا من المستخدمين", "ستمائة وخمسون مليونا", 650e6, ""),
        ("وتقرض المصارف 5 بلايين دولار كل عام", "5 بلايين دولار", 5e9, "دولار"),
    ],
)
def test_accusative_and_plural_scale_words_scale_the_number(text, written, value, unit):
    (figure,) = [f for f in figures(text) if f.kind != "date"]
    assert (figure.text, figure.value, figure.unit) == (written, pytest.approx(value), unit)


def test_an_accusative_scale_compares_equal_to_the_plain_one():
    (a,) = figures("وبلغ عدد السكان 22 مليونا")
    (b,) = figures("وبلغ عدد السكان 22 مليون")
    assert figure_key(a) == figure_key(b)


def test_a_scale_word_then_a_year_cue_is_not_a_duration():
    # "1089 مليونا عام 2013" is 1,089 million in 2013, not 1,089 million years
    text = "وارتفعت الأرباح إلى 1205 ملايين ريال من 1089 مليونا عام 2013"
    assert found(text) == [
        ("1205 ملايين ريال", pytest.approx(1205e6), "money"),
        ("1089 مليونا", pytest.approx(1089e6), "number"),
        ("2013", 2013, "date"),
    ]
    assert found("وعمل في البلاد 30 عاما قبل أن يعود") == [("30 عاما", 30, "duration")]


@pytest.mark.parametrize(
    "text, written, value, kind",
    [
        ("وبلغت إيرادات الفيلم في مصر 10 ملايين ونصف جنيه خلال أسبوعين", "10 ملايين ونصف جنيه", 10.5e6, "money"),
        ("ويستخدم التطبيق أكثر من مليار ونصف مستخدم حول العالم", "مليار ونصف مستخدم", 1.5e9, "number"),
        ("وحضر المهرجان ألف ونصف زائر", "ألف ونصف زائر", 1500, "number"),
        ("وكانت الصفحة تحظى بمليونين ونصف المليون متابع", "بمليونين ونصف المليون متابع", 2.5e6, "number"),
        ("واستمرت العملية الجراحية 3 ساعات ونصف الساعة دون توقف", "3 ساعات ونصف الساعة", 3.5, "duration"),
        ("وبعد ستة أعوام ونصف العام في الحكم أعلن استقالته", "ستة أعوام ونصف العام", 6.5, "duration"),
        ("ولد الطفل وعمره سبعة أشهر ونصف في المستشفى", "سبعة أشهر ونصف", 7.5, "duration"),
        ("ويقدر عمر الأرض بنحو أربعة مليارات سنة ونصف", "أربعة مليارات سنة ونصف", 4.5e9, "duration"),
    ],
)
def test_and_a_half_belongs_to_the_figure(text, written, value, kind):
    figure = one(text)
    assert (figure.text, figure.value, figure.kind) == (written, pytest.approx(value), kind)


@pytest.mark.parametrize(
    "text",
    [
        "وانقطع التيار الكهربائي لمدة ساعة ونصف ثم عاد",
        "وسمح للمعتقلين بالاتصال بذويهم ساعة ونصف الساعة",
        "واستمر الارتفاع حوالي عام ونصف بعد القرار",
        "وعثر على جثته قبل عامين ونصف تقريبا",
        "ومتوسط المواليد لكل امرأة نحو طفلين ونصف على مدى العمر",
    ],
)
def test_and_a_half_after_a_unit_alone_is_not_a_stray_half(text):
    # the unit alone is not a figure here (no number before it), and its "ونصف" is not 0.5 of anything
    assert figures(text) == ()


def test_and_a_half_of_something_else_stays_its_own_figure():
    assert found("ونفق ثلث السكان ونصف المواشي في الجفاف") == [("ثلث السكان", pytest.approx(1 / 3), "number"),
                                                             ("ونصف المواشي", 0.5, "number")]
    assert found("وأصيب 20 شخصا ونصف الجرحى من الأطفال") == [("20 شخصا", 20, "number"), ("ونصف الجرحى", 0.5, "number")]


def test_half_past_belongs_to_the_time():
    assert one("ووقع الانفجار في الساعة الواحدة والنصف ظهرا بالتوقيت المحلي").text == "الساعة الواحدة والنصف ظهرا"


@pytest.mark.parametrize(
    "text, written, value",
    [
        ("وخصصت الأمانة مواقع لإطلاق (15) ألف قذيفة نارية", "(15) ألف قذيفة", 15_000),
        ("ويخدم المشروع ( 50 ) ألف مواطن", "( 50 ) ألف مواطن", 50_000),
        ("ورصدت الوزارة «150» مليونا، وتنتظر المزيد", "«150» مليونا", 150e6),
    ],
)
def test_a_number_in_parentheses_or_quotation_marks_before_a_scale_word(text, written, value):
    figure = one(text)
    assert (figure.text, figure.value) == (written, pytest.approx(value))


def test_a_number_in_parentheses_without_a_scale_word_is_just_the_number():
    assert found("وأغلقت الهيئة (3) محلات مخالفة") == [("3", 3, "number")]
    assert found("ونصت المادة (8) على ذلك") == [("8", 8, "number")]
    assert figures('ظهرت في فيلم "10" الشهير') == ()  # a number alone in quotation marks is still a title


@pytest.mark.parametrize("word", ["عندما", "حين", "تحت", "أمام", "بسبب"])
def test_words_that_count_nothing_are_not_units(word):
    text = f"وارتفع عدد المصابين إلى 58 {word} وصلت فرق الإنقاذ"
    assert found(text) == [("58", 58, "number")]
    assert counts_nothing(word)


def test_a_noun_after_a_number_is_still_its_unit():
    figure = one("ونقل 20 جريحا إلى المستشفى")
    assert (figure.text, figure.unit) == ("20 جريحا", "جريحا")
    assert not counts_nothing("جريحا")


def test_a_right_to_left_mark_in_a_decimal_reads_as_displayed():
    text = "ومن المتوقع أن يرتفع عدد سكان العالم من 3.\u200f7 مليار نسمة إلى 7.\u200f9 مليار نسمة بحلول 2050."
    values = [(f.text, f.value) for f in figures(text) if f.kind != "date"]
    assert values == [("3.\u200f7 مليار نسمة", pytest.approx(7.3e9)), ("7.\u200f9 مليار نسمة", pytest.approx(9.7e9))]
    assert one("وارتفع النمو 3.7 بالمئة").value == pytest.approx(3.7)  # no mark: as written
    assert one("وارتفع النمو 3.\u200e7 بالمئة").value == pytest.approx(3.7)  # a left-to-right mark changes nothing


def test_newswire_decimals_with_a_leading_zero_or_glued_scale():
    assert found("محققا إيرادات بلغت 02ر10 مليون دولار") == [("02ر10 مليون دولار", pytest.approx(10.02e6), "money")]
    assert found("بإيرادات بلغت 70ر13مليون دولار") == [("70ر13مليون دولار", pytest.approx(13.7e6), "money")]
    assert figures("للحجز اتصل على 0114567890") == ()  # a leading zero still marks a phone number


@pytest.mark.parametrize(
    "text, written, value, unit",
    [
        ("وصل عدد الأعضاء إلى 15 ألفا و615 عضوا في المدينة.", "15 ألفا و615 عضوا", 15_615, "عضوا"),
        ("قتل 3 آلاف و200 شخص", "3 آلاف و200 شخص", 3_200, "شخص"),
        ("بلغت الكلفة مليونين و500 ألف دولار", "مليونين و500 ألف دولار", 2_500_000, "دولار"),
        ("بلغت مليار و200 مليون دولار", "مليار و200 مليون دولار", 1.2e9, "دولار"),
        ("حضر ألف و500 شخص", "ألف و500 شخص", 1_500, "شخص"),
        ("حضر عشرة آلاف وخمسمائة شخص", "عشرة آلاف وخمسمائة شخص", 10_500, "شخص"),
        ("وصل العدد إلى ١٥ ألفا و٦١٥ عضوا", "١٥ ألفا و٦١٥ عضوا", 15_615, "عضوا"),
        ("وصوت 47 ألف و 270 عضوا", "47 ألف و 270 عضوا", 47_270, "عضوا"),
        ("بلغ 2 مليون و300 ألف و500 دولار", "2 مليون و300 ألف و500 دولار", 2_300_500, "دولار"),
        ("أكثر من مليار و ثمان مائة مليون شخص", "مليار و ثمان مائة مليون شخص", 1.8e9, "شخص"),
    ],
)
def test_a_scaled_number_and_a_smaller_one_joined_by_wa_are_one_figure(text, written, value, unit):
    figure = one(text)
    assert (figure.text, figure.value, figure.unit) == (written, pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text, written",
    [
        ("بلغ 15 ألفا و3 ملايين", ["15 ألفا", "3 ملايين"]),  # larger than the scale: two figures
        ("بلغ 15 ألفا وثلاثة ملايين", ["15 ألفا", "وثلاثة ملايين"]),  # the clitic stays on its token
        ("قتل 5 أشخاص و3 سيارات", ["5 أشخاص", "3 سيارات"]),  # no scale word: two counts
        ("بلغ 3 ملايين و2015 شهد تراجعا", ["3 ملايين", "2015"]),  # a year is not swallowed
        ("سجلت 3 آلاف و20 في المئة منها", ["3 آلاف", "20 في المئة"]),  # nor a percentage
        ("عدد 270 ألفا و330 ألف سوري", ["270 ألفا", "330 ألف سوري"]),
    ],
)
def test_a_number_after_wa_that_is_not_smaller_than_the_scale_stays_its_own(text, written):
    assert [f.text for f in figures(text)] == written


def test_years_and_ranges_joined_by_wa_are_unchanged():
    (years,) = figures("في عام 2015 و2016 زاد العدد")
    assert (years.text, years.kind, years.value, years.value_max) == ("2015 و2016", "range", 2015, 2016)
    (span,) = figures("قتل بين 3 و5 آلاف شخص")
    assert (span.text, span.kind, span.value, span.value_max) == ("3 و5 آلاف شخص", "range", 3000, 5000)


def test_a_compound_multiplies_a_scale_written_twice():
    figure = one("يعادل حوالى 42 مليون مليون كيلو متر")
    assert figure.value == pytest.approx(42e12)


@pytest.mark.parametrize(
    "text, english",
    [
        ("وصل العدد إلى 15 ألفا و615 عضوا", "15,615 members"),
        ("بلغت الكلفة مليونين و500 ألف دولار", "2.5 million dollars"),
        ("بلغ أربعة ملايين و517 ألفا و180 جنيها", "4,517,180 pounds"),
        ("بلغت مليار و200 مليون دولار", "1.2 billion dollars"),
    ],
)
def test_the_english_side_renders_a_joined_figure_as_one_number(text, english):
    from briefer.facts.english import find_english_figures
    from briefer.translate.figures import figure_spans

    (span,) = figure_spans(text, facts_only=True)
    (figure,) = figures(text)
    assert (span.english, text[span.start : span.end]) == (english, figure.text)
    assert find_english_figures(english)[0].value == pytest.approx(figure.value)


@pytest.mark.parametrize(
    "text, unit, canonical",
    [
        ("تبعد 200 كيلو متر جنوب المدينة", "كيلو متر", "km"),  # not "كيلو", a kilogram
        ("نحو 250 كيلو مترا مربعا من المساحة", "كيلو مترا مربعا", "km2"),
        ("فقد بنحو 41 كيلو غراما من وزنه", "كيلو غراما", "kg"),
        ("يزن 800 كجم تقريبا", "كجم", "kg"),
        ("تصل إلى 425 مئوية في الفرن", "مئوية", "degree"),
    ],
)
def test_units_written_in_two_words_or_abbreviated(text, unit, canonical):
    figure = one(text)
    assert (figure.unit, canonical_unit(figure.unit)) == (unit, canonical)


@pytest.mark.parametrize(
    "text, written",
    [
        ("سجلا تراجعا في الرقم بنسبة 1%\nلكل منهما", ["1%"]),  # "الرقم" two words back: an index, not an id
        ("بنسبة 50% على الهاتف و30%على الكهرباء", ["50%", "30%"]),  # "و" starts another item
    ],
)
def test_a_percentage_after_an_id_word_is_still_a_figure(text, written):
    assert [f.text for f in figures(text)] == written


def test_an_id_after_its_cue_word_is_still_not_a_figure():
    assert figures("اتصل على الهاتف 0501234567") == ()
    assert figures("صدر رقم القرار 45 لعام") == ()


@pytest.mark.parametrize(("text", "written", "value"), [
    ("سافر مليونا مسافر عبر المطار", "مليونا مسافر", 2e6),  # the dual in construct, its ن dropped
    ("حضر ألفا شخص الحفل", "ألفا شخص", 2000),
    ("أنتج الحقل مليونا برميل يوميا", "مليونا برميل", 2e6),
    ("وصل عدد الزوار إلى 15 ألفا", "15 ألفا", 15000),  # after a number: the plain form
    ("بلغ عدد الزوار مليونا ونصف المليون", "مليونا ونصف المليون", 1.5e6),
    ("وخصص مليونا لشراء الأدوية", "مليونا", 1e6),  # alone before a preposition: one
    ("أجزم لكم مليوناً بالمئة أنني لم أفعل", "مليوناً بالمئة", 1e6),  # a million percent
])
def test_a_scale_word_before_the_noun_it_counts_is_the_dual_in_construct(text, written, value):
    figure = one(text)
    assert figure.text.startswith(written) and figure.value == value
