"""The PDF reader on the real 13-page work report of ``../shared/corpus/formats/pdf``: every
page read, the text in pdfium's order with nothing lost, no page-number line left, the gold's
key phrases in the normalized text, and paragraphs joined across page breaks. Reading speed
is measured by ``benchmarks/pdf_extractors.py``, not asserted here."""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path

import pytest

from renda.ingest.pdf import RE_PAGE_NUMBER, read_pdf
from renda.normalize import normalize

pytestmark = pytest.mark.integration

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
NAME = "pdf/beijing-government-report-2024.pdf"
PDF = SHARED / "corpus" / "formats" / NAME
GOLD = SHARED / "eval" / "gold" / "formats.json"
_RE_HAN = re.compile(r"[\u4e00-\u9fff]")
_TERMINAL = "。！？；：”"


@pytest.fixture(scope="module")
def data() -> bytes:
    if not PDF.is_file():
        pytest.skip(f"real PDF not found at {PDF}: clone the project with ../shared beside it "
                    "to run the integration tests")
    return PDF.read_bytes()


@pytest.fixture(scope="module")
def text(data: bytes) -> str:
    return read_pdf(data).text


@pytest.fixture(scope="module")
def pages(data: bytes) -> list[str]:
    """pdfium's own text of each page (content-stream order), to compare with."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in pdf]
    finally:
        pdf.close()


def test_every_page_is_read(data: bytes) -> None:
    out = read_pdf(data)
    assert (out.pages, out.encoding) == (13, "pdf")


def test_no_character_is_lost_or_moved(text: str, pages: list[str]) -> None:
    # A one-column report without running heads: the reader's order is pdfium's.
    assert _RE_HAN.findall(text) == _RE_HAN.findall("".join(pages))


def test_no_page_number_line_is_left(text: str) -> None:
    assert [line for line in text.split("\n") if RE_PAGE_NUMBER.match(line)] == []


def _gold_rows() -> list[dict[str, object]]:
    if not GOLD.is_file():
        return []
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return [row for table in ("deputy_activity", "supervision_topics", "elections")
            for row in gold.get(table, []) if row.get("file") == NAME]


def test_the_gold_names_this_pdf() -> None:
    if not GOLD.is_file():
        pytest.skip(f"gold not found at {GOLD}: clone the project with ../shared beside it")
    assert _gold_rows(), f"no gold row for {NAME} in {GOLD}"


@pytest.mark.parametrize("row", _gold_rows(), ids=lambda row: str(row.get("evidence_key")))
def test_gold_key_phrases_stand_in_one_paragraph_with_their_figure(text: str,
                                                                   row: dict[str, object]) -> None:
    key, value = str(row["evidence_key"]), str(row["value"])
    paragraphs = [p for p in normalize(text).split("\n") if key in p]
    assert paragraphs, f"{key!r} not in the normalized text"
    assert any(key + value in p.replace(" ", "") for p in paragraphs)


def test_paragraphs_run_on_across_page_breaks(text: str, pages: list[str]) -> None:
    """Where a page ends on a full line that stops mid-sentence, the paragraph goes on over
    the page: its two halves are one paragraph in the normalized text. (A short last line
    without a full stop is a heading, left to normalize's own rules.)"""
    joined = normalize(text).replace(" ", "")
    breaks = 0
    for before, after in zip(pages, pages[1:]):
        lines = [line.replace(" ", "") for line in before.strip().split("\n")]
        last, first = lines[-1], after.strip().split("\n")[0].replace(" ", "")
        if last[-1] not in _TERMINAL and len(last) >= 0.9 * statistics.median(map(len, lines)):
            breaks += 1
            assert last[-6:] + first[:6] in joined, f"paragraph broken at {last[-6:]}|{first[:6]}"
    assert breaks >= 3  # the report breaks paragraphs at several page ends
