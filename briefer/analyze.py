"""One article in, its Analysis out: sentences, figures, quotes, entities."""

from __future__ import annotations

from briefer.arabic.segment import split_sentences
from briefer.facts import find_entities, find_figures, find_quotes
from briefer.types import Analysis, Article


def analyze(article: Article) -> Analysis:
    sentences = split_sentences(article.text)
    entities = find_entities(article.text)
    return Analysis(
        article=article,
        sentences=sentences,
        figures=find_figures(article.text, sentences),
        quotes=find_quotes(article.text, sentences, entities),
        entities=entities,
        language=detect_language(article.text),
    )


def detect_language(text: str) -> str:
    """ar when Arabic letters dominate the letters; else en/fr/other by a few stop words."""
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if arabic >= latin:
        return "ar"
    words = set(text.lower().split())
    if len(words & {"le", "la", "les", "des", "est", "une", "dans"}) >= 2:
        return "fr"
    if len(words & {"the", "and", "of", "is", "to", "in"}) >= 2:
        return "en"
    return "other"
