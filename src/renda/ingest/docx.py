"""The Word reader: a ``.docx`` report's paragraphs and tables, in document order.

Rules, in order:

1. The file must be a ZIP package holding ``word/document.xml`` (a ``.doc`` renamed, a PDF
   or a ZIP of something else is no Word file), and its entries together must expand to no
   more than :attr:`Limits.max_bytes` (a ZIP bomb is refused before anything is expanded).
2. The body is read with python-docx in document order (``iter_inner_content``): each
   paragraph is a line; each table becomes lines the extractors read, as an HTML page's
   do (:func:`renda.ingest.tables.grid_lines`: ``选区：186个；登记选民：72360人。``); a
   header row is the one Word repeats on each page, or a bold first row.
3. The title is the document's core property ``title`` when it is a real title (not empty,
   not a template's or a converter's placeholder such as ``Microsoft Word - 报告.doc``).
   Word's created and modified dates say when a file was edited, not when the report was
   published: they are not read.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from renda.ingest.formats import DEFAULT_LIMITS, Deadline, Extracted, FormatError, Limits, check_size
from renda.ingest.tables import Row, grid_lines

if TYPE_CHECKING:
    from docx.table import Table

_RE_PLACEHOLDER_TITLE = re.compile(r"^(?:Microsoft Word - |文档|新建|Document|无标题|untitled)", re.I)


def read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    check_size(data, limits, "Word file")
    _check_package(data, limits)
    import docx  # python-docx; imported here: only runs that meet a .docx pay for it
    from docx.table import Table

    deadline = Deadline(limits.max_seconds, "reading the Word file")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors, ...
        raise FormatError(f"broken Word file: {exc.__class__.__name__}: {exc}") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        deadline.check()
        if isinstance(block, Table):
            lines.extend(grid_lines(_grid(block)))
        else:
            lines.append(block.text)
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    if not text.strip():
        raise FormatError("Word file holds no text (an empty document, or only images)")
    title = (document.core_properties.title or "").strip()
    if not title or _RE_PLACEHOLDER_TITLE.match(title):
        title = ""
    return Extracted(text + "\n", "docx", title=title or None)


def _grid(table: Table) -> list[Row]:
    """A Word table's rows (a merged cell is repeated over its span by python-docx)."""
    rows = []
    for i, row in enumerate(table.rows):
        cells = [" ".join(cell.text.split()) for cell in row.cells]
        runs = [r for cell in row.cells for p in cell.paragraphs for r in p.runs if r.text.strip()]
        header = i == 0 and bool(row._tr.trPr is not None and row._tr.trPr.xpath("./w:tblHeader"))
        rows.append(Row(cells, marked_header=header, bold=bool(runs) and all(r.bold for r in runs)))
    return rows


def _check_package(data: bytes, limits: Limits) -> None:
    """Rule 1."""
    if data[:2] == b"\xd0\xcf":
        raise FormatError("a Word 97-2003 file (.doc) renamed .docx: convert it to .docx "
                          "(soffice --headless --convert-to docx FILE)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            expanded = sum(info.file_size for info in package.infolist())
    except zipfile.BadZipFile as exc:
        raise FormatError(f"not a Word file: not a ZIP package ({exc})") from exc
    if "word/document.xml" not in names:
        raise FormatError("not a Word file: a ZIP package without word/document.xml")
    if expanded > limits.max_bytes:
        raise FormatError(f"Word file expands to {expanded / 1e6:.0f} MB, over the limit of "
                          f"{limits.max_bytes / 1e6:.0f} MB")


__all__ = ["read_docx"]
