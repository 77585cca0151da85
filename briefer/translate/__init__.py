"""The English side of a brief: a translation model around masked facts, or the facts alone.

With a translation model (Marian opus-mt-ar-en, NLLB, M2M-100), figures, quotes and names are cut
out of each Arabic bullet and replaced by placeholders (``FIG1``, ``QUOTE1``, ``NAME1``) before the
model sees it, because a translation model rounds, re-spells or drops numbers and paraphrases
quotes. Afterwards the figures come back in English form with the source's own digits, the quotes
come back as translations of their own text in quotation marks marked "(translated)", and names
come back with one rendering per briefing (lexicon first, else the model's translation of the name,
asked once). A translation that loses or repeats a placeholder is not used: that bullet falls back
to the lexicon rendering below.

Without a model, each bullet's English side is what a word list can give faithfully: the places
and organisations it names, its figures with units, the speakers of its quotes. Those bullets carry
``origin="lexicon"`` so the renderer can label them as not a translation (LEXICON_LABEL), and the
briefing can say how to get full English (ENGLISH_HINT).

The package, one module per job, each importing only those above it:

- ``models``: the Translator interface, the Marian/NLLB/M2M translators, TRANSLATORS, get_translator;
- ``words``: the Arabic->English lexicon and the lookup of a text's words in it (not ``lexicon.py``:
  a module of that name would be shadowed by the function ``lexicon`` exported here);
- ``figures``: figures in English form, with the facts-only ranges, fractions and counted nouns;
- ``names``: quotations, names, and titles with their nationalities and genitives;
- ``masking``: placeholders in (mask) and English back (restore) around a translation model;
- ``side``: the English side of a brief, translated or facts-only (english_side).
"""

from briefer.translate.figures import FIGURE_PARTS, Span, figure_spans
from briefer.translate.masking import PLACEHOLDER, TRANSLATED_QUOTE_MARK, Masked, Slot, mask, restore
from briefer.translate.models import (
    DEFAULT_TRANSLATOR_MODEL,
    TRANSLATORS,
    M2MTranslator,
    MarianTranslator,
    NllbTranslator,
    Seq2SeqTranslator,
    Translator,
    get_translator,
    translator_class,
)
from briefer.translate.names import QuoteSpan, english_phrase, name_spans, quote_spans, romanized
from briefer.translate.side import (
    ENGLISH_HINT,
    LEXICON_LABEL,
    english_side,
    headline_source,
    lexicon_bullets,
    lexicon_headline,
)
from briefer.translate.words import NAME_CATEGORIES, Entry, Lexicon, Match, Token, lexicon

__all__ = [
    "DEFAULT_TRANSLATOR_MODEL",
    "ENGLISH_HINT",
    "FIGURE_PARTS",
    "LEXICON_LABEL",
    "NAME_CATEGORIES",
    "PLACEHOLDER",
    "TRANSLATED_QUOTE_MARK",
    "TRANSLATORS",
    "Entry",
    "Lexicon",
    "M2MTranslator",
    "MarianTranslator",
    "Masked",
    "Match",
    "NllbTranslator",
    "QuoteSpan",
    "Seq2SeqTranslator",
    "Slot",
    "Span",
    "Token",
    "Translator",
    "english_phrase",
    "english_side",
    "figure_spans",
    "get_translator",
    "lexicon",
    "lexicon_bullets",
    "headline_source",
    "lexicon_headline",
    "mask",
    "name_spans",
    "quote_spans",
    "restore",
    "romanized",
    "translator_class",
]
