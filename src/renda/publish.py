"""The release writer: generic over tables, atomic, deterministic.

A release is written into a staging folder next to its final place and renamed into place
only when every file is complete and fsynced; ``LATEST`` is then replaced atomically. A crash
at any moment leaves either the previous state or the new complete release, never a half.

```
curated/releases/<version>/
  <table>.parquet, <table>.csv   (document_text: Parquet only)
  renda.sqlite                   every table in one SQLite database, with full-text search
  rejects.csv                    inputs that could not be read, with the reason
  fetch_log.csv                  the fetch of the night that brought the inputs (nightly runs)
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

from renda.contract import CONTRACT_VERSION, TABLES, Table, arrow_schema
from renda.ingest import Reject
from renda.layout import CuratedLayout
from renda.settings import DATASET_LICENCE, DATASET_NAME, DATASET_TITLE, EXTRACTOR
from renda.sqlite_export import write_sqlite

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
        "mediatype": {"csv": "text/csv", "parquet": "application/vnd.apache.parquet",
                      "sqlite": "application/vnd.sqlite3"}.get(fmt, fmt),
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
    if fmt in ("parquet", "sqlite"):
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


class ReleaseWriter:
    """Writes a release into a staging folder table by table, piece by piece, then renames
    it into place (:meth:`commit`) or removes it (:meth:`abort`).

    Pieces of a table are appended as Parquet row groups and CSV rows, so a release larger
    than memory can be written from parts. Every contract table is written, empty if no piece
    came, so a release always has the same files.
    """

    def __init__(self, layout: CuratedLayout, version: str, tables: list[str]) -> None:
        layout.releases.mkdir(parents=True, exist_ok=True)
        self.layout = layout
        self.version = version
        self.final = layout.release(version)
        if self.final.exists():
            raise FileExistsError(f"release {version} already exists at {self.final}")
        self.staging = layout.staging(version, uuid.uuid4().hex[:8])
        self.staging.mkdir()
        self.tables = tables
        self.rows = {name: 0 for name in tables}
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._csv: dict[str, tuple[Any, pacsv.CSVWriter]] = {}
        self._closed = False

    def write(self, name: str, table: pa.Table) -> None:
        spec = TABLES.get(name)
        schema = arrow_schema(spec) if spec is not None else table.schema
        table = table.select(schema.names).cast(schema) if spec is not None else table
        if name not in self._parquet:
            self._parquet[name] = pq.ParquetWriter(
                self.staging / f"{name}.parquet", schema, compression="zstd",
                write_statistics=True, use_dictionary=True, store_schema=True)
            if spec is None or spec.csv:
                fh = open(self.staging / f"{name}.csv", "wb")
                fh.write(b"\xef\xbb\xbf")
                writer = pacsv.CSVWriter(fh, schema, write_options=pacsv.WriteOptions(
                    include_header=True, quoting_style="needed"))
                self._csv[name] = (fh, writer)
        if table.num_rows:
            self._parquet[name].write_table(table)
            if name in self._csv:
                self._csv[name][1].write_table(table)
        self.rows[name] += table.num_rows

    def close_tables(self) -> None:
        """Finish every table file (empty tables included); idempotent."""
        if self._closed:
            return
        for name in self.tables:
            if name not in self._parquet:
                spec = TABLES[name]
                self.write(name, arrow_schema(spec).empty_table())
        for writer in self._parquet.values():
            writer.close()
        for fh, writer in self._csv.values():
            writer.close()
            fh.close()
        self._closed = True

    def data_files(self) -> list[str]:
        names = []
        for name in self.tables:
            names.append(f"{name}.parquet")
            spec = TABLES.get(name)
            if spec is None or spec.csv:
                names.append(f"{name}.csv")
        return names

    def commit(self, rejects: list[Reject], *, created: str,
               sources: list[dict[str, Any]] | None = None,
               extra: Callable[[Path], None] | None = None) -> PublishedRelease:
        """Write rejects, extra files, datapackage.json and SHA256SUMS, rename into place,
        then point LATEST at the release."""
        staging = self.staging
        try:
            self.close_tables()
            resources: list[dict[str, Any]] = []
            for name in self.tables:
                spec = TABLES.get(name)
                has_csv = spec is None or spec.csv
                resources.append(_resource(spec, f"{name}-parquet" if has_csv else name,
                                           staging / f"{name}.parquet", "parquet", staging))
                if has_csv:
                    resources.append(_resource(spec, name, staging / f"{name}.csv", "csv", staging))
            # Every table in one database, from the Parquet files just written.
            resources.append(_resource(None, "renda-sqlite", write_sqlite(staging), "sqlite",
                                       staging))
            _write_rejects(rejects, staging / "rejects.csv")
            if extra is not None:
                extra(staging)
            package = datapackage(self.version, created, resources, sources or [])
            (staging / "datapackage.json").write_text(
                json.dumps(package, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
                encoding="utf-8")
            files = sorted(p for p in staging.rglob("*") if p.is_file())
            sums = "".join(f"{sha256_file(p)}  {p.relative_to(staging).as_posix()}\n" for p in files)
            (staging / "SHA256SUMS").write_text(sums, encoding="utf-8")
            for p in staging.rglob("*"):
                if p.is_file():
                    _fsync_file(p)
            os.rename(staging, self.final)
        except BaseException:
            self.abort()
            raise
        set_latest(self.layout, self.version)
        return PublishedRelease(self.version, self.final, dict(self.rows), len(rejects))

    def abort(self) -> None:
        try:
            self.close_tables()
        except Exception:  # noqa: BLE001 - the folder goes anyway
            pass
        shutil.rmtree(self.staging, ignore_errors=True)


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
    """Write in-memory tables as a release (see :class:`ReleaseWriter`). ``extra`` may add
    files to the staging folder before the checksums are computed; LATEST is updated last."""
    writer = ReleaseWriter(layout, version, list(tables))
    try:
        for name, table in tables.items():
            writer.write(name, table)
    except BaseException:
        writer.abort()
        raise
    return writer.commit(rejects, created=created, sources=sources, extra=extra)


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


def row_counts(release_dir: Path) -> dict[str, int]:
    """Rows per table of a published release, from the Parquet footers."""
    return {n: pq.ParquetFile(release_dir / f"{n}.parquet").metadata.num_rows
            for n in TABLES if (release_dir / f"{n}.parquet").exists()}
