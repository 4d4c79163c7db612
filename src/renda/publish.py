"""The release writer: generic over tables, atomic, deterministic.

A release is written into a staging folder next to its final place and renamed into place
only when every file is complete and fsynced; ``LATEST`` is then replaced atomically. A crash
at any moment leaves either the previous state or the new complete release, never a half.

```
curated/releases/<version>/
  <table>.parquet, <table>.csv   (document_text: Parquet only)
  rejects.csv                    inputs that could not be read, with the reason
  datapackage.json               Frictionless Data Package describing every file
  SHA256SUMS                     sha256sum-compatible checksums of every other file
```
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from renda.contract import CONTRACT_VERSION, TABLES, Table
from renda.ingest import Reject
from renda.layout import CuratedLayout, version_key
from renda.settings import DATASET_LICENCE, DATASET_NAME, DATASET_TITLE, EXTRACTOR

REJECT_COLUMNS = ("source_file", "reason")


@dataclass(frozen=True)
class PublishedRelease:
    version: str
    path: Path
    row_counts: dict[str, int]
    n_rejects: int


def next_version(layout: CuratedLayout, today: dt.date) -> str:
    """Calendar version ``YYYY.MM.DD``; ``.2``, ``.3`` … for more releases the same day."""
    base = today.strftime("%Y.%m.%d")
    taken = {v for v in layout.published_versions() if v == base or v.startswith(base + ".")}
    if base not in taken:
        return base
    n = 2
    while f"{base}.{n}" in taken:
        n += 1
    return f"{base}.{n}"


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _write_parquet(table: pa.Table, path: Path) -> None:
    # No created_by timestamp varies between runs; statistics and compression are fixed.
    pq.write_table(table, path, compression="zstd", write_statistics=True,
                   use_dictionary=True, store_schema=True)


def _write_csv(table: pa.Table, path: Path) -> None:
    """UTF-8 with a byte-order mark, RFC 4180 quoting, nulls as empty fields."""
    buffer = io.BytesIO()
    pacsv.write_csv(table, buffer, pacsv.WriteOptions(include_header=True, quoting_style="needed"))
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue())


def _write_rejects(rejects: list[Reject], path: Path) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REJECT_COLUMNS)
    for r in rejects:
        writer.writerow((r.source_file, r.reason))
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _field_descriptor(table: Table, name: str) -> dict[str, Any]:
    col = table.column(name)
    types = {"string": "string", "int": "integer", "float": "number", "bool": "boolean",
             "date": "date"}
    field: dict[str, Any] = {
        "name": col.name,
        "type": types[col.type],
        "description": col.en,
        "description_zh": col.zh,
    }
    constraints: dict[str, Any] = {}
    if not col.nullable:
        constraints["required"] = True
    if col.enum:
        constraints["enum"] = list(col.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def datapackage(version: str, created: str, resources: list[dict[str, Any]],
                sources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "profile": "data-package",
        "name": DATASET_NAME,
        "title": DATASET_TITLE,
        "version": version,
        "created": created,
        "licenses": [DATASET_LICENCE],
        "sources": sources,
        "contract_version": CONTRACT_VERSION,
        "extractor": EXTRACTOR,
        "resources": resources,
    }


def _resource(table: Table | None, name: str, path: Path, fmt: str, root: Path) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "name": name,
        "path": path.relative_to(root).as_posix(),
        "format": fmt,
        "mediatype": {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}.get(fmt, fmt),
        "encoding": "utf-8-sig" if fmt == "csv" else None,
        "bytes": path.stat().st_size,
        "hash": "sha256:" + sha256_file(path),
    }
    if fmt == "csv":
        resource["profile"] = "tabular-data-resource"
        resource["dialect"] = {"delimiter": ",", "quoteChar": '"', "header": True}
    # The Table Schema goes on the CSV form of a table, and on the Parquet form only when the
    # table has no CSV (document_text). A Parquet file carries the same schema in its own
    # metadata (types, descriptions); describing it twice would let the two drift apart.
    tabular = table is not None and (fmt == "csv" or not table.csv)
    if fmt == "parquet":
        # Frictionless checks a "file" resource's bytes and hash without parsing it.
        resource["type"] = "file"
    if table is not None and not tabular:
        resource["profile"] = "data-resource"
        resource["description"] = f"{table.en} Same columns as {table.name}.csv, typed (Parquet)."
        resource["description_zh"] = table.zh
    if table is not None and tabular:
        schema: dict[str, Any] = {
            "fields": [_field_descriptor(table, c) for c in table.column_names],
            "primaryKey": list(table.primary_key),
            "missingValues": [""],
        }
        if table.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": col, "reference": {"resource": ref_table, "fields": ref_col}}
                for col, ref_table, ref_col in table.foreign_keys
            ]
        resource["schema"] = schema
        resource["description"] = table.en
        resource["description_zh"] = table.zh
    return {k: v for k, v in resource.items() if v is not None}


def write_release(
    layout: CuratedLayout,
    tables: dict[str, pa.Table],
    rejects: list[Reject],
    *,
    version: str,
    created: str,
    sources: list[dict[str, Any]] | None = None,
    extra: Callable[[Path], None] | None = None,
) -> PublishedRelease:
    """Write every table and the package files, then rename the release into place.

    ``extra`` may add files to the staging folder (validation reports, README) before the
    checksums are computed. Tables are written in contract order; ``LATEST`` is updated last.
    """
    layout.releases.mkdir(parents=True, exist_ok=True)
    final = layout.release(version)
    if final.exists():
        raise FileExistsError(f"release {version} already exists at {final}")
    staging = layout.staging(version, uuid.uuid4().hex[:8])
    staging.mkdir()
    try:
        resources: list[dict[str, Any]] = []
        for name, table in tables.items():
            spec = TABLES.get(name)
            parquet = staging / f"{name}.parquet"
            _write_parquet(table, parquet)
            has_csv = spec is None or spec.csv
            resources.append(_resource(spec, f"{name}-parquet" if has_csv else name, parquet,
                                       "parquet", staging))
            if has_csv:
                csv_path = staging / f"{name}.csv"
                _write_csv(table, csv_path)
                resources.append(_resource(spec, name, csv_path, "csv", staging))
        _write_rejects(rejects, staging / "rejects.csv")
        if extra is not None:
            extra(staging)
        package = datapackage(version, created, resources, sources or [])
        (staging / "datapackage.json").write_text(
            json.dumps(package, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
            encoding="utf-8")
        files = sorted(p for p in staging.rglob("*") if p.is_file())
        sums = "".join(f"{sha256_file(p)}  {p.relative_to(staging).as_posix()}\n" for p in files)
        (staging / "SHA256SUMS").write_text(sums, encoding="utf-8")
        for p in staging.rglob("*"):
            if p.is_file():
                _fsync_file(p)
        os.rename(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    set_latest(layout, version)
    counts = {name: t.num_rows for name, t in tables.items()}
    return PublishedRelease(version, final, counts, len(rejects))


def set_latest(layout: CuratedLayout, version: str) -> None:
    """Point ``LATEST`` at a release with an atomic replace."""
    tmp = layout.latest_file.with_name(f".LATEST.{uuid.uuid4().hex[:8]}")
    tmp.write_text(version + "\n", encoding="utf-8")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, layout.latest_file)


def clean_staging(layout: CuratedLayout) -> list[Path]:
    """Remove staging folders left by a crashed run (never a published release)."""
    removed = []
    if layout.releases.is_dir():
        for p in layout.releases.iterdir():
            if p.is_dir() and p.name.startswith(".tmp-"):
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p)
    return removed


def latest_first(versions: list[str]) -> list[str]:
    return sorted(versions, key=version_key, reverse=True)
