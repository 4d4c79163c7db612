"""Per-document work and table assembly: pure functions the flow calls.

``process_report`` turns one raw report into its ``documents`` row, its normalized text and
its fact rows, or a :class:`~renda.ingest.Reject` naming the reason. ``write_part`` writes a
processed batch as Parquet in a defined order (documents by path, everything else in
document order), so that the same inputs give byte-identical releases.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from renda.cache import DocumentCache, content_key
from renda.contract import FACT_TABLES, TABLES, to_arrow
from renda.extract import DocContext, extract_facts
from renda.ingest import (FormatError, MetadataError, RawReport, Reject, extract_text, format_of,
                          parse_sidecar, read_raw)
from renda.ingest.metadata import infer_metadata
from renda.normalize import detect_script, normalize


@dataclass
class ProcessedDocument:
    document: dict[str, Any]
    text: str
    facts: dict[str, list[dict[str, Any]]]


def process_report(raw: RawReport, today: dt.date) -> ProcessedDocument | Reject:
    """Read (by the reader of its format), normalize, describe and extract one report."""
    try:
        sidecar = parse_sidecar(raw.sidecar, raw.source_file + " metadata") if raw.sidecar else {}
    except MetadataError as exc:
        return Reject(raw.source_file, str(exc))
    try:
        extracted = extract_text(raw.source_file, raw.data)
    except FormatError as exc:
        return Reject(raw.source_file, exc.reason)
    decoded, encoding = extracted.text, extracted.encoding
    # What the file says of itself (a page's <title>, date line, canonical address) fills
    # what the sidecar leaves out.
    found = {"title": extracted.title, "published_date": extracted.published_date,
             "source_url": extracted.source_url}
    sidecar = {**{k: v for k, v in found.items() if v is not None}, **sidecar}
    script = detect_script(decoded)
    text = normalize(decoded)
    if not text.strip():
        return Reject(raw.source_file, "no text left after normalization")
    meta = infer_metadata(text, sidecar, today)
    document: dict[str, Any] = {
        "doc_id": raw.doc_id,
        "source_file": raw.source_file,
        "source_url": meta.source_url,
        "sha256": raw.sha256,
        "encoding": encoding,
        "format": format_of(raw.source_file),
        "script": script,
        "doc_type": meta.doc_type,
        "title": meta.title,
        "body": meta.body,
        "level": meta.level,
        "province": meta.province,
        "city": meta.city,
        "county": meta.county,
        "admin_code": meta.admin_code,
        "report_year": meta.report_year,
        "published_date": meta.published_date,
        "n_chars": len(text),
    }
    ctx = DocContext(
        doc_id=raw.doc_id, doc_type=meta.doc_type, report_year=meta.report_year,
        level=meta.level, province=meta.province, city=meta.city, county=meta.county,
        fact_free=meta.fact_free,
    )
    return ProcessedDocument(document, text, extract_facts(text, ctx))


@dataclass
class BatchResult:
    documents: list[ProcessedDocument] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    cache_hits: int = 0


def process_batch(raw_root: Path, source_files: list[str], today: dt.date,
                  cache_dir: Path | None = None) -> BatchResult:
    """Read and process a batch of reports; a failure in one never stops the others.

    With ``cache_dir``, a report whose bytes, sidecar and rule set were processed before is
    taken from the cache (see :mod:`renda.cache`) instead of being processed again.
    """
    cache = DocumentCache(cache_dir) if cache_dir is not None else None
    result = BatchResult()
    for source_file in source_files:
        raw = read_raw(raw_root, source_file)
        if isinstance(raw, Reject):
            result.rejects.append(raw)
            continue
        key = content_key(raw.sha256, raw.sidecar, format_of(source_file)) if cache is not None else ""
        cached = cache.get(key) if cache is not None else None
        if cached is not None:
            doc = ProcessedDocument(**cached)
            doc.document["source_file"] = source_file  # same bytes may move
            result.documents.append(doc)
            result.cache_hits += 1
            continue
        outcome = process_report(raw, today)
        if isinstance(outcome, Reject):
            result.rejects.append(outcome)
        else:
            result.documents.append(outcome)
            if cache is not None:
                cache.put(key, {"document": outcome.document, "text": outcome.text,
                                "facts": outcome.facts})
    return result


@dataclass(frozen=True)
class PartSummary:
    """What a processed batch left on disk: one Parquet file per table in ``path``."""

    path: Path
    documents: list[tuple[str, str]]  # (doc_id, source_file), in the part's order
    rejects: list[Reject]
    cache_hits: int
    rows: dict[str, int]


def sort_facts(rows: list[dict[str, Any]], order: dict[str, int]) -> list[dict[str, Any]]:
    """Fact rows in document order (``order``: doc_id -> position), then by offsets."""
    return sorted(rows, key=lambda r: (order[r["doc_id"]], r["char_start"], r["char_end"],
                                       r["record_id"]))


def write_part(result: BatchResult, part_dir: Path) -> PartSummary:
    """Write a processed batch as Parquet files, documents sorted by path, facts by document
    and offsets; a document whose bytes repeat one earlier in the batch is rejected."""
    docs, duplicates = _dedupe_documents(result.documents)
    order = {d.document["doc_id"]: i for i, d in enumerate(docs)}
    tables: dict[str, pa.Table] = {
        "documents": to_arrow(TABLES["documents"], [d.document for d in docs]),
        "document_text": to_arrow(TABLES["document_text"],
                                  [{"doc_id": d.document["doc_id"], "text": d.text} for d in docs]),
    }
    for name in FACT_TABLES:
        rows = [row for d in docs for row in d.facts.get(name, [])]
        tables[name] = to_arrow(TABLES[name], sort_facts(rows, order))
    tmp = part_dir.with_name(part_dir.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        pq.write_table(table, tmp / f"{name}.parquet", compression="zstd")
    os.replace(tmp, part_dir)
    return PartSummary(part_dir, [(d.document["doc_id"], d.document["source_file"]) for d in docs],
                       sorted(result.rejects + duplicates, key=lambda r: r.source_file),
                       result.cache_hits, {n: t.num_rows for n, t in tables.items()})


def process_part(raw_root: Path, source_files: list[str], today: dt.date, part_dir: Path,
                 cache_dir: Path | None = None) -> PartSummary:
    """:func:`process_batch`, written to ``part_dir`` (only a summary stays in memory)."""
    return write_part(process_batch(raw_root, source_files, today, cache_dir), part_dir)


def read_part(summary: PartSummary, drop: set[str] | None = None) -> dict[str, pa.Table]:
    """A part's tables, without the rows of the documents in ``drop``."""
    tables = {name: pq.read_table(summary.path / f"{name}.parquet") for name in TABLES}
    if drop:
        import pyarrow.compute as pc

        keep_docs = pa.array(sorted(drop))
        tables = {n: t.filter(pc.invert(pc.is_in(t.column("doc_id"), value_set=keep_docs)))
                  for n, t in tables.items()}
    return tables


def _dedupe_documents(docs: list[ProcessedDocument]) -> tuple[list[ProcessedDocument], list[Reject]]:
    """Two files with the same bytes are one document: keep the first path, reject the rest."""
    seen: dict[str, str] = {}
    kept: list[ProcessedDocument] = []
    rejects: list[Reject] = []
    for doc in sorted(docs, key=lambda d: d.document["source_file"]):
        doc_id = doc.document["doc_id"]
        if doc_id in seen:
            rejects.append(Reject(doc.document["source_file"],
                                  f"duplicate of {seen[doc_id]} (same bytes, doc_id {doc_id})"))
            continue
        seen[doc_id] = doc.document["source_file"]
        kept.append(doc)
    return kept, rejects
