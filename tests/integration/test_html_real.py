"""The HTML reader on the real page of ``../shared/corpus/formats/html``: a State Council
Gazette page on gov.cn (TRS templates, a header include with its own ``</html>``, toolbar,
related links and two footers around a short NPCSC resolution).

What must be there comes from the gold (``../shared/eval/gold/formats.json``), read at run
time; the navigation strings below are short labels of the page's own navigation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from renda.ingest.formats import Extracted
from renda.ingest.html import read_html
from renda.normalize import normalize

pytestmark = pytest.mark.integration

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
NAME = "html/govcn-npcsc-resolution-2007.html"
PAGE = SHARED / "corpus" / "formats" / NAME
GOLD = SHARED / "eval" / "gold" / "formats.json"

# Labels of the page's header toolbar, related-links box, footer links and QR box.
NAVIGATION = ["个人中心", "无障碍", "相关稿件", "国务院部门网站", "扫一扫在手机打开当前页", "邮箱"]
SITE_NAME = "中国政府网"


def _skip_without_shared() -> None:
    if not PAGE.is_file() or not GOLD.is_file():
        pytest.skip(f"real page or gold not found under {SHARED}: clone the project with "
                    "../shared beside it to run this test")


@pytest.fixture(scope="module")
def page() -> bytes:
    _skip_without_shared()
    return PAGE.read_bytes()


@pytest.fixture(scope="module")
def extracted(page: bytes) -> Extracted:
    return read_html(page)


@pytest.fixture(scope="module")
def gold() -> dict[str, object]:
    _skip_without_shared()
    data: dict[str, object] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


def _gold_rows(gold: dict[str, object]) -> list[dict[str, object]]:
    return [row for table, rows in gold.items() if isinstance(rows, list)
            for row in rows if isinstance(row, dict) and row.get("file") == NAME]


def test_the_gold_says_what_is_there(gold: dict[str, object]) -> None:
    rows = _gold_rows(gold)
    assert any(r.get("evidence_key") for r in rows)
    assert any("must not reach document_text" in str(r.get("note", "")) for r in rows)


def test_article_text_present(extracted: Extracted, gold: dict[str, object]) -> None:
    normalized = normalize(extracted.text)
    for row in _gold_rows(gold):
        for key in (row.get("evidence_key"), row.get("key")):
            if key:
                assert str(key) in extracted.text
                assert str(key) in normalized


def test_chrome_the_gold_names_is_absent(extracted: Extracted, gold: dict[str, object]) -> None:
    notes = " ".join(str(r.get("note", "")) for r in _gold_rows(gold))
    m = re.search(r"must not reach document_text:\s*([^.]+)", notes)
    assert m, "the gold's note no longer lists the page's chrome"
    chrome = [s.strip() for s in m.group(1).split(",") if s.strip()]
    assert len(chrome) >= 3
    for s in chrome:
        assert s not in extracted.text


@pytest.mark.parametrize("label", NAVIGATION)
def test_navigation_absent(extracted: Extracted, label: str) -> None:
    assert label not in extracted.text


def test_title_without_the_site_suffix(extracted: Extracted, page: bytes) -> None:
    m = re.search(rb"<title>(.*?)</title>", page, re.S)
    assert m
    page_title = re.sub(r"\s", "", m.group(1).decode("utf-8"))
    assert extracted.title
    assert SITE_NAME not in extracted.title and "_" not in extracted.title
    assert page_title.startswith(extracted.title) and len(extracted.title) < len(page_title)
    assert len(extracted.title) >= 20  # the resolution's name, not a fragment


def test_published_date_and_encoding(extracted: Extracted, page: bytes,
                                     gold: dict[str, object]) -> None:
    m = re.search(rb'name="firstpublishedtime" content="(\d{4})-(\d{2})-(\d{2})', page)
    assert m, "the page's first-published meta is gone"
    assert extracted.published_date is not None
    assert (extracted.published_date.year, extracted.published_date.month,
            extracted.published_date.day) == tuple(int(g) for g in m.groups())
    documents = gold["documents"]
    assert isinstance(documents, list)
    year = next(d["report_year"] for d in documents if d["file"] == NAME)
    assert extracted.published_date.year == year
    assert extracted.encoding == "utf-8"
    assert extracted.source_url is None  # the page names no canonical address


def test_the_header_include_does_not_hide_the_article(page: bytes) -> None:
    # The header file's own </html> comes before the article: without the repair no
    # extractor sees the article at all.
    head, _, rest = page.partition(b"</html>")
    assert b"UCAP-CONTENT" in rest and b"UCAP-CONTENT" not in head
