"""Matching forms: the folding every comparison runs on, and word tokens with their clitic-free forms.

``_fold`` unifies Arabic letter and digit forms, punctuation and spaces; ``_Folding`` folds a long
text once and answers for any slice of it; ``_forms`` gives a token with and without its clitics."""

from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from briefer.arabic.normalize import normalize

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_INVISIBLE = regex.compile(r"[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_EDGE_PUNCT = " \t\n.,،;؛:!?؟-–—()[]"
#: Arabic punctuation -> ASCII; applied with str.replace, many times faster than str.translate on
#: Arabic text (no target is also a source, so the order does not matter)
_PUNCT_PAIRS = (("،", ","), ("؛", ";"), ("؟", "?"), ("٪", "%"))
#: characters seen to fold to exactly one character (most of any text): checked once each
_ONE_TO_ONE: set[str] = set()
_ONE_TO_ONE_LIMIT = 65536  # past this many, new characters are checked every time (memory bound)
#: the others (diacritics fold to none, ligatures to several): their folded width, so the ones an
#: article holds are not folded again for every article
_RESIZING_WIDTH: dict[str, int] = {}


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """The matching normalisation: Arabic letter/digit forms unified, punctuation forms and spaces.

    Cached: a bullet is folded by several checks, and figure texts and names recur.
    """
    return " ".join(_fold_chars(text).split())


def _fold_chars(text: str) -> str:
    """``_fold`` before spaces are collapsed: a map of each character on its own (no context)."""
    text = _INVISIBLE.sub("", normalize(text))
    for arabic, ascii_form in _PUNCT_PAIRS:
        text = text.replace(arabic, ascii_form)
    return text


def _resizing_chars(text: str) -> str:
    """The characters of ``text`` that fold to none or several characters, sorted."""
    resizing = []
    for char in set(text) - _ONE_TO_ONE:
        if _fold_width(char) != 1:
            resizing.append(char)
        elif len(_ONE_TO_ONE) < _ONE_TO_ONE_LIMIT:
            _ONE_TO_ONE.add(char)
    return "".join(sorted(resizing))


def _fold_width(char: str) -> int:
    """``len(_fold_chars(char))``, remembered for the characters that do not fold to one."""
    width = _RESIZING_WIDTH.get(char)
    if width is None:
        width = len(_fold_chars(char))
        if width != 1 and len(_RESIZING_WIDTH) < _ONE_TO_ONE_LIMIT:
            _RESIZING_WIDTH[char] = width
    return width


@lru_cache(maxsize=256)
def _char_class(chars: str) -> regex.Pattern:
    return regex.compile("[" + "".join(regex.escape(ch) for ch in chars) + "]")


class _Folding:
    """``_fold`` of any slice of one text, with the text folded once.

    Folding maps each character on its own, so the folded characters of a slice are a slice of
    the folded characters of the text; only the characters that fold to none or several
    (diacritics, tatweel, ligatures) move the offsets, and they are few: their positions and the
    running shift they cause map a raw offset to a folded one.
    """

    def __init__(self, text: str, whole: bool = True):
        """``whole=False``: fold slice by slice (a bullet with a figure or two gains nothing from
        folding it all)."""
        self.text = text
        self._exact = False
        if not whole:
            return
        self._chars = _fold_chars(text)
        self._positions: list[int] = []  # raw offsets of the characters that do not fold to one
        self._shift = [0]  # _shift[k]: folded minus raw length over the first k of them
        resizing = _resizing_chars(text)
        if resizing:
            for match in _char_class(resizing).finditer(text):
                self._positions.append(match.start())
                self._shift.append(self._shift[-1] + _fold_width(match.group()) - 1)
        # a normalisation that looked at context would break the slicing: fold slice by slice then
        self._exact = len(self._chars) == len(text) + self._shift[-1]

    def token_forms(self, more: str = "") -> frozenset[str]:
        """``_token_forms(text + more)``, reusing the folded text."""
        if not self._exact:
            return _token_forms(self.text + more)
        # the tokens of the folded characters are the tokens of _fold (no token holds a space);
        # an article repeats a third of its words: each distinct one is looked up once
        return frozenset().union(*map(_forms, set(_TOKEN.findall(self._chars + _fold_chars(more)))))

    def fold(self, start: int, end: int) -> str:
        """``_fold(text[start:end])`` (non-negative offsets; past the end as slicing allows)."""
        if not self._exact or start < 0 or end < 0:
            return _fold(self.text[start:end])
        return " ".join(self._chars[self._folded_offset(start) : self._folded_offset(end)].split())

    def _folded_offset(self, offset: int) -> int:
        offset = min(offset, len(self.text))
        if not self._positions:
            return offset
        return offset + self._shift[bisect.bisect_left(self._positions, offset)]

    def first_token(self, offset: int, window: int = 16, folded: str | None = None) -> tuple[str, int]:
        """The token ``_fold(text[offset:])`` opens with ("" if none), and the offset read up to.

        Folding the whole rest of the article for every figure made reading an article quadratic.
        The fold of a window is a prefix of the fold of the rest (characters fold on their own), so
        once the window shows a character after the token, or no token at all, the answer is known.
        ``folded``: the fold of the first window, when the caller has it.
        """
        while True:
            folded = self.fold(offset, offset + window) if folded is None else folded
            match = _TOKEN.match(folded)
            if offset + window >= len(self.text) or (folded and (match is None or match.end() < len(folded))):
                return (match.group() if match else ""), offset + window
            window, folded = window * 4, None


@lru_cache(maxsize=65536)
def _forms(token: str) -> frozenset[str]:
    """A folded token and its forms without clitics (و ف ب ل ك and the article ال).

    Cached: the same few thousand words come back in every article, sentence and bullet."""
    forms = {token}
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            forms.add(token[len(prefix) :])
    if token[:1] in "وفبلك" and len(token) > 3:
        forms.add(token[1:])
    return frozenset(forms)


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    """Folded word tokens; cached: figure texts, units and names are read again and again."""
    return tuple(_TOKEN.findall(_fold(text)))


@lru_cache(maxsize=8192)
def _token_forms(text: str) -> frozenset[str]:
    """Cached by text: provenance asks for the same source sentences' forms for every bullet."""
    return frozenset().union(*map(_forms, set(_tokens(text))))


def _has_token(token: str, forms: frozenset[str]) -> bool:
    return not _forms(token).isdisjoint(forms)
