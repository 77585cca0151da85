"""A run killed with SIGKILL part-way resumes from the cache and yields the same briefing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefer.config import load_config
from briefer.evaluation.synthetic import seed_articles, synthetic_records, write_jsonl

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ARTICLES = 800


def _cached(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(str(path), timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM briefs").fetchone()[0]
    except sqlite3.OperationalError:  # table not created yet, or locked for a moment
        return 0


def _brief(feed: Path, out: Path, cache: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "BRIEFER_CACHE": str(cache)}
    command = [sys.executable, "-m", "briefer", "--quiet", "brief", str(feed), "-o", str(out), "--date", "2026-11-28", *extra]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_sigkill_then_rerun_gives_the_same_briefing(tmp_path):
    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, synthetic_records(seed_articles(EXAMPLES, load_config(EXAMPLES / "briefer.toml", environ={})), ARTICLES))
    cache = tmp_path / "cache.sqlite"
    out = tmp_path / "briefing.json"
    out.write_text("yesterday", "utf-8")

    run = _brief(feed, out, cache)
    deadline = time.monotonic() + 120
    while _cached(cache) < 100 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    run.send_signal(signal.SIGKILL)
    run.wait()
    done_before_kill = _cached(cache)
    assert run.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    assert 0 < done_before_kill < ARTICLES
    assert out.read_text("utf-8") == "yesterday"  # nothing half-written over the old file

    rerun = _brief(feed, out, cache)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr
    assert _cached(cache) == ARTICLES

    fresh_out = tmp_path / "fresh.json"
    fresh = _brief(feed, fresh_out, tmp_path / "other-cache.sqlite", "--no-cache")
    _, stderr = fresh.communicate(timeout=300)
    assert fresh.returncode == 0, stderr
    assert out.read_bytes() == fresh_out.read_bytes()
