"""Discovery of every file below --raw, the reasons a file is not read, the Word reader and
tables as lines (the HTML and PDF readers have their own test modules)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from renda.ingest import (Reject, discover, extract_text, format_of, not_read_reason,
                          read_raw)
from renda.ingest.docx import read_docx
from renda.ingest.formats import FormatError, Limits
from renda.ingest.tables import Row, grid_lines

docx = pytest.importorskip("docx")


# --- discovery ------------------------------------------------------------------------

def test_discover_lists_every_file_but_sidecars_and_hidden_ones(tmp_path: Path) -> None:
    for name in ("a.txt", "b/c.HTML", "b/d.shtml", "e.pdf", "f.docx", "g.doc", "h.mp4",
                 "README", "a.meta.yml", ".DS_Store", ".git/config", "b/.hidden.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    assert discover(tmp_path) == ["README", "a.txt", "b/c.HTML", "b/d.shtml", "e.pdf",
                                  "f.docx", "g.doc", "h.mp4"]


@pytest.mark.parametrize("name,fmt", [
    ("a.txt", "txt"), ("a.TXT", "txt"), ("a.html", "html"), ("a.htm", "html"),
    ("a.shtml", "html"), ("a.pdf", "pdf"), ("a.docx", "docx"), ("a.doc", None), ("a", None),
])
def test_format_of(name: str, fmt: str | None) -> None:
    assert format_of(name) == fmt


@pytest.mark.parametrize("name,reason", [
    ("report.doc", "Word 97-2003 .doc is not read: convert it to .docx"),
    ("report.wps", "WPS .wps is not read"),
    ("photo.jpg", "not a report format (.jpg)"),
    ("README", "not a report format (no suffix)"),
])
def test_files_not_read_say_why(name: str, reason: str) -> None:
    assert (not_read_reason(name) or "").startswith(reason)


def test_a_file_not_read_is_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "stream.mp4"
    import os
    os.mkfifo(fifo)  # opening it would block
    out = read_raw(tmp_path, "stream.mp4")
    assert isinstance(out, Reject) and out.reason.startswith("not a report format (.mp4)")


# --- tables as lines (every format's; the HTML reader's own rules in test_ingest_html) --

TABLES = [
    ("label | value", [["选区", "186个"], ["登记选民", "72360人"]],
     ["选区：186个；", "登记选民：72360人。"]),
    ("two columns: an unmarked first row is a row", [["项目", "数量"], ["选区", "186个"]],
     ["项目：数量；", "选区：186个。"]),
    ("header over rows", [["乡镇", "选区", "登记选民", "参选率"],
                          ["城关镇", "32个", "15300人", "96.1%"],
                          ["东坡乡", "", "8120人", "95.4%"]],
     ["乡镇：城关镇；选区：32个；登记选民：15300人；参选率：96.1%；",
      "乡镇：东坡乡；登记选民：8120人；参选率：95.4%。"]),
    ("a caption row", [["2023年换届选举结果", "2023年换届选举结果"], ["选区", "186个"]],
     ["2023年换届选举结果", "选区：186个。"]),
    ("empty", [["", ""], []], []),
]


@pytest.mark.parametrize("name,rows,lines", TABLES, ids=[t[0] for t in TABLES])
def test_grid_lines(name: str, rows: list[list[str]], lines: list[str]) -> None:
    assert grid_lines([Row(cells) for cells in rows]) == lines


def test_a_marked_header_naming_nothing_is_dropped_over_two_columns() -> None:
    rows = [Row(["项目", "数量"], marked_header=True), Row(["选区", "186个"]),
            Row(["参选率", "96.28%"])]
    assert grid_lines(rows) == ["选区：186个；", "参选率：96.28%。"]


# --- Word -----------------------------------------------------------------------------

def _word(paragraphs_and_tables: list[object], title: str = "") -> bytes:
    document = docx.Document()
    document.core_properties.title = title
    for block in paragraphs_and_tables:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            rows = block  # list of rows
            table = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[arg-type]
            for i, row in enumerate(rows):  # type: ignore[arg-type]
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_word_paragraphs_and_tables_in_document_order() -> None:
    data = _word(["某某县人大常委会关于换届选举工作情况的报告", "全县共划分选区186个。",
                  [["登记选民", "72360人"], ["参选率", "96.28%"]], "选举工作圆满完成。"],
                 title="关于换届选举工作情况的报告")
    out = read_docx(data)
    assert out.text.splitlines() == ["某某县人大常委会关于换届选举工作情况的报告",
                                     "全县共划分选区186个。", "登记选民：72360人；", "参选率：96.28%。",
                                     "选举工作圆满完成。"]
    assert (out.encoding, out.title) == ("docx", "关于换届选举工作情况的报告")
    assert extract_text("r.docx", data).text == out.text


@pytest.mark.parametrize("title", ["", "Microsoft Word - 报告.doc", "文档1"])
def test_word_placeholder_titles_are_no_titles(title: str) -> None:
    assert read_docx(_word(["正文一段。"], title=title)).title is None


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


BAD_WORD = [
    ("a zip renamed .docx", _zip({"photos/a.jpg": b"\xff\xd8"}),
     "not a Word file: a ZIP package without word/document.xml"),
    ("a text file renamed .docx", "选区186个".encode(), "not a Word file: not a ZIP package"),
    ("a .doc renamed .docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
     "a Word 97-2003 file (.doc) renamed .docx"),
    ("a broken package", _zip({"word/document.xml": b"<w:document"}), "broken Word file"),
    ("an empty document", None, "Word file holds no text"),
]


@pytest.mark.parametrize("name,data,reason", BAD_WORD, ids=[b[0] for b in BAD_WORD])
def test_bad_word_files_say_why(name: str, data: bytes | None, reason: str) -> None:
    with pytest.raises(FormatError) as err:
        read_docx(data if data is not None else _word([]))
    assert err.value.reason.startswith(reason)


def test_a_word_file_that_expands_past_the_limit_is_refused_before_expanding() -> None:
    bomb = _zip({"word/document.xml": b"<a/>", "word/media/pad.bin": b"\0" * 3_000_000})
    assert len(bomb) < 100_000
    with pytest.raises(FormatError) as err:
        read_docx(bomb, Limits(max_bytes=1_000_000))
    assert "expands to 3 MB, over the limit of 1 MB" in err.value.reason


def test_a_file_over_the_size_limit_is_refused() -> None:
    with pytest.raises(FormatError) as err:
        extract_text("big.txt", b"a" * 2_000_001, Limits(max_bytes=2_000_000))
    assert err.value.reason == "text file of 2.0 MB is over the limit of 2 MB"


# --- reads stay inside the raw folder and bounded -----------------------------------

def test_a_link_out_of_the_raw_folder_is_not_read(tmp_path: Path) -> None:
    raw, outside = tmp_path / "raw", tmp_path / "secret.txt"
    raw.mkdir()
    outside.write_text("密码", encoding="utf-8")
    (raw / "p.txt").symlink_to(outside)
    (raw / "sub").symlink_to(tmp_path, target_is_directory=True)
    (raw / "inside.txt").write_text("选区186个", encoding="utf-8")
    (raw / "link.txt").symlink_to(raw / "inside.txt")
    assert read_raw(raw, "p.txt") == Reject("p.txt", "a link to a file outside the raw folder: not read")
    assert isinstance(read_raw(raw, "sub/secret.txt"), Reject)
    ok = read_raw(raw, "link.txt")
    assert not isinstance(ok, Reject) and ok.data == "选区186个".encode()


def test_a_fifo_named_as_a_report_is_not_opened(tmp_path: Path) -> None:
    import os
    os.mkfifo(tmp_path / "pipe.txt")
    assert read_raw(tmp_path, "pipe.txt") == Reject(
        "pipe.txt", "not a regular file (a FIFO, device or socket): not read")


def test_a_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "big.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 3_000_000)
    out = read_raw(tmp_path, "big.pdf", Limits(max_bytes=1_000_000))
    assert out == Reject("big.pdf", "file of 3.0 MB is over the limit of 1 MB: not read")
