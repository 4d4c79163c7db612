"""Find raw reports, read their bytes and sidecars, and decode them.

The functions here take bytes and strings; only :func:`discover` and :func:`read_raw` touch
the file system, so the rest is testable with fixture strings.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from renda.ingest.decode import DecodeError, decode_bytes
from renda.ingest.metadata import MetadataError, parse_sidecar

SUPPORTED_SUFFIXES = (".txt",)
SIDECAR_SUFFIX = ".meta.yml"


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
    """Every supported report below ``raw_root``, as sorted relative ``/`` paths."""
    if not raw_root.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw_root}")
    found = [
        p.relative_to(raw_root).as_posix()
        for p in raw_root.rglob("*")
        if p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
        and not p.name.endswith(SIDECAR_SUFFIX) and (p.is_file() or p.is_symlink())
    ]
    return sorted(found)


def read_raw(raw_root: Path, source_file: str) -> RawReport | Reject:
    """Read a report and its sidecar; an unreadable file becomes a :class:`Reject`."""
    path = raw_root / source_file
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Reject(source_file, f"unreadable file: {exc.strerror or exc.__class__.__name__}")
    sidecar_path = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
    sidecar = None
    if sidecar_path.exists():
        try:
            sidecar = sidecar_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return Reject(source_file, f"unreadable metadata {sidecar_path.name}: {exc}")
    return RawReport(source_file, data, sidecar)


__all__ = [
    "DecodeError", "MetadataError", "RawReport", "Reject", "decode_bytes", "discover",
    "parse_sidecar", "read_raw",
]
