"""Properties of the analysis layer on any text: no crash, and every span means what it says."""

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.arabic.normalize import normalize, normalize_with_map, tokens
from briefer.arabic.numbers import parse_number
from briefer.arabic.segment import split_sentences
from briefer.facts.figures import figure_key, find_figures

# Arabic-looking text: words, digits in three scripts, the punctuation and quotes news uses
_PIECES = st.sampled_from(
    [
        "قال", "الوزير", "أمس", "الأحد", "3500", "٣٥٠٠", "۱۲", "2.5", "٢٫٥", "مليار", "دولار", "ألف",
        "آلاف", "ثلاثة", "نصف", "بالمئة", "%", "٪", "يونيو/", "حزيران", "2015", "عام", "بين", "و", "-",
        "إلى", "نحو", "“", "”", "«", "»", '"', ".", "؟", "!", "؛", "،", "\n", "د.", "www.x.sa", "ـ", "َ",
        "ﻻ", "المركز", "الثاني", "الساعة", "العاشرة", "القرن", "التاسع", "عشر", "20ر115", "911", "هاتف",
    ]
)
_ARABIC_TEXT = st.lists(_PIECES, max_size=40).map(" ".join)
_ANY_TEXT = st.text(max_size=200)
_TEXTS = st.one_of(_ARABIC_TEXT, _ANY_TEXT)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_normalize_map_points_at_the_raw_character(text):
    folded, offsets = normalize_with_map(text)
    assert folded == normalize(text)
    assert len(offsets) == len(folded)
    assert offsets == sorted(offsets)
    for char, offset in zip(folded, offsets):
        assert 0 <= offset < len(text)
        assert char in normalize(text[offset])
    assert isinstance(tokens(text), list)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_sentences_are_ordered_slices_of_the_text(text):
    sentences = split_sentences(text)
    previous_end = 0
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        previous_end = sentence.end
    # nothing but whitespace is left out
    covered = "".join(text[s.start : s.end] for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_figures_are_exact_slices_in_their_sentence(text):
    sentences = split_sentences(text)
    previous_end = 0
    for figure in find_figures(text, sentences):
        assert text[figure.start : figure.end] == figure.text
        assert figure.text.strip() == figure.text and figure.text
        assert figure.start >= previous_end
        previous_end = figure.end
        if figure.unit:
            assert figure.unit in figure.text
        if figure.sentence >= 0:
            sentence = sentences[figure.sentence]
            assert sentence.start <= figure.start < sentence.end
        assert isinstance(figure_key(figure), tuple)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_parse_number_never_crashes(text):
    value = parse_number(text)
    assert value is None or value == value  # a float, never NaN
