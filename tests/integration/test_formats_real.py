"""`renda run --raw ../shared/corpus/formats`: every real file published with its format,
title and text; the government site page without its navigation; notes listed as rejects."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from renda.normalize import normalize

pytestmark = pytest.mark.integration

FORMATS = {"html/govcn-npcsc-resolution-2007.html": "html",
           "pdf/beijing-government-report-2024.pdf": "pdf",
           "laws/supervision-law-2024.txt": "txt", "laws/constitution-2018-gbk.txt": "txt"}


@pytest.fixture(scope="module")
def formats_release(corpus: Path, prefect_harness, tmp_path_factory) -> Path:
    """What `renda run --raw ../shared/corpus/formats` publishes (the release flow it runs),
    from a copy of the folder."""
    from flows.release import release_flow

    raw = tmp_path_factory.mktemp("formats") / "raw"
    shutil.copytree(corpus / "formats", raw, copy_function=shutil.copyfile)
    summary = release_flow(raw_dir=raw, curated_dir=tmp_path_factory.mktemp("formats-curated"))
    return Path(summary["path"])


def _documents(part: Path) -> dict[str, dict]:
    return {d["source_file"]: d for d in pq.read_table(part / "documents.parquet").to_pylist()}


def _document(release: Path, source_file: str) -> tuple[dict, str]:
    """A document's row and its text."""
    doc = _documents(release)[source_file]
    texts = {r["doc_id"]: r["text"] for r in pq.read_table(
        release / "document_text.parquet").to_pylist()}
    return doc, texts[doc["doc_id"]]


def test_every_real_file_is_published_with_its_format(formats_release: Path, corpus: Path) -> None:
    docs = _documents(formats_release)
    reports = sorted(p.relative_to(corpus / "formats").as_posix()
                     for p in (corpus / "formats").rglob("*")
                     if p.is_file() and p.suffix in (".txt", ".html", ".pdf"))
    assert sorted(docs) == reports
    for name, fmt in FORMATS.items():
        assert docs[name]["format"] == fmt
    assert all(docs[n]["format"] == "txt" for n in docs if n.startswith("govreports/"))
    rejects = list(csv.reader((formats_release / "rejects.csv").open(encoding="utf-8-sig")))[1:]
    assert [r[:2] for r in rejects] == [["README.md", "not a report format (.md): renda reads .docx, .htm, "
                        ".html, .pdf, .shtml, .txt"]]


def test_the_government_site_page_is_its_article_without_navigation(formats_release: Path) -> None:
    doc, text = _document(formats_release, "html/govcn-npcsc-resolution-2007.html")
    assert "特别国债" in text and "全国人民代表大会常务委员会" in text
    # the site's toolbar, its links and its footer (the gold's note names the first three)
    for chrome in ("国务院客户端小程序", "网站纠错", "京ICP备05070218号", "个人中心", "无障碍"):
        assert chrome not in text, chrome
    assert doc["title"] and "中国政府网" not in doc["title"] and "国债" in doc["title"]


def test_the_pdf_report_is_read_in_order_without_page_furniture(formats_release: Path) -> None:
    doc, text = _document(formats_release, "pdf/beijing-government-report-2024.pdf")
    assert doc["n_chars"] > 15000 and doc["encoding"] == "pdf"
    assert normalize(text) == text
    assert text.startswith("各位代表：") and "代表议案建议692件" in text
    lines = text.splitlines()
    assert not [ln for ln in lines if ln.strip().strip("-—– ").isdigit()], "page numbers left"
