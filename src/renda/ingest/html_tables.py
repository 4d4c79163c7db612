"""Tables of an HTML page: data tables become lines the extractors read, layout tables blocks.

CMS editors put figures in tables (election results, the reports a session heard), and old
government pages lay the whole page out in tables. trafilatura renders a table as
``| 选区 | 186个 |`` and reads a layout table as one big table, menus and footer included.
Rules, in order:

1. A *data table* holds no table, has two rows or more, two cells or more in some row, no
   cell over 100 characters, and is not mostly links (a menu laid out as a grid). Any other
   table is a *layout table*: its table, row and cell tags become ``<div>``, so that the
   extractor sees the blocks inside it.
2. A cell spanning columns or rows is repeated over its span (spans capped at 50).
3-6. The grid of cells then becomes lines as every format's tables do
   (:func:`renda.ingest.tables.grid_lines`: captions, header rows, ``选区：186个；``).
"""

from __future__ import annotations

import re

import lxml.html

from renda.ingest.tables import Row, grid_lines

MAX_SPAN = 50       # a rowspan=100000 must not make a table of a hundred thousand rows
MAX_CELL = 100      # characters: a longer cell holds text, not a figure
_CELL_TAGS = ("td", "th")
_LAYOUT_TAGS = ("tbody", "thead", "tfoot", "tr", "td", "th", "caption")


def rewrite_tables(tree: lxml.html.HtmlElement) -> None:
    """Replace every data table by its lines and unwrap every layout table, in place."""
    tables = list(tree.iter("table"))
    data = [is_data_table(t) for t in tables]
    for table, is_data in reversed(list(zip(tables, data))):  # inner tables first
        if is_data:
            _replace(table, table_lines(table))
        else:
            for el in [table, *table.iter(*_LAYOUT_TAGS)]:
                el.tag = "div"


def is_data_table(table: lxml.html.HtmlElement) -> bool:
    if table.find(".//table") is not None:
        return False
    rows = [[c for c in tr if c.tag in _CELL_TAGS] for tr in table.iter("tr")]
    cells = [c for row in rows for c in row]
    if len(rows) < 2 or max((len(r) for r in rows), default=0) < 2:
        return False
    texts = [_cell_text(c) for c in cells]
    if any(len(t) > MAX_CELL for t in texts):
        return False
    filled = [(c, t) for c, t in zip(cells, texts) if t]
    links = sum(1 for c, t in filled
                if _squash("".join(a.text_content() for a in c.iter("a"))) == t)
    return bool(filled) and links * 2 <= len(filled)


def table_lines(table: lxml.html.HtmlElement) -> list[str]:
    """The lines of a data table (rules 2-6; 3-6 in :mod:`renda.ingest.tables`)."""
    return grid_lines(_grid(table))


def _grid(table: lxml.html.HtmlElement) -> list[Row]:
    carried: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill)
    rows: list[Row] = []
    for tr in table.iter("tr"):
        tags = [c for c in tr if c.tag in _CELL_TAGS]
        cells: list[str] = []
        texts = [_cell_text(c) for c in tags]
        for cell, text in zip(tags, texts):
            _fill_carried(cells, carried)
            rowspan = _span(cell, "rowspan")
            for _ in range(_span(cell, "colspan")):
                if rowspan > 1:
                    carried[len(cells)] = (text, rowspan - 1)
                cells.append(text)
        _fill_carried(cells, carried)
        parent = tr.getparent()
        marked = bool(tags) and ((parent is not None and parent.tag == "thead")
                                 or all(c.tag == "th" for c in tags))
        filled = [(c, t) for c, t in zip(tags, texts) if t]
        rows.append(Row(cells, marked, bool(filled) and all(_is_bold(c, t) for c, t in filled)))
    return rows


def _fill_carried(cells: list[str], carried: dict[int, tuple[str, int]]) -> None:
    """Append the cells that rows above span into this row at its current end."""
    while len(cells) in carried:
        text, left = carried.pop(len(cells))
        if left > 1:
            carried[len(cells)] = (text, left - 1)
        cells.append(text)


def _span(cell: lxml.html.HtmlElement, attr: str) -> int:
    try:
        return max(1, min(int((cell.get(attr) or "1").strip()), MAX_SPAN))
    except ValueError:
        return 1


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    """A cell's text: inline tags joined (<b>72</b>360), blocks and <br> set off by a space."""
    parts: list[str] = []
    for piece in cell.xpath(".//text()"):
        parent = piece.getparent()
        block = parent is not None and parent.tag in ("p", "div", "br", "li") and (
            piece.is_tail or parent.tag != "br")
        parts.append(f" {piece} " if block else str(piece))
    return _squash("".join(parts))


def _is_bold(cell: lxml.html.HtmlElement, text: str) -> bool:
    bold = "".join("".join(b.itertext()) for b in cell.iter("b", "strong"))
    style = (cell.get("style") or "").replace(" ", "").lower()
    return "font-weight:bold" in style or (bool(bold) and _squash(bold) == text)


def _replace(table: lxml.html.HtmlElement, lines: list[str]) -> None:
    block = lxml.html.Element("div")
    for line in lines:
        p = lxml.html.Element("p")
        p.text = line
        block.append(p)
    block.tail = table.tail
    parent = table.getparent()
    if parent is not None:
        parent.replace(table, block)


def _squash(text: str) -> str:
    return re.sub(r"[\s\u3000\xa0]+", " ", text).strip()


__all__ = ["is_data_table", "rewrite_tables", "table_lines"]
