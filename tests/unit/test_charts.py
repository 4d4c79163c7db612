"""The release page's charts: SVG with its numbers as a table, no script, the same bytes for
the same release, labels escaped."""

from __future__ import annotations

from pathlib import Path

from renda import catalog
from renda.charts import release_charts
from renda.contract import DOCUMENTS, to_arrow
from renda.layout import CuratedLayout
from renda.publish import write_release
from tests.unit.test_catalog import _release


def test_charts_have_their_tables_and_are_stable(tmp_path: Path) -> None:
    layout = _release(tmp_path)
    release = layout.release("2022.01.01")
    charts = release_charts(release)
    assert [c.key for c in charts] == ["province", "year", "deputies"]
    year = next(c for c in charts if c.key == "year")
    assert year.rows == (("2022", 1, 2),)            # one document, its two deputy rows
    deputies = next(c for c in charts if c.key == "deputies")
    assert deputies.columns == ("report_year", "liaison_points", "liaison_stations")  # by name
    assert deputies.rows == ((2022, 56.0, 8.0),)
    for chart in charts:
        assert chart.svg.startswith("<svg") and "<script" not in chart.svg
    assert [c.svg for c in release_charts(release)] == [c.svg for c in charts]


def test_the_release_page_shows_each_chart_with_its_table(tmp_path: Path) -> None:
    layout = _release(tmp_path)
    catalog.build_catalog(layout)
    page = (tmp_path / "catalog" / "2022.01.01" / "index.html").read_text(encoding="utf-8")
    assert page.count("<figure class=\"chart\"") == 3
    assert page.count("<svg") == 3 and "<script" not in page
    assert "<td>liaison_points</td>" not in page and "<th>liaison_points</th>" in page


def test_labels_are_escaped(tmp_path: Path) -> None:
    doc = {"doc_id": "a" * 16, "source_file": "a.txt", "sha256": "a" * 64, "encoding": "utf-8",
           "format": "txt", "script": "hans", "doc_type": "news", "title": "<b>标题</b>",
           "province": "<script>alert(1)</script>", "report_year": 2022, "n_chars": 1}
    layout = CuratedLayout(tmp_path)
    write_release(layout, {"documents": to_arrow(DOCUMENTS, [doc])}, [], version="2022.01.01",
                  created="2022-01-01T00:00:00+00:00")
    html = catalog._charts_html(layout.release("2022.01.01"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
