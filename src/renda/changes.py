"""Differences between two releases' tables, by primary key and by document.

A row is *added* when its key is new, *removed* when its key is gone and *changed* when its
key stays but another column differs. Fact rows are keyed by ``record_id`` (which hashes the
document, span and key fields), so a corrected figure in the same sentence shows as changed.

The comparison reads the Parquet files column-wise: a hash per row and the key, never whole
tables as Python objects; only the rows that differ are read in full, to be listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from renda.contract import TABLES


@dataclass
class TableChanges:
    table: str
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def read_release_tables(release_dir: Path) -> dict[str, pa.Table]:
    """Every contract table present in a published release, read from its Parquet file."""
    out = {}
    for name in TABLES:
        path = release_dir / f"{name}.parquet"
        if path.exists():
            out[name] = pq.read_table(path)
    return out


def _key_hashes(path: Path, key: str) -> pa.Table:
    """(key, row hash) of every row of a Parquet file, read batch by batch."""
    import pandas as pd

    keys: list[pa.Array] = []
    hashes: list[pa.Array] = []
    for batch in pq.ParquetFile(path).iter_batches(batch_size=500):
        frame = batch.to_pandas()
        keys.append(batch.column(batch.schema.get_field_index(key)))
        hashes.append(pa.array(pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy()))
    if not keys:
        return pa.table({"key": pa.array([], pa.string()), "h": pa.array([], pa.uint64())})
    return pa.table({"key": pa.concat_arrays(keys), "h": pa.concat_arrays(hashes)})


def _rows(path: Path, key: str, wanted: pa.Array) -> dict[Any, dict[str, Any]]:
    if len(wanted) == 0:
        return {}
    rows: dict[Any, dict[str, Any]] = {}
    for batch in pq.ParquetFile(path).iter_batches(batch_size=20_000):
        picked = batch.filter(pc.is_in(batch.column(batch.schema.get_field_index(key)), value_set=wanted))
        for r in picked.to_pylist():
            rows[r[key]] = r
    return rows


def diff_table_files(name: str, old: Path | None, new: Path, list_rows: bool = True) -> TableChanges:
    """Rows added, removed and changed between two Parquet files of table ``name``.

    With ``list_rows`` False only the keys are compared and the rows are not read (a first
    release, whose every row is new, lists counts only)."""
    key = TABLES[name].primary_key[0]
    new_h = _key_hashes(new, key)
    old_h = _key_hashes(old, key) if old is not None and old.exists() else new_h.slice(0, 0)
    added_keys = new_h.filter(pc.invert(pc.is_in(new_h["key"], value_set=old_h["key"])))["key"]
    removed_keys = old_h.filter(pc.invert(pc.is_in(old_h["key"], value_set=new_h["key"])))["key"]
    joined = new_h.join(old_h, "key", join_type="inner", right_suffix="_old")
    changed_keys = joined.filter(pc.not_equal(joined["h"], joined["h_old"]))["key"]
    changes = TableChanges(name)
    if not list_rows:
        changes.added = [{} for _ in range(len(added_keys))]
        changes.removed = [{} for _ in range(len(removed_keys))]
        return changes
    new_rows = _rows(new, key, pa.concat_arrays([added_keys.combine_chunks(), changed_keys.combine_chunks()]))
    old_rows = (_rows(old, key, pa.concat_arrays([removed_keys.combine_chunks(), changed_keys.combine_chunks()]))
                if old is not None and old.exists() else {})
    changes.added = [new_rows[k] for k in added_keys.to_pylist()]
    changes.removed = [old_rows[k] for k in removed_keys.to_pylist()]
    changes.changed = [(old_rows[k], new_rows[k]) for k in changed_keys.to_pylist()
                       if old_rows.get(k) != new_rows.get(k)]
    return changes


def diff_release_dirs(old: Path | None, new: Path, tables: list[str],
                      list_rows: bool = True) -> list[TableChanges]:
    return [diff_table_files(name, (old / f"{name}.parquet") if old else None,
                             new / f"{name}.parquet", list_rows) for name in tables]


def document_names(*release_dirs: Path | None) -> dict[str, str]:
    """doc_id -> source_file over the given releases' documents."""
    names: dict[str, str] = {}
    for d in release_dirs:
        if d is not None and (d / "documents.parquet").exists():
            t = pq.read_table(d / "documents.parquet", columns=["doc_id", "source_file"])
            names.update(zip(t["doc_id"].to_pylist(), t["source_file"].to_pylist()))
    return names


def _row_label(table: str, row: dict[str, Any]) -> str:
    if table == "documents":
        return f"`{row['doc_id']}` {row['source_file']}"
    if table == "document_text":
        return f"`{row['doc_id']}` ({len(row['text'])} characters)"
    keys = [k for k in ("level", "method", "metric", "actor", "topic", "law_title",
                        "target_organ", "deputies_elected", "value", "count") if row.get(k) is not None]
    fields = ", ".join(f"{k}={row[k]}" for k in keys)
    return f"`{row['record_id']}` {fields} [{row['char_start']}:{row['char_end']}]"


def changes_markdown(version: str, previous: str | None, changes: list[TableChanges],
                     names: dict[str, str]) -> str:
    """CHANGES.md: per table, the rows added, removed and changed, grouped by document."""
    lines = [f"# Changes in {version}", ""]
    if previous is None:
        lines += ["First release: every row is new.", ""]
    else:
        lines += [f"Compared with release {previous}.", ""]
    lines += ["| table | added | removed | changed |", "|---|---:|---:|---:|"]
    for c in changes:
        lines.append(f"| {c.table} | {len(c.added)} | {len(c.removed)} | {len(c.changed)} |")
    lines.append("")
    if previous is None:
        return "\n".join(lines).rstrip() + "\n"
    for c in changes:
        if c.empty:
            continue
        lines += [f"## {c.table}", ""]
        by_doc: dict[str, list[str]] = {}
        for kind, rows in (("added", c.added), ("removed", c.removed)):
            for row in rows:
                doc = names.get(row["doc_id"], row["doc_id"])
                by_doc.setdefault(doc, []).append(f"- {kind}: {_row_label(c.table, row)}")
        for before, after in c.changed:
            doc = names.get(after["doc_id"], after["doc_id"])
            diffs = ", ".join(f"{k}: {before[k]!r} → {after[k]!r}" for k in after
                              if before.get(k) != after[k] and k != "text")
            if before.get("text") != after.get("text") and "text" in after:
                diffs = (diffs + ", " if diffs else "") + "text changed"
            by_doc.setdefault(doc, []).append(f"- changed: {_row_label(c.table, after)} ({diffs})")
        for doc in sorted(by_doc):
            lines += [f"### {doc}", "", *by_doc[doc], ""]
    return "\n".join(lines).rstrip() + "\n"
