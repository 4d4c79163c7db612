"""Find raw reports, read their bytes and sidecars, and decode them.

The functions here take bytes and strings; only :func:`discover` and :func:`read_raw` touch
the file system, so the rest is testable with fixture strings.
"""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from renda.ingest.decode import DecodeError, decode_bytes
from renda.ingest.formats import DEFAULT_LIMITS, Extracted, FormatError, Limits
from renda.ingest.metadata import MetadataError, parse_sidecar

SIDECAR_SUFFIX = ".meta.yml"
# The formats read, by file suffix (lower case), and the value of ``documents.format``.
FORMAT_OF_SUFFIX = {".txt": "txt", ".html": "html", ".htm": "html", ".shtml": "html",
                    ".pdf": "pdf", ".docx": "docx"}
# Files that are reports in a format not read, with what to do about it.
_UNREAD_FORMATS = {
    ".doc": "Word 97-2003 .doc is not read: convert it to .docx (LibreOffice: "
            "soffice --headless --convert-to docx FILE) and run again",
    ".wps": "WPS .wps is not read: save it as .docx and run again",
    ".rtf": "RTF is not read: save it as .docx and run again",
}


@dataclass(frozen=True)
class RawReport:
    """A raw report's bytes and sidecar text, as read from disk."""

    source_file: str  # relative to the raw root, "/" separators
    data: bytes
    sidecar: str | None

    @cached_property
    def sha256(self) -> str:
        """Computed once per report: doc_id, the documents row and the cache key reuse it."""
        return hashlib.sha256(self.data).hexdigest()

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


@dataclass(frozen=True)
class Reject:
    source_file: str
    reason: str


def discover(raw_root: Path) -> list[str]:
    """Every file below ``raw_root``, as sorted relative ``/`` paths, but sidecars and
    hidden files and folders (``.git``, ``.DS_Store``): a file in no format renda reads is
    listed too, so that :func:`read_raw` rejects it with its reason instead of skipping it
    in silence."""
    if not raw_root.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw_root}")
    found = [
        p.relative_to(raw_root).as_posix()
        for p in raw_root.rglob("*")
        if not any(part.startswith(".") for part in p.relative_to(raw_root).parts)
        and not p.name.endswith(SIDECAR_SUFFIX) and (p.is_file() or p.is_symlink())
    ]
    return sorted(found)


def format_of(source_file: str) -> str | None:
    """``documents.format`` of a file, by its suffix; None for a format not read."""
    return FORMAT_OF_SUFFIX.get(Path(source_file).suffix.lower())


def not_read_reason(source_file: str) -> str | None:
    """Why a file is not read, from its name alone, or None when it is a report format."""
    suffix = Path(source_file).suffix.lower()
    if suffix in FORMAT_OF_SUFFIX:
        return None
    return _UNREAD_FORMATS.get(suffix) or (
        f"not a report format ({suffix or 'no suffix'}): renda reads "
        + ", ".join(sorted(FORMAT_OF_SUFFIX)))


def read_raw(raw_root: Path, source_file: str, limits: Limits = DEFAULT_LIMITS) -> RawReport | Reject:
    """Read a report and its sidecar, or say why not (a :class:`Reject`), in this order:

    1. a file in a format not read is never opened;
    2. a link whose target lies outside ``raw_root``, and anything that is not a regular
       file (a FIFO, a device, a socket; directly or through a link), is not opened;
    3. a file over ``limits.max_bytes`` is not read (its size is named);
    4. a file that cannot be read, or whose sidecar cannot be, is named with the reason.
    """
    reason = not_read_reason(source_file)
    if reason is not None:
        return Reject(source_file, reason)
    path = raw_root / source_file
    try:
        target = path.resolve(strict=True)
        if not target.is_relative_to(raw_root.resolve()):
            return Reject(source_file, "a link to a file outside the raw folder: not read")
        mode = target.stat()
    except (OSError, RuntimeError) as exc:
        return Reject(source_file, f"unreadable file: {getattr(exc, 'strerror', None) or exc}")
    if not stat.S_ISREG(mode.st_mode):
        return Reject(source_file, "not a regular file (a FIFO, device or socket): not read")
    if mode.st_size > limits.max_bytes:
        return Reject(source_file, f"file of {mode.st_size / 1e6:.1f} MB is over the limit of "
                                   f"{limits.max_bytes / 1e6:.0f} MB: not read")
    try:
        with target.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)  # a file that grows meanwhile stays bounded
    except OSError as exc:
        return Reject(source_file, f"unreadable file: {exc.strerror or exc.__class__.__name__}")
    if len(data) > limits.max_bytes:
        return Reject(source_file, f"file grew over the limit of {limits.max_bytes / 1e6:.0f} MB "
                                   "while read: not read")
    sidecar_path = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
    sidecar = None
    if sidecar_path.exists():
        try:
            sidecar = sidecar_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return Reject(source_file, f"unreadable metadata {sidecar_path.name}: {exc}")
    return RawReport(source_file, data, sidecar)


def extract_text(source_file: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """The report's text by the reader of its format; :class:`FormatError` when it has none
    renda can read. Readers are imported on first use: a run of ``.txt`` files never loads
    the HTML, PDF or Word libraries."""
    fmt = format_of(source_file)
    if fmt == "txt":
        from renda.ingest.text import read_text
        return read_text(data, limits)
    if fmt == "html":
        from renda.ingest.html import read_html
        return read_html(data, limits)
    if fmt == "pdf":
        from renda.ingest.pdf import read_pdf
        return read_pdf(data, limits)
    if fmt == "docx":
        from renda.ingest.docx import read_docx
        return read_docx(data, limits)
    raise FormatError(not_read_reason(source_file) or f"no reader for {source_file}")


__all__ = [
    "DEFAULT_LIMITS", "DecodeError", "Extracted", "FORMAT_OF_SUFFIX", "FormatError", "Limits",
    "MetadataError", "RawReport", "Reject", "decode_bytes", "discover", "extract_text",
    "format_of", "not_read_reason", "parse_sidecar", "read_raw",
]
