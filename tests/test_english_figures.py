"""English figures, so English bullets can be checked against the Arabic article's values."""

from __future__ import annotations

import pytest

from briefer.facts.english import find_english_figures, format_english_number, number_span


def one(text: str):
    (figure,) = find_english_figures(text)
    return figure


@pytest.mark.parametrize("text, value, unit, kind", [
    ("Riyadh sent 3,500 troops to the border.", 3500, "troops", "number"),
    ("The fund will invest 2.5 billion dollars.", 2.5e9, "dollar", "money"),
    ("A $2.5bn deal was signed.", 2.5e9, "dollar", "money"),
    ("It raised €40m from investors.", 40e6, "euro", "money"),
    ("The budget is 300 million Saudi riyals.", 300e6, "riyal", "money"),
    ("Imports fell by USD 5 million.", 5e6, "dollar", "money"),
    ("Turnout reached 40%.", 40, "%", "percent"),
    ("Turnout reached 40 percent.", 40, "%", "percent"),
    ("Inflation eased to 12.5 per cent.", 12.5, "%", "percent"),
    ("About 1.2 million people were displaced.", 1.2e6, "people", "number"),
    ("Some twenty-five thousand people marched.", 25000, "people", "number"),
    ("He freed two hundred and fifty prisoners.", 250, "prisoners", "number"),
    ("It happened in 2018.", 2018, "", "date"),
])
def test_values_have_the_scale_applied(text, value, unit, kind):
    figure = one(text)
    assert figure.value == pytest.approx(value)
    assert (figure.unit, figure.kind) == (unit, kind)
    assert text[figure.start:figure.end] == figure.text


def test_ranges_keep_both_ends():
    figure = one("The talks will last 10-15 days.")
    assert (figure.value, figure.value_max, figure.kind) == (10, 15, "range")
    assert one("from 10 to 12 weeks").value_max == 12


@pytest.mark.parametrize("text", [
    "F-16 jets flew over the G20 summit during COVID-19.",
    "one of the ministers spoke",
    "hundreds of thousands took to the streets",
])
def test_names_and_vague_quantities_are_not_figures(text):
    assert find_english_figures(text) == ()


def test_time_of_day_is_not_two_figures():
    assert [f.text for f in find_english_figures("at 10:30 on Sunday, 3 people died")] == ["3"]


def test_ordinals_are_marked_as_such():
    assert one("the 3rd round of talks").kind == "ordinal"


def test_number_span_is_the_number_and_its_scale_only():
    text = "A $2.5bn deal and 40 percent more"
    money, percent = find_english_figures(text)
    assert text[slice(*number_span(text, money))] == "2.5bn"
    assert text[slice(*number_span(text, percent))] == "40"


@pytest.mark.parametrize("value, written", [
    (3500, "3,500"), (2.5e9, "2.5 billion"), (1e6, "1 million"), (40.5, "40.5"), (3.2e12, "3.2 trillion"),
])
def test_format_english_number(value, written):
    assert format_english_number(value) == written


@pytest.mark.parametrize("text, low, high, unit, kind", [
    ("Prices rose 15–25 percent this year.", 15, 25, "%", "range"),
    ("Prices rose 15%-25% this year.", 15, 25, "%", "range"),
    ("Between 5 to 12 million workers live there.", 5e6, 12e6, "workers", "range"),  # the scale is shared
    ("It cost between 57 and 109 billion dollars.", 57e9, 109e9, "dollar", "money"),
    ("Between 81 thousand–138 thousand people die.", 81e3, 138e3, "people", "range"),
    ("Al-Hilal won 3-1 at home.", 3, 1, "at", "score"),
    ("The match ended 4–4.", 4, 4, "", "score"),
])
def test_ranges_and_scores_are_one_figure_with_both_ends(text, low, high, unit, kind):
    figure = one(text)
    assert (figure.value, figure.value_max) == (pytest.approx(low), pytest.approx(high))
    assert (figure.unit, figure.kind) == (unit, kind)


@pytest.mark.parametrize("text, values", [
    ("Turnout was 40% - 30 people stayed home.", [40, 30]),  # a percent ends the first figure
    ("from 5 million to 3 thousand", [5e6, 3e3]),  # falls, and has scales: no score either
    ("and 12 to 2", [12, 2]),  # only a dash makes a score
])
def test_numbers_that_do_not_make_a_range_stay_apart(text, values):
    figures = find_english_figures(text)
    assert [f.value for f in figures] == [pytest.approx(v) for v in values]
    assert all(f.value_max is None for f in figures)


def test_thousands_marked_with_dots_are_one_number():
    assert one("about 1.900.000 visitors").value == 1_900_000
    assert one("worth 7.038.700.000 riyals").value == 7_038_700_000
    assert one("in 9.599 places").value == pytest.approx(9.599)  # one dot: a decimal, as written


@pytest.mark.parametrize("text, value, unit, kind", [
    # what the facts-only English writes for "10ر18ميلون دولار", "3.\u200f7 مليار", "10 ملايين ونصف جنيه"
    ("Figures: 18.10 million dollars", 18.1e6, "dollar", "money"),
    ("The United Nations — figures: 7.3 billion", 7.3e9, "", "number"),
    ("Egypt — figures: 10.5 million pounds", 10.5e6, "pound", "money"),
    ("Figures: 3.5 hours", 3.5, "hours", "number"),
])
def test_facts_only_renderings_read_back_as_the_arabic_values(text, value, unit, kind):
    figure = one(text)
    assert figure.value == pytest.approx(value)
    assert (figure.unit, figure.kind) == (unit, kind)


def test_a_year_after_a_figure_is_no_unit_of_it():
    from briefer.translate import figure_spans

    spans = [s.english for s in figure_spans("بلغ الربح 124 مليون عام 2014 مقابل 3.09 عام 2013", facts_only=True)]
    assert spans == ["124 million", "2014", "3.09", "2013"]
    assert [s.english for s in figure_spans("اكتشف قبل 14 ألف عام", facts_only=True)] == ["14 thousand years"]
