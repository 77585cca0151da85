"""The finished briefs of one run, kept in a temporary file instead of memory.

A brief is mostly its analysis (sentences, figures, quotes, entities); a day of 10,000 articles
held complete would cost a few hundred MB. The pipeline writes each brief here as it is made and
compose reads back only the ones the briefing shows in full (briefer.compose_entries).

Pickle, not JSON as in briefer.cache: the file is anonymous (unlinked as soon as it is made),
written and read by this process only and gone when the run's result is, like the pickles the
worker processes send back; it is never data from outside.
"""

from __future__ import annotations

import pickle
import tempfile
import weakref
from array import array
from collections.abc import Sequence
from typing import overload

from briefer.errors import BrieferError
from briefer.types import ArticleBrief


def pickle_brief(brief: ArticleBrief) -> bytes:
    return pickle.dumps(brief, protocol=pickle.HIGHEST_PROTOCOL)


class BriefSpill(Sequence[ArticleBrief]):
    """Append-only sequence of ArticleBriefs on disk; ``spill[i]`` reads brief i back."""

    def __init__(self) -> None:
        try:
            self._file = tempfile.TemporaryFile(prefix="briefer-briefs-")
        except OSError as exc:
            raise BrieferError(f"cannot make a temporary file for the briefs ({exc}); set TMPDIR to a writable folder") from None
        self._offsets = array("q", [0])  # brief i is bytes [offsets[i], offsets[i + 1])
        weakref.finalize(self, self._file.close)

    def append(self, brief: ArticleBrief) -> int:
        """Write ``brief``; returns its index."""
        return self.append_pickled(pickle_brief(brief))

    def append_pickled(self, data: bytes) -> int:
        """Write a brief already pickled by :func:`pickle_brief` (in a worker process)."""
        try:
            self._file.seek(self._offsets[-1])
            self._file.write(data)
        except OSError as exc:
            raise BrieferError(f"cannot write the briefs' temporary file ({exc})") from None
        self._offsets.append(self._offsets[-1] + len(data))
        return len(self._offsets) - 2

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, index: int) -> ArticleBrief: ...

    @overload
    def __getitem__(self, index: slice) -> list[ArticleBrief]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("brief index out of range")
        start, end = self._offsets[index], self._offsets[index + 1]
        try:
            self._file.seek(start)
            data = self._file.read(end - start)
        except OSError as exc:
            raise BrieferError(f"cannot read the briefs' temporary file ({exc})") from None
        return pickle.loads(data)

    def close(self) -> None:
        self._file.close()
