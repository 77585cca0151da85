"""One reader per format. Each turns decoded content into raw article records (dicts), which
briefer.ingest then cleans and turns into Articles. A reader raises InputError for its file; a
feed reader yields InputError for a bad line and goes on with the next.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from briefer.config import BriefConfig
from briefer.errors import InputError

Record = dict[str, Any]

_FRONT_MATTER = regex.compile(r"\A---[ \t]*\n(?P<head>.*?)\n---[ \t]*\n", regex.DOTALL)
_HEADING = regex.compile(r"\A\s*#{1,3}\s+(?P<title>[^\n]+)\n")
_MIN_HTML_WORDS = 12
_SENTENCE_END = ("۔", ".", "؟", "?", "!", ":", "،", ",")

#: field names tried after the configured one, for feeds that use other common names
FIELD_FALLBACKS: Mapping[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext", "description"),
    "title": ("title", "headline", "name"),
    "source": ("source", "outlet", "publisher", "site_name", "sitename"),
    "date": ("date", "published", "published_at", "pubDate", "datePublished", "time"),
    "url": ("url", "link", "href", "canonical"),
    "id": ("id", "guid", "uid"),
}


# ----------------------------------------------------------------------------- text / markdown


def read_text_document(content: str, origin: str) -> Record:
    """.txt and .md: optional front matter, a '# heading' or title-like first line, the body."""
    record: Record = {}
    content = content.lstrip("\ufeff")
    front = _FRONT_MATTER.match(content)
    if front:
        record.update(_parse_front_matter(front.group("head")))
        content = content[front.end() :]
    heading = _HEADING.match(content)
    if heading:
        record.setdefault("title", heading.group("title").strip())
        content = content[heading.end() :]
    record["text"] = content
    record["_title_from_first_line"] = "title" not in record
    return record


def _parse_front_matter(head: str) -> Record:
    """The simple 'key: value' subset of YAML that front matter uses in practice."""
    record: Record = {}
    for line in head.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            record[key.strip().lower()] = value.strip().strip("\"'")
    return record


def split_title_line(text: str) -> tuple[str, str]:
    """('title', rest) when the first non-empty line looks like a headline, else ('', text).

    A headline is short, has no sentence-final punctuation and is followed by more text."""
    stripped = text.lstrip()
    first, newline, rest = stripped.partition("\n")
    first = first.strip()
    if not newline or not rest.strip() or not first:
        return "", text
    if len(first.split()) > 25 or first.endswith(_SENTENCE_END):
        return "", text
    return first, rest


# ------------------------------------------------------------------------------------- html


def read_html(content: str, origin: str) -> Record:
    """Main text and metadata of a web page through trafilatura."""
    from trafilatura import bare_extraction

    document = bare_extraction(content, with_metadata=True, include_comments=False, include_tables=False)
    # A page with no article gives back its menu or footer: a few words are not an article.
    if document is None or len((document.text or "").split()) < _MIN_HTML_WORDS:
        raise InputError(origin, "no article text found in the HTML page")
    return {
        "text": document.text,
        "title": document.title or "",
        "source": document.sitename or "",
        "date": document.date or "",
        "url": document.url or "",
        "author": document.author or "",
    }


# ------------------------------------------------------------------------------------- json


def read_json(content: str, origin: str, config: BriefConfig) -> Iterator[Record | InputError]:
    """A .json file: one article object, or a list of them."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, start=1):
        where = origin if len(items) == 1 else f"{origin}[{number}]"
        try:
            yield map_fields(item, where, config)
        except InputError as exc:
            yield exc


def read_jsonl(lines: Iterator[str], origin: str, config: BriefConfig) -> Iterator[Record | InputError]:
    """A feed: one JSON object per line; a bad line is an error for that line only."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON line ({exc.msg})")
            continue
        try:
            yield map_fields(item, where, config)
        except InputError as exc:
            yield exc


def map_fields(item: Any, origin: str, config: BriefConfig) -> Record:
    """Configured field names first (jsonl_*_field), then the common alternatives."""
    if not isinstance(item, dict):
        raise InputError(origin, f"expected a JSON object, got {type(item).__name__}")
    record: Record = {"_origin": origin}
    used: set[str] = set()
    for name in FIELD_FALLBACKS:
        configured = getattr(config, f"jsonl_{name}_field")
        field_name = _first_present(item, (configured, *FIELD_FALLBACKS[name]))
        if field_name is None:
            continue
        value = item[field_name]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise InputError(origin, f"field '{field_name}' should be text, got {type(value).__name__}")
        record[name] = str(value)
        used.add(field_name)
    if not record.get("text", "").strip():
        looked = ", ".join(dict.fromkeys((config.jsonl_text_field, *FIELD_FALLBACKS["text"])))
        raise InputError(origin, f"no article text (looked for fields: {looked})")
    record["meta"] = {k: v for k, v in item.items() if isinstance(v, (str, int, float, bool)) and k not in used}
    return record


def _first_present(item: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        if item.get(name) not in (None, ""):
            return name
    return None


# ------------------------------------------------------------------------------------- docx


def read_docx(data: bytes, origin: str) -> Record:
    """Paragraph text of a Word file; a 'Title' or first 'Heading' paragraph is the title."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(origin, f"not a readable .docx file ({exc})") from None
    title = ""
    body = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        if not title and not body and (style == "title" or style.startswith("heading")):
            title = text
        else:
            body.append(text)
    props = document.core_properties
    return {
        "text": "\n".join(body),
        "title": title or (props.title or ""),
        "author": props.author or "",
        "date": props.created.date().isoformat() if props.created else "",
        "_title_from_first_line": not (title or props.title),
    }
