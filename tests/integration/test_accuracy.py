"""Extraction accuracy over the real corpus and the gold fixtures (the numbers `make eval` prints)."""

from __future__ import annotations

from pathlib import Path

import pytest

from renda.evaluate import assemble_eval_raw, evaluate, format_report, offset_violations

pytestmark = pytest.mark.integration

GOLD = Path(__file__).resolve().parents[1] / "gold"
MIN_F1 = 0.95


@pytest.fixture(scope="module")
def eval_release(corpus: Path, prefect_harness, tmp_path_factory) -> Path:
    from flows.release import release_flow
    from tests.release_checks import only_notes_rejected

    work = tmp_path_factory.mktemp("eval")
    raw = assemble_eval_raw(corpus, GOLD / "fixtures", work / "raw")
    summary = release_flow(raw_dir=raw, curated_dir=work / "curated", use_cache=False)
    assert only_notes_rejected(Path(summary["path"])) == []
    return Path(summary["path"])


@pytest.mark.parametrize("table", ["elections", "supervision", "deputy_activity"])
def test_f1_per_table(eval_release: Path, table: str) -> None:
    report = evaluate(eval_release, GOLD)
    score = report.tables[table]
    assert score.f1 >= MIN_F1, format_report(report)


def test_no_offset_violations(eval_release: Path) -> None:
    assert offset_violations(eval_release) == []
