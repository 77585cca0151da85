"""Sections of the briefing: the topic lexicon (data/sections.toml) and how a story is placed.

The lexicon is data, loaded once per path; a user replaces it with ``sections_file``. Matching is
on normalised words with clitics removed (see ``briefer.cluster.terms``), so a keyword written
"انتخابات" also finds "والانتخابات"; a keyword with a space is matched as a phrase.
"""

from __future__ import annotations

import functools
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from briefer.cluster import terms
from briefer.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: a headline hit counts this many body hits: the headline says what the story is about
HEADLINE_WEIGHT = 2


@dataclass(frozen=True)
class Section:
    key: str
    ar: str
    en: str
    words: frozenset[str]  # single-word keywords, as matching terms
    phrases: tuple[str, ...]  # multi-word keywords, as space-joined matching terms


@dataclass(frozen=True)
class Lexicon:
    sections: tuple[Section, ...]
    fallback: str
    countries: Mapping[str, str]  # Arabic country name -> English name

    def names(self, key: str) -> tuple[str, str]:
        """(Arabic, English) display names of a section key or a country."""
        for section in self.sections:
            if section.key == key:
                return section.ar, section.en
        return key, self.countries.get(key, key)

    def order(self) -> list[str]:
        return [section.key for section in self.sections]


@functools.lru_cache(maxsize=8)
def load_lexicon(path: str = "") -> Lexicon:
    """The shipped lexicon, or the TOML file at ``path`` (the sections_file setting)."""
    where = path or "briefer/data/sections.toml"
    try:
        raw = Path(path).read_text(encoding="utf-8") if path else _shipped_text()
        data = tomllib.loads(raw)
    except FileNotFoundError:
        raise ConfigError(f"sections_file {where}: file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"sections_file {where}: not valid TOML ({exc})") from None
    return _parse(data, where)


def classify(headline: str, body: str, lexicon: Lexicon) -> str:
    """The key of the section whose keywords the story hits most; the fallback when none."""
    head_terms, body_terms = terms(headline), terms(body)
    head_text, body_text = f" {' '.join(head_terms)} ", f" {' '.join(body_terms)} "
    head_counts, body_counts = Counter(head_terms), Counter(body_terms)
    best_key, best_score = lexicon.fallback, 0
    for section in lexicon.sections:
        score = HEADLINE_WEIGHT * _hits(section, head_counts, head_text) + _hits(section, body_counts, body_text)
        if score > best_score:  # strict: ties keep the earlier section of the lexicon
            best_key, best_score = section.key, score
    return best_key


def _hits(section: Section, counts: Counter[str], joined: str) -> int:
    return sum(counts[word] for word in section.words) + sum(joined.count(f" {p} ") for p in section.phrases)


def _shipped_text() -> str:
    return resources.files("briefer").joinpath("data/sections.toml").read_text(encoding="utf-8")


def _parse(data: Mapping, where: str) -> Lexicon:
    entries = data.get("section")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"sections_file {where}: needs at least one [[section]] table")
    sections = tuple(_section(entry, where) for entry in entries)
    keys = [s.key for s in sections]
    fallback = str(data.get("fallback", keys[-1]))
    if fallback not in keys:
        raise ConfigError(f"sections_file {where}: fallback '{fallback}' is not a section key")
    countries = data.get("countries", {})
    if not isinstance(countries, dict):
        raise ConfigError(f"sections_file {where}: [countries] must map Arabic names to English names")
    return Lexicon(sections, fallback, {str(k): str(v) for k, v in countries.items()})


def _section(entry: Mapping, where: str) -> Section:
    missing = [name for name in ("key", "ar", "en") if not entry.get(name)]
    if missing:
        raise ConfigError(f"sections_file {where}: a [[section]] lacks {', '.join(missing)}")
    words, phrases = set(), []
    for keyword in entry.get("keywords", []):
        matched = terms(str(keyword))
        if len(matched) == 1:
            words.add(matched[0])
        elif matched:
            phrases.append(" ".join(matched))
    return Section(str(entry["key"]), str(entry["ar"]), str(entry["en"]), frozenset(words), tuple(phrases))
