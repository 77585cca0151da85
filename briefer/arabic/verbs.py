"""News verbs: the past forms that open leads, and their present (imperfect) forms.

One list (data/news_verbs.tsv) for two readers: the extractive engine's headline style turns
"أعلن الوزير" into "يعلن الوزير", and the entity finder must then not read the present form as
the start of a name ("تأمر السلطات" is not a person called Tamer).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("data") / "news_verbs.tsv"
_WEAK_FINALS = "يوى"  # a defective stem drops its last letter before the plural ending: يدعو -> يدعون


@dataclass(frozen=True)
class PresentForm:
    """The present of one past form: singular, masculine plural, and the verb's preposition."""

    singular: str  # يعلن / تعلن
    plural: str  # يعلنون: a masculine plural subject put before the verb; "" after a feminine past
    preposition: str = ""  # عن for أعرب: where its subject ends, when it takes no object first


@cache
def news_verbs() -> dict[str, PresentForm]:
    """Past form as written (with or without the hamza on an opening alef) -> its present."""
    verbs: dict[str, PresentForm] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        masculine, feminine, stem, *rest = line.split("\t")
        preposition = rest[0] if rest else ""
        if masculine != "-":
            _add(verbs, masculine, PresentForm("ي" + stem, "ي" + _plural_stem(stem) + "ون", preposition))
        past_feminine = masculine + "ت" if feminine == "-" else feminine
        _add(verbs, past_feminine, PresentForm("ت" + stem, "", preposition))
    # a past form that is also a present of the list ("تصدر": it topped / she issues) is ambiguous
    presents = {word for form in verbs.values() for word in (form.singular, form.plural)}
    return {past: form for past, form in verbs.items() if past not in presents}


@cache
def present_forms() -> dict[str, str]:
    """Past form as written -> the singular present (ي + stem after a masculine past, ت + stem
    after a feminine one)."""
    return {past: form.singular for past, form in news_verbs().items()}


@cache
def present_verbs() -> frozenset[str]:
    """Every present form the list can produce, as written."""
    return frozenset(word for form in news_verbs().values() for word in (form.singular, form.plural) if word)


def _plural_stem(stem: str) -> str:
    return stem[:-1] if stem.endswith(tuple(_WEAK_FINALS)) else stem


def _add(verbs: dict[str, PresentForm], past: str, form: PresentForm) -> None:
    verbs[past] = form
    if past.startswith("أ"):  # many sites drop the hamza: اعلن for أعلن
        verbs.setdefault("ا" + past[1:], form)
