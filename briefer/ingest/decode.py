"""Bytes to text: BOMs, UTF-8, UTF-16, Windows-1256 and ISO-8859-6, and a clear 'binary' verdict.

Arabic feeds still arrive in Windows-1256; a general detector guesses wrong on short Arabic text
(cp1256 and ISO-8859-6 bytes are valid in many single-byte code pages), so the Arabic code pages are
tried first and judged by how much of the result is Arabic; charset-normalizer is the last resort.
"""

from __future__ import annotations

import codecs

from briefer.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"\x7fELF", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf",
)
_ARABIC_CODE_PAGES = ("cp1256", "iso-8859-6")


def decode_bytes(data: bytes, origin: str) -> tuple[str, str]:
    """(text, encoding name) or InputError naming the file."""
    if not data.strip():
        raise InputError(origin, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, origin), encoding
    if data.startswith(b"PK\x03\x04"):
        raise InputError(origin, "a zip/Office file; only .docx is read as an article (rename it .docx?)")
    if data.startswith(_BINARY_MAGIC):
        raise InputError(origin, "binary file (image, PDF or archive), not text")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, origin), utf16
    if b"\x00" in data:
        raise InputError(origin, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if utf8_error.reason == "unexpected end of data" and utf8_error.start >= len(data) - 3:
        # a feed cut mid-character: keep everything but the broken last character
        return data[: utf8_error.start].decode("utf-8"), "utf-8 (truncated)"
    if _has_utf8_lines(data):
        return _decode_mixed_lines(data), "mixed utf-8/cp1256"
    best = _best_arabic_code_page(data)
    if best:
        return best
    return _detected(data, origin, utf8_error)


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"not valid {encoding} at byte {exc.start}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte for ASCII characters; Arabic has
    0x06 there (U+06xx). Decide from which half of the byte pairs holds them."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    high = set(b"\x00\x06")
    if sum(b in high for b in odd) > 0.9 * len(odd) and odd.count(0) + odd.count(6) > 0:
        return "utf-16-le"
    if sum(b in high for b in even) > 0.9 * len(even):
        return "utf-16-be"
    return None


def _has_utf8_lines(data: bytes) -> bool:
    """Some lines are clearly UTF-8 (valid, with multi-byte characters): the file mixes encodings,
    as concatenated feeds do, and decoding it whole in one code page would garble those lines."""
    for line in data.split(b"\n"):
        if max(line, default=0) < 0x80:
            continue
        try:
            line.decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False


def _decode_mixed_lines(data: bytes) -> str:
    lines = []
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1256", errors="replace").replace("\ufffd", ""))
    return "\n".join(lines)


def _best_arabic_code_page(data: bytes) -> tuple[str, str] | None:
    candidates = []
    for encoding in _ARABIC_CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_arabic_share(text), encoding, text))
    if not candidates:
        return None
    share, encoding, text = max(candidates)
    return (text, encoding) if share > 0.3 else None


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= ch <= "\u06ff" for ch in letters) / len(letters)


def _detected(data: bytes, origin: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None or match.encoding is None:
        raise InputError(
            origin, f"cannot tell the text encoding (not UTF-8: bad byte at {utf8_error.start}; not UTF-16 or Windows-1256)"
        )
    return str(match), match.encoding
