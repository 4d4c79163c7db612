"""Pure parts of the fetch step: a listing's links, snapshot names, sidecars, atomic writes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from renda.fetch.listing import extract_links
from renda.fetch.snapshots import (SOURCE_FIELDS, FetchState, atomic_write, host_dir,
                                   sidecar_text, snapshot_name, snapshot_path, write_snapshot)
from renda.ingest.metadata import parse_sidecar

PAGE = "http://www.example-county-rd.gov.cn/rdxw/index.html"
ARTICLES = re.compile(r"/rdxw/\d{6}/t\d+_\d+\.html$")


def _links(body: str, pattern: re.Pattern[str] = ARTICLES, limit: int | None = None,
           url: str = PAGE) -> list[str]:
    return extract_links(f"<html><body>{body}</body></html>".encode(), url, pattern, limit)


# (what the listing holds, the links kept), each row one rule of renda.fetch.listing.
LISTING_EXAMPLES = [
    # rule 2: relative links resolve against the page
    ("<a href='202312/t20231206_1.html'>a</a>",
     ["http://www.example-county-rd.gov.cn/rdxw/202312/t20231206_1.html"]),
    ("<a href='../rdxw/202312/t20231206_1.html'>a</a><a href='/rdxw/202312/t20231206_2.html'>b</a>",
     ["http://www.example-county-rd.gov.cn/rdxw/202312/t20231206_1.html",
      "http://www.example-county-rd.gov.cn/rdxw/202312/t20231206_2.html"]),
    # rule 3: whitespace and fragments dropped, javascript: and mailto: are not articles
    ("<a href=' 202312/t20231206_1.html#top\n'>a</a><a href='javascript:void(0)'>x</a>"
     "<a href='mailto:rd@example.gov.cn'>m</a>",
     ["http://www.example-county-rd.gov.cn/rdxw/202312/t20231206_1.html"]),
    # rule 4: links the pattern does not find are left (navigation, next page)
    ("<a href='/'>首页</a><a href='index_1.html'>下一页</a><a href='202312/t20231206_3.html'>c</a>",
     ["http://www.example-county-rd.gov.cn/rdxw/202312/t20231206_3.html"]),
    # rule 5: another host's matching link is left when the pattern names no host
    ("<a href='http://www.other.gov.cn/rdxw/202312/t20231206_4.html'>d</a>", []),
    # rule 6: each once, in page order
    ("<a href='202312/t20231206_5.html'>e</a><a href='202312/t20231206_4.html'>d</a>"
     "<a href='202312/t20231206_5.html'>e again</a>",
     ["http://www.example-county-rd.gov.cn/rdxw/202312/t20231206_5.html",
      "http://www.example-county-rd.gov.cn/rdxw/202312/t20231206_4.html"]),
    # <area href> counts as a link; an empty href does not
    ("<map><area href='202312/t20231206_6.html'></map><a href=''>x</a><a>no href</a>",
     ["http://www.example-county-rd.gov.cn/rdxw/202312/t20231206_6.html"]),
]


@pytest.mark.parametrize("body, expected", LISTING_EXAMPLES)
def test_listing_links(body: str, expected: list[str]) -> None:
    assert _links(body) == expected


def test_base_href_changes_the_base() -> None:
    html = ("<html><head><base href='http://www.example-county-rd.gov.cn/rdxw/202401/'></head>"
            "<body><a href='t20240102_7.html'>x</a></body></html>").encode()
    assert extract_links(html, PAGE, ARTICLES) == [
        "http://www.example-county-rd.gov.cn/rdxw/202401/t20240102_7.html"]


def test_a_pattern_naming_a_host_may_leave_the_page_host() -> None:
    pattern = re.compile(r"^https?://www\.example-city-rd\.gov\.cn/rdxw/\d{6}/t\d+_\d+\.html$")
    body = ("<a href='http://www.example-city-rd.gov.cn/rdxw/202312/t20231206_1.html'>a</a>"
            "<a href='http://www.other.gov.cn/rdxw/202312/t20231206_2.html'>b</a>")
    assert _links(body, pattern) == ["http://www.example-city-rd.gov.cn/rdxw/202312/t20231206_1.html"]


def test_limit_and_the_page_itself() -> None:
    body = "".join(f"<a href='202312/t20231206_{i}.html'>{i}</a>" for i in range(30))
    assert len(_links(body)) == 30
    assert _links(body, limit=10) == [
        f"http://www.example-county-rd.gov.cn/rdxw/202312/t20231206_{i}.html" for i in range(10)]
    own = re.compile(r"index\.html$")
    assert _links("<a href='index.html'>me</a><a href='#'>top</a>", own) == []


@pytest.mark.parametrize("html", [b"", b"   ", b"\x00\x01binary"])
def test_a_page_with_nothing_to_parse_has_no_links(html: bytes) -> None:
    assert extract_links(html, PAGE, ARTICLES) == []


# --- snapshot names ------------------------------------------------------------------------

@pytest.mark.parametrize("url, host, name", [
    ("http://www.example-county-rd.gov.cn/rdxw/202312/t20231206_123.html",
     "www.example-county-rd.gov.cn", "rdxw_202312_t20231206_123"),
    ("https://RD.Example.gov.cn:8443/", "rd.example.gov.cn_8443", "index"),
    ("http://rd.example.gov.cn/content.jsp?id=3&cat=7", "rd.example.gov.cn",
     "content_id_3_cat_7"),
    ("http://rd.example.gov.cn/%E4%BA%BA%E5%A4%A7/%E6%8A%A5%E5%91%8A.pdf", "rd.example.gov.cn",
     "index"),  # a name of Chinese only: the hash tells the files apart
    ("http://rd.example.gov.cn/.hidden/.x", "rd.example.gov.cn", "hidden_.x"),  # never hidden
    ("http://人大.example.cn/a.html", "xn--gmqz7w.example.cn", "a"),
    ("http://rd.example.gov.cn/" + "a" * 300 + "/t1.html", "rd.example.gov.cn",
     "a" * 77 + "_t1"),  # bounded, the end kept
])
def test_snapshot_names(url: str, host: str, name: str) -> None:
    assert host_dir(url) == host
    assert snapshot_name(url) == name
    assert len(snapshot_name(url)) <= 80
    assert snapshot_path(url, "ab" * 32, ".pdf") == f"{host}/{name}-{'ab' * 6}.pdf"


def test_sidecar_holds_only_what_parse_sidecar_takes() -> None:
    when = dt.datetime(2026, 12, 2, 11, 4, 5, 123, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    fields = {"body": "交城县人大常委会", "province": "山西省", "city": "吕梁市", "county": "交城县",
              "licence": "CC-BY: 'quoted' #not a comment"}
    assert set(SOURCE_FIELDS) == set(fields)
    text = sidecar_text("http://rd.example.gov.cn/a.html?x=1#y", when, fields)
    assert "retrieved: 2026-12-02T03:04:05Z\n" in text
    assert parse_sidecar(text, "s") == {
        "source_url": "http://rd.example.gov.cn/a.html?x=1#y",
        "retrieved": dt.datetime(2026, 12, 2, 3, 4, 5, tzinfo=dt.timezone.utc), **fields}
    with pytest.raises(ValueError, match="etag"):
        sidecar_text("http://a.example/", when, {"etag": "x"})


def test_write_snapshot_never_overwrites(tmp_path: Path) -> None:
    assert write_snapshot(tmp_path, "h/a-0123456789ab.html", b"one", "source_url: x\n")
    assert not write_snapshot(tmp_path, "h/a-0123456789ab.html", b"two", "source_url: y\n")
    assert (tmp_path / "h/a-0123456789ab.html").read_bytes() == b"one"
    assert (tmp_path / "h/a-0123456789ab.meta.yml").read_text() == "source_url: x\n"
    assert sorted(p.name for p in (tmp_path / "h").iterdir()) == [
        "a-0123456789ab.html", "a-0123456789ab.meta.yml"]  # no temporary file left


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch) -> None:
    import os

    path = tmp_path / "state.json"
    atomic_write(path, b"old")

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        atomic_write(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_a_broken_state_file_is_started_afresh(tmp_path: Path) -> None:
    url = "http://rd.example.gov.cn/a.html"
    (tmp_path / "rd.example.gov.cn").mkdir()
    (tmp_path / "rd.example.gov.cn" / ".fetch-state.json").write_text("{not json")
    state = FetchState(tmp_path)
    assert state.get(url) is None and state.conditional_headers(url) == {}
    state.record(url, etag='"e"', snapshot="rd.example.gov.cn/a-0123456789ab.html")
    assert FetchState(tmp_path).get(url) == {"etag": '"e"',
                                             "snapshot": "rd.example.gov.cn/a-0123456789ab.html"}
    assert FetchState(tmp_path).conditional_headers(url) == {}  # the snapshot is not on disk
