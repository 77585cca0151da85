"""Baselines for `briefer eval summaries`: Lead-k and sumy's LexRank, TextRank and Luhn.

Every system is called the same way: ``summary(analysis, terms, count) -> str``, the chosen
sentences in article order. sumy runs two ways:

- fed OUR sentences and OUR terms through its ObjectDocumentModel ("LexRank"...): the fairest
  test of its ranking, and of its speed against the engine's ranking alone, since neither pays
  for reading the text;
- as shipped for Arabic ("LexRank (sumy as shipped)"...): the article text through sumy's own
  parser, pyarabic tokenizer, Snowball Arabic stemmer and stop words, which is what a user
  running sumy gets, and what the baselines in ../shared/eval/README.md were measured with.
  Its time is text-to-summary, so it compares with the engine's time plus the analysis.

sumy and pyarabic are dev dependencies (pip install 'briefer[dev]'), imported only when a
sumy system runs.
"""

from __future__ import annotations

import importlib
import importlib.util
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
AS_SHIPPED = " (sumy as shipped)"


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


def sumy_as_shipped(name: str) -> Summary:
    """A sumy summarizer by name run on the article text with sumy's own Arabic tools."""
    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.utils import get_stop_words
    except ImportError:
        raise MissingDependencyError("sumy", extra="dev") from None
    if importlib.util.find_spec("pyarabic") is None:  # sumy's Arabic tokenizer imports it per call
        raise MissingDependencyError("pyarabic", extra="dev")
    summarizer = _load_sumy(name, Stemmer("arabic"))
    summarizer.stop_words = get_stop_words("arabic")
    tokenizer = Tokenizer("arabic")

    def summary(analysis: Analysis, terms: Sequence[Sequence[str]], count: int) -> str:
        document = PlaintextParser.from_string(analysis.article.text, tokenizer).document
        return " ".join(str(sentence) for sentence in summarizer(document, count))

    return summary


def _load_sumy(name: str, *arguments: Any) -> Any:
    module_name, class_name = SUMY_SYSTEMS[name].split(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise MissingDependencyError("sumy", extra="dev") from None
    return getattr(module, class_name)(*arguments)
