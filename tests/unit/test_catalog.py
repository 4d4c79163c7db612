"""The static catalog: escaped, offline, spans highlighted exactly on their evidence."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from renda import catalog
from renda.contract import DEPUTY_ACTIVITY, DOCUMENTS, DOCUMENT_TEXT, to_arrow
from renda.extract.base import DocContext, Sentence, fact_row
from renda.layout import CuratedLayout
from renda.publish import write_release

TEXT = "标题<script>alert(1)</script>\n全县建成代表联络站8个，联络点56个。"
DOC_ID = "00112233aabbccdd"


class _Marks(HTMLParser):
    """Collects the text inside each <mark id=...>, nested marks included."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.text: dict[str, str] = {}
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag == "mark":
            mark_id = dict(attrs)["id"]
            self.open.append(mark_id)
            self.text[mark_id] = ""

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data):
        for m in self.open:
            self.text[m] += data


def _release(tmp_path: Path) -> CuratedLayout:
    ctx = DocContext(DOC_ID, "news", 2022)
    start = TEXT.index("全县")
    sentence = Sentence(TEXT[start:], start, len(TEXT))
    clause_end = TEXT.index("，") + 1
    clause = Sentence(TEXT[start:clause_end], start, clause_end)
    rows = [
        fact_row("deputy_activity", ctx, clause, "unspecified",
                 {"actor": None, "actor_type": "unspecified", "metric": "liaison_stations"},
                 value=8.0, unit="个", approximate=False, detail=None),
        fact_row("deputy_activity", ctx, sentence, "unspecified",
                 {"actor": None, "actor_type": "unspecified", "metric": "liaison_points"},
                 value=56.0, unit="个", approximate=False, detail=None),
    ]
    doc = {"doc_id": DOC_ID, "source_file": "x<y>.txt", "sha256": "a" * 64, "encoding": "utf-8",
           "format": "txt", "script": "hans", "doc_type": "news", "title": "<b>标题</b>",
           "report_year": 2022, "n_chars": len(TEXT)}
    tables = {
        "documents": to_arrow(DOCUMENTS, [doc]),
        "document_text": to_arrow(DOCUMENT_TEXT, [{"doc_id": DOC_ID, "text": TEXT}]),
        "deputy_activity": to_arrow(DEPUTY_ACTIVITY, rows),
    }
    layout = CuratedLayout(tmp_path)
    write_release(layout, tables, [], version="2022.01.01", created="2022-01-01T00:00:00+00:00")
    return layout


def test_document_page_escapes_and_highlights(tmp_path: Path) -> None:
    layout = _release(tmp_path)
    catalog.build_catalog(layout)
    page = (tmp_path / "catalog" / "2022.01.01" / f"doc-{DOC_ID}.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    parser = _Marks()
    parser.feed(page)
    assert parser.scripts == 0
    start = TEXT.index("全县")
    assert parser.text[f"span-{start}-{len(TEXT)}"] == TEXT[start:]
    clause_end = TEXT.index("，") + 1
    assert parser.text[f"span-{start}-{clause_end}"] == TEXT[start:clause_end]  # nested mark


def test_document_page_shows_the_format_and_links_the_raw_file(tmp_path: Path) -> None:
    layout = _release(tmp_path / "curated")
    raw = tmp_path / "raw"
    catalog.build_catalog(layout, raw_root=raw)
    page = (tmp_path / "curated" / "catalog" / "2022.01.01" / f"doc-{DOC_ID}.html").read_text(
        encoding="utf-8")
    assert "<tr><th>format</th><td>txt</td></tr>" in page
    # relative from curated/catalog/<version>/ to raw/<source_file>, percent-encoded
    assert '<a href="../../../raw/x%3Cy%3E.txt">x&lt;y&gt;.txt</a> (the raw file)' in page


def test_catalog_is_offline(tmp_path: Path) -> None:
    layout = _release(tmp_path)
    index = catalog.build_catalog(layout)
    for page in [index, *(tmp_path / "catalog").rglob("*.html")]:
        content = page.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", content), page
        assert "<script" not in content and "<link" not in content
    assert "Release 2022.01.01" in index.read_text(encoding="utf-8")


def test_crossing_spans_are_not_marked() -> None:
    html = catalog.highlight("abcdef", [(0, 4, ["r1"]), (2, 6, ["r2"])])
    assert html.count("<mark") == 1 and "span-0-4" in html


def test_prune_keeps_latest(tmp_path: Path) -> None:
    layout = _release(tmp_path)
    for v in ("2022.01.02", "2022.01.03"):
        (layout.releases / v).mkdir()
    # LATEST still names 2022.01.01, the oldest: it must survive --keep 1.
    removed = catalog.prune(layout, keep=1)
    assert removed == ["2022.01.02"]
    assert sorted(layout.published_versions()) == ["2022.01.01", "2022.01.03"]
    with pytest.raises(ValueError):
        catalog.prune(layout, keep=0)


def test_prune_waits_for_a_publishing_run(tmp_path: Path) -> None:
    from renda.locking import LockTimeout, exclusive_lock

    layout = _release(tmp_path)
    (layout.releases / "2022.01.02").mkdir()
    with exclusive_lock(layout.lock_file):
        with pytest.raises(LockTimeout):
            catalog.prune(layout, keep=1, lock_timeout=0.3)
    assert sorted(layout.published_versions()) == ["2022.01.01", "2022.01.02"]
