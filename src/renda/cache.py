"""Per-document cache: decode + normalize + extract results keyed by content and rules.

The key of a report is the SHA-256 of its raw bytes and of its sidecar; entries live in a
folder named for the *rule-set fingerprint*: the extractor version and a hash of the
library's own source and vocabularies. A new or changed report misses the cache alone; a
change of rules (or of any code that shapes the output) changes the fingerprint, so
everything is processed again. Entries are written atomically; a corrupt or unreadable entry
is a miss. The whole cache can be deleted at any time (``renda cache clear``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any

import renda
from renda.settings import EXTRACTOR

# The parts of the library whose code shapes a processed document.
_FINGERPRINT_PARTS = ("ingest", "normalize", "extract", "numbers.py", "pipeline.py", "contract.py",
                      "settings.py")


# The libraries that read formats and places.
_FINGERPRINT_LIBRARIES = ("trafilatura", "lxml", "pypdfium2", "python-docx", "opencc", "cpca-new",
                          "pypinyin")


def _version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


@lru_cache(maxsize=1)
def ruleset_fingerprint() -> str:
    root = Path(renda.__file__).parent
    h = hashlib.sha256(EXTRACTOR.encode())
    for dist in _FINGERPRINT_LIBRARIES:  # their versions shape the text read, too
        h.update(f"\0{dist}={_version(dist)}".encode())
    for part in _FINGERPRINT_PARTS:
        path = root / part
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.is_file() and f.suffix in (".py", ".yml", ".yaml", ".csv"):
                h.update(f.relative_to(root).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def content_key(sha256: str, sidecar: str | None, fmt: str | None = None) -> str:
    """Cache key of a report: the SHA-256 of its bytes (hex), its format (the same bytes
    read as HTML and as text are two documents) and its sidecar text."""
    h = hashlib.sha256(sha256.encode())
    if fmt is not None:
        h.update(b"\0format\0" + fmt.encode())
    h.update(b"\0sidecar\0")
    h.update((sidecar or "").encode("utf-8"))
    return h.hexdigest()


def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    raise TypeError(f"cannot cache {type(value).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    if "__date__" in obj and len(obj) == 1:
        return dt.date.fromisoformat(obj["__date__"])
    return obj


class DocumentCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / ruleset_fingerprint()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            with open(self._path(key), encoding="utf-8") as fh:
                value: dict[str, Any] = json.load(fh, object_hook=_decode)
                return value
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: dict[str, Any]) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
        tmp.write_text(json.dumps(value, ensure_ascii=False, default=_encode), encoding="utf-8")
        os.replace(tmp, path)

    def prune_other_rulesets(self) -> list[Path]:
        """Drop entries made by other rule sets: they can never be hit again. Called once per
        run, so that a change of rules does not leave the old entries on disk for good."""
        removed = []
        if self.root.is_dir():
            for p in self.root.iterdir():
                if p.is_dir() and p != self.folder:
                    shutil.rmtree(p, ignore_errors=True)
                    removed.append(p)
        return removed


def clear(root: Path) -> bool:
    if root.is_dir():
        shutil.rmtree(root)
        return True
    return False


def inputs_fingerprint(raw_root: Path, source_files: list[str], suites_dir: Path,
                       today: dt.date) -> str:
    """One hash of everything a release is made from: every report's path, bytes and sidecar,
    the rule set, the expectation suites and the year (plausible years end with it)."""
    h = hashlib.sha256(f"{ruleset_fingerprint()}\0{today.year}\0".encode())
    for suite in sorted(suites_dir.glob("*.json")):
        h.update(suite.name.encode())
        h.update(suite.read_bytes())
    for source_file in source_files:
        path = raw_root / source_file
        h.update(source_file.encode("utf-8") + b"\0")
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as exc:
            h.update(f"unreadable:{exc.errno}".encode())
        sidecar = path.with_name(path.name[: -len(path.suffix)] + ".meta.yml")
        if sidecar.exists():
            h.update(b"sidecar\0" + sidecar.read_bytes())
    return h.hexdigest()


class PublishedInputs:
    """Remembers which inputs fingerprint produced which release, so that a nightly run over
    unchanged inputs can stop before processing anything. Lives in the cache folder: deleting
    it only costs one full run (which then finds the tables equal and publishes nothing)."""

    def __init__(self, cache_root: Path) -> None:
        self.path = cache_root / "published-inputs.json"

    def version_for(self, fingerprint: str) -> str | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data.get("version") if data.get("fingerprint") == fingerprint else None

    def remember(self, fingerprint: str, version: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{uuid.uuid4().hex[:8]}")
        tmp.write_text(json.dumps({"fingerprint": fingerprint, "version": version}), encoding="utf-8")
        os.replace(tmp, self.path)
