"""Main-text extractors compared on Chinese congress pages: what survives, what leaks, how fast.

Pages: the real gov.cn page of ``../shared/corpus/formats/html`` (when present) and the
article fixtures of ``tests/fixtures/html``. For each page, two sets of selectors (xpaths,
no text copied from anywhere) say where the article is and where the chrome is; the
measures are computed from the page itself at run time:

- ``article``: share of the article's text blocks (paragraphs and ``<br>`` lines outside its
  tables) found in the output, whitespace and ``|：；`` ignored;
- ``rows``: share of data-table rows that are an output line of their own, cells in order,
  with nothing but ``：；``, spaces or a header label between them (a figure next to its
  label, ``| 选区 | 186个 |`` not counted);
- ``chrome``: chrome strings (navigation, breadcrumbs, toolbars, share boxes, 上一篇/下一篇,
  footers: each text node of at least two characters with a Han character) found in the output;
- ``ms``: milliseconds per page, the best of ``--repeat`` runs.

Each extractor is given the page decoded by renda's charset rules, so only extraction is
compared. ``renda`` rows are :func:`renda.ingest.html.read_html` and its steps with one
option changed. readability-lxml is measured when installed
(``.venv/bin/pip install readability-lxml``; it is not a dependency).

    .venv/bin/python benchmarks/html_extractors.py [--repeat 5] [--leaks] [--json out.json]

``--leaks`` lists the chrome strings each extractor let through.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from configparser import ConfigParser
from copy import deepcopy
from dataclasses import asdict, dataclass
from pathlib import Path

import justext
import lxml.html
import trafilatura
from trafilatura.settings import DEFAULT_CONFIG

from renda.ingest import html as reader
from renda.ingest.formats import FormatError
from renda.ingest.html_tables import rewrite_tables

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "html"
SHARED = REPO.parent / "shared"
REAL = SHARED / "corpus" / "formats" / "html" / "govcn-npcsc-resolution-2007.html"


@dataclass(frozen=True)
class Page:
    name: str
    path: Path
    article: str          # xpath of the article's container
    chrome: tuple[str, ...]  # xpaths of the page's chrome


PAGES = [
    Page("gov.cn (real)", REAL, '//div[@id="UCAP-CONTENT"]',
         ('//div[@class="header"]', '//div[contains(@class, "BreadcrumbNav")]',
          '//div[@id="div_div"]', '//div[contains(@class, "related")]',
          '//div[@class="footer_wrap"]')),
    Page("county gbk", FIXTURES / "county_trs_election_gbk.html", '//div[@class="TRS_Editor"]',
         ('//div[@class="top"]', '//div[@class="position"]', '//div[@class="art_tools"]',
          '//div[@class="art_page"]', '//div[@class="footer"]',
          '//div[@class="art_info"]/a')),
    Page("city utf-8", FIXTURES / "city_congress_utf8_canonical.html", '//div[@id="zoom"]',
         ('//header', '//div[@class="crumb"]', '//span[@class="font-size"]',
          '//div[@class="detail-share"]', '//div[@class="detail-pager"]',
          '//div[@class="qrcode"]', '//footer')),
    Page("big5 mirror", FIXTURES / "province_big5_mirror.html", '//div[@class="TRS_Editor"]',
         ('//div[@class="head"]', '//div[@class="location"]', '//div[@class="tools"]',
          '//div[@class="pages"]', '//div[@class="foot"]')),
    Page("layout tables", FIXTURES / "township_nocharset_gb18030.html", '//td[@class="content"]',
         ('/html/body/table/tr[2]', '/html/body/table/tr[3]/td[1]',
          '/html/body/table/tr[3]/td[2]/table/tr[1]', '/html/body/table/tr[3]/td[2]/table/tr[5]',
          '/html/body/table/tr[3]/td[2]/table/tr[6]', '/html/body/table/tr[4]')),
    Page("short item", FIXTURES / "county_short_item_utf8.html", '//div[@class="TRS_Editor"]',
         ('//div[@class="header"]', '//div[@class="crumb"]', '//div[@class="tools"]',
          '//div[@class="share"]', '//div[@class="pager"]', '//div[@class="right"]',
          '//div[@class="footer"]')),
]

_HAN = re.compile(r"[\u4e00-\u9fff]")
_IGNORED = re.compile(r"[\s\u3000\xa0|｜：:；;]+")


# --- measures -------------------------------------------------------------------------
def _squash(text: str) -> str:
    return re.sub(r"[\s\u3000\xa0]+", " ", text).strip()


def _blocks(container: lxml.html.HtmlElement) -> tuple[list[str], list[list[str]]]:
    """The article's text blocks outside tables, and its data tables' body rows (cells)."""
    container = deepcopy(container)
    rows = []
    for table in list(container.iter("table")):
        if table.find(".//table") is None:
            rows += [[_squash(c.text_content()) for c in tr if c.tag in ("td", "th")]
                     for tr in table.iter("tr")
                     if tr.getparent().tag != "thead" and tr.find("th") is None]
        table.getparent().replace(table, lxml.html.Element("p"))
    for br in container.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in container.iter("p", "div", "li", "h1", "h2", "h3", "td"):
        block.tail = "\n" + (block.tail or "")
    blocks = [_squash(b) for b in container.text_content().split("\n")]
    return [b for b in blocks if _HAN.search(b)], [r for r in rows if len(r) > 1]


def _chrome(tree: lxml.html.HtmlElement, page: Page, article_text: str) -> set[str]:
    found = set()
    for xpath in page.chrome:
        for el in tree.xpath(xpath):
            for piece in el.xpath(".//text()"):
                text = _squash(str(piece))
                named = _HAN.search(text) or "ICP" in text
                if len(text) >= 2 and named and text not in article_text:
                    found.add(text)
    return found


# Between two cells of a row on one line: nothing, ：；, spaces, or a column's header label.
_BETWEEN = r"[：；:;\s]*(?:[^\d：；:;|\n]{1,10}[：:])?"


def _row_kept(cells: list[str], lines: list[str]) -> bool:
    """A line that is the row and nothing else (a header label before the first cell and a
    list's ；/。 after the last allowed)."""
    cells = [re.escape(re.sub(r"\s", "", c)) for c in cells if c]
    pattern = re.compile(_BETWEEN + _BETWEEN.join(cells) + r"[；。;.]?")
    return any(pattern.fullmatch(re.sub(r"\s", "", line)) for line in lines)


@dataclass(frozen=True)
class Result:
    extractor: str
    page: str
    article: float       # share of the article's blocks kept
    rows: float | None   # share of data-table rows kept as lines; None: the page has none
    leaked: list[str]    # chrome strings found in the output
    chrome: int          # chrome strings of the page
    ms: float            # best of the runs


def score(name: str, output: str, tree: lxml.html.HtmlElement, page: Page, ms: float) -> Result:
    container = tree.xpath(page.article)[0]
    blocks, rows = _blocks(container)
    flat = _IGNORED.sub("", output)
    article = sum(_IGNORED.sub("", b) in flat for b in blocks) / len(blocks)
    lines = output.splitlines()
    kept_rows = sum(_row_kept(r, lines) for r in rows) / len(rows) if rows else None
    chrome = _chrome(tree, page, container.text_content())
    leaked = sorted(c for c in chrome if _IGNORED.sub("", c) in flat)
    return Result(name, page.name, article, kept_rows, leaked, len(chrome), ms)


# --- extractors -----------------------------------------------------------------------
def _config(min_size: int) -> ConfigParser:
    config = deepcopy(DEFAULT_CONFIG)
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(min_size))
    return config


def _trafilatura(**options: object) -> Callable[[str, bytes], str]:
    def run(text: str, data: bytes) -> str:
        return trafilatura.extract(text, output_format="txt", include_tables=True,
                                   include_comments=False, **options) or ""
    return run


def _justext(length_low: int, length_high: int) -> Callable[[str, bytes], str]:
    def run(text: str, data: bytes) -> str:
        paragraphs = justext.justext(text, frozenset(), length_low=length_low,
                                     length_high=length_high, stopwords_low=0, stopwords_high=0)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return run


def _readability(text: str, data: bytes) -> str:
    from readability import Document
    summary = Document(text).summary(html_partial=True)
    element = lxml.html.fromstring(summary)
    for block in element.iter("p", "div", "br", "li", "tr"):
        if block.tag == "tr" or not any(a.tag in ("td", "th") for a in block.iterancestors()):
            block.tail = "\n" + (block.tail or "")  # a row is a line, its cells' <p> are not
    return "\n".join(_squash(line) for line in element.text_content().split("\n") if line.strip())


def _repaired(extract: Callable[[str, bytes], str]) -> Callable[[str, bytes], str]:
    """``extract`` on the page without its stray ``</html>`` (renda's repair, rule 4)."""
    def run(text: str, data: bytes) -> str:
        return extract(reader.repair_markup(text), data)
    return run


def _renda_steps(lines: bool = True, **options: object) -> Callable[[str, bytes], str]:
    """renda's repair and tables, then trafilatura with ``options`` (and the line filter)."""
    def run(text: str, data: bytes) -> str:
        tree = reader.parse_html(text)
        rewrite_tables(tree)
        out = trafilatura.extract(tree, output_format="txt", include_tables=True,
                                  include_comments=False, **options) or ""
        return "\n".join(reader.clean_lines(out.splitlines())) if lines else out
    return run


def _renda(text: str, data: bytes) -> str:
    try:
        return reader.read_html(data).text
    except FormatError:
        return ""


EXTRACTORS: list[tuple[str, Callable[[str, bytes], str]]] = [
    ("trafilatura default", _trafilatura()),
    ("trafilatura favor_precision", _trafilatura(favor_precision=True)),
    ("trafilatura favor_recall", _trafilatura(favor_recall=True)),
    ("jusText, empty stoplist, lengths 70/200", _justext(70, 200)),
    ("jusText, empty stoplist, lengths 10/40", _justext(10, 40)),
    ("readability-lxml", _readability),
    ("jusText 10/40, page repaired", _repaired(_justext(10, 40))),
    ("readability-lxml, page repaired", _repaired(_readability)),
    ("renda repair+tables, trafilatura default", _renda_steps(False)),
    ("renda repair+tables, trafilatura precision", _renda_steps(False, favor_precision=True)),
    ("renda repair+tables, trafilatura recall", _renda_steps(False, favor_recall=True)),
    ("renda + line filter, precision, min size 250",
     _renda_steps(favor_precision=True, config=_config(250))),
    ("renda + line filter, precision, min size 100",
     _renda_steps(favor_precision=True, config=_config(100))),
    ("renda + line filter, default, min size 50", _renda_steps(config=_config(50))),
    ("renda read_html (precision, min size 50, line filter)", _renda),
]


def _available() -> list[tuple[str, Callable[[str, bytes], str]]]:
    try:
        import readability  # noqa: F401
    except ImportError:
        print("readability-lxml not installed: left out (.venv/bin/pip install readability-lxml)")
        return [e for e in EXTRACTORS if "readability" not in e[0]]
    return EXTRACTORS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write every measure here")
    parser.add_argument("--leaks", action="store_true", help="list the chrome strings leaked")
    args = parser.parse_args()
    pages = [p for p in PAGES if p.path.is_file()]
    if not REAL.is_file():
        print(f"real page not found at {REAL}: measuring the fixtures only")
    loaded = []
    for page in pages:
        data = page.path.read_bytes()
        text, _ = reader.decode_html(data)
        loaded.append((page, data, text, reader.parse_html(text)))
    results = []
    for name, extract in _available():
        for page, data, text, tree in loaded:
            extract(text, data)  # warm-up
            best = float("inf")
            for _ in range(max(1, args.repeat)):
                start = time.perf_counter()
                output = extract(text, data)
                best = min(best, time.perf_counter() - start)
            result = score(name, output, tree, page, best * 1000)
            results.append(result)
            if args.leaks and result.leaked:
                print(f"{name} / {page.name}: {result.leaked}")
    _print(results, [p.name for p, *_ in loaded])
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1),
                             encoding="utf-8")


def _print(results: list[Result], pages: list[str]) -> None:
    names = list(dict.fromkeys(r.extractor for r in results))
    width = max(len(n) for n in names)
    print("per page: article blocks kept / chrome strings leaked of the page's; rows: data-table "
          "rows kept as lines; ms: per page, best of --repeat, mean over pages")
    print(f"{'extractor':<{width}} | " + " | ".join(f"{p:^15}" for p in pages) + " | rows |    ms")
    for name in names:
        mine = [r for r in results if r.extractor == name]
        cells = [f"{r.article:4.0%} / {len(r.leaked):>2}/{r.chrome:<3}" for r in mine]
        rows = [r.rows for r in mine if r.rows is not None]
        kept = f"{sum(rows) / len(rows):4.0%}" if rows else "   -"
        ms = sum(r.ms for r in mine) / len(mine)
        print(f"{name:<{width}} | " + " | ".join(f"{c:^15}" for c in cells)
              + f" | {kept} | {ms:5.1f}")


if __name__ == "__main__":
    main()
