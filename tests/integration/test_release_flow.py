"""The release flow end to end, in Prefect's test harness: the real corpus and bad input."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.release import StrictModeError, release_flow
from renda.layout import CuratedLayout
from tests.conftest import SEED

pytestmark = pytest.mark.integration


def _read(release: Path, table: str) -> list[dict]:
    return pq.read_table(release / f"{table}.parquet").to_pylist()


def test_corpus_documents(corpus: Path, corpus_release: Path) -> None:
    docs = {d["source_file"]: d for d in _read(corpus_release, "documents")}
    # every report of every folder (jiaocheng, hailaer, web, formats), in every format
    assert set(docs) == {p.relative_to(corpus).as_posix() for p in corpus.rglob("*")
                         if p.suffix in (".txt", ".html", ".pdf")}
    assert {d["format"] for d in docs.values()} == {"txt", "html", "pdf"}
    seed = docs[SEED]
    assert seed["encoding"] == "utf-8"
    assert (seed["province"], seed["city"], seed["county"]) == ("山西省", "吕梁市", "交城县")
    assert (seed["admin_code"], seed["report_year"], seed["body"]) == ("141122", 2021, "交城县人大常委会")
    hailar = [d for name, d in docs.items() if name.startswith("hailaer/")]
    assert len(hailar) == 8
    assert {d["encoding"] for d in hailar} == {"gb18030"}
    assert {d["doc_type"] for d in hailar} == {"government_report"}
    assert {d["admin_code"] for d in hailar} == {"150702"}
    for d in docs.values():
        assert d["doc_id"] == d["sha256"][:16]


def test_seed_text_is_repaired(corpus_release: Path) -> None:
    docs = {d["doc_id"]: d["source_file"] for d in _read(corpus_release, "documents")}
    texts = {docs[t["doc_id"]]: t["text"] for t in _read(corpus_release, "document_text")}
    seed = texts[SEED]
    assert "2021年3月18日，全县15.59万名选民参加投票" in seed
    assert seed.count("吕梁市人大常委会主任刘振国深入交城县洪相镇调研") == 1
    assert seed.count("县人大代表集中学习党的十九届六中全会精神") == 1
    assert "\r" not in "".join(texts.values()) and "\u3000" not in "".join(texts.values())


def test_bad_input_is_rejected_and_the_rest_published(prefect_harness, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text("样例县人大常委会召开会议。样例县人大常委会听取报告。", encoding="utf-8")
    (raw / "good-gbk.txt").write_bytes("代表联络站建成。".encode("gbk"))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (raw / "undecodable.txt").write_bytes(b"abc\x80\xff" * 20)
    os.symlink(raw / "missing-target.txt", raw / "unreadable.txt")
    (raw / "bad-meta.txt").write_text("代表。", encoding="utf-8")
    (raw / "bad-meta.meta.yml").write_text("doc_type: memo\n", encoding="utf-8")
    curated = tmp_path / "curated"

    summary = release_flow(raw_dir=raw, curated_dir=curated)

    release = Path(summary["path"])
    published = sorted(d["source_file"] for d in _read(release, "documents"))
    assert published == ["good-gbk.txt", "good.txt"]
    with open(release / "rejects.csv", encoding="utf-8-sig", newline="") as fh:
        rejects = {row["source_file"]: row["reason"] for row in csv.DictReader(fh)}
    assert set(rejects) == {"bad-meta.txt", "binary.txt", "empty.txt", "undecodable.txt",
                            "unreadable.txt"}
    assert rejects["empty.txt"] == "empty file"
    assert rejects["binary.txt"].startswith("binary file")
    assert rejects["undecodable.txt"].startswith("not valid UTF-8")
    assert rejects["unreadable.txt"].startswith("unreadable file")
    assert "doc_type 'memo'" in rejects["bad-meta.txt"]
    assert summary["rejected"] == 5

    # --strict: the same input publishes nothing and leaves LATEST where it was.
    layout = CuratedLayout(curated)
    before = layout.latest()
    with pytest.raises(StrictModeError, match="5 report"):
        release_flow(raw_dir=raw, curated_dir=curated, strict=True)
    assert layout.latest() == before
    assert layout.published_versions() == [before]


def test_unchanged_inputs_publish_nothing_and_changes_are_listed(prefect_harness, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("甲县人大常委会召开会议。甲县人大常委会听取报告。", encoding="utf-8")
    (raw / "b.txt").write_text("乙县人大常委会召开会议。乙县人大常委会听取报告。", encoding="utf-8")
    curated = tmp_path / "curated"
    first = release_flow(raw_dir=raw, curated_dir=curated)
    assert first["published"]

    second = release_flow(raw_dir=raw, curated_dir=curated)
    assert not second["published"]
    assert second["version"] == first["version"]
    assert CuratedLayout(curated).published_versions() == [first["version"]]

    (raw / "b.txt").write_text("乙县人大常委会召开会议。乙县人大常委会听取审议报告。", encoding="utf-8")
    third = release_flow(raw_dir=raw, curated_dir=curated)
    assert third["published"] and third["version"] == first["version"] + ".2"
    assert third["cache_hits"] == 1  # a.txt from the cache; only the changed b.txt processed
    assert CuratedLayout(curated).latest() == third["version"]
    changes = (Path(third["path"]) / "CHANGES.md").read_text(encoding="utf-8")
    assert f"Compared with release {first['version']}" in changes
    assert "| documents | 1 | 1 | 0 |" in changes  # b.txt has new bytes: a new doc_id
    assert "### b.txt" in changes and "### a.txt" not in changes


def test_run_leaves_artifacts(corpus_run: dict) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    keys = ["renda-release", "renda-validation", "renda-rows-by-doc-type"]
    run_filter = ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[corpus_run["flow_run_id"]]))
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=run_filter)
    found = {a.key: a for a in artifacts}
    assert set(keys) <= set(found)
    by_type = found["renda-rows-by-doc-type"].data
    text = by_type if isinstance(by_type, str) else str(by_type)
    assert "government_report" in text and "congress_report" in text
    assert "expectations run" in str(found["renda-validation"].data)
