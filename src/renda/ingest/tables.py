"""Tables as lines the extractors read, for every format that has tables (HTML, Word).

CMS editors and report writers put figures in tables (election results, the reports a
session heard); the extractors read sentences. A table's grid of cells becomes lines, by
these rules in order (rules 1 and 2, which find a page's data tables and fill spanned
cells, are the HTML reader's: :mod:`renda.ingest.html_tables`):

3. A row holding one text across its width is a caption or a section row: a line of its own.
4. The header row is the first row when it is marked (``<th>`` cells, in ``<thead>``, or bold
   over plain rows below); in a table of three columns or more, also a first row with no
   digit above columns with digits (序号 | 报告名称 | 报告机关 over 1 | 关于… | 市财政局).
5. Two columns and no header (or a header naming nothing: 项目 | 数量): one line per row,
   label and value, ``选区：186个``. A header row: each row as ``序号：1；报告名称：关于…``
   (full-width colon and semicolon), empty cells left out. No header: cells joined by ``；``.
6. Rows end as the items of a Chinese list do: ``；``, the last ``。`` (``选区：186个；`` …
   ``选出县人大代表：195名。``). Without it a table's lines, none ending a sentence, make
   :func:`renda.normalize.normalize` take the text for one wrapped by print and join them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_RE_GENERIC_HEADER = re.compile(r"^(?:项目|類別|类别|指标|指標|名称|名稱|内容|內容|事项|事項|类型|類型)$")
_RE_DIGIT = re.compile(r"\d")
_TERMINAL = "。！？；：!?;"


@dataclass
class Row:
    """One row of a table: its cells' texts, and what marks it as a header."""

    cells: list[str]
    marked_header: bool = False  # all <th>, in <thead>, or Word's repeated header row
    bold: bool = False           # every non-empty cell bold


def grid_lines(grid: list[Row]) -> list[str]:
    """The lines of a table's grid of cells (rules 3-6), whatever format it came from."""
    rows = [r for r in grid if any(r.cells)]
    lines: list[tuple[str, bool]] = []  # (line, is a row of cells)
    body: list[Row] = []
    for row in rows:  # captions before the first row of cells stay above the table's lines
        caption = _caption(row)
        if caption is not None and not body:
            lines.append((caption, False))
        else:
            body.append(row)
    if body:
        width = max(len(r.cells) for r in body)
        header = body[0].cells if _is_header(body, width) else None
        if header is not None:
            body = body[1:]
            if width == 2 and _RE_GENERIC_HEADER.match(header[0]):
                header = None
        lines += [_row_line(row, header, width) for row in body]
    return _punctuated(lines)


def _row_line(row: Row, header: list[str] | None, width: int) -> tuple[str, bool]:
    caption = _caption(row)
    if caption is not None:
        return caption, False
    if header is not None:
        return _with_header(header, row.cells), True
    if width == 2:
        return _label_value(row.cells), True
    return "；".join(_distinct(c for c in row.cells if c)), True


def _punctuated(lines: list[tuple[str, bool]]) -> list[str]:
    """Rows end as the items of a list do (；, the last 。), so that the normalizer reads
    each as a finished line and does not join them as a paragraph broken by print."""
    last_row = max((i for i, (_, is_row) in enumerate(lines) if is_row), default=-1)
    out = []
    for i, (line, is_row) in enumerate(lines):
        if is_row and line and line[-1] not in _TERMINAL:
            line += "。" if i == last_row else "；"
        if line:
            out.append(line)
    return out


def _is_header(rows: list[Row], width: int) -> bool:
    first, rest = rows[0], rows[1:]
    if not rest:
        return False
    if first.marked_header or (first.bold and not any(r.bold for r in rest)):
        return True
    if width < 3 or any(_RE_DIGIT.search(c) for c in first.cells):
        return False
    return any(_RE_DIGIT.search(c) for r in rest for c in r.cells)


def _caption(row: Row) -> str | None:
    """The row's text when it holds one text across its width (or is one cell alone)."""
    return row.cells[0] if row.cells[0] and len(set(row.cells)) == 1 else None


def _with_header(header: list[str], cells: list[str]) -> str:
    parts = [f"{_label(h)}：{c}" if h and h != c else c
             for h, c in zip(header + [""] * (len(cells) - len(header)), cells) if c]
    return "；".join(_distinct(parts))


def _label_value(cells: list[str]) -> str:
    label, value = (cells + [""])[:2]
    if label and value and label != value:
        return f"{_label(label)}：{value}"
    return label or value


def _label(text: str) -> str:
    return text.rstrip("：:")


def _distinct(items: Iterable[str]) -> list[str]:
    """Items without immediate repeats (a cell spanning columns is one value)."""
    out: list[str] = []
    for item in items:
        if not out or out[-1] != item:
            out.append(item)
    return out



__all__ = ["Row", "grid_lines"]
