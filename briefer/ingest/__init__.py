"""Reading articles from files, folders, feeds and stdin. (Initial version: UTF-8 .txt only.)"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator, Sequence

from briefer.config import BriefConfig
from briefer.errors import InputError
from briefer.types import Article


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_inputs(inputs: Sequence[str], config: BriefConfig) -> Iterator[Article | InputError]:
    for name in inputs:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield InputError(str(file), str(exc))
                continue
            title, _, body = text.strip().partition("\n")
            yield Article(id=article_id(body), text=body.strip(), title=title.strip(), origin=str(file))
