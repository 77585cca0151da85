"""Person names: the tokens that tell one person from another, names found in a bullet, and the name check."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from briefer.arabic.verbs import news_verbs, present_verbs
from briefer.facts.entities import find_entities
from briefer.types import Bullet
from briefer.verify.forms import _INVISIBLE, _TOKEN, _fold, _forms, _has_token, _tokens
from briefer.verify.lexicon import _lexicon
from briefer.verify.problems import Problem

if TYPE_CHECKING:
    from briefer.verify.source import _Source

_NAME_BREAK = regex.compile(r"[,،.;؛:!?؟()\"“”«»\n]")


def _name_tokens(name: str) -> list[str]:
    """The tokens that tell one person from another: no titles, particles or stop words."""
    skip = _not_distinctive()
    return [t for t in _tokens(name) if t not in skip and len(t) > 1]


@lru_cache(maxsize=1)
def _not_distinctive() -> frozenset[str]:
    """Titles, name particles and stop words: built once, not for every name read."""
    lexicon = _lexicon()
    return lexicon.titles | lexicon.particles | lexicon.stop_words


def _distinctive(name: str) -> set[str]:
    titles = _lexicon().titles
    return {form for token in _name_tokens(name) for form in _forms(token) if form not in titles}


def _name_problems(source: _Source, bullet: Bullet) -> list[Problem]:
    if _every_word_in(source, bullet.text):
        return []
    problems = []
    for name in _names_in(bullet.text):
        if any(not _has_token(token, source.forms) for token in _name_tokens(name)):
            problems.append(Problem("name", f"name: {name} is not in the article"))
    return problems


def _every_word_in(source: _Source, text: str) -> bool:
    """Every word of ``text`` is a word of the article or a news verb, so no name in it can be
    foreign to the article.

    Finding names costs a run of the entities layer: it was most of the guard's time on an edited
    extractive bullet, whose words are the article's plus the verb its headline style or its
    continuation edit writes ("يعلن", "ذكر"). A name's tokens are tokens of the text unless an
    invisible character, dropped by the folding, joins two words into one.
    """
    if _INVISIBLE.search(text):
        return False
    verbs = _news_verb_forms()
    return all(token in verbs or _has_token(token, source.forms) for token in _tokens(text))


@lru_cache(maxsize=1)
def _news_verb_forms() -> frozenset[str]:
    """The news verbs, past and present, folded: words a rewriting engine writes, never names."""
    return frozenset(_fold(verb) for verb in (*news_verbs(), *present_verbs()))


def _names_in(text: str) -> list[str]:
    """Person names in a bullet: the entities layer's, plus runs opened by a known first name."""
    names = [e.text for e in find_entities(text) if e.kind == "person"]
    lexicon = _lexicon()
    words = [(m.group(), _fold(m.group())) for m in _TOKEN.finditer(text)]
    breaks = {m.start() for m in _NAME_BREAK.finditer(text)}
    positions = [m.start() for m in _TOKEN.finditer(text)]
    i = 0
    while i < len(words):
        if _forms(words[i][1]).isdisjoint(lexicon.first_names) or words[i][0] in present_verbs():
            i += 1  # 'تأمر السلطات' opens on a verb that folds like the name تامر
            continue
        run = [words[i][0]]
        j = i + 1
        while j < len(words) and len(run) < 4 and words[j][1] not in lexicon.stop_words:
            if any(positions[j - 1] < b < positions[j] for b in breaks):
                break
            family = words[j][1].startswith("ال")
            if words[j][1] not in lexicon.particles and not family and _forms(words[j][1]).isdisjoint(lexicon.first_names):
                break  # a name goes on with بن/عبد, more given names, and ends at a family name in ال
            run.append(words[j][0])
            j += 1
            if family:
                break
        names.append(" ".join(run))
        i = j
    names = list(dict.fromkeys(names))
    folded = [_fold(n) for n in names]  # one problem per person: "خالد الفالح" inside "وزير الطاقة خالد الفالح"
    return [n for n, f in zip(names, folded) if not any(f != g and f in g for g in folded)]


def _name_from(text: str, hits: set[str]) -> str:
    words = [w for w in _TOKEN.findall(text) if not _forms(_fold(w)).isdisjoint(hits)]
    return " ".join(words[:3])
