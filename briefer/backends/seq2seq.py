"""Abstractive Arabic bullets from any encoder-decoder summariser (mT5 XLSum, AraBART...).

transformers 5.x has no summarization pipeline, so this is AutoModelForSeq2SeqLM + generate().
A long article is cut into chunks at sentence boundaries that fit ``max_input_tokens`` (a model
truncating blindly would never see the end of the article), every chunk of every article in the
batch is summarised in device batches of ``batch_size``, and the summaries are split into
sentences that become the bullets. Each bullet is tied to the source sentences it overlaps most,
so the faithfulness guard and the provenance notes have something to point at. Nothing here
trusts the model: every bullet still goes through briefer.verify.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import regex

from briefer.arabic.normalize import normalize
from briefer.arabic.segment import split_sentences
from briefer.backends import hf
from briefer.backends.base import Engine
from briefer.config import BriefConfig
from briefer.types import Analysis, Bullet, Sentence

_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+")
_QUOTE_MARKS = regex.compile(r"[«»“”\"]")


@dataclass(frozen=True)
class Chunk:
    article: int  # position of the article in the batch
    text: str


class Seq2SeqEngine(Engine):
    name = "seq2seq"

    def __init__(self, config: BriefConfig):
        super().__init__(config)
        self._tokenizer = hf.load_tokenizer(config.model)
        self._model, self._device = hf.load_model("seq2seq", config.model, config.device, config.dtype)

    @property
    def model_name(self) -> str:
        return self.config.model

    def summarize(self, analyses: Sequence[Analysis]) -> list[list[Bullet]]:
        chunks = [chunk for i, analysis in enumerate(analyses) for chunk in self._chunks(i, analysis)]
        summaries = self._generate([chunk.text for chunk in chunks])
        per_article: list[list[str]] = [[] for _ in analyses]
        for chunk, summary in zip(chunks, summaries, strict=True):
            per_article[chunk.article].append(summary)
        return [self._bullets(analysis, texts) for analysis, texts in zip(analyses, per_article, strict=True)]

    # ---------------------------------------------------------------- chunking

    def _chunks(self, article: int, analysis: Analysis) -> list[Chunk]:
        """Consecutive sentences packed up to max_input_tokens; a lone long sentence is its own chunk."""
        budget = max(16, self.config.max_input_tokens - 2)  # room for the end-of-sequence token
        chunks: list[Chunk] = []
        current: list[str] = []
        used = 0
        for sentence in analysis.sentences:
            size = self._token_count(sentence.text)
            if current and used + size > budget:
                chunks.append(Chunk(article, " ".join(current)))
                current, used = [], 0
            current.append(sentence.text)
            used += size
        if current:
            chunks.append(Chunk(article, " ".join(current)))
        return chunks

    def _token_count(self, text: str) -> int:
        return len(self._tokenizer(text, add_special_tokens=False)["input_ids"])

    def _generate(self, texts: list[str]) -> list[str]:
        if not texts:
            return []
        return hf.generate_texts(
            self._tokenizer, self._model, self._device, texts,
            batch_size=self.config.batch_size, max_input_tokens=self.config.max_input_tokens,
            max_new_tokens=self.config.max_new_tokens, num_beams=self.config.num_beams,
            **self._generation_extra(),
        )

    def _generation_extra(self) -> dict[str, Any]:
        """Nothing that forbids repeats (hf.generate_texts already zeroes no_repeat_ngram_size)."""
        return {}

    # ---------------------------------------------------------------- bullets

    def _bullets(self, analysis: Analysis, summaries: list[str]) -> list[Bullet]:
        """Sentences of the chunk summaries, each chunk's lead first, duplicates dropped."""
        texts = _interleave([_summary_sentences(summary) for summary in summaries])
        chosen: list[str] = []
        seen: set[str] = set()
        for text in texts:
            key = normalize(text)
            # no length floor: judging a short or odd sentence is the faithfulness guard's job, and a
            # bullet dropped here could not be replaced there
            if key not in seen and _WORD.search(text):
                seen.add(key)
                chosen.append(text)
            if len(chosen) == self.config.bullets:
                break
        return [
            Bullet("ar", text, sources=best_sources(text, analysis.sentences), role=_role(i, text), origin=self.name)
            for i, text in enumerate(chosen)
        ]


def _summary_sentences(summary: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(summary)]


def _interleave(lists: list[list[str]]) -> list[str]:
    """First sentence of every chunk, then the second of every chunk...: the article's arc in order."""
    out: list[str] = []
    for depth in range(max((len(items) for items in lists), default=0)):
        out += [items[depth] for items in lists if depth < len(items)]
    return out


def _role(position: int, text: str) -> str:
    if position == 0:
        return "event"
    if _QUOTE_MARKS.search(text):
        return "quote"
    if any(ch.isdigit() for ch in text):
        return "figure"
    return "context"


def best_sources(text: str, sentences: Sequence[Sentence], limit: int = 2) -> tuple[int, ...]:
    """The source sentences sharing most words with the bullet (up to ``limit``), in article order."""
    words = _word_set(text)
    if not words:
        return ()
    scored = []
    for sentence in sentences:
        overlap = len(words & _word_set(sentence.text))
        if overlap:
            scored.append((overlap, -sentence.index, sentence.index))
    best = sorted(scored, reverse=True)[:limit]
    return tuple(sorted(index for _, _, index in best))


def _word_set(text: str) -> set[str]:
    return {word for word in _WORD.findall(normalize(text)) if len(word) > 1 or word.isdigit()}
