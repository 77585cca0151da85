"""The one interface every summarisation engine implements.

An engine turns analysed articles into Arabic bullets (and, if it can, English ones). Engines are
called in batches so model engines can batch on the device; the extractive engine just loops.
Every bullet an engine returns still goes through the faithfulness guard (briefer.verify).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

from briefer import __version__
from briefer.config import BriefConfig
from briefer.types import Analysis, Bullet


class Engine(ABC):
    name: ClassVar[str]
    #: True when the engine writes its own English bullets (instruction LLMs).
    writes_english: ClassVar[bool] = False

    def __init__(self, config: BriefConfig):
        self.config = config

    @abstractmethod
    def summarize(self, analyses: Sequence[Analysis]) -> list[list[Bullet]]:
        """Arabic bullets for each article, in order: main event, figures, quote, context."""

    def headline(self, analysis: Analysis) -> str:
        """The article's title, or its first sentence when it has none."""
        if analysis.article.title:
            return analysis.article.title
        return analysis.sentences[0].text if analysis.sentences else ""

    def english(self, analyses: Sequence[Analysis], bullets_ar: Sequence[Sequence[Bullet]]) -> list[list[Bullet]]:
        """English bullets written by the engine itself; only for engines with writes_english."""
        raise NotImplementedError(f"engine '{self.name}' does not write English")

    @property
    def model_name(self) -> str:
        return "-"

    @property
    def prompt_version(self) -> str:
        return "-"

    def signature(self) -> str:
        """sacrebleu-style: everything needed to reproduce the output, in one line."""
        return (
            f"engine:{self.name}|model:{self.model_name}|prompt:{self.prompt_version}"
            f"|bullets:{self.config.bullets}|briefer:{__version__}"
        )
