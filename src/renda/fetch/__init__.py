"""The fetch step: the pages of ``sources.yml`` into ``raw/``, politely, with a row per
request. A pure library (no Prefect): the flow and the CLI call :func:`fetch_sources` and
:func:`write_fetch_log`.

Rules, in order:

1. sources are fetched in the list's order, one request at a time, through one
   :class:`~renda.fetch.client.Fetcher` (robots.txt once per host, a clock per host);
2. a ``page`` is one URL; a ``listing`` is fetched (as HTML, never conditionally and never
   kept: it is no report), and its article links (:mod:`renda.fetch.listing`, at most
   ``limit``) are fetched as pages of that source, right after it;
3. a URL already fetched this run is not fetched again (``duplicate``);
4. a page is asked for with the conditional headers of its last answer
   (:class:`~renda.fetch.snapshots.FetchState`): 304 writes nothing (``not_modified``); a
   200 whose bytes are a snapshot already on disk writes nothing (``unchanged``); new bytes
   are a new snapshot with its sidecar (``new``, :mod:`renda.fetch.snapshots`);
5. whatever a server or the network does ends as that URL's row (:data:`OUTCOMES`), never
   as an exception: one failing source never stops the others;
6. after every row, ``progress(host, done, total)`` is called and a line logged (a
   listing's links add to its host's total when it is read).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from renda.fetch.client import Fetched, Fetcher, FetchSettings, host_key
from renda.fetch.listing import extract_links
from renda.fetch.snapshots import (FetchState, atomic_write, sidecar_text, snapshot_path,
                                   utc_stamp, write_snapshot)
from renda.fetch.sources import Source, SourcesError, load_sources, parse_sources

logger = logging.getLogger(__name__)

# Every outcome of a row, and what it means; FAILURES are the ones that got nothing.
OUTCOMES = {
    "new": "a new snapshot and its sidecar were written",
    "unchanged": "200, but the bytes are those of a snapshot already on disk: nothing written",
    "not_modified": "304 to the conditional request: nothing written",
    "listing": "a listing page read for its links (not kept)",
    "duplicate": "fetched earlier in this run: not asked again",
    "robots_disallowed": "robots.txt disallows this URL for renda",
    "robots_unavailable": "robots.txt answered 429/5xx or not at all: host skipped this run",
    "http_error": "a status other than 200 and 304 (after retries for 429 and 5xx)",
    "timeout": "no answer, or no complete body, in time",
    "network_error": "no connection (DNS, refused, reset), after retries",
    "too_large": "body over the size cap: reading stopped, nothing written",
    "wrong_type": "a content type renda does not read, or not the one the address says",
    "redirect_loop": "a redirect back to a URL of the chain",
    "too_many_redirects": "more redirects than allowed",
    "bad_redirect": "a redirect to something other than http(s)",
    "write_error": "the snapshot could not be written",
}
FAILURES = frozenset(OUTCOMES) - {"new", "unchanged", "not_modified", "listing", "duplicate"}
LOG_COLUMNS = ("url", "source", "outcome", "status", "bytes", "seconds", "snapshot", "reason")

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class FetchRow:
    """One request's outcome: a row of ``fetch_log.csv``."""

    url: str  # as requested
    source: str  # the url of the source entry it belongs to
    outcome: str  # a key of OUTCOMES
    status: int | None  # the last HTTP status, None when there was none
    bytes: int  # body bytes read
    seconds: float
    snapshot: str  # the snapshot holding the URL's content (relative to raw/), or ""
    reason: str  # why, in words (empty when all went well)


@dataclass(frozen=True)
class FetchReport:
    rows: tuple[FetchRow, ...]

    def as_dicts(self) -> list[dict[str, Any]]:
        return [asdict(row) for row in self.rows]

    def counts(self) -> dict[str, int]:
        """Rows per outcome."""
        return dict(sorted(Counter(row.outcome for row in self.rows).items()))

    @property
    def written(self) -> list[str]:
        """The snapshots written by this run."""
        return [row.snapshot for row in self.rows if row.outcome == "new"]

    @property
    def failures(self) -> list[FetchRow]:
        return [row for row in self.rows if row.outcome in FAILURES]


class _Run:
    """One call of :func:`fetch_sources`: its client, state, rows and per-host counts."""

    def __init__(self, raw_root: Path, fetcher: Fetcher, now: dt.datetime | None,
                 progress: Progress | None) -> None:
        self.raw_root, self.fetcher, self.now, self.progress = raw_root, fetcher, now, progress
        self.state = FetchState(raw_root)
        self.rows: list[FetchRow] = []
        self.fetched: dict[str, str] = {}  # url -> source, this run
        self.total: Counter[str] = Counter()
        self.done: Counter[str] = Counter()

    def add(self, row: FetchRow) -> None:
        self.rows.append(row)
        host = host_key(row.url)
        self.done[host] += 1
        logger.info("fetch %s %d/%d: %s %s%s", host, self.done[host], self.total[host],
                    row.outcome, row.url, f" ({row.reason})" if row.reason else "")
        if self.progress is not None:
            self.progress(host, self.done[host], self.total[host])

    def row(self, got: Fetched, source: str, outcome: str | None = None, snapshot: str = "",
            reason: str | None = None) -> FetchRow:
        return FetchRow(got.url, source, outcome or got.outcome, got.status, got.bytes_read,
                        round(got.seconds, 3), snapshot, got.reason if reason is None else reason)

    def page(self, url: str, source: Source) -> FetchRow:
        """Rules 3-5 for one page."""
        if url in self.fetched:
            return FetchRow(url, source.url, "duplicate", None, 0, 0.0, "",
                            f"fetched earlier in this run (source {self.fetched[url]})")
        self.fetched[url] = source.url
        previous = self.state.get(url) or {}
        got = self.fetcher.get(url, self.state.conditional_headers(url))
        when = self.now or dt.datetime.now(dt.timezone.utc)
        if got.outcome == "not_modified":
            self.state.record(url, status=304, checked=utc_stamp(when))
            return self.row(got, source.url, snapshot=str(previous.get("snapshot", "")))
        if got.outcome != "ok":
            return self.row(got, source.url)
        sha = hashlib.sha256(got.body).hexdigest()
        snapshot = snapshot_path(url, sha, got.ext)
        final = got.final_url or url
        try:
            sidecar = sidecar_text(final, when, source.sidecar_fields())
            written = write_snapshot(self.raw_root, snapshot, got.body, sidecar)
            self.state.record(url, status=got.status, etag=got.etag,
                              last_modified=got.last_modified, content_type=got.content_type,
                              sha256=sha, bytes=len(got.body), snapshot=snapshot,
                              final_url=final, checked=utc_stamp(when),
                              **({"retrieved": utc_stamp(when)} if written else {}))
        except OSError as exc:
            return self.row(got, source.url, "write_error", reason=f"{type(exc).__name__}: {exc}")
        redirected = f"redirected to {final}" if final != url else ""
        if written:
            return self.row(got, source.url, "new", snapshot, redirected)
        same = "same bytes as the last fetch" if previous.get("sha256") == sha else \
            "same bytes as a snapshot already on disk"
        return self.row(got, source.url, "unchanged", snapshot,
                        "; ".join(r for r in (same, redirected) if r))

    def listing(self, source: Source) -> None:
        """Rule 2 for a listing: its row, then its links' rows."""
        assert source.link_pattern is not None
        if source.url in self.fetched:
            self.add(FetchRow(source.url, source.url, "duplicate", None, 0, 0.0, "",
                              f"fetched earlier in this run (source {self.fetched[source.url]})"))
            return
        self.fetched[source.url] = source.url
        got = self.fetcher.get(source.url, want=".html")
        if got.outcome != "ok":
            self.add(self.row(got, source.url))
            return
        matching = extract_links(got.body, got.final_url or source.url, source.link_pattern)
        links = matching[: source.limit]
        for link in links:
            self.total[host_key(link)] += 1
        self.add(self.row(got, source.url, "listing", reason=(
            f"{len(links)} links followed of {len(matching)} matching link_pattern"
            + (f" (limit {source.limit})" if len(matching) > len(links) else ""))))
        for link in links:
            self.add(self.page(link, source))


def fetch_sources(sources: Sequence[Source], raw_root: Path,
                  settings: FetchSettings = FetchSettings(), now: dt.datetime | None = None,
                  progress: Progress | None = None) -> FetchReport:
    """Fetch every source into ``raw_root`` by rules 1-6; a row per URL asked for.

    ``now`` is the retrieval time written to sidecars and the state (a naive datetime is
    read as UTC); by default the clock at each fetch. ``progress(host, done, total)`` is
    called after every row."""
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=dt.timezone.utc)
    raw_root = Path(raw_root)
    raw_root.mkdir(parents=True, exist_ok=True)
    with Fetcher(settings) as fetcher:
        run = _Run(raw_root, fetcher, now, progress)
        for source in sources:
            run.total[host_key(source.url)] += 1
        for source in sources:
            if source.kind == "listing":
                run.listing(source)
            else:
                run.add(run.page(source.url, source))
    for host in sorted(run.done):
        outcomes = Counter(r.outcome for r in run.rows if host_key(r.url) == host)
        logger.info("fetch %s: %s", host, ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    return FetchReport(tuple(run.rows))


def write_fetch_log(report: FetchReport, path: Path) -> None:
    """``fetch_log.csv``: one row per request (:data:`LOG_COLUMNS`), UTF-8 with a BOM and
    CRLF line ends as the release's other CSV files; written atomically."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(LOG_COLUMNS)
    for r in report.rows:
        writer.writerow((r.url, r.source, r.outcome, "" if r.status is None else r.status,
                         r.bytes, f"{r.seconds:.3f}", r.snapshot, r.reason))
    atomic_write(Path(path), b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


__all__ = [
    "FAILURES", "FetchReport", "FetchRow", "FetchSettings", "Fetcher", "LOG_COLUMNS", "OUTCOMES",
    "Source", "SourcesError", "fetch_sources", "load_sources", "parse_sources",
    "write_fetch_log",
]
