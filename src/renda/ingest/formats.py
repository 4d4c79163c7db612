"""What every reader of a report format gives back, and how it says no.

A reader (:mod:`renda.ingest.text`, :mod:`~renda.ingest.html`, :mod:`~renda.ingest.pdf`,
:mod:`~renda.ingest.docx`) takes a file's bytes and returns an :class:`Extracted`: the
report's text as the format holds it (before :func:`renda.normalize.normalize`), how it was
decoded, and what the file itself says of the report (a page's ``<title>``, its date line,
its canonical address). A sidecar still wins over all of these. A file that holds no
report it can read raises :class:`FormatError` with a reason a data engineer can act on
("scanned PDF: no text layer", "HTML page with no article: a login form"); the run lists it
in ``rejects.csv`` and goes on.

Every reader is bounded: :class:`Limits` caps the bytes read, the pages parsed and the
seconds spent on one file, so one file cannot stall a nightly run.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass


class FormatError(ValueError):
    """The file is not a report renda can read; ``reason`` says why (one line)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Extracted:
    """A report's text and what its file says of it."""

    text: str
    encoding: str                      # utf-8, gb18030, big5, utf-16; for PDF/DOCX: "pdf", "docx"
    title: str | None = None
    published_date: dt.date | None = None
    source_url: str | None = None
    pages: int | None = None           # PDF pages read


@dataclass(frozen=True)
class Limits:
    """Bounds on one file. The defaults sit far above any real report (the 13-page work
    report PDF of ``formats/`` is 0.3 MB; a 500-page yearbook PDF some 50 MB)."""

    max_bytes: int = 64 * 1024 * 1024
    max_pages: int = 2000
    max_seconds: float = 120.0


DEFAULT_LIMITS = Limits()


class Deadline:
    """A per-file time budget that a reader checks between units of work (pages, blocks)."""

    def __init__(self, seconds: float, what: str) -> None:
        self._end = time.monotonic() + seconds
        self._seconds = seconds
        self._what = what

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise FormatError(f"{self._what} took longer than {self._seconds:g} s: rejected "
                              "so that the run goes on (raise Limits.max_seconds to read it)")


def check_size(data: bytes, limits: Limits, what: str) -> None:
    if len(data) > limits.max_bytes:
        raise FormatError(f"{what} of {len(data) / 1e6:.1f} MB is over the limit of "
                          f"{limits.max_bytes / 1e6:.0f} MB")


__all__ = ["DEFAULT_LIMITS", "Deadline", "Extracted", "FormatError", "Limits", "check_size"]
