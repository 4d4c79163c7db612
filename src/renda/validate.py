"""Validation of the tables before a release, with Great Expectations 1.x.

The suites are data: one JSON file per table in ``expectations/`` (``documents.json``, …),
reviewed like code and loaded at run time. Each entry carries ``meta.severity``:

- ``critical``: schema, types, keys, foreign keys, vocabularies, offsets. A failure blocks the
  release (:func:`raise_for_critical`); nothing is quarantined.
- ``row``: implausible values (a percentage above 100, more problems resolved than
  collected, …). The failing rows are removed from the published tables and listed in the
  quarantine table.

A suite file has two lists. ``expectations`` is a Great Expectations suite, run on a pandas
DataFrame (``pandas.ArrowDtype`` columns, so nullable ints stay ints) with suite parameters
injected at run time: ``documents_doc_ids`` (the foreign-key set), ``current_year``, ``today``
and ``min_published_date``. ``renda_checks`` are the checks no stock expectation expresses
(offsets into the text, ratios between rows); they run here, beside the suite, and are reported
the same way (a :class:`Finding` each).

Expectations on a column that is missing or has the wrong type are skipped (listed in the
results under ``skipped``): the schema failure already blocks the release, and a cascade of
errors on the same column would hide it.

Importing Great Expectations costs about three seconds, so it is imported only inside
:func:`validate_tables`, with ``GX_ANALYTICS_ENABLED=false`` set first. Nothing reaches the
network: the context is ephemeral and the HTML report is a static page rendered here.
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import pyarrow as pa

from renda.contract import TABLES

SEVERITIES = ("critical", "row")
CHECKS_KEY = "renda_checks"              # the list of checks run beside the GX suite
DOC_IDS_PARAMETER = "documents_doc_ids"  # suite parameter: the foreign-key set
MIN_PUBLISHED_DATE = dt.date(1979, 1, 1)
CASCADE_EXPECTATION = "document_quarantined"  # quarantine reason of rows of a removed document

# Table-level expectations that describe the schema: they run on every present column, and
# their failures decide which columns the other expectations may look at.
_SCHEMA_TYPES = frozenset({"expect_table_columns_to_match_ordered_list",
                           "expect_column_type_to_be"})
_COLUMN_KWARGS = ("column", "column_A", "column_B")  # kwargs that name a column
_INDEX_META = "renda_index"  # position of an entry in its suite, carried through GX's results
_N_SAMPLES = 5               # failing values shown per expectation in reports
_SAMPLE_CHARS = 80           # and at most this many characters of each

QUARANTINE_SCHEMA = pa.schema([
    pa.field("table", pa.string(), nullable=False),
    pa.field("record_id", pa.string()),    # the row's key: record_id, or doc_id for documents
    pa.field("doc_id", pa.string()),
    pa.field("expectation", pa.string(), nullable=False),
    pa.field("column", pa.string()),
    pa.field("value", pa.string()),        # the failing value(s), as text
    pa.field("evidence", pa.string()),
])


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------

@dataclass
class Finding:
    """The outcome of one expectation (or check) on one table."""

    table: str
    expectation: str
    column: str | None          # "A,B" for a column pair; None for table-level expectations
    severity: str               # "critical" or "row"
    success: bool
    unexpected_count: int
    row_ids: list[str]          # record_id (doc_id for documents) of failing rows; "#<n>" if null
    notes: str = ""
    row_condition: str | None = None
    sample_values: list[str] = field(default_factory=list)
    error: str | None = None    # the expectation could not run (always reported as critical)


@dataclass
class ValidationOutcome:
    findings: list[Finding]
    published: dict[str, pa.Table]   # the input tables with quarantined rows removed
    quarantine: pa.Table | None      # one row per failing (row, expectation); None if empty
    results_json: dict[str, Any]     # per table: the GX results, the checks, what was skipped

    @property
    def critical_failures(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "critical" and not f.success]

    @property
    def ok(self) -> bool:
        return not self.critical_failures

    def flatten(self) -> list[tuple[str, str, str | None, bool]]:
        """``(table, expectation, column, success)`` of every finding, for tests."""
        return [(f.table, f.expectation, f.column, f.success) for f in self.findings]

    def quarantined_counts(self) -> dict[str, int]:
        """Distinct rows quarantined per table."""
        if self.quarantine is None:
            return {}
        seen: dict[str, set[tuple[Any, Any]]] = defaultdict(set)
        for row in self.quarantine.select(["table", "record_id", "doc_id"]).to_pylist():
            seen[row["table"]].add((row["record_id"], row["doc_id"]))
        return {table: len(keys) for table, keys in seen.items()}

    def summary_markdown(self) -> str:
        """Expectations run, failed and rows quarantined per table, then every failure."""
        quarantined = self.quarantined_counts()
        lines = ["| table | expectations run | passed | failed (critical) | failed (row) "
                 "| skipped | rows quarantined |",
                 "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for table in _tables_in_order({f.table for f in self.findings}):
            mine = [f for f in self.findings if f.table == table]
            skipped = len(self.results_json.get(table, {}).get("skipped", []))
            lines.append(
                f"| {table} | {len(mine)} | {sum(f.success for f in mine)} "
                f"| {sum(not f.success and f.severity == 'critical' for f in mine)} "
                f"| {sum(not f.success and f.severity == 'row' for f in mine)} "
                f"| {skipped} | {quarantined.get(table, 0)} |")
        failures = [f for f in self.findings if not f.success]
        if failures:
            lines += ["", "Failures:", ""]
            lines += [f"- {_describe(f)}" for f in failures]
        return "\n".join(lines) + "\n"


class CriticalValidationError(RuntimeError):
    """Critical expectations failed: the release must not be published."""

    def __init__(self, failures: Sequence[Finding]) -> None:
        self.failures = list(failures)
        lines = [f"{len(self.failures)} critical validation failure(s); the release is blocked:"]
        lines += [f"- {_describe(f)}" for f in self.failures]
        super().__init__("\n".join(lines))


def raise_for_critical(outcome: ValidationOutcome) -> None:
    """Raise :class:`CriticalValidationError` naming every critical failure, if any."""
    if not outcome.ok:
        raise CriticalValidationError(outcome.critical_failures)


def _describe(f: Finding) -> str:
    where = f"{f.table}.{f.column}" if f.column else f"{f.table} (table)"
    cond = f" where {f.row_condition}" if f.row_condition else ""
    if f.error is not None:
        what = f"could not run: {f.error}"
    elif f.row_ids or f.unexpected_count:
        what = f"failed on {f.unexpected_count} row(s){cond}"
        if f.row_ids:
            what += f" (e.g. {', '.join(list(dict.fromkeys(f.row_ids))[:_N_SAMPLES])})"
        if f.sample_values:
            what += f"; values: {'; '.join(f.sample_values)}"
    else:
        what = "failed for the whole table"
        if f.sample_values:
            what += f" ({'; '.join(f.sample_values)})"
    return f"{where}: {f.expectation} [{f.severity}] {what}"


# ---------------------------------------------------------------------------------------------
# Suites (JSON, no Great Expectations needed to read them)
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ExpectationSpec:
    """One entry of a suite file: a GX expectation (``kind='gx'``) or a check run beside."""

    table: str
    kind: str                      # "gx" or "check"
    index: int                     # position in its list
    type: str                      # GX expectation type, or the check's name
    kwargs: Mapping[str, Any]
    severity: str
    notes: str

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns this entry reads; it is skipped when one is missing or mistyped."""
        named = tuple(self.kwargs[k] for k in _COLUMN_KWARGS if k in self.kwargs)
        if self.kind == "check":
            return named + _CHECKS[self.type].columns(self.kwargs)
        return named

    @property
    def column(self) -> str | None:
        """The column the entry is reported on (``A,B`` for a pair)."""
        if "column" in self.kwargs:
            return str(self.kwargs["column"])
        if "column_A" in self.kwargs:
            return f"{self.kwargs['column_A']},{self.kwargs['column_B']}"
        return None

    @property
    def row_condition(self) -> str | None:
        cond = self.kwargs.get("row_condition")
        return str(cond) if cond is not None else None


@dataclass(frozen=True)
class Suite:
    table: str
    path: Path
    document: Mapping[str, Any]              # the file as read
    expectations: tuple[ExpectationSpec, ...]
    checks: tuple[ExpectationSpec, ...]

    @property
    def specs(self) -> tuple[ExpectationSpec, ...]:
        return self.expectations + self.checks


def load_suites(suites_dir: Path) -> dict[str, Suite]:
    """Read and check ``<suites_dir>/<table>.json`` for every contract table."""
    suites: dict[str, Suite] = {}
    for table in TABLES:
        path = suites_dir / f"{table}.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("name") != table:
            raise ValueError(f"{path}: name must be {table!r}")
        expectations = tuple(_spec(path, table, "gx", i, entry, "type")
                             for i, entry in enumerate(document.get("expectations", [])))
        checks = tuple(_spec(path, table, "check", i, entry, "check")
                       for i, entry in enumerate(document.get(CHECKS_KEY, [])))
        for spec in checks:
            if spec.type not in _CHECKS:
                raise ValueError(f"{path}: unknown check {spec.type!r} "
                                 f"(known: {', '.join(sorted(_CHECKS))})")
        suites[table] = Suite(table, path, document, expectations, checks)
    return suites


def _spec(path: Path, table: str, kind: str, index: int, entry: Mapping[str, Any],
          type_key: str) -> ExpectationSpec:
    meta = entry.get("meta") or {}
    severity, notes = meta.get("severity"), meta.get("notes")
    where = f"{path}: {kind} #{index} ({entry.get(type_key)!r})"
    if severity not in SEVERITIES:
        raise ValueError(f"{where}: meta.severity must be one of {SEVERITIES}, not {severity!r}")
    if not isinstance(notes, str) or not notes.strip():
        raise ValueError(f"{where}: meta.notes must be a non-empty string")
    if not isinstance(entry.get(type_key), str):
        raise ValueError(f"{where}: {type_key!r} must be a string")
    return ExpectationSpec(table, kind, index, entry[type_key], dict(entry.get("kwargs") or {}),
                           severity, notes)


# ---------------------------------------------------------------------------------------------
# Checks beside the suites
# ---------------------------------------------------------------------------------------------

@dataclass
class _Frame:
    """A table's columns as Python lists (only the columns asked for)."""

    table: pa.Table

    def __post_init__(self) -> None:
        self._cache: dict[str, list[Any]] = {}

    @property
    def n_rows(self) -> int:
        return int(self.table.num_rows)

    def col(self, name: str) -> list[Any]:
        if name not in self._cache:
            self._cache[name] = self.table.column(name).to_pylist()
        return self._cache[name]


@dataclass(frozen=True)
class _CrossTable:
    """What the checks need from other tables."""

    doc_ids: frozenset[str]          # documents.doc_id
    texts: Mapping[str, str]         # document_text, by doc_id


@dataclass
class _Raw:
    """An expectation's result before it becomes a Finding."""

    success: bool
    positions: list[int] = field(default_factory=list)  # failing rows, positions in the table
    unexpected_count: int = 0
    samples: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class _Check:
    run: Callable[[Mapping[str, Any], _Frame, _CrossTable], _Raw]
    columns: Callable[[Mapping[str, Any]], tuple[str, ...]]


def _failed(pairs: Iterable[tuple[Sequence[int], str]]) -> _Raw:
    """A check result from (positions of the rows involved, a sample text) per failure; the
    unexpected count is the number of rows involved, as for an expectation."""
    positions: set[int] = set()
    samples: list[str] = []
    for rows, sample in pairs:
        positions.update(rows)
        samples.append(sample)
    return _Raw(success=not samples, positions=sorted(positions),
                unexpected_count=len(positions), samples=samples[:_N_SAMPLES])


def _check_offsets(kwargs: Mapping[str, Any], frame: _Frame, cross: _CrossTable) -> _Raw:
    """``text[char_start:char_end] == evidence``. Rows whose doc_id is unknown, or whose
    offsets or evidence are null, empty or reversed, fail their own expectations and are not
    checked here."""
    def failures() -> Iterable[tuple[Sequence[int], str]]:
        docs, evid = frame.col("doc_id"), frame.col("evidence")
        starts, ends = frame.col("char_start"), frame.col("char_end")
        for i, (doc, ev, s, e) in enumerate(zip(docs, evid, starts, ends)):
            if doc is None or doc not in cross.doc_ids or not ev or s is None or e is None \
                    or s >= e:
                continue
            text = cross.texts.get(doc)
            if text is None:
                yield [i], f"no document_text for {doc}"
            elif s < 0 or e > len(text) or text[s:e] != ev:
                yield [i], f"text[{s}:{e}] = {_clip(text[max(s, 0):max(e, 0)])!r}"
    return _failed(failures())


def _check_turnout(kwargs: Mapping[str, Any], frame: _Frame, cross: _CrossTable) -> _Raw:
    """turnout == 100 * participating / registered within the tolerance, where all three are
    given, registered > 0 and the row is not approximate."""
    def failures() -> Iterable[tuple[Sequence[int], str]]:
        tolerance = float(kwargs["tolerance"])
        rows = zip(frame.col(kwargs["column"]), frame.col(kwargs["participating"]),
                   frame.col(kwargs["registered"]), frame.col("approximate"))
        for i, (turnout, part, reg, approx) in enumerate(rows):
            if turnout is None or part is None or not reg or approx:
                continue
            computed = 100.0 * part / reg
            if abs(turnout - computed) > tolerance:
                yield [i], f"{turnout} vs 100*{part}/{reg} = {computed:.2f}"
    return _failed(failures())


def _metric_groups(frame: _Frame, group_by: Sequence[str],
                   metrics: Sequence[str]) -> Iterable[dict[str, int]]:
    """Per group of rows (same values of ``group_by``), the position of each metric's row,
    for groups where every one of ``metrics`` appears exactly once (else the pairing is
    ambiguous and the group is not checked)."""
    keys = list(zip(*(frame.col(c) for c in group_by)))
    found: dict[tuple[Any, ...], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, metric in enumerate(frame.col("metric")):
        if metric in metrics:
            found[keys[i]][metric].append(i)
    for by_metric in found.values():
        if all(len(by_metric.get(m, [])) == 1 for m in metrics):
            yield {m: by_metric[m][0] for m in metrics}


def _check_not_exceed(kwargs: Mapping[str, Any], frame: _Frame, cross: _CrossTable) -> _Raw:
    """value(metric) <= value(bound_metric) within a group; both rows fail together."""
    def failures() -> Iterable[tuple[Sequence[int], str]]:
        metric, bound = kwargs["metric"], kwargs["bound_metric"]
        values = frame.col(kwargs["column"])
        for rows in _metric_groups(frame, kwargs["group_by"], (metric, bound)):
            a, b = values[rows[metric]], values[rows[bound]]
            if a is not None and b is not None and a > b:
                yield [rows[metric], rows[bound]], f"{metric} {a} > {bound} {b}"
    return _failed(failures())


def _check_rate(kwargs: Mapping[str, Any], frame: _Frame, cross: _CrossTable) -> _Raw:
    """rate == 100 * numerator / denominator within the tolerance, when the three rows are
    unambiguous in their group, the denominator is positive and no figure is approximate;
    the three rows fail together."""
    def failures() -> Iterable[tuple[Sequence[int], str]]:
        rate_m, num_m, den_m = (kwargs["rate_metric"], kwargs["numerator_metric"],
                                kwargs["denominator_metric"])
        tolerance = float(kwargs["tolerance"])
        values, approx = frame.col(kwargs["column"]), frame.col("approximate")
        for rows in _metric_groups(frame, kwargs["group_by"], (rate_m, num_m, den_m)):
            involved = [rows[rate_m], rows[num_m], rows[den_m]]
            rate, num, den = (values[i] for i in involved)
            if rate is None or num is None or not den or any(approx[i] for i in involved):
                continue
            computed = 100.0 * num / den
            if abs(rate - computed) > tolerance:
                yield involved, f"{rate_m} {rate} vs 100*{num}/{den} = {computed:.2f}"
    return _failed(failures())


# Checks by name, with the columns each reads (beyond ``column``): a check is skipped when one
# of them is missing or mistyped, like an expectation.
_CHECKS: dict[str, _Check] = {
    "expect_evidence_to_match_text_offsets": _Check(
        _check_offsets, lambda kw: ("doc_id", "evidence", "char_start", "char_end")),
    "expect_turnout_to_match_voters_ratio": _Check(
        _check_turnout, lambda kw: (kw["participating"], kw["registered"], "approximate")),
    "expect_metric_to_not_exceed_metric": _Check(
        _check_not_exceed, lambda kw: ("metric", *kw["group_by"])),
    "expect_rate_to_match_metric_ratio": _Check(
        _check_rate, lambda kw: ("metric", "approximate", *kw["group_by"])),
}


# ---------------------------------------------------------------------------------------------
# Great Expectations
# ---------------------------------------------------------------------------------------------

def _import_gx() -> Any:
    """Great Expectations, imported on first use (~3 s), without analytics."""
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    import great_expectations as gx

    return gx


class _GxRunner:
    """One ephemeral context, one pandas data source, one asset per table."""

    def __init__(self) -> None:
        gx = _import_gx()
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self._context: Any = gx.get_context(mode="ephemeral")
        self._context.variables.progress_bars = ProgressBarsConfig(
            globally=False, metric_calculations=False)
        self._source: Any = self._context.data_sources.add_pandas("renda")

    def run(self, table: str, data: pa.Table, suite: Suite, specs: Sequence[ExpectationSpec],
            parameters: Mapping[str, Any]) -> tuple[dict[int, _Raw], dict[str, Any]]:
        """Results by spec index, and GX's results as JSON."""
        import pandas as pd
        from great_expectations.core import ExpectationSuite

        if not specs:
            return {}, {}
        configs = []
        for spec in specs:
            entry = copy.deepcopy(dict(suite.document["expectations"][spec.index]))
            entry["meta"] = {**entry.get("meta", {}), _INDEX_META: spec.index}
            # GX's own severity field, in its vocabulary (shown in its results).
            entry["severity"] = "critical" if spec.severity == "critical" else "warning"
            configs.append(entry)
        gx_suite = ExpectationSuite(name=table, expectations=configs,
                                    meta=dict(suite.document.get("meta", {})))
        if len(gx_suite.expectations) != len(configs):  # GX logs and drops invalid entries
            kept = {(e.meta or {}).get(_INDEX_META) for e in gx_suite.expectations}
            bad = [s.type for s in specs if s.index not in kept]
            raise ValueError(f"{suite.path}: Great Expectations rejected {bad}")
        frame = data.to_pandas(types_mapper=pd.ArrowDtype)
        asset = self._source.add_dataframe_asset(table)
        batch = asset.add_batch_definition_whole_dataframe("whole").get_batch(
            batch_parameters={"dataframe": frame})
        result = batch.validate(gx_suite, result_format={"result_format": "COMPLETE"},
                                expectation_parameters=dict(parameters))
        payload: dict[str, Any] = result.to_json_dict()
        raws: dict[int, _Raw] = {}
        for item in payload["results"]:
            config = item["expectation_config"]
            index = int(config["meta"].pop(_INDEX_META))
            # Keep "$PARAMETER" references, not the injected values (the doc_id list).
            for key, value in suite.document["expectations"][index].get("kwargs", {}).items():
                if isinstance(value, dict) and "$PARAMETER" in value:
                    config["kwargs"][key] = value
            raws[index] = _raw_from_gx(item)
            if config["type"] == "expect_table_columns_to_match_ordered_list" \
                    and not raws[index].success and raws[index].error is None:
                raws[index].samples = _column_differences(config["kwargs"]["column_list"],
                                                          list(data.column_names))
        payload.get("meta", {}).get("batch_markers", {}).pop("ge_load_time", None)
        return raws, payload


def _column_differences(expected: Sequence[str], actual: Sequence[str]) -> list[str]:
    missing = [c for c in expected if c not in actual]
    extra = [c for c in actual if c not in expected]
    notes = []
    if missing:
        notes.append(f"missing: {', '.join(missing)}")
    if extra:
        notes.append(f"unexpected: {', '.join(extra)}")
    if not notes:
        notes.append(f"order: {', '.join(actual)}")
    return notes


def _raw_from_gx(item: Mapping[str, Any]) -> _Raw:
    info = item.get("exception_info") or {}
    if info.get("raised_exception"):
        return _Raw(success=False, error=str(info.get("exception_message")))
    result = item.get("result") or {}
    success = bool(item["success"])
    if "unexpected_index_list" in result:
        values = result.get("unexpected_list") or []
        return _Raw(success=success,
                    positions=[int(i) for i in result["unexpected_index_list"]],
                    unexpected_count=int(result.get("unexpected_count") or 0),
                    samples=[_clip(json.dumps(v, ensure_ascii=False, default=str))
                             for v in values[:_N_SAMPLES]])
    if success:
        return _Raw(success=True)
    observed = json.dumps(result.get("observed_value"), ensure_ascii=False, default=str)
    return _Raw(success=False, samples=[f"observed: {_clip(observed, 400)}"])


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------

def validate_tables(tables: dict[str, pa.Table], suites_dir: Path, *,
                    today: dt.date) -> ValidationOutcome:
    """Run every suite (and the checks beside it) on its table.

    ``today`` bounds report_year (its year) and published_date. Rows failing a row-severity
    expectation are removed from ``published`` and listed in ``quarantine``; a documents row
    removed takes its text and facts with it (reason ``document_quarantined``), so that every
    published doc_id has its document.
    """
    unknown = set(tables) - set(TABLES)
    if unknown:
        raise ValueError(f"unknown tables {sorted(unknown)} (known: {', '.join(TABLES)})")
    suites = load_suites(suites_dir)
    cross = _cross_table(tables)
    parameters: dict[str, Any] = {
        DOC_IDS_PARAMETER: sorted(cross.doc_ids),
        "current_year": today.year,
        "today": today,
        "min_published_date": MIN_PUBLISHED_DATE,
    }
    shown_parameters = {**parameters, DOC_IDS_PARAMETER: f"{len(cross.doc_ids)} doc_id values "
                        "from documents", "today": today.isoformat(),
                        "min_published_date": MIN_PUBLISHED_DATE.isoformat()}
    runner = _GxRunner()
    findings: list[Finding] = []
    failing: dict[str, list[tuple[Finding, list[int]]]] = defaultdict(list)  # row severity
    results: dict[str, Any] = {}
    for name in TABLES:
        suite = suites[name]
        if name not in tables:
            findings.append(Finding(name, "expect_table_to_be_present", None, "critical", False,
                                    0, [], notes="Every contract table is validated and "
                                    "published."))
            results[name] = {"suite": suite.path.name, "present": False}
            continue
        data = tables[name]
        missing, mistyped = _unusable_columns(data, suite)
        run: list[ExpectationSpec] = []
        skipped: list[dict[str, Any]] = []
        for spec in suite.specs:
            # A type expectation reports its own column's type; anything else needs its
            # columns present and of the right type.
            blocked = missing if spec.type in _SCHEMA_TYPES else missing | mistyped
            bad = sorted(set(spec.columns) & blocked)
            if bad:
                skipped.append({"expectation": spec.type, "column": spec.column,
                                "reason": f"column {', '.join(bad)} missing or of the wrong "
                                          "type"})
            else:
                run.append(spec)
        gx_specs = [s for s in run if s.kind == "gx"]
        raws, gx_payload = runner.run(name, data, suite, gx_specs, parameters)
        frame = _Frame(data)
        checks_json = []
        for spec in run:
            if spec.kind == "check":
                raw = _CHECKS[spec.type].run(spec.kwargs, frame, cross)
            else:
                raw = raws[spec.index]
            finding = _finding(name, spec, raw, frame)
            findings.append(finding)
            if spec.severity == "row" and not finding.success and finding.error is None:
                failing[name].append((finding, raw.positions))
            if spec.kind == "check":
                checks_json.append(_finding_json(finding))
        results[name] = {
            "suite": suite.path.name,
            "present": True,
            "rows": data.num_rows,
            "success": all(f.success for f in findings if f.table == name),
            "suite_parameters": shown_parameters,
            "great_expectations": gx_payload,
            "checks": checks_json,
            "skipped": skipped,
        }
    published, quarantine = _quarantine(tables, failing)
    return ValidationOutcome(findings, published, quarantine, _jsonable(results))


def _cross_table(tables: Mapping[str, pa.Table]) -> _CrossTable:
    doc_ids: frozenset[str] = frozenset()
    texts: dict[str, str] = {}
    documents = tables.get("documents")
    if documents is not None and "doc_id" in documents.column_names:
        doc_ids = frozenset(str(d) for d in documents.column("doc_id").to_pylist()
                            if d is not None)
    doc_text = tables.get("document_text")
    if doc_text is not None and {"doc_id", "text"} <= set(doc_text.column_names):
        for doc, text in zip(doc_text.column("doc_id").to_pylist(),
                             doc_text.column("text").to_pylist()):
            if isinstance(doc, str) and isinstance(text, str):
                texts.setdefault(doc, text)
    return _CrossTable(doc_ids, texts)


def _unusable_columns(data: pa.Table, suite: Suite) -> tuple[set[str], set[str]]:
    """Columns the suite names that are missing, and those whose type is not the suite's
    (the comparison ``expect_column_type_to_be`` makes for pandas)."""
    import pandas as pd

    present = set(data.column_names)
    missing = {c for s in suite.specs for c in s.columns} - present
    mistyped = set()
    for spec in suite.expectations:
        column = spec.kwargs.get("column")
        if spec.type == "expect_column_type_to_be" and column in present:
            if pd.ArrowDtype(data.schema.field(column).type) != spec.kwargs["type_"]:
                mistyped.add(str(column))
    return missing, mistyped


def _finding(table: str, spec: ExpectationSpec, raw: _Raw, frame: _Frame) -> Finding:
    key = TABLES[table].primary_key[0]
    keys = frame.col(key) if key in frame.table.column_names else [None] * frame.n_rows
    row_ids = [str(keys[p]) if keys[p] is not None else f"#{p}" for p in raw.positions]
    severity = "critical" if raw.error is not None else spec.severity
    return Finding(table, spec.type, spec.column, severity, raw.success, raw.unexpected_count,
                   row_ids, notes=spec.notes, row_condition=spec.row_condition,
                   sample_values=raw.samples, error=raw.error)


def _finding_json(f: Finding) -> dict[str, Any]:
    return {"expectation": f.expectation, "column": f.column, "severity": f.severity,
            "success": f.success, "unexpected_count": f.unexpected_count,
            "row_ids": f.row_ids, "sample_values": f.sample_values, "notes": f.notes}


def _quarantine(tables: Mapping[str, pa.Table],
                failing: Mapping[str, list[tuple[Finding, list[int]]]],
                ) -> tuple[dict[str, pa.Table], pa.Table | None]:
    rows: list[dict[str, Any]] = []
    drop: dict[str, set[int]] = defaultdict(set)
    for name in TABLES:
        if name not in tables:
            continue
        frame = _Frame(tables[name])
        for finding, positions in failing.get(name, []):
            for p in positions:
                drop[name].add(p)
                rows.append(_quarantine_row(name, frame, p, finding.expectation, finding.column,
                                            _cell(frame, finding.column, p)))
    # A removed document takes its text and facts with it (foreign keys must hold).
    dropped_docs: dict[str, list[str]] = defaultdict(list)
    if "documents" in tables and "doc_id" in tables["documents"].column_names:
        ids = tables["documents"].column("doc_id").to_pylist()
        for finding, positions in failing.get("documents", []):
            for p in positions:
                if ids[p] is not None and finding.expectation not in dropped_docs[ids[p]]:
                    dropped_docs[ids[p]].append(finding.expectation)
    for name in TABLES:
        if name == "documents" or name not in tables or not dropped_docs \
                or "doc_id" not in tables[name].column_names:
            continue
        frame = _Frame(tables[name])
        for p, doc in enumerate(frame.col("doc_id")):
            if doc in dropped_docs:
                drop[name].add(p)
                rows.append(_quarantine_row(name, frame, p, CASCADE_EXPECTATION, "doc_id",
                                            ", ".join(dropped_docs[doc])))
    published = {}
    for name, data in tables.items():
        if drop.get(name):
            keep = [i for i in range(data.num_rows) if i not in drop[name]]
            published[name] = data.take(pa.array(keep, pa.int64()))
        else:
            published[name] = data
    quarantine = pa.Table.from_pylist(rows, schema=QUARANTINE_SCHEMA) if rows else None
    return published, quarantine


def _quarantine_row(table: str, frame: _Frame, position: int, expectation: str,
                    column: str | None, value: str | None) -> dict[str, Any]:
    names = frame.table.column_names
    key = TABLES[table].primary_key[0]

    def get(col: str) -> Any:
        return frame.col(col)[position] if col in names else None

    return {"table": table, "record_id": get(key), "doc_id": get("doc_id"),
            "expectation": expectation, "column": column, "value": value,
            "evidence": get("evidence")}


def _cell(frame: _Frame, column: str | None, position: int) -> str | None:
    """The failing value(s) of a row as text; ``a=1, b=2`` for a pair of columns."""
    if column is None:
        return None
    names = [c for c in column.split(",") if c in frame.table.column_names]
    values = [frame.col(c)[position] for c in names]
    if len(values) == 1:
        return None if values[0] is None else str(values[0])
    return ", ".join(f"{c}={v}" for c, v in zip(names, values))


def _jsonable(value: Any) -> Any:
    """A copy that ``json.dumps`` accepts (dates and other scalars as text)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def _clip(text: str, limit: int = _SAMPLE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tables_in_order(names: Iterable[str]) -> list[str]:
    names = set(names)
    return [t for t in TABLES if t in names] + sorted(names - set(TABLES))


# ---------------------------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left;
         vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; }
tr.fail.critical td { background: #fde2e1; }
tr.fail.row td { background: #fff4d6; }
.status { font-weight: bold; }
.ok { color: #1a7f37; } .bad { color: #b42318; }
code { font-size: 0.85rem; }
"""


def write_reports(outcome: ValidationOutcome, out_dir: Path) -> None:
    """Write ``results.json`` (the results as JSON) and ``index.html`` (a static page: inline
    CSS, no scripts, no external links) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(
        json.dumps(outcome.results_json, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8")
    (out_dir / "index.html").write_text(render_html(outcome), encoding="utf-8")


def render_html(outcome: ValidationOutcome) -> str:
    e = html.escape
    quarantined = outcome.quarantined_counts()
    verdict = ("<span class='status ok'>passed: the release may be published</span>"
               if outcome.ok else
               f"<span class='status bad'>{len(outcome.critical_failures)} critical "
               "failure(s): the release is blocked</span>")
    parts = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
             "<title>renda validation report</title>", f"<style>{_CSS}</style></head><body>",
             "<h1>renda validation report</h1>", f"<p>{verdict}</p>",
             "<pre>" + e(outcome.summary_markdown().split("\n\nFailures:")[0]) + "</pre>"]
    for table in _tables_in_order({f.table for f in outcome.findings}):
        mine = [f for f in outcome.findings if f.table == table]
        failed = [f for f in mine if not f.success]
        info = outcome.results_json.get(table, {})
        parts.append(f"<h2 id='{e(table)}'>{e(table)}</h2>")
        parts.append(f"<p>{len(mine)} expectation(s) run, {len(mine) - len(failed)} passed, "
                     f"{len(failed)} failed; {e(str(info.get('rows', 0)))} row(s); "
                     f"{quarantined.get(table, 0)} row(s) quarantined; suite "
                     f"<code>{e(str(info.get('suite', '')))}</code>.</p>")
        parts.append("<table><tr><th>status</th><th>severity</th><th>expectation</th>"
                     "<th>column</th><th>unexpected</th><th>sample failing values / rows</th>"
                     "<th>notes</th></tr>")
        for f in sorted(mine, key=lambda f: f.success):  # failures first, suite order kept
            status = "passed" if f.success else ("error" if f.error else "failed")
            cls = "pass" if f.success else f"fail {f.severity}"
            samples = list(f.sample_values)
            if f.error:
                samples.insert(0, f.error)
            if f.row_ids and not f.success:
                samples.append("rows: " + ", ".join(f.row_ids[:_N_SAMPLES]))
            column = f.column or ""
            if f.row_condition:
                column += f" where {f.row_condition}"
            parts.append(
                f"<tr class='{cls}'><td>{e(status)}</td><td>{e(f.severity)}</td>"
                f"<td><code>{e(f.expectation)}</code></td><td>{e(column)}</td>"
                f"<td class='num'>{f.unexpected_count}</td>"
                f"<td>{'<br>'.join(e(s) for s in samples)}</td><td>{e(f.notes)}</td></tr>")
        parts.append("</table>")
        skipped = info.get("skipped") or []
        if skipped:
            parts.append("<p>Skipped (their column is missing or of the wrong type):</p><ul>")
            parts += [f"<li><code>{e(str(s['expectation']))}</code> on "
                      f"{e(str(s['column']))}: {e(str(s['reason']))}</li>" for s in skipped]
            parts.append("</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# Validating a release in chunks
# ---------------------------------------------------------------------------------------------

MAX_ROW_IDS = 1000  # row ids kept per merged finding (the count is always exact)


def merge_outcomes(outcomes: Sequence[ValidationOutcome],
                   extra: Sequence[Finding] = ()) -> ValidationOutcome:
    """One outcome for a release validated chunk by chunk (a chunk holds whole documents).

    Findings of the same expectation are merged: success only if every chunk succeeded,
    counts added, row ids and sample values concatenated (capped). ``extra`` adds findings of
    checks that span chunks (keys unique across the release). ``published`` is empty: the
    caller wrote each chunk's published rows as it went.
    """
    merged: dict[tuple[Any, ...], Finding] = {}
    order: list[tuple[Any, ...]] = []
    for outcome in outcomes:
        for f in outcome.findings:
            key = (f.table, f.expectation, f.column, f.row_condition, f.severity)
            if key not in merged:
                merged[key] = copy.deepcopy(f)
                order.append(key)
                continue
            m = merged[key]
            m.success = m.success and f.success
            m.unexpected_count += f.unexpected_count
            m.row_ids = (m.row_ids + f.row_ids)[:MAX_ROW_IDS]
            m.sample_values = (m.sample_values + f.sample_values)[:20]
            m.error = m.error or f.error
    findings = [merged[k] for k in order] + list(extra)
    quarantines = [o.quarantine for o in outcomes if o.quarantine is not None]
    quarantine = pa.concat_tables(quarantines) if quarantines else None
    results: dict[str, Any] = {}
    for outcome in outcomes:
        for table, info in outcome.results_json.items():
            if table not in results:
                results[table] = {**info, "chunks": []}
                results[table]["rows"] = 0
            entry = results[table]
            entry["rows"] = entry.get("rows", 0) + info.get("rows", 0)
            entry["success"] = entry.get("success", True) and info.get("success", True)
            entry["chunks"].append({"rows": info.get("rows", 0), "success": info.get("success"),
                                    "great_expectations": info.get("great_expectations"),
                                    "checks": info.get("checks")})
            entry.pop("great_expectations", None)
            entry.pop("checks", None)
    for f in extra:
        entry = results.setdefault(f.table, {"chunks": []})
        entry.setdefault("release_checks", []).append(_finding_json(f))
        entry["success"] = entry.get("success", True) and f.success
    return ValidationOutcome(findings, {}, quarantine, _jsonable(results))


def unique_across_chunks(table: str, column: str, values: pa.ChunkedArray | pa.Array) -> Finding:
    """A critical finding: ``column`` of ``table`` has no value twice in the whole release
    (each chunk checked its own rows; this catches a key repeated in two chunks)."""
    import pyarrow.compute as pc

    counts = pc.value_counts(values)
    repeated = [v.as_py() for v, n in zip(counts.field("values"), counts.field("counts"))
                if n.as_py() > 1]
    return Finding(table, "expect_column_values_to_be_unique_across_release", column, "critical",
                   not repeated, len(repeated), [str(r) for r in repeated[:MAX_ROW_IDS]],
                   notes="Primary keys are unique over the whole release, not only per chunk.")
