"""Validation inside the release flow: critical failures block, row failures are quarantined."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.release import release_flow
from renda.layout import CuratedLayout
from renda.settings import SUITES_DIR
from renda.validate import CriticalValidationError

pytestmark = pytest.mark.integration

GOOD = "甲县人大常委会召开会议。甲县人大常委会听取报告。"


def test_critical_failure_publishes_nothing(prefect_harness, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(GOOD, encoding="utf-8")
    curated = tmp_path / "curated"
    first = release_flow(raw_dir=raw, curated_dir=curated)
    layout = CuratedLayout(curated)
    before = (layout.latest(), layout.published_versions())

    # A suite whose schema expectation no longer fits the contract (critical), as when a code
    # change renames a column: the next run must fail and leave everything published alone.
    suites = tmp_path / "suites"
    shutil.copytree(SUITES_DIR, suites)
    path = suites / "documents.json"
    suite = json.loads(path.read_text(encoding="utf-8"))
    for e in suite["expectations"]:
        if e["type"] == "expect_table_columns_to_match_ordered_list":
            e["kwargs"]["column_list"] = ["document_id" if c == "doc_id" else c
                                          for c in e["kwargs"]["column_list"]]
    path.write_text(json.dumps(suite, ensure_ascii=False), encoding="utf-8")
    (raw / "b.txt").write_text("乙" + GOOD, encoding="utf-8")

    with pytest.raises(CriticalValidationError) as info:
        release_flow(raw_dir=raw, curated_dir=curated, suites_dir=suites)
    message = str(info.value)
    assert "documents" in message and "expect_table_columns_to_match_ordered_list" in message
    assert (layout.latest(), layout.published_versions()) == before
    assert first["version"] == before[0]
    reports = list((curated / "validation-failures").glob("*/index.html"))
    assert len(reports) == 1


def test_row_failure_is_quarantined(prefect_harness, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    # An implausible figure (a resolution rate above 100%) beside plausible ones.
    (raw / "r.txt").write_text(
        "样例县人大常委会2022年工作报告\n一年来，全县各级人大代表深入代表联络站300人次，"
        "收集问题120个，解决问题90个，解决率达175%。全县建成代表联络站12个。", encoding="utf-8")
    summary = release_flow(raw_dir=raw, curated_dir=tmp_path / "curated")
    release = Path(summary["path"])
    rows = pq.read_table(release / "deputy_activity.parquet").to_pylist()
    with open(release / "quarantine.csv", encoding="utf-8-sig", newline="") as fh:
        quarantined = list(csv.DictReader(fh))
    assert summary["quarantined"] == len(quarantined) >= 1
    ids = {q["record_id"] for q in quarantined}
    assert all(r["record_id"] not in ids for r in rows)
    rates = [q for q in quarantined if "175" in (q.get("value") or "")]
    assert rates, quarantined
    assert any(r["metric"] == "liaison_stations" for r in rows)  # the rest is published
