"""An embedded SQLite store of finished article briefs, so a repeated or interrupted run resumes.

Keyed by the article's content id and everything that shapes its brief (engine signature,
translator, verification policy, briefer version and a digest of briefer's own code and data
files): change any of them and the old entries are simply not found. Each brief is committed as soon as it is made (WAL journal), so a run killed
at any moment loses at most the article in flight. Values are JSON, not pickle.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from functools import cache
from pathlib import Path

from briefer import __version__
from briefer.errors import ConfigError
from briefer.serialize import from_data, to_data
from briefer.types import ArticleBrief

_SCHEMA = """
CREATE TABLE IF NOT EXISTS briefs (
    key TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    value TEXT NOT NULL,
    created REAL NOT NULL DEFAULT (julianday('now'))
)
"""


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefer" / "briefs.sqlite"


def cache_key(article_id: str, signature: str) -> str:
    return hashlib.sha256(f"{article_id}|{signature}|briefer:{__version__}:{_build()}".encode()).hexdigest()


#: what a brief is made from: the code and the shipped lexicons, rules and templates
_BUILD_SUFFIXES = frozenset({".py", ".txt", ".tsv", ".toml", ".json"})


@cache
def _build() -> str:
    return code_digest(Path(__file__).resolve().parent)


def code_digest(root: Path) -> str:
    """A digest of the code and data files under ``root`` (the briefer package), by path and content.

    The version alone is not enough: an editable install or a patched lexicon changes briefs
    without changing the version, and an old cached brief would come back. Reading the package's
    ~150 small files once per run costs a few milliseconds.
    """
    digest = hashlib.sha256()
    files = sorted(path for path in root.rglob("*") if path.suffix in _BUILD_SUFFIXES and "__pycache__" not in path.parts)
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def encode_brief(brief: ArticleBrief) -> str:
    """A brief as the cache stores it: JSON, read back by :meth:`BriefCache.get`."""
    return json.dumps(to_data(brief), ensure_ascii=False, separators=(",", ":"))


class BriefCache:
    """ArticleBriefs by (article id, run signature): get() reads one back, put() stores one encoded."""

    def __init__(self, path: Path | str = ""):
        self.path = Path(path) if path else default_cache_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(f"{self.path}: cannot open the cache ({exc}); set 'cache' or use --no-cache") from None

    def get(self, article_id: str, signature: str) -> ArticleBrief | None:
        row = self._db.execute("SELECT value FROM briefs WHERE key = ?", (cache_key(article_id, signature),)).fetchone()
        if row is None:
            return None
        try:
            return from_data(ArticleBrief, json.loads(row[0]))
        except (ValueError, TypeError, KeyError):
            return None  # an entry from an incompatible build: recompute it

    def put(self, article_id: str, value: str, signature: str) -> None:
        """Store a brief encoded by :func:`encode_brief` (where it was made: a worker process)."""
        self._db.execute(
            "INSERT OR REPLACE INTO briefs (key, article_id, value) VALUES (?, ?, ?)",
            (cache_key(article_id, signature), article_id, value),
        )

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM briefs").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> BriefCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
