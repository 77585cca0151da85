"""Normalisation for matching only: the display text is never changed.

(Initial version; the analysis issue extends it with data-file mappings and an offset map.)
"""

from __future__ import annotations

import regex

_DIACRITICS = regex.compile(r"[\u064B-\u0652\u0670\u0640]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def normalize(text: str) -> str:
    """Text folded for comparison: diacritics/tatweel dropped, letter and digit forms unified."""
    return _DIACRITICS.sub("", text).translate(_DIGITS).translate(_LETTERS)
