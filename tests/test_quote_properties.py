"""Property tests: no crash on any text, and every span points at exactly the text it claims."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.arabic.segment import split_sentences
from briefer.facts.entities import find_entities
from briefer.facts.quotes import find_quotes

PIECES = ["وقال", "وأضاف", "الوزير", "فؤاد حسين", "مصدر", ":", "“", "”", "«", "»", '"', "``", "''",
          "إن", "الوضع", "خطير", ".", "،", "\n", " ", "بحسب", "قائلا", "الدكتور", "محمد", "أحمد"]


def check(text: str) -> None:
    entities = find_entities(text)
    for entity in entities:
        assert text[entity.start:entity.end] == entity.text
    for quote in find_quotes(text, split_sentences(text), entities):
        assert text[quote.start:quote.end] == quote.text
        assert quote.text and quote.text == quote.text.strip()
        if quote.speaker_start >= 0:
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(text)
        assert quote.kind in {"full", "phrase"}


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_unicode_text(text):
    check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join))
def test_arabic_news_like_text(text):
    check(text)
