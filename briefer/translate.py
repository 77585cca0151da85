"""The English side of a brief. (Initial version: no English.)"""

from __future__ import annotations

from typing import Sequence

from briefer.types import Analysis, Bullet


def english_side(analysis: Analysis, bullets_ar: Sequence[Bullet], translator=None) -> tuple[str, tuple[Bullet, ...], str]:
    """(headline_en, bullets_en, mode) where mode is translation | lexicon | none."""
    return "", (), "none"
