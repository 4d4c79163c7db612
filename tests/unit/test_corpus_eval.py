"""The corpus evaluation: the web split, gold restricted to a part, the reference scorer called
on a small release written here (the scorer is read from ../shared; skipped without it)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from renda.corpus_eval import (ScorerError, format_report, load_golds, load_scorer, parts,
                               restrict, score_parts, web_part)

SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"


@pytest.mark.parametrize("sha, part", [
    ("0" * 64, "check"), ("4f" + "0" * 62, "check"), ("5" + "0" * 63, "tune"),
    ("a" * 64, "tune"), ("F" * 64, "tune"),
])
def test_web_part_is_fixed_by_the_first_hex_digit(sha: str, part: str) -> None:
    assert web_part(sha) == part


def _gold() -> dict:
    return {
        "about": "test",
        "documents": [{"file": "a.txt", "sha256": "1" * 64}, {"file": "b.txt", "sha256": "9" * 64}],
        "elections": [{"file": "a.txt", "level": "county"}, {"file": "b.txt", "level": "township"}],
        "forbidden": [{"file": "b.txt", "table": "elections", "value": 5}],
    }


def test_restrict_keeps_only_the_documents_and_rows_of_the_part() -> None:
    sub = restrict(_gold(), lambda d: web_part(d["sha256"]) == "tune")
    assert [d["file"] for d in sub["documents"]] == ["b.txt"]
    assert [r["file"] for r in sub["elections"]] == ["b.txt"]
    assert [r["file"] for r in sub["forbidden"]] == ["b.txt"]
    assert sub["about"] == "test"


def test_parts_split_web_into_tune_and_check() -> None:
    names = [p.name for p in parts({"web": _gold(), "jiaocheng": _gold()})]
    assert names == ["all", "seed+hailaer", "web", "web/tune", "web/check"]
    by_name = {p.name: p for p in parts({"web": _gold()})}
    assert [d["file"] for d in by_name["web/check"].golds[0]["documents"]] == ["a.txt"]


def test_missing_scorer_and_gold_are_named(tmp_path: Path) -> None:
    with pytest.raises(ScorerError, match="reference scorer not found"):
        load_scorer(tmp_path / "score.py")
    with pytest.raises(ScorerError, match="no gold files"):
        load_golds(tmp_path)
    (tmp_path / "web.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(ScorerError, match="web.json: a gold file is an object"):
        load_golds(tmp_path)


@pytest.mark.skipif(not SCORER.is_file(), reason=f"reference scorer not found at {SCORER}: "
                    "clone the project with ../shared beside it")
def test_reference_scorer_on_a_small_release(tmp_path: Path) -> None:
    text = "全县选举产生县人大代表186名。"
    sha = hashlib.sha256(text.encode()).hexdigest()
    doc_id = sha[:16]
    pq.write_table(pa.Table.from_pylist([{"doc_id": doc_id, "sha256": sha, "doc_type": "news",
                                          "level": "county", "province": None, "city": None,
                                          "county": None, "report_year": 2021}]),
                   tmp_path / "documents.parquet")
    pq.write_table(pa.Table.from_pylist([{"doc_id": doc_id, "text": text}]),
                   tmp_path / "document_text.parquet")
    ev = text
    pq.write_table(pa.Table.from_pylist([
        {"doc_id": doc_id, "level": "county", "method": "direct", "status": "held",
         "deputies_elected": 186, "evidence": ev, "char_start": 0, "char_end": len(ev)},
        {"doc_id": doc_id, "level": "township", "method": "direct", "status": "held",
         "deputies_elected": 5, "evidence": "全县", "char_start": 0, "char_end": 1},
    ]), tmp_path / "elections.parquet")
    gold = {"documents": [{"file": "x.txt", "sha256": sha, "doc_type": "news", "report_year": 2021}],
            "elections": [{"file": "x.txt", "level": "county", "deputies_elected": 186}],
            "forbidden": [{"file": "x.txt", "table": "elections", "value": 5}]}
    results = score_parts(load_scorer(SCORER), tmp_path, {"web": gold})
    r = results["web"]
    assert (r["tables"]["elections"]["tp"], r["tables"]["elections"]["fp"]) == (1, 1)
    assert r["offset_violations"] == 1           # "全县"[0:1] is not "全县"
    assert len(r["forbidden_taken"]) == 1
    assert r["metadata"]["doc_type"]["right"] == 1
    part = "web/check" if web_part(sha) == "check" else "web/tune"
    assert results[part]["tables"]["elections"]["tp"] == 1
    report = format_report(results, [part])
    assert "extra " in report and "forbidden " in report and "micro P=" in report


def test_source_listing_gives_each_page_the_sidecar_of_its_address(tmp_path) -> None:
    from renda.evaluate import write_source_sidecars
    from renda.ingest import parse_sidecar

    (tmp_path / "news").mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / "news" / name).write_text("正文\n", encoding="utf-8")
    (tmp_path / "news" / "c.meta.yml").write_text("title: 已有\n", encoding="utf-8")
    listing = tmp_path / "SOURCES.tsv"
    listing.write_text(
        "file\tsource_url\ttitle\tregion\tyear\n"
        "news/a.txt\thttp://rd.example.gov.cn/201905/t20190521_1.html?x=1&y=2\tT\tR\t2019\n"
        "news/b.txt\tpages corpus (no address)\tT\tR\t2018\n"
        "news/c.txt\thttp://example.cn/1.html\tT\tR\t2017\n"
        "news/missing.txt\thttp://example.cn/2.html\tT\tR\t2016\n", encoding="utf-8")
    assert write_source_sidecars(listing) == 1
    sidecar = parse_sidecar((tmp_path / "news" / "a.meta.yml").read_text(encoding="utf-8"), "a")
    # the address only: the listing's title, region and year are the annotator's
    assert sidecar == {"source_url": "http://rd.example.gov.cn/201905/t20190521_1.html?x=1&y=2"}
    assert not (tmp_path / "news" / "b.meta.yml").exists()
    assert (tmp_path / "news" / "c.meta.yml").read_text(encoding="utf-8") == "title: 已有\n"
