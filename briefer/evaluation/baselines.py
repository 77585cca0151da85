"""Baselines for `briefer eval summaries`: Lead-k and sumy's LexRank, TextRank and Luhn.

Every system is called the same way: ``summary(analysis, count) -> str``, the chosen sentences
in article order. sumy is fed OUR sentences and OUR tokens through its ObjectDocumentModel:
its own tokenizer drops digits and Arabic letters, which would make it look worse than it is.
sumy is a dev dependency (pip install 'briefer[dev]'), imported only when a sumy system runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

from briefer.backends.extractive_data import stopwords
from briefer.errors import MissingDependencyError
from briefer.types import Analysis

#: (analysis, its sentence terms from scoring.article_terms, sentence budget) -> summary text
Summary = Callable[[Analysis, Sequence[Sequence[str]], int], str]

SUMY_SYSTEMS = {
    "LexRank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "TextRank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "Luhn": "sumy.summarizers.luhn:LuhnSummarizer",
}


def lead(analysis: Analysis, terms: Sequence[Sequence[str]], count: int) -> str:
    return " ".join(s.text for s in analysis.sentences[:count])


class _TermsTokenizer:
    """The one method sumy asks of a tokenizer, answered with briefer's terms for the sentence."""

    def __init__(self, words_by_text: dict[str, Sequence[str]]):
        self._words = words_by_text

    def to_words(self, text: str) -> list[str]:
        return list(self._words.get(text, ()))


def sumy_summary(name: str) -> Summary:
    """A sumy summarizer by name (LexRank, TextRank, Luhn), called like every other system."""
    summarizer = _load_sumy(name)
    summarizer.stop_words = stopwords()
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    def summary(analysis: Analysis, terms: Sequence[Sequence[str]], count: int) -> str:
        texts = [s.text.strip() for s in analysis.sentences]
        tokenizer = _TermsTokenizer(dict(zip(texts, terms, strict=True)))
        document = ObjectDocumentModel([Paragraph([Sentence(text, tokenizer) for text in texts])])
        chosen = {str(s) for s in summarizer(document, count)}
        return " ".join([text for text in texts if text in chosen][:count])

    return summary


def _load_sumy(name: str) -> Any:
    module_name, class_name = SUMY_SYSTEMS[name].split(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise MissingDependencyError("sumy", extra="dev") from None
    return getattr(module, class_name)()
