"""Synthetic Arabic news for benchmarks and load tests, made from a folder of real-looking articles.

Each generated article takes the lead of one seed article and a shuffled mix of sentences from
others, with its figures changed, so a large batch has many distinct stories (not thousands of
copies of one) and the same texture as real news: datelines gone, quotes, figures in every form.
Deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import regex

from briefer.arabic.segment import split_sentences
from briefer.config import BriefConfig
from briefer.ingest import read_inputs
from briefer.types import Article

_ASCII_NUMBER = regex.compile(r"(?<![\d.])\d{2,4}(?![\d.])")


def seed_articles(folder: Path, config: BriefConfig | None = None) -> list[Article]:
    articles = [a for a in read_inputs([str(folder)], config or BriefConfig()) if isinstance(a, Article)]
    if not articles:
        raise ValueError(f"{folder}: no articles to generate from")
    return articles


def synthetic_records(seeds: list[Article], count: int, seed: int = 13) -> Iterator[dict]:
    """``count`` JSON-able article records: {id, title, source, date, text}."""
    rng = random.Random(seed)
    pools = [[s.text for s in split_sentences(a.text)] for a in seeds]
    for number in range(count):
        lead_index = number % len(seeds)
        base = seeds[lead_index]
        body = [pools[lead_index][0]]
        for _ in range(rng.randint(5, 9)):
            pool = pools[rng.randrange(len(pools))]
            body.append(pool[rng.randrange(len(pool))])
        text = _vary_numbers(" ".join(body[:1]) + "\n\n" + "\n\n".join(body[1:]), rng)
        yield {
            "id": f"synthetic-{number:06d}",
            "title": _vary_numbers(base.title, rng) + f" ({number})",
            "source": f"outlet-{rng.randrange(12):02d}",
            "date": f"2026-11-{rng.randint(20, 28):02d}",
            "text": text,
        }


def write_jsonl(path: Path, records: Iterator[dict]) -> int:
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written


def _vary_numbers(text: str, rng: random.Random) -> str:
    def change(match: regex.Match) -> str:
        digits = match.group()
        if digits.startswith(("19", "20")) and len(digits) == 4:  # years stay years
            return digits
        low = 10 ** (len(digits) - 1)
        return str(rng.randrange(low, low * 10))

    return _ASCII_NUMBER.sub(change, text)
