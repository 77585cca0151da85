"""Named entities from rules and lexicons. (Initial version: none found.)"""

from __future__ import annotations

from briefer.types import Entity


def find_entities(text: str) -> tuple[Entity, ...]:
    return ()
