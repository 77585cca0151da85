"""Scraper debris out, facts kept: markers, share and 'read also' lines, bylines, datelines, hashtags.

What is removed from the body but still worth knowing (byline, dateline, hashtags) goes to the
article's metadata. Every rule works on whole lines or on the head of the text, so a sentence with a
figure or quote in it is never cut in the middle. Patterns live in data/debris.toml.
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Characters that break XML (DOCX) or reorder text invisibly; ZWJ/ZWNJ are dropped for matching
# but harmless, so they stay. Bidi embeddings/overrides/isolates are removed: they can make a
# figure read backwards in the document.
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = regex.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = regex.compile(r"\n{3,}")
_HASHTAG = regex.compile(r"(?<![\w&])#(\w[\w_]*)")
_DASH = r"[-–—]"


@dataclass(frozen=True)
class Cleaned:
    text: str
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _Rules:
    markers: regex.Pattern
    drop_lines: regex.Pattern
    byline: regex.Pattern
    agencies: regex.Pattern
    inline_dateline: regex.Pattern
    trailing_tags: regex.Pattern


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = tomllib.loads(resources.files("briefer.ingest").joinpath("data/debris.toml").read_text("utf-8"))
    agencies = "|".join(regex.escape(a) for a in sorted(data["agencies"], key=len, reverse=True))
    return _Rules(
        markers=regex.compile("|".join(data["markers"]), regex.IGNORECASE),
        drop_lines=regex.compile(r"^\s*(?:" + "|".join(data["drop_lines"]) + r")\s*$", regex.IGNORECASE),
        byline=regex.compile(r"^\s*(?:" + "|".join(data["byline_prefixes"]) + r")\s*[:：]?\s*(?P<who>[^\n]{2,60})$"),
        agencies=regex.compile(agencies),
        # At the start of the body: "القاهرة (رويترز) - قال ...", "الرياض - واس - ...", "(CNN) -- ...",
        # "عمّان - (المشرق) - ..." (any short parenthesised outlet), "الدوحة – بلغ ..." (a bare city).
        trailing_tags=regex.compile(
            r"(?:^|\s)(?:" + "|".join(regex.escape(t) for t in data["trailing_tags"]) + r")\s*:?\s+(?P<tags>[^.!?؟\n«»“”\"]{1,160})\Z"
        ),
        inline_dateline=regex.compile(
            rf"^(?P<dl>(?:[\w\s]{{0,30}}?\s*)?(?:\(\s*(?:{agencies})\s*\)|{_DASH}\s*(?:{agencies}))\s*(?:{_DASH}{{1,2}}|:)\s*"
            rf"|\w+(?:\s\w+){{0,2}}\s*{_DASH}?\s*\([\w\s.]{{2,30}}\)\s*{_DASH}{{1,2}}\s*"
            rf"|\w+(?:\s\w+)?\s+{_DASH}{{1,2}}\s+(?=\w))"
        ),
    )


def clean_text(raw: str) -> Cleaned:
    """Cleaned body and what was taken out of it (dateline, byline, hashtags)."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    rules = _rules()
    text = rules.markers.sub("", text)
    meta: dict = {}
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    lines = _drop_debris_lines(lines, rules, meta)
    lines = _take_head(lines, rules, meta)
    body = "\n".join(lines).strip()
    body = _take_inline_dateline(body, rules, meta)
    body = _unhash(body, meta)
    body = _take_trailing_tags(body, rules, meta)
    return Cleaned(_BLANKS.sub("\n\n", body).strip(), meta)


def _drop_debris_lines(lines: list[str], rules: _Rules, meta: dict) -> list[str]:
    kept = []
    for line in lines:
        if line and rules.drop_lines.match(line):
            meta.setdefault("debris", []).append(line)
            continue
        kept.append(line)
    return kept


def _take_head(lines: list[str], rules: _Rules, meta: dict) -> list[str]:
    """Bylines and outlet/desk datelines among the first lines go to metadata."""
    index = 0
    while index < len(lines) and index < 6:
        line = lines[index]
        if not line:
            index += 1
            continue
        byline = rules.byline.match(line)
        if byline:
            meta["byline"] = byline.group("who").strip()
        elif is_dateline(line, rules):
            meta["dateline"] = line
        else:
            break
        lines = lines[:index] + lines[index + 1 :]
    return lines


def is_dateline(line: str, rules: _Rules | None = None) -> bool:
    """'<outlet> – <city or desk>' or '<name> – <outlet>': short, split by a dash, no sentence end."""
    rules = rules or _rules()
    if line.endswith((".", "؟", "!", ":")) and not line.endswith("-:"):
        return False
    if rules.agencies.fullmatch(line.strip("()-–— ")):
        return True
    parts = [p.strip(" ()") for p in regex.split(rf"\s+{_DASH}{{1,2}}\s*|\s*{_DASH}{{1,2}}\s+", line) if p.strip(" ()")]
    if len(parts) < 2 or len(parts) > 3:
        return False
    words = [len(p.split()) for p in parts]
    return max(words) <= 4 and sum(words) <= 8


def agency_in(text: str) -> str:
    """The wire agency named in a dateline, or ""."""
    match = _rules().agencies.search(text or "")
    return match.group() if match else ""


def _take_inline_dateline(body: str, rules: _Rules, meta: dict) -> str:
    match = rules.inline_dateline.match(body)
    if not match or len(match.group("dl")) > 60:
        return body
    meta.setdefault("dateline", match.group("dl").strip(" -–—:"))
    return body[match.end() :]


def _take_trailing_tags(body: str, rules: _Rules, meta: dict) -> str:
    match = rules.trailing_tags.search(body)
    if not match or len(match.group("tags").split()) > 12:
        return body
    meta.setdefault("tags", match.group("tags").split())
    return body[: match.start()].rstrip()


def _unhash(body: str, meta: dict) -> str:
    """#قمة_الرياض -> قمة الرياض; lines made only of hashtags go to metadata."""
    kept = []
    for line in body.split("\n"):
        tags = _HASHTAG.findall(line)
        if tags and not _HASHTAG.sub("", line).strip(" ,،|"):
            meta.setdefault("hashtags", []).extend(t.replace("_", " ") for t in tags)
            continue
        if tags:
            meta.setdefault("hashtags", []).extend(t.replace("_", " ") for t in tags)
            line = _HASHTAG.sub(lambda m: m.group(1).replace("_", " "), line)
        kept.append(line)
    return "\n".join(kept)
