"""The extractive engine's data: the boilerplate cue search that spares most sentences the
"anywhere" patterns must find every cue, wherever it sits in a term."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.backends import extractive_data as data

CUES = data.term_cues()
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويء"


def test_every_anywhere_pattern_has_cues_and_they_make_one_search():
    assert CUES is not None and data.term_cue_pattern() is not None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CUES), st.text(LETTERS, max_size=4), st.text(LETTERS, max_size=4))
def test_a_cue_is_found_anywhere_inside_a_term(cue, before, after):
    assert data.terms_have_boilerplate_cue(["حدود", before + cue + after, "جيش"])


# words that share letters with the cues without holding one, and pieces of cues
WORDS = ["حدود", "جيش", "اشتر", "ترك", "ضغط", "قرار", "تاب", "عنا", "سجن", "مكن", "نزال", "حمى", "كاف",
         "طال", "رايه", "شار", "حقو", "جمي", "prev"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(CUES), st.text(LETTERS, min_size=1, max_size=6)),
                max_size=12))
def test_the_cue_search_answers_as_a_test_of_every_cue_in_every_term(terms):
    expected = any(cue in term for term in terms for cue in CUES)
    assert data.terms_have_boilerplate_cue(terms) is expected


def test_a_cue_starts_at_its_rarest_letter():
    # غ is rarer than ض, ط and ا in Arabic text (data/letter_frequency.txt)
    assert data._at_rarest_letter("اضغط") == ("غ", "(?<=اضغ)ط")
    # a letter the list lacks (Latin) counts as the rarest: the first of them is taken
    assert data._at_rarest_letter("previous")[0] == "p"
    assert data._at_rarest_letter("جميع") == ("ج", "ميع")


def test_the_letter_list_names_each_letter_once():
    commonness = data._letter_commonness()
    assert len(commonness) == len(" ".join(data._lines("letter_frequency.txt")).split())
    assert commonness["ا"] > commonness["ق"] > commonness["غ"]
