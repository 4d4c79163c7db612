"""The accuracy harness: matching rules, scores, offsets, CLI, and the integrity of tests/gold."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import yaml

from renda.contract import DOCUMENT_TEXT, DOCUMENTS, FACT_TABLES, TABLES, to_arrow
from renda.evaluate import (
    GoldError,
    cell_agrees,
    evaluate,
    format_report,
    load_gold,
    main,
    normalize_string,
    offset_violations,
    read_covered,
)
from renda.ingest.metadata import parse_sidecar
from renda.normalize import normalize

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "gold"
CORPUS = REPO / ".." / "shared" / "corpus"

# --- builders for tiny releases and gold dirs ----------------------------------------------


@dataclass
class Doc:
    source_file: str
    text: str

    @property
    def doc_id(self) -> str:
        return hashlib.sha256(self.source_file.encode()).hexdigest()[:16]


def fact(table: str, doc: Doc, evidence: str, **fields: Any) -> dict[str, Any]:
    start = doc.text.index(evidence)
    row: dict[str, Any] = {
        "record_id": hashlib.sha256(repr((doc.doc_id, table, fields)).encode()).hexdigest()[:16],
        "doc_id": doc.doc_id,
        "evidence": evidence,
        "char_start": start,
        "char_end": start + len(evidence),
        "period": "annual",
        "extractor": "test/0",
    }
    defaults: dict[str, dict[str, Any]] = {
        "elections": {"status": "held", "approximate": False},
        "supervision": {"count": 1, "approximate": False},
        "deputy_activity": {"actor_type": "unspecified", "approximate": False},
    }
    row.update(defaults[table])
    row.update(fields)
    return row


def write_release(path: Path, docs: list[Doc], facts: dict[str, list[dict[str, Any]]]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    documents = [
        {"doc_id": d.doc_id, "source_file": d.source_file, "sha256": "0" * 64,
         "encoding": "utf-8", "format": "txt", "script": "hans", "doc_type": "congress_report",
         "n_chars": len(d.text)}
        for d in docs
    ]
    pq.write_table(to_arrow(DOCUMENTS, documents), path / "documents.parquet")
    pq.write_table(to_arrow(DOCUMENT_TEXT, [{"doc_id": d.doc_id, "text": d.text} for d in docs]),
                   path / "document_text.parquet")
    for name in FACT_TABLES:
        pq.write_table(to_arrow(TABLES[name], facts.get(name, [])), path / f"{name}.parquet")
    return path


def write_gold(path: Path, covered: list[str], tables: dict[str, list[dict[str, Any]]]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "covered.txt").write_text("# annotated\n" + "\n".join(covered) + "\n", encoding="utf-8")
    for name, rows in tables.items():
        columns = ["source_file"] + sorted({k for r in rows for k in r} - {"source_file"})
        with open(path / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            for r in rows:
                writer.writerow({c: r.get(c, "") for c in columns})
    return path


SEED = Doc("a/report.txt", "全县15.59万名选民参加投票，参选率85.5%。\n听取和审议县政府关于全县科技创新工作情况的报告。\n"
           "对全县安全生产状况进行调研。\n全县建成联络站8个。")
OTHER = Doc("b/other.txt", "对全县农村饮用水安全情况进行调研。")


def _sup(doc: Doc, topic: str, method: str = "inspection_research", **kw: Any) -> dict[str, Any]:
    evidence = next(line for line in doc.text.split("\n") if topic[:2] in line)
    return fact("supervision", doc, evidence, method=method, topic=topic, **kw)


# --- cell rules ----------------------------------------------------------------------------

E = TABLES["elections"]
S = TABLES["supervision"]
D = TABLES["deputy_activity"]

CELL_EXAMPLES = [
    # (column, gold, predicted, percent, agrees)
    (E.column("turnout_pct"), "85.5", 85.52, True, True),
    (E.column("turnout_pct"), "85.5", 85.45, True, True),
    (E.column("turnout_pct"), "85.5", 86.0, True, False),
    (E.column("turnout_pct"), "85.5", None, True, False),
    (E.column("voters_participating"), "155900", 155900, False, True),
    (E.column("voters_participating"), "155900", 155900.0001, False, True),
    (E.column("voters_participating"), "155900", 155901, False, False),
    (E.column("approximate"), "false", False, False, True),
    (E.column("approximate"), "true", False, False, False),
    (S.column("law_title"), "山西省汾河保护条例", "《山西省汾河保护条例》", False, True),
    (S.column("law_title"), "山西省汾河保护条例", "汾河保护条例", False, False),
    (S.column("law_title"), "汾河保护条例", "山西省汾河保护条例", False, False),  # no containment
    (S.column("topic"), "科技创新工作", "全县科技创新工作情况", False, True),
    (S.column("topic"), "科技创新工作", "县政府关于全县科技创新工作情况的报告审议", False, False),
    (S.column("topic"), "全县科技创新工作", "科技创新工作", False, True),  # trimmed either way
    (S.column("topic"), "村（居）民委员会换届选举", "全县村(居)民委员会换届选举工作", False, True),
    (S.column("target_organ"), "县政府", "县 政 府", False, True),
    (S.column("target_organ"), "县政府", "交城县政府", False, False),
    (D.column("detail"), "关于甲的建议；关于乙的建议", "“关于甲的建议”;“关于乙的建议”", False, True),
    (D.column("actor"), "党组成员", "县人大常委会党组成员", False, True),
    (D.column("metric"), "station_visits", "station_visits", False, True),
]


@pytest.mark.parametrize("column,gold,pred,percent,agrees", CELL_EXAMPLES)
def test_cell_agrees(column: Any, gold: str, pred: Any, percent: bool, agrees: bool) -> None:
    assert cell_agrees(column, gold, pred, percent=percent)[0] is agrees


def test_normalize_string_folds_width_quotes_and_space() -> None:
    assert normalize_string("《关于 甲 的建议》；“乙”") == normalize_string("关于甲的建议;乙")


def test_read_covered_skips_comments_and_duplicates() -> None:
    assert read_covered("# c\na.txt\n\nb.txt  # note\na.txt\n") == ["a.txt", "b.txt"]


# --- scoring -------------------------------------------------------------------------------


def _run(tmp_path: Path, facts: dict[str, list[dict[str, Any]]],
         gold: dict[str, list[dict[str, Any]]], covered: list[str] | None = None,
         docs: list[Doc] | None = None) -> Any:
    release = write_release(tmp_path / "release", docs or [SEED, OTHER], facts)
    gold_dir = write_gold(tmp_path / "gold", covered or [SEED.source_file], gold)
    return evaluate(release, gold_dir)


def test_perfect_release_scores_one(tmp_path: Path) -> None:
    line = SEED.text.split("\n")[0]
    facts = {"elections": [fact("elections", SEED, line, level="county", method="direct",
                                voters_participating=155900, turnout_pct=85.5)]}
    gold = {"elections": [{"source_file": SEED.source_file, "level": "county", "method": "direct",
                           "voters_participating": "155900", "turnout_pct": "85.5"}]}
    s = _run(tmp_path, facts, gold).tables["elections"]
    assert (s.gold, s.predicted, s.tp, s.precision, s.recall, s.f1) == (1, 1, 1, 1.0, 1.0, 1.0)


def test_precision_recall_f1(tmp_path: Path) -> None:
    gold_rows = [{"source_file": SEED.source_file, "method": "inspection_research", "topic": t}
                 for t in ("安全生产", "农村饮用水安全", "红色旅游资源", "学前教育")]
    facts = {"supervision": [
        _sup(SEED, "安全生产"),
        _sup(SEED, "科技创新工作", method="work_report_review", target_organ="县政府"),
        _sup(SEED, "全县15.59万名选民"),  # wrong row
    ]}
    # Five gold rows: 安全生产 and 科技创新工作 are found, three are missed; one extra.
    gold_rows.append({"source_file": SEED.source_file, "method": "work_report_review",
                      "topic": "科技创新工作", "target_organ": "县政府"})
    s = _run(tmp_path, facts, {"supervision": gold_rows}).tables["supervision"]
    assert (s.gold, s.predicted, s.tp) == (5, 3, 2)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 5)
    assert s.f1 == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert [g.values["topic"] for g in s.misses] == ["农村饮用水安全", "红色旅游资源", "学前教育"]
    assert [p.values["topic"] for p in s.extras] == ["全县15.59万名选民"]


def test_percent_tolerance_in_a_release(tmp_path: Path) -> None:
    line = SEED.text.split("\n")[0]
    gold = {"elections": [{"source_file": SEED.source_file, "level": "county", "turnout_pct": "85.5"}]}
    near = {"elections": [fact("elections", SEED, line, level="county", method="direct", turnout_pct=85.52)]}
    far = {"elections": [fact("elections", SEED, line, level="county", method="direct", turnout_pct=86.0)]}
    assert _run(tmp_path / "near", near, gold).tables["elections"].tp == 1
    assert _run(tmp_path / "far", far, gold).tables["elections"].tp == 0


def test_deputy_value_is_a_percentage_by_metric(tmp_path: Path) -> None:
    line = SEED.text.split("\n")[3]
    facts = {"deputy_activity": [fact("deputy_activity", SEED, line, metric="resolution_rate_pct",
                                      value=71.64, unit="%")]}
    gold = {"deputy_activity": [{"source_file": SEED.source_file, "metric": "resolution_rate_pct",
                                 "value": "71.6"}]}
    assert _run(tmp_path, facts, gold).tables["deputy_activity"].tp == 1


def test_one_to_one_matching(tmp_path: Path) -> None:
    row = _sup(SEED, "安全生产")
    twin = dict(row, record_id="twin")
    gold = {"supervision": [{"source_file": SEED.source_file, "method": "inspection_research",
                             "topic": "安全生产"}]}
    s = _run(tmp_path, {"supervision": [row, twin]}, gold).tables["supervision"]
    assert (s.tp, s.predicted, len(s.extras), len(s.misses)) == (1, 2, 1, 0)


def test_exact_matches_are_preferred(tmp_path: Path) -> None:
    # Gold row 1 would take the longer prediction by containment and starve gold row 2.
    long_, short = _sup(SEED, "全县安全生产"), _sup(SEED, "安全生产")
    gold = {"supervision": [
        {"source_file": SEED.source_file, "topic": "安全生产"},
        {"source_file": SEED.source_file, "topic": "全县安全生产"},
    ]}
    s = _run(tmp_path, {"supervision": [long_, short]}, gold).tables["supervision"]
    assert (s.tp, len(s.misses), len(s.extras)) == (2, 0, 0)


def test_empty_gold_cells_are_not_judged(tmp_path: Path) -> None:
    row = _sup(SEED, "科技创新工作", method="work_report_review", target_organ="县政府")
    gold = {"supervision": [{"source_file": SEED.source_file, "method": "work_report_review",
                             "topic": "", "target_organ": "县政府"}]}
    assert _run(tmp_path, {"supervision": [row]}, gold).tables["supervision"].tp == 1


def test_only_covered_documents_count_for_extras(tmp_path: Path) -> None:
    facts = {"supervision": [_sup(SEED, "安全生产"), _sup(OTHER, "农村饮用水安全")]}
    gold = {"supervision": [{"source_file": SEED.source_file, "topic": "安全生产"}]}
    s = _run(tmp_path, facts, gold).tables["supervision"]
    assert (s.tp, s.predicted, s.extras, s.uncovered_predictions) == (1, 1, [], 1)
    # A covered document with no gold rows: its predictions are extras.
    s = _run(tmp_path / "b", facts, gold, covered=[SEED.source_file, OTHER.source_file]
             ).tables["supervision"]
    assert (s.tp, s.predicted, len(s.extras)) == (1, 2, 1)
    assert s.extras[0].source_file == OTHER.source_file


def test_optional_gold_rows_neither_help_nor_hurt(tmp_path: Path) -> None:
    line = SEED.text.split("\n")[3]
    gold = {"deputy_activity": [
        {"source_file": SEED.source_file, "metric": "liaison_stations", "value": "8"},
        {"source_file": SEED.source_file, "metric": "response_rate_pct", "value": "100",
         "optional": "true"},
    ]}
    with_opt = {"deputy_activity": [
        fact("deputy_activity", SEED, line, metric="liaison_stations", value=8.0, unit="个"),
        fact("deputy_activity", SEED, line, metric="response_rate_pct", value=100.0, unit="%"),
    ]}
    without = {"deputy_activity": with_opt["deputy_activity"][:1]}
    for facts in (with_opt, without):
        s = _run(tmp_path / str(len(facts["deputy_activity"])), facts, gold).tables["deputy_activity"]
        assert (s.gold, s.predicted, s.tp, s.extras, s.misses) == (1, 1, 1, [], [])


def test_missing_documents_and_suffix_paths(tmp_path: Path) -> None:
    # The release's raw root is one level higher: its paths end with the gold paths.
    moved = Doc("raw/" + SEED.source_file, SEED.text)
    gold = {"supervision": [{"source_file": SEED.source_file, "topic": "安全生产"}]}
    report = _run(tmp_path, {"supervision": [_sup(moved, "安全生产")]}, gold,
                  covered=[SEED.source_file, "c/absent.txt"], docs=[moved])
    assert report.tables["supervision"].tp == 1
    assert report.missing_documents == ["c/absent.txt"]


# --- offsets, layout, CLI ------------------------------------------------------------------


def test_offset_violations(tmp_path: Path) -> None:
    good = _sup(SEED, "安全生产")
    bad = dict(_sup(SEED, "科技创新工作"), record_id="bad")
    bad["char_start"] += 1
    release = write_release(tmp_path / "r", [SEED], {"supervision": [good, bad]})
    found = offset_violations(release)
    assert [(v.table, v.record_id) for v in found] == [("supervision", "bad")]
    assert found[0].found == SEED.text[bad["char_start"]:bad["char_end"]]
    clean = write_release(tmp_path / "c", [SEED], {"supervision": [good]})
    assert offset_violations(clean) == []


def test_curated_root_uses_latest(tmp_path: Path) -> None:
    root = tmp_path / "curated"
    write_release(root / "releases" / "2024.01.01", [SEED], {})
    (root / "LATEST").write_text("2024.01.01\n", encoding="utf-8")
    gold = write_gold(tmp_path / "gold", [SEED.source_file], {})
    report = evaluate(root, gold)
    assert report.release_dir == root / "releases" / "2024.01.01"
    with pytest.raises(FileNotFoundError):
        evaluate(tmp_path / "nowhere", gold)


def test_main_prints_report_and_applies_min_f1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    release = write_release(tmp_path / "r", [SEED], {"supervision": [_sup(SEED, "安全生产")]})
    gold = write_gold(tmp_path / "g", [SEED.source_file], {"supervision": [
        {"source_file": SEED.source_file, "topic": "安全生产"},
        {"source_file": SEED.source_file, "topic": "科技创新工作"},
    ]})
    assert main([str(release), "--gold", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "supervision" in out and "misses in supervision" in out and "科技创新工作" in out
    assert main([str(release), "--gold", str(gold), "--min-f1", "0.95"]) == 1
    assert main([str(release), "--gold", str(gold), "--min-f1", "0.5"]) == 0
    assert "F1" in format_report(evaluate(release, gold))


GOLD_ERRORS = [
    ({"source_file": "a/report.txt", "colour": "red"}, "unknown columns"),
    ({"source_file": "a/report.txt", "method": "inspection"}, "not one of"),
    ({"source_file": "a/report.txt", "count": "two"}, "not a number"),
    ({"source_file": "z/uncovered.txt", "method": "other"}, "covered.txt"),
]


@pytest.mark.parametrize("row,message", GOLD_ERRORS)
def test_malformed_gold_is_an_error(tmp_path: Path, row: dict[str, str], message: str) -> None:
    gold = write_gold(tmp_path, [SEED.source_file], {"supervision": [row]})
    with pytest.raises(GoldError, match=message):
        load_gold(gold)


# --- integrity of tests/gold ---------------------------------------------------------------


def _gold_csv_rows(name: str) -> list[dict[str, str]]:
    with open(GOLD / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name", FACT_TABLES)
def test_gold_enum_columns_use_contract_values(name: str) -> None:
    table = TABLES[name]
    rows = _gold_csv_rows(name)
    assert rows, f"{name}.csv has no rows"
    for i, row in enumerate(rows, start=2):
        for col, value in row.items():
            if col in ("source_file", "optional", "note") or not value:
                continue
            enum = table.column(col).enum
            if enum is not None:
                assert all(v in enum for v in value.split("|")), f"{name}.csv:{i}: {col}={value!r} not in {enum}"


def test_gold_loads_and_every_source_is_covered() -> None:
    gold = load_gold(GOLD)  # raises on unknown columns, bad values, uncovered sources
    covered = set(gold.covered)
    for rows in gold.rows.values():
        assert {r.source_file for r in rows} <= covered


def test_covered_fixtures_exist_with_sidecars() -> None:
    covered = read_covered((GOLD / "covered.txt").read_text(encoding="utf-8"))
    fixtures = [c for c in covered if c.startswith("fixtures/")]
    assert 8 <= len(fixtures) <= 40
    on_disk = {f"fixtures/{p.name}" for p in (GOLD / "fixtures").glob("*.txt")}
    assert set(fixtures) == on_disk, "every fixture is covered and every covered fixture exists"
    for rel in fixtures:
        path = GOLD / rel
        meta_path = path.with_name(path.stem + ".meta.yml")
        meta = parse_sidecar(meta_path.read_text(encoding="utf-8"), meta_path.name)
        for key in ("title", "province", "report_year", "doc_type"):
            assert meta.get(key), f"{meta_path.name}: {key} missing"
        assert meta["licence"] == "CC0-1.0" and meta["sample"] is True
        assert meta.get("body") or meta["doc_type"] == "government_report"
        assert yaml.safe_load(meta_path.read_text(encoding="utf-8"))  # plain YAML mapping
        path.read_text(encoding="utf-8")  # UTF-8


def test_covered_corpus_files_exist() -> None:
    covered = read_covered((GOLD / "covered.txt").read_text(encoding="utf-8"))
    corpus_files = [c for c in covered if not c.startswith("fixtures/")]
    assert corpus_files
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (../shared/corpus beside the repo)")
    missing = [c for c in corpus_files if not (CORPUS / c).is_file()]
    assert missing == []


# The damaged fixture reads right once normalized: the sentences gold rows are read from.
REPAIRED = [
    ("xiaodian_congress_2022.txt",
     "对《中华人民共和国安全生产法》《山西省大气污染防治条例》和《中华人民共和国食品安全法》的贯彻实施情况开展执法检查，"
     "推动法律法规在我区落地见效。"),
    ("xiaodian_congress_2022.txt", "全区共建成人大代表联络站21个，联络点67个，实现街道全覆盖。"),
    ("xiaodian_congress_2022.txt", "举办代表履职培训班3期，培训代表420余人次。"),
    ("xiaodian_congress_2022.txt",
     "审查批准2021年区级财政决算和2022年区级预算调整方案，听取和审议区政府关于2021年度区级预算执行和其他财政收支的审计工作报告。"),
    ("liuyang_election_2021.txt", "参选率94.01%，选举产生浏阳市第十八届人民代表大会代表409名"),
    ("yanta_news_visit_2022.txt", "调研组指出，代表联络站是人大代表联系群众的重要平台，"),
]


@pytest.mark.parametrize("name,sentence", REPAIRED)
def test_damaged_fixtures_normalize_to_readable_text(name: str, sentence: str) -> None:
    text = normalize((GOLD / "fixtures" / name).read_text(encoding="utf-8"))
    assert sentence in text.split("\n") or sentence in text


def test_misses_name_the_closest_disagreement(tmp_path: Path) -> None:
    line = SEED.text.split("\n")[0]
    facts = {"elections": [fact("elections", SEED, line, level="county", method="direct",
                                turnout_pct=86.0, voters_participating=155900)]}
    gold = {"elections": [{"source_file": SEED.source_file, "level": "county",
                           "voters_participating": "155900", "turnout_pct": "85.5"}]}
    report = _run(tmp_path, facts, gold)
    assert report.tables["elections"].hints == ["turnout_pct=86.0 (gold 85.5)"]
    assert "closest prediction differs in: turnout_pct=86.0 (gold 85.5)" in format_report(report)


def test_enum_alternatives_and_symmetric_containment() -> None:
    from renda.contract import SUPERVISION
    from renda.evaluate import cell_agrees

    method = SUPERVISION.column("method")
    assert cell_agrees(method, "work_report_review|inspection_research", "inspection_research")[0]
    assert not cell_agrees(method, "work_report_review|inspection_research", "budget_review")[0]
    topic = SUPERVISION.column("topic")
    assert cell_agrees(topic, "规范性文件备案审查", "规范性文件")[0]  # predicted inside gold
    assert cell_agrees(topic, "规范性文件", "规范性文件备案审查")[0]  # gold inside predicted
    assert not cell_agrees(topic, "水", "大气、水、土壤以及其他方面的突出问题")[0]  # too long
