"""The PDF reader: a report's text layer in reading order, without the pages' chrome.

Rules, in order:

1. Bounds and kind: :func:`check_size` first; bytes without ``%PDF-`` in their first 1024
   bytes (where readers look for it) are "not a PDF file".
2. The file is opened with pdfium (pypdfium2). A user password (an owner password alone only
   restricts printing or copying, and is read) gives "password-protected PDF: …"; any other
   failure, a download cut short among them, gives "broken PDF: …" with pdfium's error.
3. More than :attr:`Limits.max_pages` pages: rejected, naming the page count. Reading the
   first pages only would publish part of a report as if it were all of it. A
   :class:`Deadline` is checked before each page.
4. Characters: each page's characters with their loose boxes (the font's ascent to descent,
   so that 一 and 。 are as tall as 国), turned to the page as displayed (``/Rotate``).
   Characters set at an angle (a diagonal watermark, a stamp) are dropped. Line breaks
   (pdfium's) end a fragment; spaces (pdfium's or the file's) are kept (``议案建议 692 件``).
5. Fragments: a run of characters on one baseline with no gap wider than one character; a
   jump back to the left, a change of baseline or a wider gap (a column gutter, a table's
   cells) starts a new one. Fragments at the same height form a line, read left to right.
6. Scans: a page with images and fewer than :data:`MIN_TEXT_CHARS` characters has no text
   layer; when such pages are half the document or more, it is a "scanned PDF: no text
   layer" (no OCR is run). A document without text or images "holds no text".
7. Chrome: lines are peeled off each page's top and bottom edge (up to :data:`MAX_PEEL`
   lines each) while they are page numbers (``- 3 -``, ``— 3 —``, ``第3页``, ``3``, ``3/13``,
   ``第3页 共13页``) or running heads and feet: the same text (digits aside) at the same height
   near the edge of at least :data:`REPEAT_SHARE` of the pages (two at least).
8. Columns: a page is read in columns when a vertical gutter crosses the middle half of its
   text, with full lines of text on both sides (a table's short cells are not columns).
   Lines that cross the gutter (a title over both columns) cut the page into bands; each
   band is read left column first, then right, top to bottom. Other pages read top to bottom.
9. Output: one line per printed line, pages one after another. Line breaks inside paragraphs
   are kept: :func:`renda.normalize.normalize` joins them, across page breaks too, now that
   no header or page number stands between the halves of a paragraph.
10. Title: the document's ``Title`` when it reads as one (it has Chinese characters and is
   no converter's placeholder such as ``Microsoft Word - 报告.doc``). The file's creation
   date says when it was exported, not published: it is not read.

pdfium is not thread-safe: one lock serialises every document read in a process.
"""

from __future__ import annotations

import math
import re
import statistics
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium  # ships no type information
import pypdfium2.raw as pdfium_c

from renda.ingest.formats import DEFAULT_LIMITS, Deadline, Extracted, FormatError, Limits, check_size

MIN_TEXT_CHARS = 10       # fewer non-space characters than this on an image page: a scan
MAX_PEEL = 3              # chrome lines removed at most from each edge of a page
REPEAT_SHARE = 0.4        # a running head is on this share of the pages (odd/even heads differ)
GAP_EM = 1.0              # a gap wider than this many character heights splits a fragment
ANGLE_TOLERANCE = 10.0    # degrees off upright at which a character counts as rotated

_LOCK = threading.Lock()

# A page number alone on its line: - 3 -, — 3 —, 第3页, 3, 3/13, 第 3 页 共 13 页, Page 3 of 13.
RE_PAGE_NUMBER = re.compile(r"""
    ^[-—–－~·•\s]*                                     # - 3 -  — 3 —  (dashes, dots)
    (?:第\s*(?:\d{1,4}|[一二三四五六七八九十百零〇]+)\s*页   # 第3页, 第三页
     |[Pp]age\s*\d{1,4}                                 # Page 3
     |\d{1,4})                                          # 3
    (?:\s*[/／]\s*\d{1,4}                               # 3/13
     |\s*[,，]?\s*共\s*\d{1,4}\s*页                      # 第3页 共13页
     |\s*of\s*\d{1,4})?                                 # Page 3 of 13
    [-—–－~·•\s]*$""", re.X)
_RE_PLACEHOLDER_TITLE = re.compile(r"^(?:Microsoft Word - |文档\d*$|新建|无标题|untitled)|"
                                   r"\.(?:docx?|wps|rtf|pdf)$", re.I)
_RE_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass
class _Frag:
    """A run of characters on one baseline, in display coordinates (y grows upwards)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    last: float = 0.0   # left edge of the last character (punctuation pairs overlap: ，“)

    @property
    def mid(self) -> float:
        return (self.y0 + self.y1) / 2


_Line = list[_Frag]
_Box = tuple[float, float, float, float]


@dataclass
class _Page:
    frags: list[_Frag]
    chars: int          # non-space characters read
    images: bool        # the page holds an image (looked at only when it has few characters)


def read_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """The report's text in reading order (see the module's rules), or :class:`FormatError`."""
    check_size(data, limits, "PDF file")
    if b"%PDF-" not in data[:1024]:
        raise FormatError("not a PDF file")
    with _LOCK:
        pdf = _open(data)
        try:
            pages = _read_pages(pdf, limits)
            title = _title(pdf)
        finally:
            pdf.close()
    _check_text_layer(pages)
    heads = _running_heads(pages)
    lines: list[str] = []
    for page in pages:
        body = _peel(_lines(page.frags), heads)
        kept = [f for line in body for f in line]
        lines.extend(_text(line) for line in _reading_order(kept))
    return Extracted("\n".join(line for line in lines if line), "pdf", title=title,
                     pages=len(pages))


# --- 2, 3. opening and bounds ---------------------------------------------------------------

def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise FormatError(f"password-protected PDF: {message.rstrip('.')}; save a copy "
                              "without the password and run again") from exc
        raise FormatError(f"broken PDF: {message}") from exc


def _read_pages(pdf: pdfium.PdfDocument, limits: Limits) -> list[_Page]:
    count = len(pdf)
    if count > limits.max_pages:
        raise FormatError(f"PDF of {count} pages is over the limit of {limits.max_pages} pages "
                          "(raise Limits.max_pages to read it)")
    deadline = Deadline(limits.max_seconds, "reading the PDF")
    pages = []
    for index in range(count):
        deadline.check()
        try:
            page = pdf[index]
        except pdfium.PdfiumError as exc:
            raise FormatError(f"broken PDF: page {index + 1}: {exc}") from exc
        try:
            pages.append(_read_page(page))
        finally:
            page.close()
    return pages


def _read_page(page: pdfium.PdfPage) -> _Page:
    textpage = page.get_textpage()
    try:
        frags = _fragments(textpage, _turn(page), page.get_rotation() % 360)
    finally:
        textpage.close()
    chars = sum(len(f.text.replace(" ", "")) for f in frags)
    images = chars < MIN_TEXT_CHARS and any(
        True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
    return _Page(frags, chars, images)


def _title(pdf: pdfium.PdfDocument) -> str | None:
    title = " ".join(str(pdf.get_metadata_dict().get("Title") or "").split())
    if not _RE_HAN.search(title) or _RE_PLACEHOLDER_TITLE.search(title):
        return None
    return title


# --- 4, 5. characters, fragments and lines ----------------------------------------------------

def _turn(page: pdfium.PdfPage) -> Callable[[_Box], _Box]:
    """A character box in page space to the page as displayed (turned clockwise by
    ``/Rotate``; y still grows upwards)."""
    rotation = page.get_rotation() % 360
    width, height = page.get_size()  # as displayed

    def turn(box: _Box) -> _Box:
        left, bottom, right, top = box
        if rotation == 90:
            return bottom, height - right, top, height - left
        if rotation == 180:
            return width - right, height - top, width - left, height - bottom
        if rotation == 270:
            return width - top, left, width - bottom, right
        return box

    return turn


def _fragments(textpage: pdfium.PdfTextPage, to_display: Callable[[_Box], _Box],
               rotation: int) -> list[_Frag]:
    frags: list[_Frag] = []
    current: _Frag | None = None
    space = False
    for code, box in _chars(textpage, rotation):
        if box is None:                 # a line break ends the fragment; a space is kept
            current = None if code in (10, 13) else current
            space = space or code not in (10, 13)
            continue
        x0, y0, x1, y1 = to_display(box)
        if current is None or _starts_fragment(current, x0, y0, x1, y1):
            current = _Frag("", x0, y0, x1, y1)
            frags.append(current)
        elif space:
            current.text += " "
        current.text += chr(code)
        current.x1, current.last = max(current.x1, x1), x0
        current.y0, current.y1 = min(current.y0, y0), max(current.y1, y1)
        space = False
    return [f for f in frags if f.text]


_SPACES = (10, 13, 32, 0xA0, 0x3000)


def _chars(textpage: pdfium.PdfTextPage, rotation: int) -> Iterator[tuple[int, _Box | None]]:
    """Each character's code and loose box in page space; line breaks and spaces, pdfium's
    or the file's, come without a box (their width is a gap between fragments, as any gap).
    Control characters, pdfium's mark of a broken-off hyphen (0xFFFE) and characters set at
    an angle are left out."""
    handle, rect = textpage.raw, pdfium_c.FS_RECTF()
    unicode, angle = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetCharAngle
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    for i in range(pdfium_c.FPDFText_CountChars(handle)):
        code = int(unicode(handle, i))
        if code in _SPACES:
            yield code, None
        elif code < 32 or code == 0xFFFE:
            continue
        elif _upright(angle(handle, i), rotation) and loose_box(handle, i, rect):
            yield code, (rect.left, rect.bottom, rect.right, rect.top)


def _upright(angle: float, rotation: int) -> bool:
    """pdfium gives a character's angle clockwise in radians (-1 when it cannot tell); the
    character stands upright on the displayed page when that and the page's rotation add up
    to a full turn."""
    if angle == 0 and rotation == 0 or angle < 0:
        return True
    off = (math.degrees(angle) + rotation) % 360
    return min(off, 360 - off) <= ANGLE_TOLERANCE


def _starts_fragment(frag: _Frag, x0: float, y0: float, x1: float, y1: float) -> bool:
    em = max(y1 - y0, 1.0)
    mid = (y0 + y1) / 2
    return (not frag.y0 <= mid <= frag.y1           # another baseline
            or x0 < frag.last - em / 4              # back to the left
            or x0 - frag.x1 > GAP_EM * em)          # a gutter or a table cell's gap


def _lines(frags: list[_Frag]) -> list[_Line]:
    """Fragments at the same height, top to bottom, each line read left to right. Each
    fragment's middle lies within the other's height, so that a tall one (a heading in large
    type) does not swallow the lines beside it."""
    lines: list[_Line] = []
    for frag in sorted(frags, key=lambda f: -f.y1):
        first = lines[-1][0] if lines else None
        if first and first.y0 <= frag.mid <= first.y1 and frag.y0 <= first.mid <= frag.y1:
            lines[-1].append(frag)
        else:
            lines.append([frag])
    return [sorted(line, key=lambda f: f.x0) for line in lines]


def _text(line: _Line) -> str:
    return " ".join(f.text for f in line)


# --- 6. scans ------------------------------------------------------------------------------

def _check_text_layer(pages: list[_Page]) -> None:
    scanned = sum(1 for p in pages if p.images)
    if pages and 2 * scanned >= len(pages):
        raise FormatError(f"scanned PDF: no text layer ({scanned} of {len(pages)} pages are "
                          "images without text; OCR it first)")
    if not any(p.chars for p in pages):
        raise FormatError(f"PDF holds no text: no character on any of its {len(pages)} pages")


# --- 7. chrome -----------------------------------------------------------------------------

def _key(frag: _Frag) -> str:
    return re.sub(r"\d+", "#", frag.text.replace(" ", ""))


def _edges(lines: list[_Line]) -> list[_Line]:
    return lines if len(lines) <= 2 * MAX_PEEL else lines[:MAX_PEEL] + lines[-MAX_PEEL:]


def _running_heads(pages: list[_Page]) -> set[tuple[str, int]]:
    """(text with digits masked, height in 2-point steps) of every fragment that stands near
    the top or bottom edge of at least REPEAT_SHARE of the pages, and of two pages at least."""
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    for n, page in enumerate(pages):
        for line in _edges(_lines(page.frags)):
            for frag in line:
                seen[_key(frag), round(frag.mid / 2)].add(n)
    need = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    heads = set()
    for (key, step), on in seen.items():
        near = on | seen.get((key, step - 1), set()) | seen.get((key, step + 1), set())
        if len(near) >= need:
            heads.add((key, step))
    return heads


def _is_chrome(line: _Line, heads: set[tuple[str, int]]) -> bool:
    if RE_PAGE_NUMBER.match(_text(line)):
        return True
    return all(RE_PAGE_NUMBER.match(f.text) or (_key(f), round(f.mid / 2)) in heads
               for f in line)


def _peel(lines: list[_Line], heads: set[tuple[str, int]]) -> list[_Line]:
    top = 0
    while top < min(MAX_PEEL, len(lines)) and _is_chrome(lines[top], heads):
        top += 1
    bottom = len(lines)
    while bottom > max(top, len(lines) - MAX_PEEL) and _is_chrome(lines[bottom - 1], heads):
        bottom -= 1
    return lines[top:bottom]


# --- 8. columns ----------------------------------------------------------------------------

def _reading_order(frags: list[_Frag], depth: int = 0) -> list[_Line]:
    """Lines in reading order: columns left to right within bands cut by lines over the
    gutter (recursively, so that three columns read too), else top to bottom."""
    gutter = _gutter(frags) if depth < 2 else None
    if gutter is None:
        return _lines(frags)
    spanning = _lines([f for f in frags if f.x0 < gutter < f.x1])
    bands: list[list[_Frag]] = [[] for _ in range(len(spanning) + 1)]
    for frag in frags:
        if not frag.x0 < gutter < frag.x1:
            bands[sum(1 for line in spanning if line[0].mid > frag.mid)].append(frag)
    out: list[_Line] = []
    for k, band in enumerate(bands):
        out += _reading_order([f for f in band if f.x1 <= gutter], depth + 1)
        out += _reading_order([f for f in band if f.x0 >= gutter], depth + 1)
        out += spanning[k:k + 1]
    return out


def _gutter(frags: list[_Frag]) -> float | None:
    """The x of a column gutter, or None: the widest stretch of the middle half of the text
    that the fewest fragments cross (a fifth of them at most), at least one character
    wide, with columns of full lines on both sides."""
    if len(frags) < 6:
        return None
    lo, hi = min(f.x0 for f in frags), max(f.x1 for f in frags)
    em = statistics.median(f.y1 - f.y0 for f in frags)
    events = sorted([(f.x0, 1) for f in frags] + [(f.x1, -1) for f in frags])
    best: tuple[int, float, float] | None = None
    crossing, prev = 0, lo
    for x, step in events:
        centre = (prev + x) / 2
        if x - prev > 0 and lo + (hi - lo) / 4 <= centre <= hi - (hi - lo) / 4:
            candidate = (crossing, -(x - prev), centre)
            best = candidate if best is None or candidate < best else best
        crossing, prev = crossing + step, x
    if best is None or -best[1] < 0.8 * em or best[0] > len(frags) / 5:
        return None
    gutter = best[2]
    left = [f for f in frags if f.x1 <= gutter]
    right = [f for f in frags if f.x0 >= gutter]
    return gutter if _column(left) and _column(right) and _side_by_side(left, right) else None


def _column(frags: list[_Frag]) -> bool:
    """Lines of running text: three at least, most of them eight characters or more and
    filling the column's width (a table's cells are short and ragged)."""
    if len(frags) < 3:
        return False
    width = max(f.x1 for f in frags) - min(f.x0 for f in frags)
    return (statistics.median(len(f.text) for f in frags) >= 8
            and statistics.median(f.x1 - f.x0 for f in frags) >= 0.6 * width)


def _side_by_side(left: list[_Frag], right: list[_Frag]) -> bool:
    """The two columns share at least half the height of the shorter one."""
    top = min(max(f.y1 for f in left), max(f.y1 for f in right))
    bottom = max(min(f.y0 for f in left), min(f.y0 for f in right))
    shorter = min(max(f.y1 for f in s) - min(f.y0 for f in s) for s in (left, right))
    return top - bottom >= shorter / 2


__all__ = ["RE_PAGE_NUMBER", "read_pdf"]
