"""One report as .txt, .html (GBK, with site chrome), .pdf (header, page numbers, two
columns) and .docx gives the same fact rows: the same values, each row's evidence a slice
of its own format's document_text."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from renda.ingest import RawReport
from renda.pipeline import ProcessedDocument, process_report
from tests import same_report

pytest.importorskip("reportlab")
pytest.importorskip("docx")

# What a row is, whatever the format: its table and fields, without offsets and ids.
_DROP = {"doc_id", "record_id", "char_start", "char_end", "evidence"}


def _process(name: str, data: bytes) -> ProcessedDocument:
    out = process_report(RawReport(name, data, None), dt.date(2026, 12, 2))
    assert isinstance(out, ProcessedDocument), getattr(out, "reason", out)
    return out


@pytest.fixture(scope="module")
def documents() -> dict[str, ProcessedDocument]:
    return {fmt: _process(f"report.{fmt}", data) for fmt, data in (
        ("txt", same_report.txt_bytes()), ("html", same_report.html_bytes()),
        ("pdf", same_report.pdf_bytes()), ("docx", same_report.docx_bytes()))}


def _rows(doc: ProcessedDocument) -> dict[str, list[tuple[Any, ...]]]:
    return {table: sorted(tuple(sorted((k, str(v)) for k, v in r.items() if k not in _DROP))
                          for r in rows)
            for table, rows in doc.facts.items()}


def test_every_format_gives_the_rows_of_the_text(documents: dict[str, ProcessedDocument]) -> None:
    expected = _rows(documents["txt"])
    assert sum(len(v) for v in expected.values()) >= 10  # the report states a dozen figures
    for fmt in ("html", "pdf", "docx"):
        assert _rows(documents[fmt]) == expected, fmt


@pytest.mark.parametrize("fmt", ["txt", "html", "pdf", "docx"])
def test_offsets_are_true_in_each_format_s_own_text(documents: dict[str, ProcessedDocument],
                                                    fmt: str) -> None:
    doc = documents[fmt]
    assert doc.document["format"] == fmt
    for rows in doc.facts.values():
        for r in rows:
            assert doc.text[r["char_start"]:r["char_end"]] == r["evidence"]


def test_the_page_s_chrome_and_the_pdf_s_furniture_are_not_text(
        documents: dict[str, ProcessedDocument]) -> None:
    html, pdf = documents["html"], documents["pdf"]
    for chrome in ("当前位置", "打印本页", "上一篇", "分享到", "主办单位", "字号"):
        assert chrome not in html.text, chrome
    assert html.document["published_date"] == dt.date(2024, 1, 15)
    assert html.document["title"] == same_report.TITLE
    assert "公报" not in pdf.text and "- 2 -" not in pdf.text
