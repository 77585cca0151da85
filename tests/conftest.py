"""Shared test setup: no test touches the user's cache or reaches a model hub."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("BRIEFER_CACHE", str(tmp_path_factory.getbasetemp() / "briefer-cache.sqlite"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
