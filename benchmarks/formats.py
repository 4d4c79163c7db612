"""Throughput per input format, on one core: MB of raw bytes per second, and pages per second
for PDF, for the reader alone (bytes -> text) and for the whole per-document work
(:func:`renda.pipeline.process_report`: read, normalize, describe, extract).

Inputs: the real files of ``../shared/corpus`` by format (every ``.txt``; the government site
page; the 13-page work report PDF), and the files made here in ``tests/``: the HTML
fixtures, and the one report of ``tests/same_report.py`` as HTML, PDF and Word. Each
format's files are read ``--repeat`` times; the best pass counts.

    python benchmarks/formats.py [--repeat 5] [--write]

``--write`` replaces the section between ``<!-- formats:start -->`` and
``<!-- formats:end -->`` in ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from renda.ingest import RawReport, extract_text, format_of  # noqa: E402
from renda.pipeline import process_report  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
TODAY = dt.date(2026, 12, 2)


def inputs() -> dict[str, list[tuple[str, bytes]]]:
    by_format: dict[str, list[tuple[str, bytes]]] = {}

    def add(name: str, data: bytes) -> None:
        fmt = format_of(name)
        if fmt is not None:
            by_format.setdefault(fmt, []).append((name, data))

    if CORPUS.is_dir():
        for p in sorted(CORPUS.rglob("*")):
            if p.is_file() and format_of(p.name):
                add(p.relative_to(CORPUS).as_posix(), p.read_bytes())
    for p in sorted((REPO / "tests" / "fixtures" / "html").glob("*.html")):
        add(p.name, p.read_bytes())
    from tests import same_report
    add("same_report.html", same_report.html_bytes())
    add("same_report.docx", same_report.docx_bytes())
    try:
        add("same_report.pdf", same_report.pdf_bytes())
    except (AttributeError, ImportError):
        pass
    return by_format


def _best(fn, items: list[tuple[str, bytes]], repeat: int) -> float:
    for name, data in items:  # warm-up: imports, compiled patterns, gazetteer
        fn(name, data)
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for name, data in items:
            fn(name, data)
        best = min(best, time.perf_counter() - t)
    return best


def _read(name: str, data: bytes) -> object:
    try:
        return extract_text(name, data)
    except ValueError:
        return None


def _process(name: str, data: bytes) -> object:
    return process_report(RawReport(name, data, None), TODAY)


def measure(repeat: int) -> list[dict]:
    rows = []
    for fmt, items in sorted(inputs().items()):
        size = sum(len(d) for _, d in items)
        pages = 0
        if fmt == "pdf":
            pages = sum(getattr(_read(n, d), "pages", 0) or 0 for n, d in items)
        read_s = _best(_read, items, repeat)
        full_s = _best(_process, items, repeat)
        rows.append({"format": fmt, "files": len(items), "mb": size / 1e6,
                     "read_mb_s": size / read_s / 1e6, "full_mb_s": size / full_s / 1e6,
                     "pages": pages, "read_pages_s": pages / read_s if pages else None})
    return rows


def table(rows: list[dict]) -> str:
    out = ["| format | files | MB | reader MB/s | reader pages/s | whole document MB/s |",
           "|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        pages = f"{r['read_pages_s']:.1f} ({r['pages']} pages)" if r["read_pages_s"] else "–"
        out.append(f"| {r['format']} | {r['files']} | {r['mb']:.2f} | {r['read_mb_s']:.2f} | "
                   f"{pages} | {r['full_mb_s']:.2f} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    section = (f"<!-- formats:start -->\n## Throughput per format ({dt.date.today()}, one core)\n\n"
               + table(measure(args.repeat))
               + "\n\nReader: bytes to text (`renda.ingest.extract_text`). Whole document: "
               "read, normalize, describe and extract (`renda.pipeline.process_report`). "
               "`python benchmarks/formats.py --write` measures again.\n<!-- formats:end -->")
    print(section)
    if args.write:
        path = HERE / "RESULTS.md"
        text = path.read_text(encoding="utf-8")
        if "<!-- formats:start -->" in text:
            head, rest = text.split("<!-- formats:start -->", 1)
            text = head + section + rest.split("<!-- formats:end -->", 1)[1]
        else:
            text = text.rstrip() + "\n\n" + section + "\n"
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
