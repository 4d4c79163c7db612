"""``renda.sqlite``: a release's tables in one SQLite database, for Datasette and for anyone
with ``sqlite3``.

Built from the release's Parquet files, by these rules:

1. Every contract table, its columns in contract order, typed (string -> TEXT, int ->
   INTEGER, float -> REAL, bool -> INTEGER 0/1, date -> TEXT ``YYYY-MM-DD``), ``NOT NULL``
   where the contract says so, its primary key, its foreign keys to ``documents`` and a
   ``CHECK`` for every vocabulary column (the contract's enums). Rows in the release's order.
2. Indexes on ``doc_id``, ``province`` and ``report_year`` and on every vocabulary column,
   so that the filters and facets people use are fast.
3. Full-text search that works for Chinese: FTS5 with the ``trigram`` tokenizer (SQLite >=
   3.34), which matches any phrase of three characters or more (执法检查, 代表联络站) with
   no word segmentation. ``document_text_fts`` indexes the normalized text of each document
   (``doc_id`` beside it); ``evidence_fts`` the evidence of every fact row (its table and
   ``record_id`` beside it). A search of two characters needs ``LIKE`` instead.
4. Byte-stable: the same release gives the same file, with the same SQLite library. The
   database is built in a fixed order with fixed pragmas, then ``VACUUM`` ed into the final
   file (no free pages, no journal left); the file is written beside its place and renamed.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import Any, Iterator

import pyarrow.parquet as pq

from renda.contract import FACT_TABLES, TABLES, Column, Table

FILE_NAME = "renda.sqlite"
_SQL_TYPES = {"string": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER",
              "date": "TEXT"}
_INDEXED = ("doc_id", "province", "report_year")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _column_sql(c: Column, table: Table) -> str:
    parts = [_quote(c.name), _SQL_TYPES[c.type]]
    if not c.nullable:
        parts.append("NOT NULL")
    if c.enum:
        parts.append(f"CHECK ({_quote(c.name)} IN ({', '.join(_literal(v) for v in c.enum)}))")
    if c.type == "bool":
        parts.append(f"CHECK ({_quote(c.name)} IN (0, 1))")
    return " ".join(parts)


def create_table_sql(table: Table) -> str:
    """Rule 1: the ``CREATE TABLE`` of a contract table."""
    lines = [_column_sql(c, table) for c in table.columns]
    lines.append(f"PRIMARY KEY ({', '.join(_quote(k) for k in table.primary_key)})")
    for column, other, other_column in table.foreign_keys:
        lines.append(f"FOREIGN KEY ({_quote(column)}) REFERENCES {_quote(other)} "
                     f"({_quote(other_column)})")
    return f"CREATE TABLE {_quote(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"


def _index_columns(table: Table) -> list[str]:
    """Rule 2."""
    return [c.name for c in table.columns
            if (c.name in _INDEXED or c.enum) and c.name not in table.primary_key]


def _rows(path: Path, table: Table) -> Iterator[tuple[Any, ...]]:
    names = table.column_names
    kinds = [table.column(n).type for n in names]
    for batch in pq.ParquetFile(path).iter_batches(batch_size=2000, columns=names):
        for row in batch.to_pylist():
            yield tuple(_value(row[n], k) for n, k in zip(names, kinds))


def _value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "date" and isinstance(value, dt.date):
        return value.isoformat()
    if kind == "bool":
        return int(bool(value))
    return value


def write_sqlite(release_dir: Path, out: Path | None = None) -> Path:
    """Build ``renda.sqlite`` from the Parquet files in ``release_dir`` (rules 1-4)."""
    out = out or release_dir / FILE_NAME
    build = out.with_name(f".{out.name}.build-{os.getpid()}")
    final_tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    for p in (build, final_tmp):
        p.unlink(missing_ok=True)
    con = sqlite3.connect(build)
    try:
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA foreign_keys = ON")
        for name, table in TABLES.items():
            path = release_dir / f"{name}.parquet"
            if not path.exists():
                continue
            con.execute(create_table_sql(table))
            marks = ", ".join("?" for _ in table.columns)
            con.executemany(f"INSERT INTO {_quote(name)} VALUES ({marks})", _rows(path, table))
            for column in _index_columns(table):
                con.execute(f"CREATE INDEX {_quote(f'{name}_{column}')} ON {_quote(name)} "
                            f"({_quote(column)})")
        _full_text(con)
        con.commit()
        con.execute(f"VACUUM INTO {_literal(str(final_tmp))}")
    finally:
        con.close()
        build.unlink(missing_ok=True)
    os.replace(final_tmp, out)
    return out


def _full_text(con: sqlite3.Connection) -> None:
    """Rule 3."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "document_text" in tables:
        con.execute("CREATE VIRTUAL TABLE document_text_fts USING fts5("
                    "doc_id UNINDEXED, text, tokenize = 'trigram')")
        con.execute("INSERT INTO document_text_fts (doc_id, text) "
                    "SELECT doc_id, text FROM document_text ORDER BY rowid")
    facts = [t for t in FACT_TABLES if t in tables]
    if facts:
        con.execute("CREATE VIRTUAL TABLE evidence_fts USING fts5("
                    "table_name UNINDEXED, record_id UNINDEXED, doc_id UNINDEXED, evidence, "
                    "tokenize = 'trigram')")
        for t in facts:
            con.execute("INSERT INTO evidence_fts (table_name, record_id, doc_id, evidence) "
                        f"SELECT {_literal(t)}, record_id, doc_id, evidence FROM {_quote(t)} "
                        "ORDER BY rowid")
    con.execute("INSERT INTO document_text_fts (document_text_fts) VALUES ('optimize')"
                if "document_text" in tables else "SELECT 1")
    if facts:
        con.execute("INSERT INTO evidence_fts (evidence_fts) VALUES ('optimize')")


__all__ = ["FILE_NAME", "create_table_sql", "write_sqlite"]
