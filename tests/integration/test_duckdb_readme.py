"""The README's DuckDB one-liner, run on the real corpus release: it must work as printed
(only the release's path changes) and agree with the Parquet files read by pyarrow."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

duckdb = pytest.importorskip("duckdb")
pytestmark = pytest.mark.integration
README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_query_runs_on_a_release(corpus_release: Path) -> None:
    line = next(ln for ln in README.read_text(encoding="utf-8").splitlines()
                if ln.startswith('python -c "import duckdb;'))
    query = re.search(r'duckdb\.sql\(\\"(.*)\\"\)\.show\(\)', line).group(1)  # type: ignore[union-attr]
    query = query.replace("curated/releases/2026.12.02", corpus_release.as_posix())
    rows = duckdb.sql(query).fetchall()
    docs = {d["doc_id"]: (d["province"], d["report_year"])
            for d in pq.read_table(corpus_release / "documents.parquet").to_pylist()}
    want = Counter(docs[r["doc_id"]] for r in pq.read_table(
        corpus_release / "supervision.parquet").to_pylist()
        if r["method"] == "law_enforcement_inspection")
    assert rows and {(p, y): n for p, y, n in rows} == dict(want)
