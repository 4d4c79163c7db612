"""Differences between two releases' tables, by primary key and by document.

A row is *added* when its key is new, *removed* when its key is gone and *changed* when its
key stays but another column differs. Fact rows are keyed by ``record_id`` (which hashes the
document, span and key fields), so a corrected figure in the same sentence shows as changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
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


def tables_equal(a: dict[str, pa.Table], b: dict[str, pa.Table]) -> bool:
    """Same tables, same columns, same rows in the same order (schemas metadata aside)."""
    if set(a) != set(b):
        return False
    for name in a:
        ta, tb = a[name], b[name]
        if ta.column_names != tb.column_names or ta.num_rows != tb.num_rows:
            return False
        if not ta.equals(tb.cast(ta.schema) if ta.schema != tb.schema else tb):
            return False
    return True


def diff_table(name: str, old: pa.Table | None, new: pa.Table) -> TableChanges:
    key = TABLES[name].primary_key[0]
    old_rows = {r[key]: r for r in old.to_pylist()} if old is not None else {}
    new_rows = {r[key]: r for r in new.to_pylist()}
    changes = TableChanges(name)
    for k, row in new_rows.items():
        if k not in old_rows:
            changes.added.append(row)
        elif old_rows[k] != row:
            changes.changed.append((old_rows[k], row))
    changes.removed = [row for k, row in old_rows.items() if k not in new_rows]
    return changes


def diff_releases(old: dict[str, pa.Table], new: dict[str, pa.Table]) -> list[TableChanges]:
    return [diff_table(name, old.get(name), table) for name, table in new.items()]


def _doc_names(*tables: pa.Table | None) -> dict[str, str]:
    names: dict[str, str] = {}
    for t in tables:
        if t is not None:
            for r in t.select(["doc_id", "source_file"]).to_pylist():
                names[r["doc_id"]] = r["source_file"]
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
                     old: dict[str, pa.Table], new: dict[str, pa.Table]) -> str:
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
    names = _doc_names(old.get("documents"), new.get("documents"))
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
                              if before.get(k) != after[k])
            by_doc.setdefault(doc, []).append(f"- changed: {_row_label(c.table, after)} ({diffs})")
        for doc in sorted(by_doc):
            lines += [f"### {doc}", "", *by_doc[doc], ""]
    return "\n".join(lines).rstrip() + "\n"
