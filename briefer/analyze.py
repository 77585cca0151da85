"""One article in, its Analysis out: sentences, figures, quotes, entities, language."""

from __future__ import annotations

import regex

from briefer.arabic.segment import split_sentences
from briefer.facts import find_entities, find_figures, find_quotes
from briefer.types import Analysis, Article

_ARABIC_RUN = regex.compile(r"\p{Arabic}+")
_LETTER_RUN = regex.compile(r"\p{L}+")
_ACCENT = regex.compile(r"[àâçéèêëîïôûùœ]")
_LATIN_WORD = regex.compile(r"[a-zàâçéèêëîïôûùüÿœæ']+")
# the commonest function words: enough to tell English from French in a few sentences
_STOP_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "by", "at",
           "he", "she", "said", "from", "his", "her", "are", "were", "has", "have"},
    "fr": {"le", "la", "les", "des", "est", "une", "dans", "et", "du", "que", "pour", "qui", "sur", "au",
           "aux", "pas", "par", "il", "elle", "ont", "été", "avec", "sont", "a", "d'un", "l'"},
}


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
    """ar when Arabic letters dominate; else en/fr by function words; else other.

    Arabic wins ties because Arabic news quotes English names and acronyms freely.
    """
    # counted in runs: one match per word rather than one per character
    arabic = sum(map(len, _ARABIC_RUN.findall(text)))
    if 2 * arabic >= len(text) and _LETTER_RUN.search(text):
        return "ar"  # Arabic is half the text, so at least half its letters: no need to count them
    letters = sum(map(len, _LETTER_RUN.findall(text)))
    if letters == 0:
        return "other"
    if arabic >= (letters - arabic):
        return "ar"
    words = _LATIN_WORD.findall(text.lower())
    if not words:
        return "other"
    scores = {lang: sum(w in stop for w in words) / len(words) for lang, stop in _STOP_WORDS.items()}
    if _ACCENT.search(text.lower()):
        scores["fr"] += 0.05  # accents are rare in English
    best = max(scores, key=scores.get)
    return best if scores[best] >= 0.08 else "other"
