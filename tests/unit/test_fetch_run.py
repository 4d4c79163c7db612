"""fetch_sources end to end against a real HTTP server on 127.0.0.1: snapshots and sidecars,
conditional requests, changed pages, listings, failures that stop nothing, the fetch log,
and the pipeline reading what was fetched."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import socket
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from werkzeug import Response

from renda.fetch import LOG_COLUMNS, OUTCOMES, Source, fetch_sources, write_fetch_log
from renda.fetch.snapshots import STATE_FILE, host_dir, superseded_snapshots
from renda.ingest import RawReport, discover, read_raw
from renda.ingest.metadata import parse_sidecar
from tests import pdf_fixtures
from tests.fetch_support import (FAST, HTML, PDF, Recorder, _server, allow_all,  # noqa: F401
                                 article, page, requests_to, site)

NOW = dt.datetime(2026, 12, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
CITY_PAGE = (FIXTURES / "city_congress_utf8_canonical.html").read_bytes()
HTML_PATH = "/xwzx/cwhgz/202106/t20210630_3412.html"
PDF_PATH = "/gb/2024/gazette-1.pdf"


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return pdf_fixtures.work_report()


def _etagged(body: bytes, content_type: str, etag: str) -> Recorder:
    """A page that answers 304 to the If-None-Match of its ETag."""
    def respond(request, n):
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type=content_type,
                        headers={"ETag": etag, "Last-Modified": "Tue, 01 Dec 2026 08:00:00 GMT"})
    return Recorder(respond)


def _files(raw: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below raw (hidden ones too), with its bytes and modification time."""
    return {p.relative_to(raw).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(raw.rglob("*")) if p.is_file()}


def _serve_two(site, pdf_bytes):
    allow_all(site)
    html = _etagged(CITY_PAGE, HTML, '"h1"')
    pdf = _etagged(pdf_bytes, PDF, '"p1"')
    site.expect_request(HTML_PATH).respond_with_handler(html)
    site.expect_request(PDF_PATH).respond_with_handler(pdf)
    sources = [page(site.url_for(HTML_PATH), body="宣城市人大常委会", province="安徽省",
                    city="宣城市", licence="site terms"),
               page(site.url_for(PDF_PATH), body="某某县人大常委会")]
    return sources, html, pdf


def test_first_fetch_writes_snapshots_and_sidecars(site, tmp_path, pdf_bytes) -> None:
    sources, _, _ = _serve_two(site, pdf_bytes)
    report = fetch_sources(sources, tmp_path, FAST, now=NOW)
    assert [r.outcome for r in report.rows] == ["new", "new"]
    host = host_dir(site.url_for("/"))
    assert re.fullmatch(r"127\.0\.0\.1_\d+", host)
    sha_html = hashlib.sha256(CITY_PAGE).hexdigest()
    sha_pdf = hashlib.sha256(pdf_bytes).hexdigest()
    assert report.written == [f"{host}/xwzx_cwhgz_202106_t20210630_3412-{sha_html[:12]}.html",
                              f"{host}/gb_2024_gazette-1-{sha_pdf[:12]}.pdf"]
    assert (tmp_path / report.written[0]).read_bytes() == CITY_PAGE
    assert (tmp_path / report.written[1]).read_bytes() == pdf_bytes
    # The sidecar: only keys parse_sidecar takes; the source's fields; the retrieval time.
    text = (tmp_path / report.written[0]).with_suffix("").with_suffix(".meta.yml")
    meta = parse_sidecar(text.read_text(encoding="utf-8"), "sidecar")
    assert meta == {"source_url": site.url_for(HTML_PATH), "retrieved": NOW,
                    "licence": "site terms", "body": "宣城市人大常委会", "province": "安徽省",
                    "city": "宣城市"}
    pdf_meta = parse_sidecar((tmp_path / report.written[1].replace(".pdf", ".meta.yml"))
                             .read_text(encoding="utf-8"), "sidecar")
    assert pdf_meta == {"source_url": site.url_for(PDF_PATH), "retrieved": NOW,
                        "body": "某某县人大常委会"}
    # What a sidecar cannot hold is in the host's hidden state file.
    state = json.loads((tmp_path / host / STATE_FILE).read_text(encoding="utf-8"))["urls"]
    entry = state[site.url_for(HTML_PATH)]
    assert (entry["etag"], entry["sha256"], entry["status"], entry["snapshot"]) == (
        '"h1"', sha_html, 200, report.written[0])
    assert entry["content_type"].startswith("text/html")
    # discover lists the two reports, not the sidecars or the state file.
    assert discover(tmp_path) == sorted(report.written)
    row = report.rows[1]
    assert (row.source, row.status, row.bytes, row.snapshot) == (
        site.url_for(PDF_PATH), 200, len(pdf_bytes), report.written[1])


def test_second_fetch_is_conditional_and_writes_nothing(site, tmp_path, pdf_bytes) -> None:
    sources, html, pdf = _serve_two(site, pdf_bytes)
    first = fetch_sources(sources, tmp_path, FAST, now=NOW)
    before = _files(tmp_path)
    second = fetch_sources(sources, tmp_path, FAST, now=NOW + dt.timedelta(days=1))
    assert [(r.outcome, r.status) for r in second.rows] == [("not_modified", 304)] * 2
    assert [r.snapshot for r in second.rows] == first.written  # where the content is
    assert html.headers[1]["If-None-Match"] == '"h1"'
    assert html.headers[1]["If-Modified-Since"] == "Tue, 01 Dec 2026 08:00:00 GMT"
    assert pdf.headers[1]["If-None-Match"] == '"p1"'
    after = _files(tmp_path)
    state = [p for p in after if p.endswith(STATE_FILE)]
    assert {p: v for p, v in after.items() if p not in state} == \
        {p: v for p, v in before.items() if p not in state}  # no snapshot or sidecar touched


def test_changed_page_is_a_second_snapshot_and_the_first_stays(site, tmp_path) -> None:
    allow_all(site)
    versions = [article("常委会会议", ["第一版。"]), article("常委会会议", ["第二版，有改动。"])]
    current = {"body": versions[0]}
    site.expect_request("/news/a.html").respond_with_handler(  # no ETag: a plain CMS
        lambda request: Response(current["body"], content_type=HTML))
    sources = [page(site.url_for("/news/a.html"))]
    first = fetch_sources(sources, tmp_path, FAST, now=NOW)
    old = tmp_path / first.written[0]
    old_state = (old.read_bytes(), old.stat().st_mtime_ns)
    current["body"] = versions[1]
    second = fetch_sources(sources, tmp_path, FAST, now=NOW)
    assert [r.outcome for r in second.rows] == ["new"]
    assert second.written[0] != first.written[0]
    assert (tmp_path / second.written[0]).read_bytes() == versions[1]
    assert (old.read_bytes(), old.stat().st_mtime_ns) == old_state
    assert discover(tmp_path) == sorted(first.written + second.written)
    # A release holds the newest version of the address; the older one is set aside.
    assert superseded_snapshots(tmp_path) == {first.written[0]: second.written[0]}
    from flows.release import discover_reports
    files, set_aside = discover_reports.fn(tmp_path)
    assert files == [second.written[0]]
    assert [(r.source_file, r.reason.split(",")[0]) for r in set_aside] == [
        (first.written[0], "an older snapshot of its address")]
    # The same bytes again (200, no ETag): nothing written.
    before = _files(tmp_path)
    third = fetch_sources(sources, tmp_path, FAST, now=NOW)
    assert [(r.outcome, r.snapshot) for r in third.rows] == [("unchanged", second.written[0])]
    assert "same bytes" in third.rows[0].reason
    after = _files(tmp_path)
    assert {k: v for k, v in after.items() if not k.endswith(STATE_FILE)} == \
        {k: v for k, v in before.items() if not k.endswith(STATE_FILE)}


def test_deleted_snapshot_is_fetched_again_without_conditions(site, tmp_path) -> None:
    allow_all(site)
    rec = _etagged(article("报告", ["正文。"]), HTML, '"e"')
    site.expect_request("/a.html").respond_with_handler(rec)
    sources = [page(site.url_for("/a.html"))]
    first = fetch_sources(sources, tmp_path, FAST, now=NOW)
    (tmp_path / first.written[0]).unlink()
    second = fetch_sources(sources, tmp_path, FAST, now=NOW)
    assert "If-None-Match" not in rec.headers[1]
    assert [r.outcome for r in second.rows] == ["new"]
    assert (tmp_path / first.written[0]).is_file()


def test_listing_follows_at_most_limit_links_in_page_order(site, tmp_path, caplog) -> None:
    allow_all(site)
    links = "".join(f"<li><a href='202312/t20231206_{i}.html'>第{i}条</a></li>" for i in range(30))
    nav = "<a href='/'>首页</a><a href='/rdxw/index_1.html'>下一页</a><a href='javascript:;'>打印</a>"
    site.expect_request("/rdxw/").respond_with_data(
        f"<html><body>{nav}<ul>{links}</ul>{nav}</body></html>", content_type=HTML)
    for i in range(30):
        site.expect_request(f"/rdxw/202312/t20231206_{i}.html").respond_with_data(
            article(f"新闻{i}", [f"第{i}条新闻。"]), content_type=HTML)
    listing = Source(url=site.url_for("/rdxw/"), kind="listing",
                     link_pattern=re.compile(r"/rdxw/\d{6}/t\d{8}_\d+\.html$"), limit=10,
                     body="某某县人大常委会", county="某某县")
    calls: list[tuple[str, int, int]] = []
    with caplog.at_level("INFO", logger="renda.fetch"):
        report = fetch_sources([listing], tmp_path, FAST, now=NOW,
                               progress=lambda h, d, t: calls.append((h, d, t)))
    articles = [r for r in report.rows if r.url != listing.url]
    assert [r.url for r in articles] == [site.url_for(f"/rdxw/202312/t20231206_{i}.html")
                                         for i in range(10)]
    assert {(r.outcome, r.source) for r in articles} == {("new", listing.url)}
    assert len(report.written) == 10 == len(discover(tmp_path))
    head = report.rows[0]
    assert (head.url, head.outcome, head.snapshot) == (listing.url, "listing", "")
    assert "10 links followed of 30" in head.reason
    assert requests_to(site, "/rdxw/202312/t20231206_10.html") == 0
    meta = parse_sidecar((tmp_path / report.written[0].replace(".html", ".meta.yml"))
                         .read_text(encoding="utf-8"), "sidecar")
    assert (meta["body"], meta["county"]) == ("某某县人大常委会", "某某县")
    host = calls[0][0]
    assert host == site.url_for("/").split("/")[2]
    assert calls == [(host, d, 11) for d in range(1, 12)]
    logged = [r.getMessage() for r in caplog.records if r.name == "renda.fetch"]
    assert f"fetch {host} 11/11: new {articles[-1].url}" in logged
    assert logged[-1] == f"fetch {host}: listing 1, new 10"  # the host's summary


def test_one_failing_source_never_stops_the_others(site, tmp_path) -> None:
    site.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    site.expect_request("/gone.html").respond_with_data("no", status=404)
    site.expect_request("/private/a.html").respond_with_data("<p>x</p>", content_type=HTML)
    site.expect_request("/big.html").respond_with_data(b"<p>" + b"x" * (2 << 20),
                                                       content_type=HTML)
    site.expect_request("/pic.html").respond_with_data(b"\x89PNG", content_type="image/png")
    site.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    site.expect_request("/ok.html").respond_with_data(article("好", ["正文。"]), content_type=HTML)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/a.html"
    paths = ["/gone.html", "/private/a.html", "/big.html", "/pic.html", "/loop"]
    sources = [page(site.url_for(p)) for p in paths] + [page(closed), page(site.url_for("/ok.html"))]
    report = fetch_sources(sources, tmp_path, FAST, now=NOW)
    assert [r.outcome for r in report.rows] == [
        "http_error", "robots_disallowed", "too_large", "wrong_type", "redirect_loop",
        "robots_unavailable", "new"]
    assert all(r.outcome in OUTCOMES for r in report.rows)
    assert [r.snapshot for r in report.rows[:-1]] == [""] * 6
    assert len(report.failures) == 6
    assert discover(tmp_path) == report.written  # the too-large body left nothing behind
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_url_fetched_twice_in_a_run_is_asked_once(site, tmp_path) -> None:
    allow_all(site)
    site.expect_request("/list.html").respond_with_data(
        "<a href='/a/1.html'>1</a><a href='/a/1.html#top'>1</a>", content_type=HTML)
    site.expect_request("/a/1.html").respond_with_data(article("一", ["正文。"]),
                                                       content_type=HTML)
    sources = [page(site.url_for("/a/1.html")),
               Source(url=site.url_for("/list.html"), kind="listing",
                      link_pattern=re.compile(r"/a/\d+\.html$"))]
    report = fetch_sources(sources, tmp_path, FAST, now=NOW)
    assert [r.outcome for r in report.rows] == ["new", "listing", "duplicate"]
    assert requests_to(site, "/a/1.html") == 1


def test_fetch_log_csv(site, tmp_path) -> None:
    allow_all(site)
    site.expect_request("/a.html").respond_with_data(article("一", ["正文，有逗号。"]),
                                                     content_type=HTML)
    site.expect_request("/b.html").respond_with_data("no", status=404)
    report = fetch_sources([page(site.url_for("/a.html")), page(site.url_for("/b.html"))],
                           tmp_path / "raw", FAST, now=NOW)
    log = tmp_path / "fetch_log.csv"
    write_fetch_log(report, log)
    data = log.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data[3:].decode("utf-8").split("\r\n")
    assert lines[0] == ",".join(LOG_COLUMNS)
    assert lines[-1] == "" and len(lines) == 4
    cells = lines[2].split(",")
    assert (cells[0], cells[2], cells[3], cells[6]) == (site.url_for("/b.html"), "http_error",
                                                        "404", "")
    assert lines[1].split(",")[6] == report.written[0]


def test_pipeline_reads_the_snapshots_with_their_source_url(site, tmp_path, pdf_bytes) -> None:
    from renda.pipeline import process_part

    sources, _, _ = _serve_two(site, pdf_bytes)
    raw = tmp_path / "raw"
    report = fetch_sources(sources, raw, FAST, now=NOW)
    for snapshot in report.written:  # each report is read with its sidecar
        got = read_raw(raw, snapshot)
        assert isinstance(got, RawReport) and got.sidecar and "source_url" in got.sidecar
    summary = process_part(raw, discover(raw), dt.date(2026, 12, 2), tmp_path / "part")
    assert summary.rejects == []
    docs = pq.read_table(tmp_path / "part" / "documents.parquet").to_pylist()
    by_file = {d["source_file"]: d for d in docs}
    assert sorted(by_file) == sorted(report.written)
    html_doc, pdf_doc = by_file[report.written[0]], by_file[report.written[1]]
    # The sidecar's address wins over the page's own canonical link (rd.xuancheng.gov.cn).
    assert html_doc["source_url"] == site.url_for(HTML_PATH)
    assert pdf_doc["source_url"] == site.url_for(PDF_PATH)
    assert (html_doc["format"], pdf_doc["format"]) == ("html", "pdf")
    assert (html_doc["body"], html_doc["city"]) == ("宣城市人大常委会", "宣城市")


def test_rate_limit_holds_across_a_run(site, tmp_path) -> None:
    allow_all(site)
    rec = Recorder(lambda request, n: Response(article("一", [f"第{n}版。"]), content_type=HTML))
    for name in ("a", "b", "c"):
        site.expect_request(f"/{name}.html").respond_with_handler(rec)
    settings = dataclasses.replace(FAST, requests_per_second=10.0)
    fetch_sources([page(site.url_for(f"/{n}.html")) for n in "abc"], tmp_path, settings, now=NOW)
    gaps = [b - a for a, b in zip(rec.times, rec.times[1:])]
    assert len(gaps) == 2 and min(gaps) >= 0.09, gaps
