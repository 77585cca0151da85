"""News verbs: the past forms that open leads, and their present (imperfect) forms.

One list (data/news_verbs.tsv) for two readers: the extractive engine's headline style turns
"أعلن الوزير" into "يعلن الوزير", and the entity finder must then not read the present form as
the start of a name ("تأمر السلطات" is not a person called Tamer).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("data") / "news_verbs.tsv"


@cache
def present_forms() -> dict[str, str]:
    """Past form as written (with or without the hamza on an opening alef) -> present form:
    ي + stem after a masculine past, ت + stem after a feminine one."""
    forms: dict[str, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        masculine, feminine, stem = line.split("\t")
        if masculine != "-":
            _add(forms, masculine, "ي" + stem)
        _add(forms, masculine + "ت" if feminine == "-" else feminine, "ت" + stem)
    return forms


@cache
def present_verbs() -> frozenset[str]:
    """Every present form the list can produce, as written."""
    return frozenset(present_forms().values())


def _add(forms: dict[str, str], past: str, present: str) -> None:
    forms[past] = present
    if past.startswith("أ"):  # many sites drop the hamza: اعلن for أعلن
        forms.setdefault("ا" + past[1:], present)
