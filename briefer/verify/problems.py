"""What the guard reports: one Problem per unsupported figure, quote, speaker, name or wording."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.types import Figure

PROBLEM_KINDS = ("figure", "quote", "speaker", "name", "support")


@dataclass(frozen=True)
class Problem:
    """One thing in a bullet the article does not support, with what a repair needs."""

    kind: str  # figure | quote | speaker | name
    message: str  # one line, starts with the kind: "figure: 3050 is not in the article"
    start: int = -1  # span in the bullet text
    end: int = -1
    figure: Figure | None = None  # the bullet's figure, for figure problems


def problem_kind(message: str) -> str:
    """The kind a Verdict problem line is about (its first word), for counting."""
    head = message.split(":", 1)[0].strip()
    return head if head in PROBLEM_KINDS else "other"
