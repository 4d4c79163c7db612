"""renda.sqlite: the release's tables, typed and keyed, agreeing row for row with the
Parquet files; full-text search over the text and the evidence that works for Chinese;
the same file for the same release."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from renda.contract import TABLES
from renda.sqlite_export import create_table_sql, write_sqlite
from tests.unit.test_catalog import DOC_ID, TEXT, _release


@pytest.fixture
def release(tmp_path: Path) -> Path:
    layout = _release(tmp_path / "curated")
    return layout.release("2022.01.01")


def test_every_table_agrees_with_its_parquet_row_for_row(release: Path) -> None:
    db = sqlite3.connect(release / "renda.sqlite")
    names = [n for n in TABLES if (release / f"{n}.parquet").exists()]
    assert {"documents", "document_text", "deputy_activity"} <= set(names)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(names) <= tables
    for name in names:
        table = TABLES[name]
        parquet = pq.read_table(release / f"{name}.parquet").to_pylist()
        rows = db.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
        assert len(rows) == len(parquet), name
        for got, want in zip(rows, parquet):
            for column, value in zip(table.column_names, got):
                expected = want[column]
                if hasattr(expected, "isoformat"):
                    expected = expected.isoformat()
                if isinstance(expected, bool):
                    expected = int(expected)
                assert value == expected, (name, column)


def test_keys_types_and_vocabularies_are_enforced(release: Path) -> None:
    db = sqlite3.connect(release / "renda.sqlite")
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(sqlite3.IntegrityError):  # a row of no document
        db.execute("INSERT INTO deputy_activity (record_id, doc_id) VALUES ('x', 'nope')")
    with pytest.raises(sqlite3.IntegrityError):  # a format outside the vocabulary
        db.execute("UPDATE documents SET format = 'doc'")
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"deputy_activity_doc_id", "documents_province", "documents_report_year",
            "documents_doc_type", "deputy_activity_metric"} <= indexes
    assert "PRIMARY KEY (\"record_id\")" in create_table_sql(TABLES["supervision"])


def test_a_chinese_phrase_is_found_in_the_text_and_the_evidence(release: Path) -> None:
    db = sqlite3.connect(release / "renda.sqlite")
    phrase = TEXT[TEXT.index("全县"):TEXT.index("全县") + 4]
    assert db.execute("SELECT doc_id FROM document_text_fts WHERE document_text_fts MATCH ?",
                      (f'"{phrase}"',)).fetchall() == [(DOC_ID,)]
    hits = db.execute("SELECT table_name, record_id FROM evidence_fts WHERE evidence_fts MATCH ?",
                      (f'"{phrase}"',)).fetchall()
    assert hits and {t for t, _ in hits} == {"deputy_activity"}
    assert db.execute("SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH '\"执法检查\"'"
                      ).fetchone() == (0,)


def test_the_same_release_gives_the_same_file(release: Path, tmp_path: Path) -> None:
    again = write_sqlite(release, tmp_path / "again.sqlite")
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (release / "renda.sqlite", again)]
    assert digest[0] == digest[1]


def test_the_database_is_listed_and_checksummed(release: Path) -> None:
    import json

    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    entry = [r for r in package["resources"] if r["path"] == "renda.sqlite"]
    assert entry and entry[0]["mediatype"] == "application/vnd.sqlite3"
    assert " renda.sqlite\n" in (release / "SHA256SUMS").read_text(encoding="utf-8")
