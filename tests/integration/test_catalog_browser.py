"""A reader's walk through the catalog in headless Chromium (Debian's `chromium` package).

Skipped, with how to get it, when no Chromium is installed: `apt-get install chromium`
(.ci/run installs it before `make test`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import SEED

pytestmark = pytest.mark.integration

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium not found: install Debian's package with `apt-get install chromium` "
                    "(.ci/run does this) to run the browser test")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_reader_checks_a_figure_against_its_sentence(browser, corpus_run: dict, tmp_path: Path) -> None:
    curated: Path = corpus_run["curated"]
    release = Path(corpus_run["path"])
    version = corpus_run["version"]
    seed_id = next(d["doc_id"] for d in pq.read_table(release / "documents.parquet").to_pylist()
                   if d["source_file"] == SEED)
    requests: list[str] = []
    page = browser.new_page()
    page.on("request", lambda r: requests.append(r.url))

    page.goto((curated / "index.html").as_uri())
    assert page.title() == "renda catalog"
    page.click(f"text=Release {version}")
    assert page.url.endswith(f"catalog/{version}/index.html")

    page.click("text=supervision")
    assert "supervision" in page.title()
    preview_rows = page.locator("table tr").count() - 1
    assert preview_rows == min(corpus_run["row_counts"]["supervision"], 50)

    page.go_back()
    page.click(f"a[href='doc-{seed_id}.html'] >> nth=0")
    assert page.url.endswith(f"doc-{seed_id}.html")
    text = page.locator("#text").inner_text()
    assert "2021年3月18日，全县15.59万名选民参加投票" in text

    rows = [r for table in ("elections", "supervision", "deputy_activity")
            for r in pq.read_table(release / f"{table}.parquet").to_pylist() if r["doc_id"] == seed_id]
    assert rows, "the seed report yields no rows"
    checked = 0
    for row in rows:
        mark = page.locator(f"#span-{row['char_start']}-{row['char_end']}")
        if mark.count():
            assert mark.first.text_content() == row["evidence"]
            checked += 1
    assert checked >= len({(r["char_start"], r["char_end"]) for r in rows}) // 2
    # Following a highlighted span leads to its row.
    first = rows[0]
    page.click(f"#span-{first['char_start']}-{first['char_end']} >> a >> nth=0")
    assert page.url.split("#")[1].startswith("row-")

    page.screenshot(path=str(tmp_path / "seed-document.png"), full_page=True)

    # The release's validation report opens as a page of its own, offline.
    page.goto((release / "validation" / "index.html").as_uri())
    assert "validation" in page.title()
    assert "passed" in page.locator("body").inner_text()
    assert (tmp_path / "seed-document.png").stat().st_size > 10_000
    assert all(u.startswith(("file://", "data:", "about:")) for u in requests), requests


def test_the_release_page_charts_render_with_their_tables(browser, corpus_run: dict,
                                                          tmp_path: Path) -> None:
    curated: Path = corpus_run["curated"]
    version = corpus_run["version"]
    requests: list[str] = []
    page = browser.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.goto((curated / "catalog" / version / "index.html").as_uri())
    figures = page.locator("figure.chart")
    keys = [figures.nth(i).get_attribute("id") for i in range(figures.count())]
    assert keys == ["chart-province", "chart-year", "chart-turnout", "chart-methods",
                    "chart-deputies"]
    for i in range(figures.count()):
        figure = figures.nth(i)
        box = figure.locator("svg").bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100, keys[i]
        assert figure.locator("table tr").count() >= 2, keys[i]  # a header and its numbers
    methods = page.locator("#chart-methods table").inner_text()
    assert "law_enforcement_inspection" in methods
    page.screenshot(path=str(tmp_path / "release-charts.png"), full_page=True)
    assert (tmp_path / "release-charts.png").stat().st_size > 10_000
    assert all(u.startswith(("file://", "data:", "about:")) for u in requests), requests
