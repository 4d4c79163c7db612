"""Publishing a release: validate, compare with the latest, describe the changes, write
atomically — holding the curated folder's lock throughout.

Two entry points share one ending (:func:`_finish`):

- :func:`publish_parts`, what the flow calls: the processed batches are on disk as parts;
  they are validated and written chunk by chunk (whole documents per chunk), so memory stays
  flat however large the corpus;
- :func:`publish_release`, for tables already in memory and already validated.

A release whose data files equal the latest release's is not published.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from renda import validate
from renda.changes import changes_markdown, diff_release_dirs, document_names
from renda.contract import FACT_TABLES, TABLES
from renda.ingest import Reject
from renda.layout import CuratedLayout
from renda.locking import exclusive_lock
from renda.pipeline import PartSummary, read_part
from renda.publish import ReleaseWriter, clean_staging, next_version, sha256_file
from renda.release_docs import release_readme

# Documents per validation chunk: large enough that Great Expectations' fixed cost per run
# (about 0.6 s for the five suites) stays small, small enough to bound memory.
CHUNK_DOCUMENTS = 1000


@dataclass(frozen=True)
class PublishOutcome:
    published: bool
    version: str
    path: Path
    row_counts: dict[str, int]
    n_rejects: int
    n_quarantined: int
    previous: str | None
    validation_summary: str = ""


def _quarantine_csv(quarantine: pa.Table | None, path: Path) -> None:
    if quarantine is None or quarantine.num_rows == 0:
        path.write_bytes(b"\xef\xbb\xbf" + b",".join(
            f.encode() for f in validate.QUARANTINE_SCHEMA.names) + b"\r\n")
        return
    buffer = io.BytesIO()
    pacsv.write_csv(quarantine, buffer, pacsv.WriteOptions(quoting_style="needed"))
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue())


def _same_data(writer: ReleaseWriter, previous: Path | None) -> bool:
    """Do the staged data files equal the previous release's, byte for byte?"""
    if previous is None or not (previous / "SHA256SUMS").exists():
        return False
    sums: dict[str, str] = {}
    for line in (previous / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        sums[name] = digest
    return all(sums.get(name) == sha256_file(writer.staging / name) for name in writer.data_files())


def _per_document_counts(staging: Path) -> dict[str, Counter[str]]:
    counts = {}
    for name in FACT_TABLES:
        if not (staging / f"{name}.parquet").exists():
            continue
        t = pq.read_table(staging / f"{name}.parquet", columns=["doc_id"])
        counts[name] = Counter(t["doc_id"].to_pylist())
    return counts


def _finish(layout: CuratedLayout, writer: ReleaseWriter, previous: str | None,
            rejects: list[Reject], *, created: str, quarantine: pa.Table | None,
            reports: Callable[[Path], None] | None, summary: str,
            fetch_log: Path | None = None) -> PublishOutcome:
    writer.close_tables()
    n_quarantined = quarantine.num_rows if quarantine is not None else 0
    previous_dir = layout.release(previous) if previous else None
    if _same_data(writer, previous_dir):
        writer.abort()
        assert previous is not None and previous_dir is not None
        return PublishOutcome(False, previous, previous_dir, dict(writer.rows), len(rejects),
                              n_quarantined, previous, summary)
    changes = diff_release_dirs(previous_dir, writer.staging, writer.tables,
                                list_rows=previous is not None)
    names = document_names(previous_dir, writer.staging)
    documents = pq.read_table(writer.staging / "documents.parquet",
                              columns=["doc_id", "source_file", "doc_type"])
    per_doc = _per_document_counts(writer.staging)

    def extra(staging: Path) -> None:
        _quarantine_csv(quarantine, staging / "quarantine.csv")
        (staging / "README.md").write_text(
            release_readme(writer.version, created, dict(writer.rows), len(rejects),
                           documents.to_pylist(), per_doc), encoding="utf-8")
        (staging / "CHANGES.md").write_text(
            changes_markdown(writer.version, previous, changes, names), encoding="utf-8")
        if reports is not None:
            reports(staging / "validation")
        if fetch_log is not None and fetch_log.is_file():
            shutil.copyfile(fetch_log, staging / "fetch_log.csv")  # the night's fetch, as data

    release = writer.commit(rejects, created=created, extra=extra)
    return PublishOutcome(True, release.version, release.path, release.row_counts,
                          release.n_rejects, n_quarantined, previous, summary)


def publish_release(
    layout: CuratedLayout,
    tables: dict[str, pa.Table],
    rejects: list[Reject],
    *,
    today: dt.date,
    created: str,
    quarantine: pa.Table | None = None,
    reports: Callable[[Path], None] | None = None,
    lock_timeout: float = 600.0,
) -> PublishOutcome:
    """Publish tables already in memory (and already validated) unless they equal the
    latest release's."""
    with exclusive_lock(layout.lock_file, timeout=lock_timeout):
        clean_staging(layout)
        previous = layout.latest()
        writer = ReleaseWriter(layout, next_version(layout, today), list(tables))
        try:
            for name, table in tables.items():
                writer.write(name, table)
            return _finish(layout, writer, previous, rejects, created=created,
                           quarantine=quarantine, reports=reports, summary="")
        except BaseException:
            writer.abort()
            raise


def _release_memory() -> None:
    """Give memory freed by a finished chunk back to the operating system, so that the
    resident size stays flat from chunk to chunk (glibc keeps freed blocks otherwise)."""
    import ctypes
    import gc

    gc.collect()
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def _chunks(parts: Sequence[PartSummary], size: int) -> Iterator[list[PartSummary]]:
    chunk: list[PartSummary] = []
    docs = 0
    for part in parts:
        chunk.append(part)
        docs += len(part.documents)
        if docs >= size:
            yield chunk
            chunk, docs = [], 0
    if chunk:
        yield chunk


class ValidationBlocked(validate.CriticalValidationError):
    """Critical expectations failed; nothing was published. ``report`` holds the report."""

    def __init__(self, outcome: validate.ValidationOutcome, report: Path) -> None:
        super().__init__(outcome.critical_failures)
        self.outcome = outcome
        self.report = report
        self.args = (f"{self.args[0]}\nReport: {report / 'index.html'}",)


def publish_parts(
    layout: CuratedLayout,
    parts: Sequence[PartSummary],
    *,
    today: dt.date,
    created: str,
    suites_dir: Path,
    chunk_documents: int = CHUNK_DOCUMENTS,
    lock_timeout: float = 600.0,
    fetch_log: Path | None = None,
    set_aside: Sequence[Reject] = (),
) -> PublishOutcome:
    """Validate and publish processed parts as one release (with ``fetch_log``, the fetch
    report of the run that brought its inputs, as ``fetch_log.csv``; ``set_aside``: inputs
    not processed, listed in ``rejects.csv`` with their reason).

    Documents whose bytes repeat an earlier part's are rejected as duplicates. Parts are
    validated in chunks of about ``chunk_documents`` documents (keys are also checked across
    chunks); rows failing a row-level expectation go to ``quarantine.csv``. On a critical
    failure nothing is published, the report is kept under ``validation-failures/`` and
    :class:`ValidationBlocked` is raised.
    """
    rejects = [r for p in parts for r in p.rejects] + list(set_aside)
    seen: dict[str, str] = {}
    drops: dict[Path, set[str]] = {}
    for part in parts:
        for doc_id, source_file in part.documents:
            if doc_id in seen:
                rejects.append(Reject(source_file, f"duplicate of {seen[doc_id]} (same bytes, "
                                                   f"doc_id {doc_id})"))
                drops.setdefault(part.path, set()).add(doc_id)
            else:
                seen[doc_id] = source_file
    rejects.sort(key=lambda r: r.source_file)

    with exclusive_lock(layout.lock_file, timeout=lock_timeout):
        clean_staging(layout)
        previous = layout.latest()
        writer = ReleaseWriter(layout, next_version(layout, today), list(TABLES))
        try:
            outcomes: list[validate.ValidationOutcome] = []
            keys: dict[str, list[pa.ChunkedArray]] = {n: [] for n in TABLES}
            for chunk in _chunks(parts, chunk_documents):
                pieces = [read_part(p, drops.get(p.path)) for p in chunk]
                tables = {n: pa.concat_tables([piece[n] for piece in pieces]) for n in TABLES}
                outcome = validate.validate_tables(tables, suites_dir, today=today)
                outcomes.append(outcome)
                if not outcome.ok:
                    break
                for name in TABLES:
                    published = outcome.published[name]
                    writer.write(name, published)
                    keys[name].append(published[TABLES[name].primary_key[0]])
                outcome.published.clear()
                del tables, pieces
                _release_memory()
            extra = [validate.unique_across_chunks(n, TABLES[n].primary_key[0],
                                                   pa.chunked_array([c for k in ks for c in k.chunks],
                                                                    type=pa.string()))
                     for n, ks in keys.items() if len(outcomes) > 1]
            merged = validate.merge_outcomes(outcomes, extra)
            if not merged.ok:
                folder = layout.failed_validation(created.replace(":", "").replace("-", ""))
                validate.write_reports(merged, folder)
                raise ValidationBlocked(merged, folder)
            return _finish(layout, writer, previous, rejects, created=created,
                           quarantine=merged.quarantine,
                           reports=lambda folder: validate.write_reports(merged, folder),
                           summary=merged.summary_markdown(), fetch_log=fetch_log)
        except BaseException:
            writer.abort()
            raise


def rows_by_doc_type(release_dir: Path) -> list[dict[str, object]]:
    """Per document type: documents and rows of each fact table (for run summaries)."""
    docs = pq.read_table(release_dir / "documents.parquet", columns=["doc_id", "doc_type"])
    doc_type = dict(zip(docs["doc_id"].to_pylist(), docs["doc_type"].to_pylist()))
    table: dict[str, dict[str, object]] = {}
    for t in sorted(set(doc_type.values())):
        table[t] = {"doc_type": t, "documents": 0, **{n: 0 for n in FACT_TABLES}}
    for t in doc_type.values():
        table[t]["documents"] = int(table[t]["documents"]) + 1  # type: ignore[call-overload]
    for name in FACT_TABLES:
        path = release_dir / f"{name}.parquet"
        if path.exists():
            for d in pq.read_table(path, columns=["doc_id"])["doc_id"].to_pylist():
                row = table[doc_type[d]]
                row[name] = int(row[name]) + 1  # type: ignore[call-overload]
    return list(table.values())
