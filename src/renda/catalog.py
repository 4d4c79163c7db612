"""The static catalog: ``curated/index.html`` and a site per release under ``curated/catalog/``.

Plain HTML with inline CSS: no build step, no script, no CDN, nothing fetched when a page is
opened. Every piece of report text goes through :func:`html.escape`. Pages:

- ``index.html``: releases newest first, each file with size and sha256, row counts,
  validation status; links to the release's pages.
- ``catalog/<version>/index.html``: the release's tables, a preview of each, its documents.
- ``catalog/<version>/table-<name>.html``: a preview of a table (first rows).
- ``catalog/<version>/doc-<doc_id>.html``: a document's normalized text with every extracted
  span highlighted (``<mark id="span-<start>-<end>">``) and linked to its rows below.
"""

from __future__ import annotations

import html
import json
import os
import shutil
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote

import pyarrow.parquet as pq

from renda.contract import FACT_TABLES, TABLES
from renda.layout import CuratedLayout, version_key
from renda.locking import exclusive_lock
from renda.publish import row_counts

PREVIEW_ROWS = 50
_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em auto;
max-width:70em;padding:0 1em;color:#222;line-height:1.5}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3} td.num{text-align:right} code{font-size:.85em;word-break:break-all}
mark{background:#ffe58a;padding:0 .1em} mark mark{background:#ffc14d}
mark:target{outline:2px solid #d33}
.text{white-space:pre-wrap;font-size:1.05em;border-left:3px solid #ddd;padding-left:1em}
.ok{color:#176f2c;font-weight:bold} .fail{color:#b00020;font-weight:bold}
nav a{margin-right:1em}
"""


def _e(value: Any) -> str:
    return "" if value is None else html.escape(str(value), quote=True)


def _page(title: str, body: str, depth: int) -> str:
    home = "../" * depth + "index.html"
    return (f"<!doctype html>\n<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
            f"<nav><a href=\"{home}\">renda catalog</a></nav><h1>{_e(title)}</h1>\n{body}\n"
            f"</body></html>\n")


def _human(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def _validation_status(release: Path) -> str:
    results = release / "validation" / "results.json"
    if not results.exists():
        return "<span>not validated</span>"
    try:
        data = json.loads(results.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "<span class=\"fail\">unreadable results</span>"
    success = data.get("success")
    if success is None and isinstance(data, dict):
        flags = [v.get("success") for v in data.values() if isinstance(v, dict)]
        success = all(f is not False for f in flags) if flags else None
    link = "<a href=\"releases/{v}/validation/index.html\">report</a>".format(v=_e(release.name))
    label = "<span class=\"ok\">passed</span>" if success else "<span class=\"fail\">failures</span>"
    return f"{label} ({link})"


def _files_table(release: Path) -> str:
    sums = {}
    sums_file = release / "SHA256SUMS"
    if sums_file.exists():
        for line in sums_file.read_text(encoding="utf-8").splitlines():
            digest, _, name = line.partition("  ")
            sums[name] = digest
    rows = []
    for name in sorted(sums):
        path = release / name
        size = path.stat().st_size if path.exists() else 0
        rows.append(f"<tr><td><a href=\"releases/{_e(release.name)}/{_e(name)}\">{_e(name)}</a></td>"
                    f"<td class=\"num\">{_human(size)}</td><td><code>{_e(sums[name])}</code></td></tr>")
    return ("<table><tr><th>file</th><th>size</th><th>sha256</th></tr>" + "".join(rows)
            + "</table>")


def _table_html(rows: list[dict[str, Any]], columns: list[str], link_doc: bool = False,
                anchor: bool = False, link_span: bool = False) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = []
    for row in rows:
        cells = []
        for c in columns:
            value = row.get(c)
            text = _e(value)
            if link_doc and c == "doc_id" and value is not None:
                text = f"<a href=\"doc-{_e(value)}.html\">{text}</a>"
            if link_span and c == "record_id":  # back to the highlighted evidence
                text = f"<a href=\"#span-{row['char_start']}-{row['char_end']}\">{text}</a>"
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cells.append(f"<td class=\"num\">{text}</td>")
            else:
                cells.append(f"<td>{text}</td>")
        rid = f" id=\"row-{_e(row['record_id'])}\"" if anchor and row.get("record_id") else ""
        body.append(f"<tr{rid}>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def highlight(text: str, spans: list[tuple[int, int, list[str]]]) -> str:
    """The text, escaped, with each span wrapped in ``<mark id="span-S-E">``.

    Spans nest when one lies inside another; a span that crosses another's edge is not
    marked (its rows still link to the offsets). ``spans`` is (start, end, record_ids).
    """
    ordered = sorted({(s, e): ids for s, e, ids in spans}.items(), key=lambda kv: (kv[0][0], -kv[0][1]))
    accepted: list[tuple[int, int, list[str]]] = []
    stack: list[tuple[int, int]] = []
    for (s, e), ids in ordered:
        while stack and stack[-1][1] <= s:
            stack.pop()
        if stack and e > stack[-1][1]:
            continue  # crosses the enclosing span's end
        accepted.append((s, e, ids))
        stack.append((s, e))
    events: dict[int, list[str]] = {}
    closes: dict[int, int] = {}
    for s, e, ids in accepted:
        title = "rows: " + ", ".join(ids)
        events.setdefault(s, []).append(
            f"<mark id=\"span-{s}-{e}\" title=\"{_e(title)}\"><a href=\"#row-{_e(ids[0])}\" "
            f"class=\"span\" style=\"color:inherit;text-decoration:none\">")
        closes[e] = closes.get(e, 0) + 1
    out = []
    pos = 0
    for i in sorted(set(events) | set(closes)):
        out.append(html.escape(text[pos:i]))
        if i in closes:
            out.append("</a></mark>" * closes[i])
        if i in events:
            # Longer spans open first so that they enclose the shorter ones.
            out.extend(events[i])
        pos = i
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _document_page(version: str, doc: dict[str, Any], text: str,
                   facts: dict[str, list[dict[str, Any]]], raw_href: str | None = None) -> str:
    spans: dict[tuple[int, int], list[str]] = {}
    for rows in facts.values():
        for r in rows:
            spans.setdefault((r["char_start"], r["char_end"]), []).append(r["record_id"])

    def cell(k: str) -> str:
        value = doc.get(k)
        if k == "source_file" and raw_href:
            return f"<a href=\"{_e(raw_href)}\">{_e(value)}</a> (the raw file)"
        return _e(value)
    meta_rows = "".join(f"<tr><th>{_e(k)}</th><td>{cell(k)}</td></tr>" for k in (
        "doc_id", "source_file", "format", "source_url", "doc_type", "title", "body", "province",
        "city", "county", "admin_code", "report_year", "published_date", "encoding", "script",
        "n_chars"))
    parts = [f"<p>Release {_e(version)}. Every highlighted span is the evidence of a row "
             f"below; click it to go to the row.</p><table>{meta_rows}</table>",
             "<h2>Normalized text</h2>",
             f"<div class=\"text\" id=\"text\">{highlight(text, [(s, e, ids) for (s, e), ids in spans.items()])}</div>"]
    for name in FACT_TABLES:
        rows = facts.get(name, [])
        parts.append(f"<h2>{_e(name)} ({len(rows)})</h2>")
        if rows:
            cols = ["record_id"] + [c for c in TABLES[name].column_names
                                    if c not in ("record_id", "doc_id", "extractor")]
            parts.append(_table_html(rows, cols, anchor=True, link_span=True))
    return _page(f"{doc.get('title') or doc['source_file']} ({version})", "\n".join(parts), 2)


def _rows(path: Path, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """The rows of a Parquet file, batch by batch (never the whole table in memory)."""
    for batch in pq.ParquetFile(path).iter_batches(batch_size=2000, columns=columns):
        yield from batch.to_pylist()


class _Grouped:
    """Rows of a table stored in document order, handed out one document at a time."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self._rows = rows
        self._next: dict[str, Any] | None = next(rows, None)

    def take(self, doc_id: str) -> list[dict[str, Any]]:
        out = []
        while self._next is not None and self._next["doc_id"] == doc_id:
            out.append(self._next)
            self._next = next(self._rows, None)
        return out


def build_release_site(layout: CuratedLayout, version: str, raw_root: Path | None = None) -> Path:
    """Write ``catalog/<version>/``: release page, table previews, document pages.

    Tables are stored in document order (documents, their text and their fact rows), so the
    pages are built in one pass over the files, a document at a time. With ``raw_root``
    (the raw folder the release was made from), each document page links its raw file by a
    relative address, so the link holds wherever raw/ and curated/ are moved together.
    """
    release = layout.release(version)
    out = layout.root / "catalog" / version
    tmp = out.with_name(f".tmp-{version}-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    names = [n for n in TABLES if (release / f"{n}.parquet").exists()]
    counts = {n: pq.ParquetFile(release / f"{n}.parquet").metadata.num_rows for n in names}
    for name in names:
        if name == "document_text":
            continue
        preview = []
        for row in _rows(release / f"{name}.parquet"):
            preview.append(row)
            if len(preview) >= PREVIEW_ROWS:
                break
        cols = TABLES[name].column_names
        page = (f"<p>{_e(TABLES[name].en)} {_e(TABLES[name].zh)}</p><p>Showing "
                f"{len(preview)} of {counts[name]} rows. Full table: "
                f"<a href=\"../../releases/{_e(version)}/{_e(name)}.csv\">{_e(name)}.csv</a>, "
                f"<a href=\"../../releases/{_e(version)}/{_e(name)}.parquet\">{_e(name)}.parquet</a>.</p>"
                + _table_html(preview, cols, link_doc=True))
        (tmp / f"table-{name}.html").write_text(_page(f"{name} — {version}", page, 2), encoding="utf-8")
    texts = _Grouped(_rows(release / "document_text.parquet")) if "document_text" in names else None
    facts = {n: _Grouped(_rows(release / f"{n}.parquet")) for n in FACT_TABLES if n in names}
    doc_cols = ["doc_id", "source_file", "format", "doc_type", "title", "county", "report_year"]
    doc_index: list[dict[str, Any]] = []
    for doc in _rows(release / "documents.parquet"):
        text_rows = texts.take(doc["doc_id"]) if texts else []
        doc_facts = {n: g.take(doc["doc_id"]) for n, g in facts.items()}
        raw_href = (quote(Path(os.path.relpath(raw_root.resolve() / doc["source_file"],
                                               out.resolve())).as_posix())
                    if raw_root is not None else None)
        (tmp / f"doc-{doc['doc_id']}.html").write_text(
            _document_page(version, doc, text_rows[0]["text"] if text_rows else "", doc_facts,
                           raw_href),
            encoding="utf-8")
        doc_index.append({c: doc.get(c) for c in doc_cols})
    table_links = "".join(
        f"<li><a href=\"table-{_e(n)}.html\">{_e(n)}</a> ({counts[n]} rows)</li>"
        for n in names if n != "document_text")
    doc_links = _table_html(doc_index, doc_cols, link_doc=True)
    body = (f"<h2>Tables</h2><ul>{table_links}</ul>{_charts_html(release)}"
            f"<h2>Documents</h2>{doc_links}")
    (tmp / "index.html").write_text(_page(f"Release {version}", body, 2), encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    os.replace(tmp, out)
    return out


def _charts_html(release: Path) -> str:
    """The release's charts (:mod:`renda.charts`), each an inline SVG with its table."""
    from renda.charts import release_charts

    parts = []
    for chart in release_charts(release):
        rows = [dict(zip(chart.columns, r)) for r in chart.rows]
        parts.append(f"<figure class=\"chart\" id=\"chart-{_e(chart.key)}\"><figcaption>"
                     f"{_e(chart.title)}</figcaption>{chart.svg}"
                     f"{_table_html(rows, list(chart.columns))}</figure>")
    return ("<h2>Charts</h2>" + "".join(parts)) if parts else ""


def build_catalog(layout: CuratedLayout, lock_timeout: float = 600.0,
                  raw_root: Path | None = None) -> Path:
    """Rebuild ``index.html`` and the site of every published release (newest first),
    holding the curated folder's lock so that no release appears or goes meanwhile. A
    release's site is built once; ``raw_root`` links its documents' raw files."""
    with exclusive_lock(layout.lock_file, timeout=lock_timeout):
        return _build_catalog(layout, raw_root)


def _build_catalog(layout: CuratedLayout, raw_root: Path | None = None) -> Path:
    versions = sorted(layout.published_versions(), key=version_key, reverse=True)
    latest = layout.latest()
    catalog = layout.root / "catalog"
    if catalog.is_dir():
        for p in catalog.iterdir():
            if p.name not in versions:
                shutil.rmtree(p, ignore_errors=True)  # pruned releases and stale staging
    sections = []
    for v in versions:
        site = catalog / v / "index.html"
        if not site.exists():
            build_release_site(layout, v, raw_root)
        release = layout.release(v)
        counts = "".join(f"<tr><td><a href=\"catalog/{_e(v)}/table-{_e(n)}.html\">{_e(n)}</a></td>"
                         f"<td class=\"num\">{c}</td></tr>" for n, c in row_counts(release).items())
        tag = " (latest)" if v == latest else ""
        sections.append(
            f"<section><h2 id=\"v{_e(v)}\"><a href=\"catalog/{_e(v)}/index.html\">Release {_e(v)}</a>{tag}</h2>"
            f"<p>Validation: {_validation_status(release)}. "
            f"<a href=\"releases/{_e(v)}/README.md\">README</a> · "
            f"<a href=\"releases/{_e(v)}/CHANGES.md\">CHANGES</a> · "
            f"<a href=\"releases/{_e(v)}/datapackage.json\">datapackage.json</a></p>"
            f"<table><tr><th>table</th><th>rows</th></tr>{counts}</table>"
            f"<details><summary>Files</summary>{_files_table(release)}</details></section>")
    body = ("<p>Releases of the renda dataset, newest first. Each release is immutable; cite it by "
            "its version.</p>" + ("".join(sections) or "<p>No release yet.</p>"))
    index = layout.root / "index.html"
    tmp = index.with_name(f".index.{os.getpid()}.html")
    tmp.write_text(_page("renda catalog", body, 0), encoding="utf-8")
    os.replace(tmp, index)
    return index


def prune(layout: CuratedLayout, keep: int, lock_timeout: float = 600.0) -> list[str]:
    """Delete all but the ``keep`` newest releases; the one LATEST names is always kept.

    Holds the curated folder's lock, so a run publishing meanwhile never sees a release
    vanish under it (nor LATEST move before the choice of what to keep)."""
    if keep < 1:
        raise ValueError("keep must be at least 1")
    with exclusive_lock(layout.lock_file, timeout=lock_timeout):
        return _prune_locked(layout, keep)


def _prune_locked(layout: CuratedLayout, keep: int) -> list[str]:
    versions = sorted(layout.published_versions(), key=version_key, reverse=True)
    latest = layout.latest()
    keep_set = set(versions[:keep]) | ({latest} if latest else set())
    removed = []
    for v in versions:
        if v not in keep_set:
            # Rename out of the releases folder first, so no half-deleted release is listed.
            doomed = layout.releases / f".tmp-prune-{v}"
            os.replace(layout.release(v), doomed)
            shutil.rmtree(doomed)
            removed.append(v)
    return removed
