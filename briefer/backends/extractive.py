"""The embedded default engine: extractive bullets, nothing downloaded.

(Initial version: lead sentences, labelled as such. The extractive-engine issue replaces it with
scored, redundancy-controlled, faithful bullet writing.)
"""

from __future__ import annotations

from typing import Sequence

from briefer.backends.base import Engine
from briefer.types import Analysis, Bullet


class ExtractiveEngine(Engine):
    name = "extractive"

    def summarize(self, analyses: Sequence[Analysis]) -> list[list[Bullet]]:
        return [self._lead(a) for a in analyses]

    def _lead(self, analysis: Analysis) -> list[Bullet]:
        chosen = analysis.sentences[: self.config.bullets]
        return [
            Bullet("ar", s.text, sources=(s.index,), role="event" if i == 0 else "context", origin="lead")
            for i, s in enumerate(chosen)
        ]
