"""renda.sqlite of the real corpus release: row counts equal to the Parquet files, and a
search for 执法检查 finds the inspections' evidence and the documents that tell them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from renda.contract import TABLES

pytestmark = pytest.mark.integration


def test_the_corpus_database_agrees_with_the_parquet_files(corpus_release: Path) -> None:
    db = sqlite3.connect(corpus_release / "renda.sqlite")
    for name in TABLES:
        rows = pq.ParquetFile(corpus_release / f"{name}.parquet").metadata.num_rows
        assert db.execute(f'SELECT count(*) FROM "{name}"').fetchone() == (rows,), name
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_searching_zhifa_jiancha_finds_the_inspections(corpus_release: Path) -> None:
    db = sqlite3.connect(corpus_release / "renda.sqlite")
    found = db.execute("""
        SELECT s.method, count(*) FROM evidence_fts f JOIN supervision s USING (record_id)
        WHERE f.table_name = 'supervision' AND evidence_fts MATCH '"执法检查"' GROUP BY s.method
    """).fetchall()
    methods = dict(found)
    assert methods.get("law_enforcement_inspection", 0) >= 5, found
    expected = {r[0] for r in db.execute(
        "SELECT DISTINCT doc_id FROM supervision WHERE evidence LIKE '%执法检查%'")}
    docs = {r[0] for r in db.execute(
        "SELECT doc_id FROM document_text_fts WHERE document_text_fts MATCH '\"执法检查\"'")}
    assert expected and expected <= docs
