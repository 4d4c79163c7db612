"""Snapshots: each fetched body written once, beside its sidecar, and never overwritten.

```
raw/<host>/<name>-<sha12>.<ext>       the body as served (never modified once written)
raw/<host>/<name>-<sha12>.meta.yml    its sidecar (only keys renda.ingest's parse_sidecar takes)
raw/<host>/.fetch-state.json          per URL: the last answer's status, ETag, Last-Modified,
                                      content type, sha256, size, snapshot and time (hidden:
                                      renda.ingest.discover skips it)
```

Rules, in order:

1. ``<host>`` is the URL's host name in lower case (IDNA for a non-ASCII name), with
   ``_<port>`` when the URL names a port;
2. ``<name>`` comes from the URL's path and query: percent-decoded, the last segment's
   suffix dropped (the extension comes from the content type), every run of characters
   other than ASCII letters, digits, ``.``, ``-`` and ``_`` made one ``_``, at most
   :data:`MAX_NAME` characters kept from the end (where the article's id is), ``index``
   when nothing is left; it never starts with ``.`` (a hidden file is never read);
3. ``<sha12>`` is the first 12 hex digits of the body's SHA-256: a changed page is a new
   file and the old one stays, so a release built from it can be built again;
4. a snapshot whose file exists already is not written again (``unchanged``);
5. every file is written to a hidden temporary file in its folder, fsynced and renamed into
   place (``os.replace``), then the folder is fsynced: a crash leaves no partial file that
   discover would list. The sidecar is written before the body, so a report never appears
   without it;
6. the sidecar holds ``source_url``, ``retrieved`` (UTC, an ISO 8601 timestamp that YAML
   reads as one) and what the source entry gives of ``licence``, ``body``, ``province``,
   ``city``, ``county``; nothing else (:func:`sidecar_text` checks the keys);
7. the state file is rewritten by rule 5 after every change; one that cannot be read is
   started afresh (with a warning): it only saves requests, the snapshots are the record.
   Conditional headers are sent only while the snapshot they describe is still on disk.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import uuid
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from renda.ingest import SIDECAR_SUFFIX
from renda.ingest.metadata import SIDECAR_FIELDS

logger = logging.getLogger(__name__)

MAX_NAME = 80
STATE_FILE = ".fetch-state.json"
# What a source entry may say of its reports (rule 6), in the sidecar's order: all of them
# keys renda.ingest.metadata.parse_sidecar accepts.
SOURCE_FIELDS = tuple(k for k in ("licence", "body", "province", "city", "county")
                      if k in SIDECAR_FIELDS)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# A snapshot's file name: the name taken from its URL, the hash, the extension (rule 3).
_RE_SNAPSHOT = re.compile(r"(.+)-[0-9a-f]{12}\.[a-z]+")


def host_dir(url: str) -> str:
    """Rule 1: the folder of a URL's snapshots, below the raw root."""
    parts = urlsplit(url)
    host = (parts.hostname or "unknown-host").rstrip(".")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        host = _UNSAFE.sub("_", host)
    host = _UNSAFE.sub("_", host).lstrip(".") or "unknown-host"
    return f"{host}_{parts.port}" if parts.port is not None else host


def snapshot_name(url: str) -> str:
    """Rule 2: the part of a snapshot's file name taken from its URL."""
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    if segments:
        last = PurePosixPath(segments[-1])
        if last.suffix and last.suffix[1:].isalnum():
            segments[-1] = last.stem
    raw = "_".join(segments)
    if parts.query:
        raw += "_" + unquote(parts.query)
    name = _UNSAFE.sub("_", raw)[-MAX_NAME:].strip("._-")
    return re.sub(r"_{2,}", "_", name) or "index"


def snapshot_path(url: str, sha256: str, ext: str) -> str:
    """Rules 1-3: the snapshot's path relative to the raw root, ``/`` separators."""
    return f"{host_dir(url)}/{snapshot_name(url)}-{sha256[:12]}{ext}"


def sidecar_path(snapshot: str) -> str:
    return snapshot[: -len(PurePosixPath(snapshot).suffix)] + SIDECAR_SUFFIX


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder: its rename is durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Rule 5: ``data`` at ``path`` completely or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def utc_stamp(when: dt.datetime) -> str:
    """``2026-01-02T03:04:05Z``: an ISO 8601 timestamp, and a YAML one."""
    return when.astimezone(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def sidecar_text(source_url: str, retrieved: dt.datetime, fields: Mapping[str, str]) -> str:
    """Rule 6: the sidecar of a snapshot."""
    unknown = set(fields) - set(SOURCE_FIELDS)
    if unknown:
        raise ValueError(f"not sidecar fields a source may give: {sorted(unknown)}")

    def dump(data: Mapping[str, str]) -> str:
        text: str = yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False,
                                   default_flow_style=False, width=10_000)
        return text

    rest: dict[str, str] = {k: fields[k] for k in SOURCE_FIELDS if k in fields}
    return (dump({"source_url": source_url}) + f"retrieved: {utc_stamp(retrieved)}\n"
            + (dump(rest) if rest else ""))


def write_snapshot(raw_root: Path, snapshot: str, body: bytes, sidecar: str) -> bool:
    """Rules 4 and 5: write the sidecar, then the body; False when the snapshot exists."""
    path = raw_root / snapshot
    if path.exists():
        return False
    atomic_write(raw_root / sidecar_path(snapshot), sidecar.encode("utf-8"))
    atomic_write(path, body)
    return True


class FetchState:
    """Rule 7: what the last answer for each URL was, one hidden JSON file per host."""

    def __init__(self, raw_root: Path) -> None:
        self.raw_root = raw_root
        self._hosts: dict[str, dict[str, dict[str, Any]]] = {}

    def _file(self, host: str) -> Path:
        return self.raw_root / host / STATE_FILE

    def _host(self, url: str) -> dict[str, dict[str, Any]]:
        host = host_dir(url)
        if host not in self._hosts:
            urls: dict[str, dict[str, Any]] = {}
            path = self._file(host)
            if path.exists():
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                    urls = {str(k): dict(v) for k, v in data["urls"].items()}
                except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                    logger.warning("fetch: %s cannot be read (%s): started afresh", path, exc)
            self._hosts[host] = urls
        return self._hosts[host]

    def get(self, url: str) -> dict[str, Any] | None:
        return self._host(url).get(url)

    def conditional_headers(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since from the last answer, while its snapshot exists."""
        entry = self.get(url)
        snapshot = entry.get("snapshot") if entry else None
        if not entry or not snapshot or not (self.raw_root / snapshot).is_file():
            return {}
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = str(entry["etag"])
        if entry.get("last_modified"):
            headers["If-Modified-Since"] = str(entry["last_modified"])
        return headers

    def record(self, url: str, **values: Any) -> None:
        """Update a URL's entry (keys given replace the old ones) and rewrite the file."""
        urls = self._host(url)
        urls[url] = {**urls.get(url, {}), **values}
        text = json.dumps({"format": 1, "urls": urls}, ensure_ascii=False, indent=1,
                          sort_keys=True)
        atomic_write(self._file(host_dir(url)), (text + "\n").encode("utf-8"))


def superseded_snapshots(raw_root: Path) -> dict[str, str]:
    """Older snapshots of a fetched address, each with the newest one that replaces it.

    A changed page is a new snapshot and the old one stays in ``raw/`` (a release made from
    it can be rebuilt), but a new release holds one version of each address, so that its
    figures are not counted twice: the newest, the one the state file names. The others are
    the files next to it with the same name before the hash (rule 2:
    ``<name>-<sha256[:12]>.<ext>``)."""
    out: dict[str, str] = {}
    raw_root = Path(raw_root)
    for state_file in sorted(raw_root.glob(f"*/{STATE_FILE}")):
        try:
            urls = json.loads(state_file.read_text(encoding="utf-8"))["urls"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            logger.warning("fetch: %s cannot be read (%s): no snapshot superseded", state_file, exc)
            continue
        listed: dict[PurePosixPath, dict[str, list[str]]] = {}  # folder -> name -> files
        for url, entry in sorted(urls.items()):
            latest = entry.get("snapshot") if isinstance(entry, dict) else None
            if not latest or not (raw_root / latest).is_file():
                continue
            folder = PurePosixPath(latest).parent
            if folder not in listed:  # each folder listed once, its snapshots by name
                by_name: dict[str, list[str]] = {}
                for p in sorted((raw_root / folder).iterdir()):
                    m = _RE_SNAPSHOT.fullmatch(p.name)
                    if m:
                        by_name.setdefault(m.group(1), []).append((folder / p.name).as_posix())
                listed[folder] = by_name
            for older in listed[folder].get(snapshot_name(url), []):
                if older != latest:
                    out[older] = latest
    return out
