"""Atomic writes: all or nothing, with ordinary permissions."""

from __future__ import annotations

import os

import pytest

from briefer.fileio import atomic_write_bytes


def test_new_file_gets_umask_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "b.docx", b"data")
    finally:
        os.umask(umask)
    assert (tmp_path / "b.docx").stat().st_mode & 0o777 == 0o644


def test_replaced_file_keeps_its_permissions_and_no_temp_is_left(tmp_path):
    path = tmp_path / "b.md"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "b.md"
    path.write_bytes(b"yesterday")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_bytes(path, b"half")
    assert path.read_bytes() == b"yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]
