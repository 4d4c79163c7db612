"""Accuracy of a release's fact tables against hand-annotated gold files.

The gold directory (``tests/gold``) holds one CSV per fact table (``elections.csv``,
``supervision.csv``, ``deputy_activity.csv``) and ``covered.txt``:

* Each CSV starts with ``source_file`` (the document's path relative to the raw root, as in
  ``documents.source_file``), followed by contract columns of that table. A non-empty cell
  is a claim the predicted row must satisfy; an empty cell is not judged. Two extra columns
  are allowed: ``optional`` (``true`` for a reading that is defensible but not required:
  matching it neither helps nor hurts) and ``note`` (a comment for people, ignored).
* ``covered.txt`` lists every annotated document, one per line (``#`` starts a comment).
  Only predicted rows of covered documents are scored: a covered document with no gold rows
  in a table means that the correct answer there is zero rows.

A predicted row matches a gold row of the same table and document when every non-empty gold
cell agrees (see :func:`cell_agrees`). Matching is one-to-one and greedy over the gold rows
in file order, in two passes: first exact agreements, then tolerant ones, so that a tolerant
match never takes a predicted row another gold row matches exactly.

``python -m renda.evaluate RELEASE_DIR [--gold tests/gold] [--min-f1 0.95]`` prints the
report; RELEASE_DIR is a release (``curated/releases/<version>``) or a curated root whose
``LATEST`` names one.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import pyarrow.parquet as pq

from renda.contract import FACT_TABLES, TABLES, Column, Table
from renda.layout import CuratedLayout

# --- matching tolerances -------------------------------------------------------------------

REL_TOL = 1e-6          # numbers: relative tolerance
PCT_ABS_TOL = 0.05      # percentages (0-100): absolute tolerance, in points
# Free-text columns where the gold string may be a core part of a longer prediction.
CONTAINMENT_COLUMNS = frozenset({"topic", "detail", "actor"})
# Percent columns of the elections table; in deputy_activity, ``value`` is a percentage when
# the metric ends in ``_pct`` or the unit is ``%``.
PERCENT_COLUMNS = frozenset({"turnout_pct", "avg_vote_share_pct"})

# Columns of a gold CSV that are not contract columns.
GOLD_META_COLUMNS = ("source_file", "optional", "note")
# Contract columns that a gold file never states: they are bookkeeping, not facts.
UNANNOTATED_COLUMNS = frozenset(
    {"record_id", "doc_id", "evidence", "char_start", "char_end", "extractor"}
)

_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no"})

# Removed before strings are compared: whitespace and quotation marks of every kind
# (book-title marks 《》〈〉, curly and straight quotes, corner brackets).
_RE_STRIP = re.compile(r"[\s《》〈〉“”\"‘’'「」『』]")


class GoldError(ValueError):
    """A gold file is malformed; the message names the file and line."""


# --- data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldRow:
    table: str
    source_file: str
    values: dict[str, str]      # non-empty annotated cells, keyed by contract column
    optional: bool = False
    line: int = 0               # line number in the CSV (header is line 1)
    note: str = ""

    def describe(self) -> str:
        return " ".join(f"{k}={v}" for k, v in self.values.items())


@dataclass(frozen=True)
class Gold:
    rows: dict[str, list[GoldRow]]   # table -> rows in file order
    covered: list[str]               # covered source files, in file order


@dataclass(frozen=True)
class PredictedRow:
    table: str
    source_file: str
    values: dict[str, Any]           # the full row as published

    @property
    def evidence(self) -> str:
        return str(self.values.get("evidence") or "")

    def describe(self) -> str:
        return " ".join(
            f"{k}={v}" for k, v in self.values.items()
            if v is not None and k not in UNANNOTATED_COLUMNS
        )


@dataclass(frozen=True)
class OffsetViolation:
    table: str
    record_id: str
    doc_id: str
    char_start: Any
    char_end: Any
    evidence: str
    found: str | None                # the slice of the text, None when the text is missing


@dataclass
class TableScore:
    table: str
    gold: int = 0                    # required gold rows
    predicted: int = 0               # predicted rows of covered documents, less optional matches
    tp: int = 0
    misses: list[GoldRow] = field(default_factory=list)
    extras: list[PredictedRow] = field(default_factory=list)
    # For each miss (same order), the cells on which the closest predicted row of the same
    # document disagrees, e.g. "turnout_pct=86.0 (gold 85.5)"; "" when there is none.
    hints: list[str] = field(default_factory=list)
    uncovered_predictions: int = 0   # rows of documents outside the gold coverage (not scored)

    @property
    def precision(self) -> float:
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.tp / self.predicted

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    release_dir: Path
    gold_dir: Path
    tables: dict[str, TableScore]
    missing_documents: list[str] = field(default_factory=list)  # covered, not in the release
    offset_violations: list[OffsetViolation] = field(default_factory=list)

    def below(self, min_f1: float) -> list[str]:
        """Tables whose F1 is below ``min_f1``."""
        return [name for name, s in self.tables.items() if s.f1 < min_f1]


# --- cell comparison -----------------------------------------------------------------------


def normalize_string(s: str) -> str:
    """NFKC (full-width punctuation and digits to their ASCII forms), then whitespace and
    quotation marks removed: ``“关于…的建议”；《…》`` and ``关于…的建议;…`` compare equal."""
    return _RE_STRIP.sub("", unicodedata.normalize("NFKC", s))


def _parse_bool(s: str) -> bool | None:
    low = s.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    return None


def _is_percent(table: str, column: str, gold: GoldRow | None, pred: dict[str, Any]) -> bool:
    if column in PERCENT_COLUMNS:
        return True
    if table == "deputy_activity" and column == "value":
        metric = (gold.values.get("metric") if gold else None) or pred.get("metric") or ""
        unit = (gold.values.get("unit") if gold else None) or pred.get("unit") or ""
        return str(metric).endswith("_pct") or str(unit).strip() in ("%", "％")
    return False


def cell_agrees(column: Column, gold: str, pred: Any, *, percent: bool = False) -> tuple[bool, bool]:
    """(agrees, exactly): does the predicted cell satisfy the gold cell?

    Numbers agree within :data:`REL_TOL` relative, percentages within :data:`PCT_ABS_TOL`
    points; booleans must be equal; strings are equal after :func:`normalize_string`, or, for
    :data:`CONTAINMENT_COLUMNS`, one string contains the other and the longer is at most
    twice as long as the shorter plus four characters (a tolerant match). An enum gold cell
    may list alternatives separated by ``|``.
    """
    if pred is None:
        return False, False
    if column.type in ("int", "float"):
        try:
            g, p = float(gold), float(pred)
        except (TypeError, ValueError):
            return False, False
        if percent:
            return abs(g - p) <= PCT_ABS_TOL + 1e-9, g == p
        ok = g == p or abs(g - p) <= REL_TOL * max(abs(g), abs(p))
        return ok, g == p
    if column.type == "bool":
        want = _parse_bool(gold)
        return (want is not None and bool(pred) == want), (want is not None and bool(pred) == want)
    if column.enum and "|" in gold:
        # Alternatives an annotator accepts alike: "work_report_review|inspection_research".
        return str(pred) in gold.split("|"), False
    g_s, p_s = normalize_string(gold), normalize_string(str(pred))
    if g_s == p_s:
        return True, True
    if column.name in CONTAINMENT_COLUMNS and g_s and p_s:
        # Trimming differs between careful readers (规范性文件 / 规范性文件备案审查): one must
        # contain the other, and the longer be at most twice the shorter plus four.
        short, long = sorted((g_s, p_s), key=len)
        if short in long and len(long) <= 2 * len(short) + 4:
            return True, False
    return False, False


def row_agrees(table: Table, gold: GoldRow, pred: dict[str, Any]) -> tuple[bool, bool]:
    """(agrees, exactly) over every annotated cell of the gold row."""
    exact = True
    for name, want in gold.values.items():
        ok, ex = cell_agrees(table.column(name), want, pred.get(name),
                             percent=_is_percent(table.name, name, gold, pred))
        if not ok:
            return False, False
        exact = exact and ex
    return True, exact


# --- loading -------------------------------------------------------------------------------


def read_covered(text: str) -> list[str]:
    """Covered source files from the text of ``covered.txt`` (``#`` comments, blank lines)."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line and line not in out:
            out.append(line)
    return out


def _check_cell(table: Table, column: Column, value: str, where: str) -> None:
    if column.enum is not None and any(v not in column.enum for v in value.split("|")):
        raise GoldError(f"{where}: {column.name}={value!r} is not one of {column.enum}")
    if column.type in ("int", "float"):
        try:
            number = float(value)
        except ValueError:
            raise GoldError(f"{where}: {column.name}={value!r} is not a number") from None
        if column.type == "int" and number != int(number):
            raise GoldError(f"{where}: {column.name}={value!r} is not an integer")
    if column.type == "bool" and _parse_bool(value) is None:
        raise GoldError(f"{where}: {column.name}={value!r} is not true/false")


def parse_gold_csv(table: Table, text: str, name: str, covered: Sequence[str]) -> list[GoldRow]:
    """Gold rows of one table from the CSV text; raise :class:`GoldError` on any problem."""
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    if not header or header[0] != "source_file":
        raise GoldError(f"{name}: the first column must be source_file")
    allowed = set(table.column_names) - UNANNOTATED_COLUMNS
    unknown = [c for c in header if c not in allowed and c not in GOLD_META_COLUMNS]
    if unknown:
        raise GoldError(f"{name}: unknown columns {unknown} for table {table.name}")
    covered_set = set(covered)
    rows: list[GoldRow] = []
    for row in reader:
        line = reader.line_num
        where = f"{name}:{line}"
        source = (row.get("source_file") or "").strip()
        if not source:
            raise GoldError(f"{where}: empty source_file")
        if source not in covered_set:
            raise GoldError(f"{where}: {source} is not listed in covered.txt")
        values: dict[str, str] = {}
        for col in header:
            if col in GOLD_META_COLUMNS:
                continue
            value = (row.get(col) or "").strip()
            if value:
                _check_cell(table, table.column(col), value, where)
                values[col] = value
        optional = _parse_bool(row.get("optional") or "") is True
        rows.append(GoldRow(table.name, source, values, optional, line,
                            (row.get("note") or "").strip()))
    return rows


def load_gold(gold_dir: Path) -> Gold:
    """Read ``covered.txt`` and the gold CSVs (a table without a CSV has no gold rows)."""
    covered_path = gold_dir / "covered.txt"
    if not covered_path.is_file():
        raise GoldError(f"{covered_path}: missing (it lists the annotated documents)")
    covered = read_covered(covered_path.read_text(encoding="utf-8"))
    rows: dict[str, list[GoldRow]] = {}
    for name in FACT_TABLES:
        path = gold_dir / f"{name}.csv"
        text = path.read_text(encoding="utf-8-sig") if path.is_file() else "source_file\n"
        rows[name] = parse_gold_csv(TABLES[name], text, str(path), covered)
    return Gold(rows, covered)


def resolve_release(path: Path) -> Path:
    """A release directory, given either itself or a curated root with ``LATEST``."""
    if (path / "documents.parquet").is_file():
        return path
    layout = CuratedLayout(path)
    latest = layout.latest()
    if latest is not None and (layout.release(latest) / "documents.parquet").is_file():
        return layout.release(latest)
    raise FileNotFoundError(
        f"{path}: neither a release (documents.parquet) nor a curated root whose LATEST "
        "names a published release"
    )


def _read_rows(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


@dataclass(frozen=True)
class Release:
    documents: list[dict[str, Any]]
    facts: dict[str, list[dict[str, Any]]]   # table -> rows


def load_release(release_dir: Path) -> Release:
    release_dir = resolve_release(release_dir)
    documents = _read_rows(release_dir / "documents.parquet")
    facts = {name: _read_rows(release_dir / f"{name}.parquet") for name in FACT_TABLES}
    return Release(documents, facts)


# --- scoring -------------------------------------------------------------------------------


def _map_covered(covered: Sequence[str], documents: Sequence[dict[str, Any]]) -> dict[str, str]:
    """doc_id -> covered source file. A gold path matches a document's source_file exactly,
    or else as its unique '/'-suffix (a raw root one level higher still evaluates)."""
    by_source = {str(d["source_file"]).replace("\\", "/"): str(d["doc_id"]) for d in documents}
    out: dict[str, str] = {}
    for gold_path in covered:
        doc_id = by_source.get(gold_path)
        if doc_id is None:
            hits = [d for s, d in by_source.items() if s.endswith("/" + gold_path)]
            doc_id = hits[0] if len(hits) == 1 else None
        if doc_id is not None:
            out[doc_id] = gold_path
    return out


def _match(table: Table, gold: Sequence[GoldRow],
           preds: Sequence[PredictedRow]) -> tuple[list[GoldRow], list[PredictedRow], int, int]:
    """One-to-one greedy matching within one document and table.

    Required gold rows first (exact pass, then tolerant pass), optional gold rows last so
    they only absorb predictions no required row wants. Returns (misses, extras, true
    positives, predictions matched to optional rows).
    """
    used: set[int] = set()
    matched: set[int] = set()
    required = [i for i, g in enumerate(gold) if not g.optional]
    optional = [i for i, g in enumerate(gold) if g.optional]
    for group in (required, optional):
        for want_exact in (True, False):
            for gi in group:
                if gi in matched:
                    continue
                for pi, pred in enumerate(preds):
                    if pi in used:
                        continue
                    ok, exact = row_agrees(table, gold[gi], pred.values)
                    if ok and (exact or not want_exact):
                        used.add(pi)
                        matched.add(gi)
                        break
    misses = [g for i, g in enumerate(gold) if i not in matched and not g.optional]
    extras = [p for i, p in enumerate(preds) if i not in used]
    tp = sum(1 for i in matched if not gold[i].optional)
    return misses, extras, tp, len(matched) - tp


def closest_disagreement(table: Table, gold: GoldRow, preds: Sequence[PredictedRow]) -> str:
    """The disagreeing cells of the predicted row that agrees on most of the gold cells."""
    best: list[str] | None = None
    for pred in preds:
        wrong = [
            f"{name}={pred.values.get(name)} (gold {want})"
            for name, want in gold.values.items()
            if not cell_agrees(table.column(name), want, pred.values.get(name),
                               percent=_is_percent(table.name, name, gold, pred.values))[0]
        ]
        if best is None or len(wrong) < len(best):
            best = wrong
    return "; ".join(best) if best and len(best) < len(gold.values) else ""


def score(gold: Gold, release: Release, release_dir: Path = Path("."),
          gold_dir: Path = Path(".")) -> EvalReport:
    """Score a loaded release against loaded gold (pure: no file access)."""
    doc_to_file = _map_covered(gold.covered, release.documents)
    present = set(doc_to_file.values())
    report = EvalReport(
        release_dir, gold_dir, {},
        missing_documents=[f for f in gold.covered if f not in present],
    )
    for name in FACT_TABLES:
        table = TABLES[name]
        s = TableScore(name)
        by_file: dict[str, list[PredictedRow]] = {}
        for row in sorted(release.facts.get(name, []),
                          key=lambda r: (str(r.get("doc_id")), r.get("char_start") or 0)):
            source = doc_to_file.get(str(row.get("doc_id")))
            if source is None:
                s.uncovered_predictions += 1
                continue
            by_file.setdefault(source, []).append(PredictedRow(name, source, row))
        gold_by_file: dict[str, list[GoldRow]] = {}
        for g in gold.rows.get(name, []):
            gold_by_file.setdefault(g.source_file, []).append(g)
        for source in gold.covered:
            g_rows = gold_by_file.get(source, [])
            p_rows = by_file.get(source, [])
            misses, extras, tp, optional_hits = _match(table, g_rows, p_rows)
            s.gold += sum(1 for g in g_rows if not g.optional)
            s.predicted += len(p_rows) - optional_hits
            s.tp += tp
            s.misses.extend(misses)
            s.hints.extend(closest_disagreement(table, g, p_rows) for g in misses)
            s.extras.extend(extras)
        report.tables[name] = s
    return report


def offset_violations(release_dir: Path) -> list[OffsetViolation]:
    """Rows of every fact table whose evidence is not ``text[char_start:char_end]``."""
    release_dir = resolve_release(release_dir)
    texts = {str(r["doc_id"]): str(r["text"])
             for r in _read_rows(release_dir / "document_text.parquet")}
    facts = {name: _read_rows(release_dir / f"{name}.parquet") for name in FACT_TABLES}
    return check_offsets(texts, facts)


def check_offsets(texts: dict[str, str],
                  facts: dict[str, list[dict[str, Any]]]) -> list[OffsetViolation]:
    out: list[OffsetViolation] = []
    for name in FACT_TABLES:
        for row in facts.get(name, []):
            doc_id = str(row.get("doc_id"))
            start, end = row.get("char_start"), row.get("char_end")
            evidence = str(row.get("evidence") or "")
            text = texts.get(doc_id)
            found: str | None = None
            if text is not None and isinstance(start, int) and isinstance(end, int) \
                    and 0 <= start <= end <= len(text):
                found = text[start:end]
            if found is None or found != evidence:
                out.append(OffsetViolation(name, str(row.get("record_id")), doc_id, start, end,
                                           evidence, found))
    return out


def evaluate(release_dir: Path, gold_dir: Path) -> EvalReport:
    """Load the release (or the curated root's LATEST) and the gold files, and score."""
    resolved = resolve_release(release_dir)
    gold = load_gold(gold_dir)
    report = score(gold, load_release(resolved), resolved, gold_dir)
    report.offset_violations = offset_violations(resolved)
    return report


# --- report --------------------------------------------------------------------------------


def _clip(s: str, n: int = 90) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def format_report(report: EvalReport) -> str:
    """A plain-text report: P/R/F1 per table, then misses and extras."""
    lines = [
        f"release: {report.release_dir}",
        f"gold:    {report.gold_dir}",
        "",
        f"{'table':<16}{'gold':>6}{'pred':>6}{'tp':>6}{'precision':>11}{'recall':>8}{'F1':>8}",
    ]
    for name, s in report.tables.items():
        lines.append(f"{name:<16}{s.gold:>6}{s.predicted:>6}{s.tp:>6}"
                     f"{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    uncovered = sum(s.uncovered_predictions for s in report.tables.values())
    lines.append("")
    lines.append(f"rows of documents outside the gold coverage (not scored): {uncovered}")
    if report.missing_documents:
        lines.append("covered documents missing from the release:")
        lines.extend(f"  {f}" for f in report.missing_documents)
    lines.append(f"offset violations (text[char_start:char_end] != evidence): "
                 f"{len(report.offset_violations)}")
    for v in report.offset_violations[:20]:
        lines.append(f"  [{v.table}] {v.record_id} doc {v.doc_id} [{v.char_start}:{v.char_end}] "
                     f"evidence {_clip(v.evidence, 40)!r} found {_clip(v.found or '', 40)!r}")
    for name, s in report.tables.items():
        if s.misses:
            lines.append("")
            lines.append(f"misses in {name} (gold rows not found): {len(s.misses)}")
            for g, hint in zip(s.misses, s.hints):
                lines.append(f"  {g.source_file}:{g.line}  {g.describe()}")
                if hint:
                    lines.append(f"      closest prediction differs in: {hint}")
        if s.extras:
            lines.append("")
            lines.append(f"extras in {name} (predicted rows not in gold): {len(s.extras)}")
            for p in s.extras:
                lines.append(f"  {p.source_file}  {p.describe()}")
                lines.append(f"      evidence: {_clip(p.evidence)}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m renda.evaluate",
        description="Score a release's fact tables against the hand-annotated gold files.",
    )
    parser.add_argument("release", type=Path,
                        help="a release directory, or a curated root whose LATEST names one")
    parser.add_argument("--gold", type=Path, default=Path("tests/gold"),
                        help="gold directory with <table>.csv and covered.txt (default: tests/gold)")
    parser.add_argument("--min-f1", type=float, default=None,
                        help="exit 1 when any table's F1 is below this value")
    parser.add_argument("--check-offsets", action="store_true",
                        help="exit 1 when any row's evidence is not text[char_start:char_end]")
    args = parser.parse_args(argv)
    report = evaluate(args.release, args.gold)
    sys.stdout.write(format_report(report))
    status = 0
    if args.min_f1 is not None:
        below = report.below(args.min_f1)
        if below:
            sys.stdout.write(f"F1 below {args.min_f1}: {', '.join(below)}\n")
            status = 1
    if args.check_offsets and report.offset_violations:
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())


def assemble_eval_raw(corpus: Path, fixtures: Path | None, out: Path,
                      addresses: bool = False) -> Path:
    """A raw root holding the real corpus (``jiaocheng/``, ``hailaer/``, ``web/``, …) and, when
    given, the gold fixtures under ``fixtures/``, copied (``discover`` does not follow linked
    folders). The copies are writable, whatever the modes of the originals, so that the next
    call can remove them. With ``addresses``, each page listed in a folder's ``SOURCES.tsv``
    gets the sidecar of its address (:func:`write_source_sidecars`); without, the pages are
    read from their text alone, as the reference measure reads them."""
    import os
    import shutil

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    sources = sorted(p for p in corpus.iterdir() if p.is_dir()) if corpus.is_dir() else []
    for sub in sources:
        shutil.copytree(sub, out / sub.name, copy_function=shutil.copyfile)
    if fixtures is not None:
        shutil.copytree(fixtures, out / "fixtures", copy_function=shutil.copyfile)
    for folder, _, _ in os.walk(out):
        os.chmod(folder, 0o755)
    if addresses:
        for listing in out.glob("*/SOURCES.tsv"):
            write_source_sidecars(listing)
    return out


def write_source_sidecars(listing: Path) -> int:
    """Give each report listed in a corpus folder's ``SOURCES.tsv`` (columns ``file`` and
    ``source_url``, the file relative to that folder) the sidecar a fetch would have written
    for it: its address, nothing else. The listing's other columns (title, region, year, notes)
    are the annotator's reading of the page and are not read. Rows without an http(s) address,
    or naming no file present, are left alone. Returns the number of sidecars written."""
    from renda.ingest import SIDECAR_SUFFIX

    written = 0
    with listing.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name, url = (row.get("file") or "").strip(), (row.get("source_url") or "").strip()
            report = listing.parent / name
            if not url.startswith(("http://", "https://")) or not name or not report.is_file():
                continue
            sidecar = report.with_name(report.name[: -len(report.suffix)] + SIDECAR_SUFFIX)
            if sidecar.exists():
                continue
            sidecar.write_text(f"source_url: {json.dumps(url)}\n", encoding="utf-8")
            written += 1
    return written
