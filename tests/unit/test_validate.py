"""Validation with Great Expectations: the suites in expectations/*.json against the contract,
a valid set of tables that passes every suite, and one broken copy per expectation.

Great Expectations is imported once per session (by the first validate_tables call, ~3 s);
each validation of these small tables then takes a fraction of a second.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pandas as pd
import pyarrow as pa
import pytest

from renda.contract import TABLES, arrow_schema, to_arrow
from renda.validate import (
    CASCADE_EXPECTATION,
    CriticalValidationError,
    ValidationOutcome,
    load_suites,
    raise_for_critical,
    render_html,
    validate_tables,
    write_reports,
)

SUITES = Path(__file__).resolve().parents[2] / "expectations"
TODAY = dt.date(2024, 6, 30)

Rows = dict[str, list[dict[str, Any]]]

# ---------------------------------------------------------------------------------------------
# A small valid set: one document, its text, and facts whose evidence/offsets are right.
# The sentences are written for these tests.
# ---------------------------------------------------------------------------------------------

S_ELECTION = ("全县登记选民200000人，参加投票196000人，参选率98%，"
              "选举产生县人大代表180名。")
S_SUPERVISION = "常委会开展食品安全法执法检查。"
S_PROBLEMS = "代表们全年收集群众意见120件，办结96件，办结率80%。"
S_VISITS = "各联络站接待群众3000人次，群众满意率95%。"
TEXT = "一、工作回顾\n" + S_ELECTION + S_SUPERVISION + "\n" + S_PROBLEMS + S_VISITS + "\n"
DOC_ID = "0123456789abcdef"


def _span(sentence: str) -> dict[str, Any]:
    start = TEXT.index(sentence)
    return {"evidence": sentence, "char_start": start, "char_end": start + len(sentence)}


def _fact(record_id: str, sentence: str, **fields: Any) -> dict[str, Any]:
    return {"record_id": record_id, "doc_id": DOC_ID, **fields, **_span(sentence),
            "period": "annual", "extractor": "rules/1.0.0"}


def _deputy(record_id: str, sentence: str, metric: str, value: float) -> dict[str, Any]:
    return _fact(record_id, sentence, actor="代表", actor_type="deputies", metric=metric,
                 value=value, unit=None, approximate=False, detail=None)


VALID_ROWS: Rows = {
    "documents": [{
        "doc_id": DOC_ID, "source_file": "demo/report.txt", "source_url": None,
        "sha256": DOC_ID + "0" * 48, "encoding": "utf-8", "format": "txt", "script": "hans",
        "doc_type": "congress_report", "title": "常委会工作报告", "body": "某县人大常委会",
        "level": "county", "province": "某省", "city": "某市", "county": "某县",
        "admin_code": "141122", "report_year": 2021, "published_date": dt.date(2022, 1, 10),
        "n_chars": len(TEXT),
    }],
    "document_text": [{"doc_id": DOC_ID, "text": TEXT}],
    "elections": [_fact(
        "e000000000000001", S_ELECTION, level="county", method="direct", status="held",
        scope=None, election_date="2021", date_precision="year", congress_term=17,
        constituencies=None, voters_registered=200000, voters_participating=196000,
        turnout_pct=98.0, deputies_elected=180, avg_vote_share_pct=None, approximate=False)],
    "supervision": [_fact(
        "s000000000000001", S_SUPERVISION, method="law_enforcement_inspection", topic="食品安全",
        law_title="食品安全法", target_organ=None, count=1, approximate=False)],
    "deputy_activity": [
        _deputy("d000000000000001", S_PROBLEMS, "problems_collected", 120),
        _deputy("d000000000000002", S_PROBLEMS, "problems_resolved", 96),
        _deputy("d000000000000003", S_PROBLEMS, "resolution_rate_pct", 80),
        _deputy("d000000000000004", S_VISITS, "people_received", 3000),
        _deputy("d000000000000005", S_VISITS, "satisfaction_rate_pct", 95),
    ],
}


def _tables(rows: Rows) -> dict[str, pa.Table]:
    return {name: to_arrow(TABLES[name], rows[name]) for name in TABLES}


def _validate(tables: dict[str, pa.Table]) -> ValidationOutcome:
    return validate_tables(tables, SUITES, today=TODAY)


@pytest.fixture(scope="module")
def valid_outcome() -> ValidationOutcome:
    """The first validation imports Great Expectations: once per module."""
    return _validate(_tables(VALID_ROWS))


def _failures(outcome: ValidationOutcome) -> list[tuple[str, str, str | None, bool]]:
    return [item for item in outcome.flatten() if not item[3]]


# ---------------------------------------------------------------------------------------------
# The suites are data checked against the contract (no Great Expectations needed).
# ---------------------------------------------------------------------------------------------

def _entries(table: str, type_: str) -> list[dict[str, Any]]:
    doc = json.loads((SUITES / f"{table}.json").read_text(encoding="utf-8"))
    return [e for e in doc["expectations"] if e["type"] == type_]


@pytest.mark.parametrize("table", list(TABLES))
def test_suite_columns_and_types_are_the_contracts(table: str) -> None:
    contract = TABLES[table]
    [columns] = _entries(table, "expect_table_columns_to_match_ordered_list")
    assert columns["kwargs"]["column_list"] == contract.column_names
    types = {e["kwargs"]["column"]: e["kwargs"]["type_"]
             for e in _entries(table, "expect_column_type_to_be")}
    assert types == {f.name: str(pd.ArrowDtype(f.type)) for f in arrow_schema(contract)}
    not_null = {e["kwargs"]["column"]
                for e in _entries(table, "expect_column_values_to_not_be_null")}
    assert not_null == {c.name for c in contract.columns if not c.nullable}
    unique = {e["kwargs"]["column"] for e in _entries(table, "expect_column_values_to_be_unique")}
    assert unique == set(contract.primary_key)


@pytest.mark.parametrize("table", list(TABLES))
def test_suite_value_sets_are_the_contracts_enums(table: str) -> None:
    """The contract stays the one source of truth for vocabularies and foreign keys."""
    contract = TABLES[table]
    in_set = {e["kwargs"]["column"]: e["kwargs"]["value_set"]
              for e in _entries(table, "expect_column_values_to_be_in_set")}
    expected: dict[str, Any] = {c.name: list(c.enum) for c in contract.columns if c.enum}
    for column, ref_table, ref_column in contract.foreign_keys:
        assert (ref_table, ref_column) == ("documents", "doc_id")
        expected[column] = {"$PARAMETER": "documents_doc_ids"}
    assert in_set == expected


def test_every_entry_has_severity_and_notes() -> None:
    suites = load_suites(SUITES)
    assert set(suites) == set(TABLES)
    for suite in suites.values():
        for spec in suite.specs:
            assert spec.severity in ("critical", "row"), (suite.table, spec.type)
            assert spec.notes.strip(), (suite.table, spec.type)


def test_bad_severity_is_refused(tmp_path: Path) -> None:
    for table in TABLES:
        (tmp_path / f"{table}.json").write_text((SUITES / f"{table}.json").read_text("utf-8"),
                                                encoding="utf-8")
    doc = json.loads((tmp_path / "supervision.json").read_text("utf-8"))
    doc["expectations"][0]["meta"]["severity"] = "warning"
    (tmp_path / "supervision.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match="severity"):
        load_suites(tmp_path)


# ---------------------------------------------------------------------------------------------
# The valid set passes.
# ---------------------------------------------------------------------------------------------

def test_valid_tables_pass_every_suite(valid_outcome: ValidationOutcome) -> None:
    for table, sentence_rows in VALID_ROWS.items():  # the fixture itself is right
        for row in sentence_rows:
            if "evidence" in row:
                assert TEXT[row["char_start"]:row["char_end"]] == row["evidence"]
    assert _failures(valid_outcome) == []
    assert valid_outcome.ok
    assert valid_outcome.quarantine is None
    assert {f.table for f in valid_outcome.findings} == set(TABLES)
    for table, data in _tables(VALID_ROWS).items():
        assert valid_outcome.published[table].equals(data)
        assert valid_outcome.results_json[table]["skipped"] == []
    raise_for_critical(valid_outcome)
    # Every expectation of every suite ran (GX dropped none).
    suites = load_suites(SUITES)
    assert len(valid_outcome.findings) == sum(len(s.specs) for s in suites.values())


def test_validation_is_fast_once_imported(valid_outcome: ValidationOutcome) -> None:
    start = time.perf_counter()
    _validate(_tables(VALID_ROWS))
    assert time.perf_counter() - start < 5.0  # ~0.7 s here; generous for loaded machines


# ---------------------------------------------------------------------------------------------
# One broken copy per expectation.
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    id: str
    break_rows: Callable[[Rows], None] | None          # edits the rows before to_arrow
    expected: tuple[str, str, str | None]               # (table, expectation, column)
    severity: str
    count: int | None = None                           # unexpected rows (critical cases)
    quarantined: tuple[str, ...] = ()                  # record_ids (doc_id for documents)
    break_tables: Callable[[dict[str, pa.Table]], None] | None = None  # edits Arrow tables
    row_condition: str | None = None


def _set(table: str, index: int, **changes: Any) -> Callable[[Rows], None]:
    def edit(rows: Rows) -> None:
        rows[table][index].update(changes)
    return edit


def _all(*edits: Callable[[Rows], None]) -> Callable[[Rows], None]:
    def edit(rows: Rows) -> None:
        for e in edits:
            e(rows)
    return edit


def _duplicate(table: str, index: int) -> Callable[[Rows], None]:
    def edit(rows: Rows) -> None:
        rows[table].append(copy.deepcopy(rows[table][index]))
    return edit


def _delete(table: str, index: int) -> Callable[[Rows], None]:
    def edit(rows: Rows) -> None:
        del rows[table][index]
    return edit


def _shift(table: str, index: int, by: int) -> Callable[[Rows], None]:
    def edit(rows: Rows) -> None:
        rows[table][index]["char_start"] += by
        rows[table][index]["char_end"] += by
    return edit


def _all_doc_ids(new: str) -> Callable[[Rows], None]:
    def edit(rows: Rows) -> None:
        for table_rows in rows.values():
            for row in table_rows:
                row["doc_id"] = new
    return edit


def _drop_column(table: str, column: str) -> Callable[[dict[str, pa.Table]], None]:
    def edit(tables: dict[str, pa.Table]) -> None:
        tables[table] = tables[table].drop_columns([column])
    return edit


def _retype(table: str, column: str, type_: pa.DataType) -> Callable[[dict[str, pa.Table]], None]:
    def edit(tables: dict[str, pa.Table]) -> None:
        t = tables[table]
        i = t.schema.get_field_index(column)
        tables[table] = t.set_column(i, pa.field(column, type_), t.column(column).cast(type_))
    return edit


def _drop_table(table: str) -> Callable[[dict[str, pa.Table]], None]:
    def edit(tables: dict[str, pa.Table]) -> None:
        del tables[table]
    return edit


FACT_IDS = ("e000000000000001", "s000000000000001", "d000000000000001", "d000000000000002",
            "d000000000000003", "d000000000000004", "d000000000000005")
REGEX = "expect_column_values_to_match_regex"
BETWEEN = "expect_column_values_to_be_between"
IN_SET = "expect_column_values_to_be_in_set"

# Critical: schema, types, keys, foreign keys, vocabularies, offsets -> the release is blocked.
CRITICAL_CASES = [
    Case("missing column", None, ("supervision", "expect_table_columns_to_match_ordered_list",
                                  None), "critical",
         break_tables=_drop_column("supervision", "period")),
    Case("wrong column type (float as string)", None,
         ("elections", "expect_column_type_to_be", "turnout_pct"), "critical",
         break_tables=_retype("elections", "turnout_pct", pa.string())),
    Case("wrong column type (int as float)", None,
         ("documents", "expect_column_type_to_be", "report_year"), "critical",
         break_tables=_retype("documents", "report_year", pa.float64())),
    Case("missing table", None, ("deputy_activity", "expect_table_to_be_present", None),
         "critical", break_tables=_drop_table("deputy_activity")),
    Case("duplicate record_id", _duplicate("supervision", 0),
         ("supervision", "expect_column_values_to_be_unique", "record_id"), "critical", 2),
    Case("null record_id", _set("elections", 0, record_id=None),
         ("elections", "expect_column_values_to_not_be_null", "record_id"), "critical", 1),
    Case("null required value", _set("deputy_activity", 3, value=None),
         ("deputy_activity", "expect_column_values_to_not_be_null", "value"), "critical", 1),
    # A null metric must not also break the expectation filtered on metric (row_condition).
    Case("null metric", _set("deputy_activity", 4, metric=None),
         ("deputy_activity", "expect_column_values_to_not_be_null", "metric"), "critical", 1),
    Case("duplicate doc_id", _duplicate("documents", 0),
         ("documents", "expect_column_values_to_be_unique", "doc_id"), "critical", 2),
    Case("unknown doc_id", _set("supervision", 0, doc_id="ffffffffffffffff"),
         ("supervision", IN_SET, "doc_id"), "critical", 1),
    Case("text of an unknown document",
         lambda rows: rows["document_text"].append({"doc_id": "ffffffffffffffff", "text": "x"}),
         ("document_text", IN_SET, "doc_id"), "critical", 1),
    Case("enum: supervision method", _set("supervision", 0, method="hearing"),
         ("supervision", IN_SET, "method"), "critical", 1),
    Case("enum: election level", _set("elections", 0, level="village"),
         ("elections", IN_SET, "level"), "critical", 1),
    Case("enum: actor_type", _set("deputy_activity", 3, actor_type="citizens"),
         ("deputy_activity", IN_SET, "actor_type"), "critical", 1),
    Case("enum: period", _set("deputy_activity", 4, period="quarterly"),
         ("deputy_activity", IN_SET, "period"), "critical", 1),
    Case("enum: document format", _set("documents", 0, format="doc"),
         ("documents", IN_SET, "format"), "critical", 1),
    Case("char_start >= char_end", _set("elections", 0, char_end=TEXT.index(S_ELECTION)),
         ("elections", "expect_column_pair_values_a_to_be_greater_than_b",
          "char_end,char_start"), "critical", 1),
    Case("empty evidence", _set("supervision", 0, evidence=""),
         ("supervision", "expect_column_value_lengths_to_be_between", "evidence"), "critical", 1),
    Case("wrong offset", _shift("supervision", 0, 1),
         ("supervision", "expect_evidence_to_match_text_offsets", "evidence"), "critical", 1),
    Case("offset past the end of the text",
         _set("deputy_activity", 3, char_end=len(TEXT) + 5),
         ("deputy_activity", "expect_evidence_to_match_text_offsets", "evidence"), "critical",
         1),
    Case("bad sha256", _set("documents", 0, sha256=(DOC_ID + "0" * 48).upper()),
         ("documents", REGEX, "sha256"), "critical", 1),
    Case("bad doc_id", _all_doc_ids("doc-1"), ("documents", REGEX, "doc_id"), "critical", 1),
    Case("admin_code of five digits", _set("documents", 0, admin_code="12345"),
         ("documents", REGEX, "admin_code"), "critical", 1),
    Case("admin_code in full-width digits", _set("documents", 0, admin_code="１４１１２２"),
         ("documents", REGEX, "admin_code"), "critical", 1),
]

# Row: implausible values -> the rows are quarantined, the release goes on.
ROW_CASES = [
    Case("report_year 1970", _set("documents", 0, report_year=1970),
         ("documents", BETWEEN, "report_year"), "row", quarantined=(DOC_ID,)),
    Case("report_year in the future", _set("documents", 0, report_year=TODAY.year + 1),
         ("documents", BETWEEN, "report_year"), "row", quarantined=(DOC_ID,)),
    Case("published in the future", _set("documents", 0, published_date=dt.date(2030, 1, 1)),
         ("documents", BETWEEN, "published_date"), "row", quarantined=(DOC_ID,)),
    # Participating voters removed so that turnout consistency is not checked as well.
    Case("turnout 101", _set("elections", 0, turnout_pct=101.0, voters_participating=None),
         ("elections", BETWEEN, "turnout_pct"), "row", quarantined=("e000000000000001",)),
    Case("average vote share 100.5", _set("elections", 0, avg_vote_share_pct=100.5),
         ("elections", BETWEEN, "avg_vote_share_pct"), "row",
         quarantined=("e000000000000001",)),
    Case("deputies_elected 0", _set("elections", 0, deputies_elected=0),
         ("elections", BETWEEN, "deputies_elected"), "row", quarantined=("e000000000000001",)),
    # Turnout removed so that its consistency is not checked as well.
    Case("participating > registered",
         _set("elections", 0, voters_participating=210000, turnout_pct=None),
         ("elections", "expect_column_pair_values_a_to_be_greater_than_b",
          "voters_registered,voters_participating"), "row",
         quarantined=("e000000000000001",)),
    Case("turnout inconsistent", _set("elections", 0, turnout_pct=90.0),
         ("elections", "expect_turnout_to_match_voters_ratio", "turnout_pct"), "row",
         quarantined=("e000000000000001",)),
    Case("supervision count 0", _set("supervision", 0, count=0),
         ("supervision", BETWEEN, "count"), "row", quarantined=("s000000000000001",)),
    Case("negative value", _set("deputy_activity", 3, value=-5.0),
         ("deputy_activity", BETWEEN, "value"), "row", quarantined=("d000000000000004",)),
    Case("_pct value 120", _set("deputy_activity", 4, value=120.0),
         ("deputy_activity", BETWEEN, "value"), "row", quarantined=("d000000000000005",),
         row_condition='metric.str.endswith("_pct")'),
    # The rate row removed: with resolved > collected no rate can be consistent.
    Case("resolved > collected",
         _all(_set("deputy_activity", 1, value=130.0), _delete("deputy_activity", 2)),
         ("deputy_activity", "expect_metric_to_not_exceed_metric", "value"), "row",
         quarantined=("d000000000000001", "d000000000000002")),
    Case("resolution rate inconsistent", _set("deputy_activity", 2, value=70.0),
         ("deputy_activity", "expect_rate_to_match_metric_ratio", "value"), "row",
         quarantined=("d000000000000001", "d000000000000002", "d000000000000003")),
]


def _broken(case: Case) -> dict[str, pa.Table]:
    rows = copy.deepcopy(VALID_ROWS)
    if case.break_rows is not None:
        case.break_rows(rows)
    tables = _tables(rows)
    if case.break_tables is not None:
        case.break_tables(tables)
    return tables


@pytest.mark.parametrize("case", CRITICAL_CASES, ids=[c.id for c in CRITICAL_CASES])
def test_critical_failure_blocks(case: Case, valid_outcome: ValidationOutcome) -> None:
    outcome = _validate(_broken(case))
    table, expectation, column = case.expected
    assert _failures(outcome) == [(table, expectation, column, False)]
    [finding] = [f for f in outcome.findings if not f.success]
    assert finding.severity == "critical"
    assert finding.error is None
    assert not outcome.ok
    assert outcome.critical_failures == [finding]
    assert outcome.quarantine is None  # critical failures block; they do not quarantine
    if case.count is not None:
        assert finding.unexpected_count == case.count
        assert len(finding.row_ids) == case.count
    with pytest.raises(CriticalValidationError) as raised:
        raise_for_critical(outcome)
    message = str(raised.value)
    where = f"{table}.{column}" if column else table
    assert where in message and expectation in message
    if case.count is not None:
        assert f"failed on {case.count} row(s)" in message
    else:
        assert "whole table" in message or "could not run" in message or table in message


@pytest.mark.parametrize("case", ROW_CASES, ids=[c.id for c in ROW_CASES])
def test_row_failure_is_quarantined(case: Case, valid_outcome: ValidationOutcome) -> None:
    tables = _broken(case)
    outcome = _validate(tables)
    table, expectation, column = case.expected
    assert _failures(outcome) == [(table, expectation, column, False)]
    [finding] = [f for f in outcome.findings if not f.success]
    assert finding.severity == "row"
    assert finding.row_condition == case.row_condition
    assert sorted(finding.row_ids) == sorted(case.quarantined)
    assert outcome.ok
    raise_for_critical(outcome)  # does not raise

    key = TABLES[table].primary_key[0]
    assert outcome.quarantine is not None
    quarantine = outcome.quarantine.to_pylist()
    own = [q for q in quarantine if q["expectation"] == expectation]
    assert sorted(q["record_id"] for q in own) == sorted(case.quarantined)
    assert all(q["table"] == table and q["column"] == column for q in own)
    published_keys = set(outcome.published[table].column(key).to_pylist())
    assert not published_keys & set(case.quarantined)
    assert outcome.published[table].num_rows == tables[table].num_rows - len(case.quarantined)
    assert outcome.published[table].schema.equals(tables[table].schema)
    if table == "documents":
        # The document's text and facts go with it: every published doc_id has its document.
        cascaded = {q["record_id"] for q in quarantine if q["expectation"] == CASCADE_EXPECTATION}
        assert cascaded == {DOC_ID, *FACT_IDS}
        assert all(outcome.published[t].num_rows == 0 for t in TABLES)
    else:
        for other in TABLES:
            if other != table:
                assert outcome.published[other].equals(tables[other])
        for q in own:
            assert q["evidence"] and q["doc_id"] == DOC_ID


def test_row_ids_fall_back_to_positions_for_null_keys() -> None:
    rows = copy.deepcopy(VALID_ROWS)
    rows["deputy_activity"][3].update(record_id=None)
    outcome = _validate(_tables(rows))
    [finding] = [f for f in outcome.findings if not f.success]
    assert finding.row_ids == ["#3"]


# ---------------------------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------------------------

def test_reports_are_self_contained(tmp_path: Path, valid_outcome: ValidationOutcome) -> None:
    rows = copy.deepcopy(VALID_ROWS)
    rows["documents"][0]["admin_code"] = "<script>alert(1)</script>"
    rows["deputy_activity"][4]["value"] = 120.0
    outcome = _validate(_tables(rows))
    write_reports(outcome, tmp_path / "validation")
    page = (tmp_path / "validation" / "index.html").read_text(encoding="utf-8")
    assert "http" not in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "<script" not in page and "&lt;script&gt;" in page  # values are escaped
    for table in TABLES:
        assert f"<h2 id='{table}'>" in page
    assert "expect_column_values_to_match_regex" in page and "120.0" in page
    results = json.loads((tmp_path / "validation" / "results.json").read_text(encoding="utf-8"))
    assert set(results) == set(TABLES)
    gx = results["deputy_activity"]["great_expectations"]
    assert gx["statistics"]["unsuccessful_expectations"] == 1
    # The foreign-key set stays a parameter reference in the results, not a list of ids.
    fk = [r for r in gx["results"]
          if r["expectation_config"]["kwargs"].get("column") == "doc_id"
          and r["expectation_config"]["type"] == IN_SET]
    assert fk[0]["expectation_config"]["kwargs"]["value_set"] == {"$PARAMETER": "documents_doc_ids"}
    assert render_html(outcome) == page


def test_summary_markdown(valid_outcome: ValidationOutcome) -> None:
    rows = copy.deepcopy(VALID_ROWS)
    rows["deputy_activity"][2]["value"] = 70.0
    outcome = _validate(_tables(rows))
    summary = outcome.summary_markdown()
    lines = summary.splitlines()
    assert lines[0].startswith("| table | expectations run | passed |")
    [row] = [line for line in lines if line.startswith("| deputy_activity |")]
    cells = [c.strip() for c in row.strip("|").split("|")]
    n = len(load_suites(SUITES)["deputy_activity"].specs)
    assert cells == ["deputy_activity", str(n), str(n - 1), "0", "1", "0", "3"]
    assert "expect_rate_to_match_metric_ratio" in summary
