"""PDF text extractors compared: speed and reading order, on the real PDF and on fixtures.

Measured once to choose the PDF reader (``src/renda/ingest/pdf.py``), and kept to re-check
the choice when pdfium, pypdfium2 or the reader change:

- **pdfium, stream order**: ``PdfTextPage.get_text_range()`` of every page, as pdfium orders
  the characters (content-stream order, its own line breaks);
- **pdfium, bounded**: ``get_text_bounded()`` over the whole page (the same order, clipped);
- **renda read_pdf**: pypdfium2's characters and loose boxes, laid out by renda's rules
  (fragments, lines, columns, running heads and page numbers removed);
- **pdfminer.six**: ``pdfminer.high_level.extract_text`` with its default layout analysis
  (``LAParams()``), if installed (it is not a dependency: ``pip install pdfminer.six``).

On the real 13-page work report of ``../shared/corpus/formats/pdf`` each is timed on one core
(the best of ``--repeat`` runs: pages/s and MB/s), and its output, normalized by
:func:`renda.normalize.normalize`, is checked for the gold's key phrase (``办理市人大代表议案建议692件``),
compared with pdfium's stream order (share of Han characters in the same order), and searched
for ``(cid:…)`` codes and page-number lines. On the fixtures of ``tests/pdf_fixtures.py`` (if
reportlab is installed) the text is compared with what was written: the two-column yearbook
pages and the one-column report with running header and page numbers are "exact" when the
normalized text, its line breaks aside, is the written text in order, with no chrome.

    python benchmarks/pdf_extractors.py [--pdf PATH] [--repeat 5]
"""

from __future__ import annotations

import argparse
import difflib
import io
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from renda.ingest.pdf import RE_PAGE_NUMBER, read_pdf
from renda.normalize import normalize

REPO = Path(__file__).resolve().parents[1]
REAL_PDF = REPO.parent / "shared" / "corpus" / "formats" / "pdf" / "beijing-government-report-2024.pdf"
KEY_PHRASE = "办理市人大代表议案建议692件"
_RE_HAN = re.compile(r"[\u4e00-\u9fff]")


def pdfium_range(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf).replace("\r\n", "\n")
    finally:
        pdf.close()


def pdfium_bounded(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in pdf).replace("\r\n", "\n")
    finally:
        pdf.close()


def renda_read_pdf(data: bytes) -> str:
    return read_pdf(data).text


def pdfminer_default(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(io.BytesIO(data)))


EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "pdfium, stream order": pdfium_range,
    "pdfium, bounded": pdfium_bounded,
    "renda read_pdf": renda_read_pdf,
    "pdfminer.six": pdfminer_default,
}


def available() -> dict[str, Callable[[bytes], str]]:
    try:
        import pdfminer  # noqa: F401
    except ImportError:
        print("pdfminer.six not installed: left out", file=sys.stderr)
        return {k: v for k, v in EXTRACTORS.items() if k != "pdfminer.six"}
    return EXTRACTORS


def best_seconds(fn: Callable[[bytes], str], data: bytes, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()  # one core: CPU time of this process
        fn(data)
        times.append(time.process_time() - start)
    return min(times)


def han_order(text: str, reference: str) -> float:
    """Share of the reference's Han characters found in the same order in the text."""
    a, b = _RE_HAN.findall(reference), _RE_HAN.findall(text)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in matcher.get_matching_blocks()) / max(len(a), 1)


def page_number_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip() and RE_PAGE_NUMBER.match(line))


def real_pdf_table(path: Path, repeat: int) -> list[str]:
    data = path.read_bytes()
    pages = len(pdfium.PdfDocument(data))
    reference = pdfium_range(data)
    rows = [f"Real PDF: {path.name}, {pages} pages, {len(data) / 1e6:.2f} MB; best of {repeat}, "
            "CPU time of one process",
            "",
            "| extractor | s | pages/s | MB/s | key phrase | Han chars | same order as pdfium "
            "| (cid:) | page-number lines |",
            "|---|---:|---:|---:|:---:|---:|---:|---:|---:|"]
    for name, fn in available().items():
        seconds = best_seconds(fn, data, repeat)
        raw = fn(data)
        text = normalize(raw)
        rows.append(f"| {name} | {seconds:.3f} | {pages / seconds:.0f} | {len(data) / 1e6 / seconds:.2f} "
                    f"| {'yes' if KEY_PHRASE in text else 'NO'} | {len(_RE_HAN.findall(text))} "
                    f"| {han_order(text, reference):.4f} | {text.count('(cid:')} "
                    f"| {page_number_lines(raw)} |")
    return rows


def fixture_table() -> list[str]:
    try:
        sys.path.insert(0, str(REPO / "tests"))
        import pdf_fixtures as fx
    except ImportError:
        return ["Fixtures: reportlab not installed, left out"]
    cases = {
        "one column, header + page numbers": (
            fx.work_report(), [fx.TITLE, fx.DATELINE, *fx.REPORT]),
        "two columns, interleaved stream": (
            fx.yearbook_two_columns(), [fx.YEARBOOK_TITLE, *fx.YEARBOOK]),
    }
    rows = ["", "Fixtures (tests/pdf_fixtures.py): normalized text, line breaks aside, equal to "
            "the text written, in order, with no header or page number",
            "",
            "| extractor | " + " | ".join(cases) + " |",
            "|---|" + ":---:|" * len(cases)]
    for name, fn in available().items():
        cells = []
        for data, written in cases.values():
            got = normalize(fn(data)).replace("\n", "").replace(" ", "")
            want = "".join(written).replace(" ", "")
            extra = len(_RE_HAN.findall(got)) - len(_RE_HAN.findall(want))
            cells.append("exact" if got == want else
                         f"no: {han_order(got, want):.2f} in order, {extra:+d} chars")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", type=Path, default=REAL_PDF)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = real_pdf_table(args.pdf, args.repeat) if args.pdf.is_file() else [
        f"real PDF not found at {args.pdf}: clone the project with ../shared beside it"]
    print("\n".join(rows + fixture_table()))


if __name__ == "__main__":
    main()
