"""Reading articles as they really arrive: files, folders, globs, feeds, web pages, Word, stdin.

``read_inputs`` streams ``Article``s (and ``InputError``s for what could not be read, so the
caller can report them and go on). Order is deterministic: inputs as given, folders sorted.
"""

from __future__ import annotations

import glob
import hashlib
import io
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from briefer.config import BriefConfig
from briefer.errors import InputError
from briefer.ingest.debris import agency_in, clean_text
from briefer.ingest.decode import decode_bytes
from briefer.ingest.readers import (
    Record,
    read_docx,
    read_html,
    read_json,
    read_jsonl,
    read_text_document,
    split_title_line,
)
from briefer.types import Article

SUFFIXES = {".txt": "text", ".md": "text", ".markdown": "text", ".text": "text", ".html": "html",
            ".htm": "html", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".docx": "docx"}
STDIN = "-"
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WHITESPACE = re.compile(r"\s+")


def article_id(text: str) -> str:
    """Stable id from the content: the same story text gives the same id across runs and files."""
    canonical = _WHITESPACE.sub(" ", text).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def read_inputs(
    inputs: Sequence[str], config: BriefConfig, stdin: BinaryIO | None = None
) -> Iterator[Article | InputError]:
    """Every article in the inputs, in order; an unreadable input yields an InputError instead."""
    for source in expand_inputs(inputs):
        if isinstance(source, InputError):
            yield source
        elif source == STDIN:
            yield from _read_stream((stdin or sys.stdin.buffer).read(), "<stdin>", None, config)
        else:
            yield from read_file(source, config)


def expand_inputs(inputs: Sequence[str]) -> Iterator[Path | str | InputError]:
    """Files as given, folders recursively (sorted, hidden and unknown files left out), globs."""
    for name in inputs:
        if name == STDIN:
            yield STDIN
            continue
        path = Path(name)
        if path.is_dir():
            yield from _folder_files(path)
        elif path.exists():
            yield path
        elif glob.has_magic(name):
            matches = sorted(Path(p) for p in glob.glob(name, recursive=True))
            files = [p for p in matches if p.is_file() and p.suffix.lower() in SUFFIXES]
            if not files:
                yield InputError(name, "no supported file matches this pattern")
            yield from files
        else:
            yield InputError(name, "no such file or folder")


def _folder_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUFFIXES and not _is_project_doc(path):
            yield path


def _is_project_doc(path: Path) -> bool:
    """README/LICENSE/CHANGELOG files sit beside articles in real folders; they are not news.
    Named explicitly on the command line they are still read."""
    return path.stem.upper() in {"README", "LICENSE", "CHANGELOG", "CONTRIBUTING"}


def read_file(path: Path, config: BriefConfig) -> Iterator[Article | InputError]:
    origin = str(path)
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    try:
        if kind == "jsonl":
            yield from _read_feed(path, config)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_stream(data, origin, kind, config)


def _read_stream(data: bytes, origin: str, kind: str | None, config: BriefConfig) -> Iterator[Article | InputError]:
    """Decode, pick the reader (sniffed for stdin), and turn records into Articles."""
    try:
        if kind == "docx":
            records: Iterator[Record | InputError] = iter([read_docx(data, origin)])
        else:
            text, encoding = decode_bytes(data, origin)
            kind = kind or _sniff(text)
            records = _records(text, origin, kind, config)
        for record in records:
            yield record if isinstance(record, InputError) else to_article(record, origin, kind, config)
    except InputError as exc:
        yield exc


def _records(text: str, origin: str, kind: str, config: BriefConfig) -> Iterator[Record | InputError]:
    if kind == "html":
        return iter([read_html(text, origin)])
    if kind == "json":
        return read_json(text, origin, config)
    if kind == "jsonl":
        return read_jsonl(iter(text.splitlines()), origin, config)
    return iter([read_text_document(text, origin)])


def _read_feed(path: Path, config: BriefConfig) -> Iterator[Article | InputError]:
    """JSONL streamed line by line so memory stays flat however long the feed is."""
    origin = str(path)
    with path.open("rb") as handle:
        head = handle.read(4)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or not head.strip():
        yield from _read_stream(path.read_bytes(), origin, "jsonl", config)  # UTF-16 or empty: small
        return
    with path.open("r", encoding="utf-8-sig", errors="strict") as handle:
        lines = _decoded_lines(handle, origin)
        for record in read_jsonl(lines, origin, config):
            yield record if isinstance(record, InputError) else to_article(record, origin, "jsonl", config)


def _decoded_lines(handle: io.TextIOBase, origin: str) -> Iterator[str]:
    number = 0
    while True:
        number += 1
        try:
            line = handle.readline()
        except UnicodeDecodeError:
            raise InputError(f"{origin}:{number}", "not valid UTF-8; re-save the feed as UTF-8") from None
        if not line:
            return
        yield line


def _sniff(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith(("{", "[")):
        first_line = text.strip().split("\n", 1)[0].strip()
        return "jsonl" if first_line.startswith("{") and first_line.endswith("}") and "\n" in text.strip() else "json"
    if head.startswith(("<!doctype", "<html", "<?xml")) or "<body" in head:
        return "html"
    return "text"


def to_article(record: Record, origin: str, kind: str, config: BriefConfig) -> Article:
    """Clean the body, settle title/date/source, and give the article its id."""
    where = record.get("_origin", origin)
    cleaned = clean_text(record.get("text", ""))
    body, meta = cleaned.text, {"format": kind, **cleaned.meta}
    title = _clean_line(record.get("title", ""))
    if not title and record.get("_title_from_first_line"):
        title, rest = split_title_line(body)
        if title:  # a byline or dateline often sits under the headline
            again = clean_text(rest)
            body = again.text
            _merge_meta(meta, again.meta)
    body = _drop_repeated_title(body, title)
    if not body.strip():
        raise InputError(where, "no article text after removing markup and debris")
    if len(body) > config.max_article_chars:
        raise InputError(
            where, f"article is {len(body):,} characters, over the {config.max_article_chars:,} limit "
            "(max_article_chars); split it or raise the limit",
        )
    _merge_meta(meta, record.get("meta", {}))
    for key in ("author",):
        if record.get(key):
            meta[key] = record[key]
    source = _clean_line(record.get("source", "")) or _source_from_dateline(meta)
    return Article(
        id=article_id(body),
        text=body,
        title=title,
        source=source,
        date=normalize_date(record.get("date", "")),
        url=str(record.get("url", "")).strip(),
        origin=where,
        meta=meta,
    )


def _drop_repeated_title(body: str, title: str) -> str:
    """Web pages repeat the headline as the first line of the body (the <h1>)."""
    first, _, rest = body.partition("\n")
    if title and _WHITESPACE.sub(" ", first).strip() == _WHITESPACE.sub(" ", title).strip() and rest.strip():
        return rest.strip()
    return body


def _merge_meta(meta: dict, more: dict) -> None:
    for key, value in more.items():
        if isinstance(value, list) and isinstance(meta.get(key), list):
            meta[key] = meta[key] + value
        else:
            meta.setdefault(key, value)


def _clean_line(value: str) -> str:
    return clean_text(str(value)).text.replace("\n", " ").strip() if value else ""


def _source_from_dateline(meta: dict) -> str:
    """A wire agency named in the dateline ("القاهرة (رويترز)") is the source when none was given.
    Other datelines are ambiguous ("<outlet> – <city>" vs "<reporter> – <outlet>"): left in meta."""
    found = agency_in(meta.get("dateline", ""))
    return found or ""


def normalize_date(value: str) -> str:
    """YYYY-MM-DD from ISO-like strings ("2026-11-28T08:30:00Z", "2026-11-28"); else ""."""
    match = _ISO_DATE.search(str(value or ""))
    if not match:
        return ""
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"
