import pytest

from briefer.arabic.numbers import digits_value, parse_number, parse_ordinal, to_ascii_digits


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
