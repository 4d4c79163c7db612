"""The PDF reader on PDFs drawn at test time by ``tests/pdf_fixtures.py``: reading order (one
column, two columns, a turned page, a table), running heads, feet and page numbers removed,
paragraphs whole after :func:`renda.normalize.normalize` (across page and column breaks
too), and every reason a PDF is refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from renda.ingest.formats import FormatError, Limits
from renda.ingest.pdf import RE_PAGE_NUMBER, read_pdf
from renda.normalize import normalize

pytest.importorskip("reportlab", reason="reportlab draws the PDF fixtures (test extra)")
from tests import pdf_fixtures as fx  # noqa: E402


def lines_of(data: bytes) -> list[str]:
    return read_pdf(data).text.split("\n")


def crossing(pages: list[list[fx.Line]]) -> list[int]:
    """Paragraphs that run from one page (or column) into the next."""
    return [a[-1].paragraph for a, b in zip(pages, pages[1:]) if a[-1].paragraph == b[0].paragraph]


# --- reading order: exactly the printed lines, in order, nothing else ---------------------

REPORT_LINES = [fx.TITLE, fx.DATELINE] + [line.text for page in fx.report_pages() for line in page]
YEARBOOK_LINES = [fx.YEARBOOK_TITLE] + [line.text for col in fx.yearbook_columns() for line in col]

# (name, builder, the lines the reader must give)
ORDER = [
    # Footer drawn first in the stream, header last: read top to bottom, chrome gone.
    ("one column, header and '- 2 -'", fx.work_report, REPORT_LINES),
    # Lines drawn row by row across the gutter: read column after column, page after page.
    ("two columns, stream interleaved", fx.yearbook_two_columns, YEARBOOK_LINES),
    # A diagonal watermark over every page is not text of the report.
    ("watermark at 45 degrees", lambda: fx.work_report(watermark="内部资料 注意保存"), REPORT_LINES),
    # An owner password only restricts printing: the file is read.
    ("owner password only", fx.owner_password_only, REPORT_LINES),
    # /Rotate 90: the lines are columns of characters in page space.
    ("page turned by /Rotate 90", fx.turned_page,
     [line.text for page in fx.lay_out(fx.REPORT[3:6], fx.HEIGHT - 2 * fx.MARGIN, fx.SIZE, 99)
      for line in page]),
    # A table's cells are short: its two columns are not text columns; each row reads across.
    ("label | figure table", fx.report_with_table,
     [fx.TABLE_TITLE] + [f"{label} {figure}" for label, figure in fx.TABLE]
     + [line.text for line in fx.lay_out([fx.REPORT[1]], fx.WIDTH - 2 * fx.MARGIN, fx.SIZE, 99)[0]]),
]


@pytest.mark.parametrize("name,build,expected", ORDER, ids=[o[0] for o in ORDER])
def test_reads_the_printed_lines_in_reading_order(name: str, build: Callable[[], bytes],
                                                  expected: list[str]) -> None:
    assert lines_of(build()) == expected


def test_the_fixtures_break_paragraphs_across_pages_and_columns() -> None:
    # Without these the paragraph tests below would prove nothing.
    assert crossing(fx.report_pages())
    assert crossing(fx.yearbook_columns())
    assert len(fx.report_pages()) == 3 and len(fx.yearbook_columns()) == 4


def test_reports_pages_and_format() -> None:
    out = read_pdf(fx.work_report())
    assert (out.pages, out.encoding, out.title) == (3, "pdf", None)


# (Title in the document information, the title read)
TITLES = [
    ("某某县人民代表大会常务委员会工作报告", "某某县人民代表大会常务委员会工作报告"),
    ("  某某县人大常委会\n工作报告 ", "某某县人大常委会 工作报告"),
    ("Microsoft Word - 2024年工作报告.doc", None),   # a converter's placeholder
    ("县人大常委会工作报告.wps", None),               # a file name
    ("文档1", None),
    ("sky", None),                                     # no Chinese: a user name, a template's
    ("", None),
]


@pytest.mark.parametrize("title,expected", TITLES)
def test_title_from_the_document_information(title: str, expected: str | None) -> None:
    assert read_pdf(fx.work_report(title=title)).title == expected


# --- chrome: headers, footers and page numbers in every style -------------------------------

@pytest.mark.parametrize("style", list(fx.PAGE_NUMBERS))
def test_page_numbers_and_running_header_are_removed(style: str) -> None:
    data = fx.work_report(page_number=fx.PAGE_NUMBERS[style])
    lines = lines_of(data)
    assert [line for line in lines if RE_PAGE_NUMBER.match(line)] == []
    assert not any(fx.HEADER in line or fx.ISSUE in line for line in lines)
    assert lines == REPORT_LINES


# --- paragraphs whole after normalize ------------------------------------------------------

# (name, builder, the paragraphs in order, paragraphs that must come out as one line each)
PARAGRAPHS = [
    ("one-column report", fx.work_report, [fx.TITLE, fx.DATELINE, *fx.REPORT], fx.REPORT),
    ("report, page numbers 第3页 共13页",
     lambda: fx.work_report(page_number=fx.PAGE_NUMBERS["第 3 页 共 13 页"]),
     [fx.TITLE, fx.DATELINE, *fx.REPORT], fx.REPORT),
    # A yearbook line can end with 。 inside a paragraph (normalize keeps that break): only
    # the paragraphs broken across a column mid-sentence are required whole.
    ("two-column yearbook", fx.yearbook_two_columns, [fx.YEARBOOK_TITLE, *fx.YEARBOOK],
     [fx.YEARBOOK[i] for i in crossing(fx.yearbook_columns())]),
]


@pytest.mark.parametrize("name,build,written,whole", PARAGRAPHS, ids=[p[0] for p in PARAGRAPHS])
def test_paragraphs_come_out_whole_after_normalize(name: str, build: Callable[[], bytes],
                                                    written: list[str], whole: list[str]) -> None:
    text = normalize(read_pdf(build()).text)
    assert text.replace("\n", "") == "".join(written)  # in order, nothing added or lost
    paragraphs = text.split("\n")
    assert [p for p in whole if p not in paragraphs] == []


def test_a_paragraph_across_the_page_break_is_joined() -> None:
    paragraphs = normalize(read_pdf(fx.work_report()).text).split("\n")
    for index in crossing(fx.report_pages()):
        assert fx.REPORT[index] in paragraphs


# --- refusals --------------------------------------------------------------------------------

def _not_pdf_zip() -> bytes:
    return b"PK\x03\x04" + b"\x00" * 200


# (name, builder, limits, the start of the reason, words it must also hold)
REJECTS: list[tuple[str, Callable[[], bytes], Limits, str, str]] = [
    ("scan, images only", fx.scanned, Limits(), "scanned PDF: no text layer", "2 of 2 pages"),
    ("scan with its page numbers as text", lambda: fx.scanned(stamp=True), Limits(),
     "scanned PDF: no text layer", "2 of 2 pages"),
    ("report bound with more scanned annex pages than text",
     lambda: fx.combined(fx.work_report(), fx.scanned(pages=3)), Limits(),
     "scanned PDF: no text layer", "3 of 6 pages"),
    ("user password", fx.password_protected, Limits(), "password-protected PDF: ",
     "Incorrect password"),
    ("cut off half-way", fx.truncated, Limits(), "broken PDF: ", "Data format error"),
    ("HTML page", lambda: b"<!DOCTYPE html><html><body>PDF</body></html>",
     Limits(), "not a PDF file", ""),
    ("ZIP (a .docx)", _not_pdf_zip, Limits(), "not a PDF file", ""),
    ("empty file", lambda: b"", Limits(), "not a PDF file", ""),
    ("blank pages", fx.blank, Limits(), "PDF holds no text", "any of its 2 pages"),
    ("more pages than the limit", fx.work_report, Limits(max_pages=2),
     "PDF of 3 pages is over the limit of 2 pages", ""),
    ("bigger than the limit", fx.work_report, Limits(max_bytes=1000), "PDF file of ", "is over the limit"),
    ("out of time", fx.work_report, Limits(max_seconds=-1), "reading the PDF took longer", ""),
]


@pytest.mark.parametrize("name,build,limits,reason,words", REJECTS, ids=[r[0] for r in REJECTS])
def test_rejects_with_a_specific_reason(name: str, build: Callable[[], bytes], limits: Limits,
                                        reason: str, words: str) -> None:
    with pytest.raises(FormatError) as info:
        read_pdf(build(), limits)
    assert info.value.reason.startswith(reason)
    assert words in info.value.reason


def test_a_scanned_annex_among_more_text_pages_is_read() -> None:
    out = read_pdf(fx.combined(fx.work_report(), fx.scanned(pages=1)))
    assert out.pages == 4 and out.text.split("\n") == REPORT_LINES


def test_a_pdf_header_after_leading_bytes_is_accepted() -> None:
    # Readers look for %PDF- in the first 1024 bytes; some servers prepend a few bytes.
    assert lines_of(b"\r\n\r\n" + fx.work_report()) == REPORT_LINES


# --- the page-number pattern ------------------------------------------------------------------

PAGE_NUMBER_LINES = ["- 3 -", "-3-", "— 3 —", "－3－", "第3页", "第 3 页", "第三页", "3", "12",
                     "3/13", "3 / 13", "第3页 共13页", "第 3 页，共 13 页", "Page 3 of 13", "· 3 ·"]
NOT_PAGE_NUMBER_LINES = ["第3次会议", "3月", "2023年", "一、", "代表建议186件", "第3条",
                         "（3）", "3.", "共13页的报告", "3个", "- 3 - 代表"]


@pytest.mark.parametrize("line", PAGE_NUMBER_LINES)
def test_page_number_lines(line: str) -> None:
    assert RE_PAGE_NUMBER.match(line)


@pytest.mark.parametrize("line", NOT_PAGE_NUMBER_LINES)
def test_not_page_number_lines(line: str) -> None:
    assert not RE_PAGE_NUMBER.match(line)
