import pytest

from briefer.arabic.normalize import normalize
from briefer.arabic.numbers import (
    digits_value,
    newswire_form,
    parse_number,
    parse_ordinal,
    read_number,
    to_ascii_digits,
)


def test_to_ascii_digits_keeps_length_and_maps_separators():
    assert to_ascii_digits("٣٥٠٠ جندي و٢٫٥ و۱۲۳ و٣٬٥٠٠") == "3500 جندي و2.5 و123 و3,500"
    assert len(to_ascii_digits("٢٠١٥")) == 4


@pytest.mark.parametrize(
    "text, value",
    [
        ("3500", 3500),
        ("٣٥٠٠", 3500),
        ("۳۵۰۰", 3500),
        ("3,500", 3500),
        ("٣٬٥٠٠", 3500),
        ("8,427", 8427),
        ("٢٫٥", 2.5),
        ("1154.55", 1154.55),
        ("2,5", 2.5),
        ("1.234.567", 1234567),
        ("20ر115", 115.2),
    ],
)
def test_digits_in_any_script_and_separator(text, value):
    assert digits_value(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("2.5 مليار", 2.5e9),
        ("٢٫٥ مليار دولار", 2.5e9),
        ("ثلاثة آلاف", 3000),
        ("3 ملايين", 3e6),
        ("مليون دولار", 1e6),
        ("ألف كيلومتر", 1000),
        ("ألفي سنة", 2000),
        ("ألفين", 2000),
        ("نصف مليون", 5e5),
        ("ربع", 0.25),
        ("ثلث", 1 / 3),
        ("مائة وثمانية وعشرين نقشًا", 128),
        ("الثلاثة وتسعين عاما", 93),
        ("أحد عشر", 11),
        ("خمسمائة", 500),
        ("ثلاث مئة ألف", 300000),
        ("نحو 100 ألف ريال", 100000),
        ("أكثر من 40 عاماً", 40),
        ("واحد بالمئة", 1),
        ("3500 جندي", 3500),
        ("بثلاثة اتهامات", 3),
    ],
)
def test_number_words_and_scales(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["آلاف المتظاهرين", "ملايين", "لست جاهلة", "قال الوزير", "", "كمية كبيرة"])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_ordinals():
    assert parse_ordinal("الثالث والعشرين") == 23
    assert parse_ordinal("التاسع عشر") == 19
    assert parse_ordinal("الحادي عشر") == 11
    assert parse_ordinal("العشرين") == 20
    assert parse_ordinal("الأولى") == 1
    assert parse_ordinal("الوزير") is None


def test_a_number_too_large_for_a_float_has_no_value():
    # float() turns these into inf, which strict JSON cannot hold: the value is None instead
    assert digits_value("7" * 10_000) is None
    assert digits_value("9" * 400 + ".5") is None
    assert digits_value("1" + ",000" * 130) is None
    assert parse_number("٩" * 400 + " مليار دولار") is None
    assert digits_value("9" * 300) == pytest.approx(float("9" * 300))  # large but finite: kept


@pytest.mark.parametrize(
    "text, value",
    [
        ("22 مليونا", 22e6),  # the accusative after 11-99 is the scale, not the counted noun
        ("76 مليوناً", 76e6),
        ("خمسون مليونا", 50e6),
        ("15 ألفاً", 15_000),
        ("3 مليارا", 3e9),
        ("ومليونا", 1e6),  # "ومليونا لشركة": and one million
        ("مليارا", 1e9),
        ("12 بليونا", 12e9),
        ("5 بلايين", 5e9),
        ("2 تريليونا", 2e12),
        ("3 ترليونات", 3e12),
        ("تريليوني", 2e12),
    ],
)
def test_every_case_and_number_of_a_scale_word_scales(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["عشرات الألوف من السفن", "بلايين الدولارات", "تريليونات"])
def test_vague_plural_scales_alone_are_not_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("10 ملايين ونصف جنيه", 10.5e6),
        ("مليون ونصف", 1.5e6),
        ("مليار ونصف مستخدم", 1.5e9),
        ("ألف ونصف", 1500),
        ("20 ألفا ونصف", 20_500),
        ("ملياران ونصف", 2.5e9),  # a dual is two of its scale: the half is of one
        ("مليون وربع", 1.25e6),
        ("مليونين ونصف المليون", 2.5e6),  # the half of the scale written after it, not added twice
        ("3 ونصف مليون", 3.5e6),
        ("ثلاثة ونصف", 3.5),
        ("10 ونصف", 10.5),
        ("نصف مليون", 5e5),  # without و it is a fraction of what follows, as before
    ],
)
def test_and_a_half_after_a_number_or_scale(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("3.\u200f7", 7.3),  # displays as 7.3: the right-to-left mark swaps the digit runs
        ("2.\u200f11", 11.2),
        ("3\u200f.7", 7.3),
        ("٣٫\u200f٧", 7.3),
        ("3.\u061c7", 7.3),  # the Arabic letter mark does the same
        ("10ر18", 18.10),  # the newswire form: decimals first (the gold set reads 20ر115 as 115.20)
        ("02ر10", 10.02),
    ],
)
def test_a_decimal_point_beside_a_right_to_left_mark_reads_as_displayed(text, value):
    assert digits_value(text) == pytest.approx(value)


def test_newswire_form_only_for_a_marked_decimal():
    assert newswire_form("3.\u200f7") == "3ر7"
    assert newswire_form("٣٫\u200f٧") == "3ر7"
    assert newswire_form("3.7") is None
    assert newswire_form("3.\u200e7") is None  # a left-to-right mark leaves the order alone
    assert newswire_form("3. \u200f7") is None  # a space: two numbers, not one
    assert newswire_form("3,\u200f500") is None  # a comma may group thousands: ambiguous, left alone


@pytest.mark.parametrize(
    "text, value",
    [
        ("15 ألفا و615 عضوا", 15_615),
        ("3 آلاف و200 شخص", 3_200),
        ("مليونين و500 ألف دولار", 2_500_000),
        ("مليار و200 مليون", 1.2e9),
        ("ألف و500", 1_500),
        ("عشرة آلاف وخمسمائة", 10_500),
        ("١٥ ألفا و٦١٥", 15_615),
        ("2 مليون و300 ألف و500 دولار", 2_300_500),
        ("مليار و ثمان مائة مليون", 1.8e9),
    ],
)
def test_a_scaled_number_and_a_smaller_one_after_wa_are_one_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("15 ألفا و3 ملايين", 15_000),  # the part after و is larger than the scale: another number
        ("15 ألفا وثلاثة ملايين", 15_000),
        ("ألفين ومليون", 2_000),
        ("250 ألفا و500 ألف", 250_000),
        ("5 أشخاص و3 سيارات", 5),  # no scale word: two counts
    ],
)
def test_a_larger_number_after_wa_is_not_joined(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [("خمسة آلاف مليون", 5e9), ("42 مليون مليون", 42e12), ("ألف مليون", 1e9)])
def test_a_scale_word_right_after_another_multiplies_it(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_read_number_says_how_far_the_number_goes_and_its_last_scale():
    def read(text):
        return read_number(normalize(text).split())

    assert read("15 ألفا وثلاثة ملايين") == (2, 15_000, 1000)  # stops before "وثلاثة"
    assert read("مليونين دولار") == (1, 2e6, 1e6)  # a dual ends on its scale, one million
    assert read("ثلاثة آلاف وخمسمائة") == (3, 3_500, 0)  # ends on a hundred: no scale to join to
    assert read("عضوا") == (0, None, 0)
