"""What the two chat engines share: prompts in, JSON bullets out, whatever carries the messages.

``InstructEngine`` (a local causal LM) and ``OpenAIEngine`` (an OpenAI-compatible server) differ
only in how a conversation reaches a model and how input length is measured; everything else —
which template, how the article is fitted, how answers are checked and re-asked, how answers
become Bullets — lives here once. No heavy imports.

An article whose answer fails the schema twice does not sink its batch: its Arabic bullets come
from the extractive engine (origin ``extractive-fallback``) and its English side from the
translator or lexicon (``english`` gives None for it), and the reason is added to ``notice``.
Failures of the model itself (server down, key refused) still raise: nothing would work.
"""

from __future__ import annotations

import dataclasses
import re
from abc import abstractmethod
from collections.abc import Sequence

from briefer.backends.base import Engine
from briefer.backends.extractive import ExtractiveEngine
from briefer.config import BriefConfig
from briefer.errors import ArticleError
from briefer.prompts import (
    Messages,
    PromptTemplate,
    ask,
    brief_messages,
    bullet_count,
    english_messages,
    load_prompt,
    prompt_signature,
    translate_messages,
)
from briefer.translate import Translator
from briefer.types import Analysis, Bullet

_WORD = re.compile(r"\w+")
_QUOTE_MARKS = "«»“”\"„"


class ChatEngine(Engine):
    """An engine that talks to an instruction model through the prompts/ templates."""

    writes_english = True

    def __init__(self, config: BriefConfig):
        super().__init__(config)
        version = config.prompt_version
        self.templates = {name: load_prompt(name, version) for name in ("brief_ar", "brief_en", "translate")}
        #: one line per article whose answer failed the schema twice
        self.failures: list[str] = []
        self._choice = ""

    @property
    def notice(self) -> str:
        """What the user should know: how `auto` chose this engine, and any per-article fallbacks."""
        lines = [self._choice] if self._choice else []
        if self.failures:
            lines.append(
                f"{self.name}: {len(self.failures)} answer(s) failed the JSON schema twice and were replaced "
                f"by extractive bullets or the lexicon English; first: {self.failures[0]}"
            )
        return "; ".join(lines)

    @notice.setter
    def notice(self, text: str) -> None:
        self._choice = text

    # ---------------------------------------------------------------- transport (per engine)

    @abstractmethod
    def chat(self, messages: Messages) -> str:
        """The assistant's reply to one conversation."""

    def chat_many(self, conversations: Sequence[Messages]) -> list[str]:
        """Replies to several conversations; engines override this to batch or run in parallel."""
        return [self.chat(messages) for messages in conversations]

    @abstractmethod
    def fits(self, messages: Messages) -> bool:
        """True when the conversation is within max_input_tokens for this model."""

    # ---------------------------------------------------------------- the Engine interface

    @property
    def prompt_version(self) -> str:
        return prompt_signature(list(self.templates.values()))

    def summarize(self, analyses: Sequence[Analysis]) -> list[list[Bullet]]:
        template = self.templates["brief_ar"]
        counts = [bullet_count(a, self.config.bullets) for a in analyses]
        conversations = [
            self._fitted(a, lambda text, a=a, n=n: brief_messages(template, a, n, text))
            for a, n in zip(analyses, counts, strict=True)
        ]
        answers = self.chat_many(conversations)
        results = []
        for analysis, count, messages, answer in zip(analyses, counts, conversations, answers, strict=True):
            try:
                texts = ask(self.chat, messages, template, count, _origin(analysis), first_answer=answer)
            except ArticleError as failure:
                results.append(self._extractive_fallback(analysis, failure))
            else:
                results.append(to_bullets(analysis, texts, "ar", self.name))
        return results

    def english(
        self, analyses: Sequence[Analysis], bullets_ar: Sequence[Sequence[Bullet]]
    ) -> list[list[Bullet] | None]:
        """English bullets, one per Arabic bullet; None for an article whose answer failed twice,
        so the pipeline gives it the translator's or the lexicon's English instead."""
        template = self.templates["brief_en"]
        results: list[list[Bullet] | None] = [[] for _ in analyses]
        todo = [i for i, bullets in enumerate(bullets_ar) if bullets]
        conversations = [
            self._fitted(
                analyses[i],
                lambda text, i=i: english_messages(template, analyses[i], [b.text for b in bullets_ar[i]], text),
            )
            for i in todo
        ]
        answers = self.chat_many(conversations)
        for i, msgs, answer in zip(todo, conversations, answers, strict=True):
            arabic = bullets_ar[i]
            try:
                texts = ask(self.chat, msgs, template, len(arabic), _origin(analyses[i]), first_answer=answer)
            except ArticleError as failure:
                self.failures.append(str(failure))
                results[i] = None
                continue
            results[i] = [
                Bullet("en", text, sources=ar.sources, role=ar.role, translated=True, origin=self.name)
                for text, ar in zip(texts, arabic, strict=True)
            ]
        return results

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Arabic lines to English through translate.<version>; placeholders must survive."""
        if not texts:
            return []
        template = self.templates["translate"]
        messages = translate_messages(template, texts)
        return ask(self.chat, messages, template, len(texts), "translation")

    # ---------------------------------------------------------------- helpers

    def _extractive_fallback(self, analysis: Analysis, failure: ArticleError) -> list[Bullet]:
        self.failures.append(str(failure))
        (bullets,) = ExtractiveEngine(self.config).summarize([analysis])
        return [dataclasses.replace(b, origin="extractive-fallback") for b in bullets]

    def _fitted(self, analysis: Analysis, build) -> Messages:
        """The conversation with as much of the article as fits, cut at a sentence boundary.

        News puts the essentials first, so the lead sentences are kept and the tail dropped;
        the largest number of sentences that fits is found by bisection.
        """
        full = build(None)
        sentences = analysis.sentences
        if self.fits(full) or len(sentences) <= 1:
            return full
        low, high = 1, len(sentences) - 1  # invariant: high fits unless high == low
        while low < high:
            middle = (low + high + 1) // 2
            if self.fits(build(_leading_text(analysis, middle))):
                low = middle
            else:
                high = middle - 1
        return build(_leading_text(analysis, low))


class ChatTranslator(Translator):
    """The Translator interface (translate(texts) -> texts) over a chat engine.

    A batch whose answer fails the schema twice raises ArticleError naming translate.<version>.
    """

    def __init__(self, engine: ChatEngine):
        self.engine = engine
        self.model_name = engine.model_name

    def translate(self, texts: list[str]) -> list[str]:
        return self.engine.translate(texts)

    @property
    def template(self) -> PromptTemplate:
        return self.engine.templates["translate"]


def to_bullets(analysis: Analysis, texts: Sequence[str], lang: str, origin: str) -> list[Bullet]:
    """Model answers as Bullets, each pointing at the sentence it shares most words with."""
    return [
        Bullet(lang, text, sources=_best_sources(analysis, text), role=_role(position, text), origin=origin)
        for position, text in enumerate(texts)
    ]


def _role(position: int, text: str) -> str:
    if position == 0:
        return "event"
    if any(mark in text for mark in _QUOTE_MARKS):
        return "quote"
    if any(ch.isdigit() for ch in text):
        return "figure"
    return "context"


def _best_sources(analysis: Analysis, text: str) -> tuple[int, ...]:
    words = set(_WORD.findall(text))
    if not words or not analysis.sentences:
        return ()
    overlaps = [(len(words & set(_WORD.findall(s.text))), -s.index, s.index) for s in analysis.sentences]
    best = max(overlaps)
    return (best[2],) if best[0] > 0 else ()


def _leading_text(analysis: Analysis, sentences: int) -> str:
    return analysis.article.text[: analysis.sentences[sentences - 1].end]


def _origin(analysis: Analysis) -> str:
    return analysis.article.origin or analysis.article.id
