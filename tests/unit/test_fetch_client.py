"""The polite client (renda.fetch.client) against a real HTTP server on 127.0.0.1: robots.txt,
retries, timeouts, the size cap, redirects, content types and the per-host clock."""

from __future__ import annotations

import dataclasses
import socket
import threading
import time

import pytest
from werkzeug import Response

from renda import __version__
from renda.fetch.client import Fetcher, choose_ext
from tests.fetch_support import (FAST, HTML, PDF, Recorder, _server, allow_all,  # noqa: F401
                                 requests_to, site)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _get(url: str, settings=FAST, **kw):
    with Fetcher(settings) as fetcher:
        return fetcher.get(url, **kw)


# --- robots.txt ------------------------------------------------------------------------

def test_robots_disallow_is_obeyed_and_the_page_never_asked(site) -> None:
    site.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.expect_request("/private/a.html").respond_with_data("<p>secret</p>", content_type=HTML)
    site.expect_request("/public/b.html").respond_with_data("<p>open</p>", content_type=HTML)
    with Fetcher(FAST) as fetcher:
        blocked = fetcher.get(site.url_for("/private/a.html"))
        allowed = fetcher.get(site.url_for("/public/b.html"))
    assert (blocked.outcome, blocked.status) == ("robots_disallowed", None)
    assert "robots.txt" in blocked.reason
    assert requests_to(site, "/private/a.html") == 0
    assert allowed.outcome == "ok" and allowed.body == b"<p>open</p>"


def test_robots_group_for_renda_applies_to_renda(site) -> None:
    site.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nAllow: /\n\nUser-agent: renda\nDisallow: /\n", content_type="text/plain")
    site.expect_request("/a.html").respond_with_data("<p>x</p>", content_type=HTML)
    assert _get(site.url_for("/a.html")).outcome == "robots_disallowed"
    assert requests_to(site, "/a.html") == 0


def test_robots_fetched_once_per_host_per_run(site) -> None:
    allow_all(site)
    for name in ("a", "b", "c"):
        site.expect_request(f"/{name}.html").respond_with_data("<p>x</p>", content_type=HTML)
    with Fetcher(FAST) as fetcher:
        outcomes = [fetcher.get(site.url_for(f"/{n}.html")).outcome for n in ("a", "b", "c")]
    assert outcomes == ["ok", "ok", "ok"]
    assert requests_to(site, "/robots.txt") == 1
    with Fetcher(FAST) as fetcher:  # a new run asks again
        fetcher.get(site.url_for("/a.html"))
    assert requests_to(site, "/robots.txt") == 2


def test_robots_5xx_skips_the_host_for_the_run(site) -> None:
    site.expect_request("/robots.txt").respond_with_data("down", status=503)
    site.expect_request("/a.html").respond_with_data("<p>x</p>", content_type=HTML)
    with Fetcher(FAST) as fetcher:
        first = fetcher.get(site.url_for("/a.html"))
        second = fetcher.get(site.url_for("/a.html"))
    assert first.outcome == second.outcome == "robots_unavailable"
    assert "503" in first.reason
    assert requests_to(site, "/a.html") == 0
    assert requests_to(site, "/robots.txt") == FAST.max_attempts  # retried, then cached


def test_robots_crawl_delay_slows_the_host(site) -> None:
    site.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 0.3\n",
                                                         content_type="text/plain")
    rec = Recorder(lambda request, n: Response("<p>x</p>", content_type=HTML))
    site.expect_request("/a.html").respond_with_handler(rec)
    with Fetcher(FAST) as fetcher:
        fetcher.get(site.url_for("/a.html"))
        fetcher.get(site.url_for("/a.html"))
    assert rec.times[1] - rec.times[0] >= 0.28


# --- statuses and retries -----------------------------------------------------------------

def test_404_is_an_error_and_never_retried(site) -> None:
    allow_all(site)
    site.expect_request("/gone.html").respond_with_data("no", status=404, content_type=HTML)
    got = _get(site.url_for("/gone.html"))
    assert (got.outcome, got.status) == ("http_error", 404)
    assert requests_to(site, "/gone.html") == 1


def test_500_then_200_is_retried(site) -> None:
    allow_all(site)
    rec = Recorder(lambda request, n: Response("busy", status=500) if n == 1
                   else Response("<p>ok</p>", content_type=HTML))
    site.expect_request("/flaky.html").respond_with_handler(rec)
    got = _get(site.url_for("/flaky.html"))
    assert (got.outcome, got.status, got.body) == ("ok", 200, b"<p>ok</p>")
    assert rec.count == 2


def test_5xx_every_time_gives_up_after_max_attempts(site) -> None:
    allow_all(site)
    rec = Recorder(lambda request, n: Response("down", status=502))
    site.expect_request("/down.html").respond_with_handler(rec)
    got = _get(site.url_for("/down.html"))
    assert (got.outcome, got.status) == ("http_error", 502)
    assert rec.count == FAST.max_attempts
    assert f"after {FAST.max_attempts} attempts" in got.reason


def test_retry_after_is_honoured_up_to_the_bound(site) -> None:
    allow_all(site)
    rec = Recorder(lambda request, n: Response("slow down", status=429,
                                               headers={"Retry-After": "1"})
                   if n == 1 else Response("<p>ok</p>", content_type=HTML))
    site.expect_request("/busy.html").respond_with_handler(rec)
    settings = dataclasses.replace(FAST, max_retry_after=1.0)
    assert _get(site.url_for("/busy.html"), settings).outcome == "ok"
    assert rec.times[1] - rec.times[0] >= 0.95  # waited the second asked for, not 0.01 s

    rec_long = Recorder(lambda request, n: Response("later", status=429,
                                                    headers={"Retry-After": "3600"}))
    site.expect_request("/later.html").respond_with_handler(rec_long)
    waits: list[float] = []
    with Fetcher(settings, sleep=lambda s: (waits.append(s), time.sleep(min(s, 0.05)))) as f:
        got = f.get(site.url_for("/later.html"))
    assert (got.outcome, got.status, rec_long.count) == ("http_error", 429, 1)
    assert not any(w > settings.max_retry_after for w in waits)  # an hour is not waited


def test_connection_refused_is_a_network_error(site) -> None:
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    got = _get(f"http://127.0.0.1:{port}/a.html")
    assert got.outcome == "robots_unavailable"  # robots.txt is the first request to fail
    assert "ConnectError" in got.reason


# --- timeouts and the size cap -----------------------------------------------------------

def test_slow_server_times_out(site) -> None:
    allow_all(site)

    def slow(request):
        time.sleep(0.5)
        return Response("<p>late</p>", content_type=HTML)

    site.expect_request("/slow.html").respond_with_handler(slow)
    settings = dataclasses.replace(FAST, read_timeout=0.2)
    got = _get(site.url_for("/slow.html"), settings)
    assert got.outcome == "timeout"
    assert got.seconds < 0.45
    assert requests_to(site, "/slow.html") <= 1  # a read timeout is not retried


class _Lazy:
    """A 50 MB body generated as it is sent, counting what the server managed to send."""

    def __init__(self, total: int = 50 * 1024 * 1024) -> None:
        self.total, self.sent, self.closed = total, 0, threading.Event()

    def __iter__(self):
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>"
        try:
            while self.sent < self.total:
                self.sent += len(chunk)
                yield chunk
        finally:
            self.closed.set()


def test_body_over_the_cap_is_cut_while_streaming(site) -> None:
    allow_all(site)
    lazy = _Lazy()
    site.expect_request("/big.html").respond_with_handler(
        lambda request: Response(lazy, content_type=HTML, direct_passthrough=True))
    got = _get(site.url_for("/big.html"))
    assert got.outcome == "too_large" and got.body == b""
    assert FAST.max_bytes < got.bytes_read < 2 * FAST.max_bytes
    assert lazy.closed.wait(5)
    assert lazy.sent < 20 * 1024 * 1024  # the client stopped: most of the 50 MB never sent


def test_content_length_over_the_cap_is_not_read(site) -> None:
    allow_all(site)
    lazy = _Lazy()
    site.expect_request("/big.pdf").respond_with_handler(lambda request: Response(
        lazy, content_type=PDF, headers={"Content-Length": str(lazy.total)},
        direct_passthrough=True))
    got = _get(site.url_for("/big.pdf"))
    assert (got.outcome, got.bytes_read) == ("too_large", 0)
    assert "Content-Length" in got.reason


# --- redirects ---------------------------------------------------------------------------

def test_redirect_loop(site) -> None:
    allow_all(site)
    site.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    site.expect_request("/b").respond_with_data("", status=301, headers={"Location": "/a"})
    got = _get(site.url_for("/a"))
    assert (got.outcome, got.status) == ("redirect_loop", 301)
    assert requests_to(site, "/a") == 1 and requests_to(site, "/b") == 1


def test_too_many_redirects_and_a_short_chain_followed(site) -> None:
    allow_all(site)
    for i in range(10):
        site.expect_request(f"/r{i}").respond_with_data("", status=302,
                                                         headers={"Location": f"/r{i + 1}"})
    site.expect_request("/r10").respond_with_data("<p>end</p>", content_type=HTML)
    assert _get(site.url_for("/r0")).outcome == "too_many_redirects"
    assert requests_to(site, f"/r{FAST.max_redirects + 1}") == 0
    short = _get(site.url_for("/r8"))
    assert (short.outcome, short.final_url) == ("ok", site.url_for("/r10"))


def test_redirect_hop_is_checked_against_robots(site) -> None:
    site.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    site.expect_request("/go").respond_with_data("", status=302,
                                                 headers={"Location": "/private/x.html"})
    site.expect_request("/private/x.html").respond_with_data("<p>x</p>", content_type=HTML)
    assert _get(site.url_for("/go")).outcome == "robots_disallowed"
    assert requests_to(site, "/private/x.html") == 0


# --- content types -----------------------------------------------------------------------

@pytest.mark.parametrize("path, content_type, body, outcome, ext", [
    ("/a.html", "text/html; charset=gbk", b"<p>x</p>", "ok", ".html"),
    ("/a.shtml", "application/xhtml+xml", b"<p>x</p>", "ok", ".html"),
    ("/doc.pdf", "application/pdf", PDF_BYTES, "ok", ".pdf"),
    ("/notes.txt", "text/plain; charset=utf-8", "代表建议".encode(), "ok", ".txt"),
    ("/content.jsp", "application/pdf", PDF_BYTES, "ok", ".pdf"),  # .jsp says nothing
    ("/file.pdf", "application/octet-stream", PDF_BYTES, "ok", ".pdf"),
    ("/a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     b"PK\x03\x04rest", "ok", ".docx"),
    ("/report.pdf", "text/html", b"<html>login</html>", "wrong_type", ""),  # HTML at .pdf
    ("/logo.html", "image/png", b"\x89PNG", "wrong_type", ""),
    ("/download", "application/octet-stream", PDF_BYTES, "wrong_type", ""),  # says nothing
    ("/fake.pdf", "application/pdf", b"<html>error</html>", "wrong_type", ""),  # not a PDF
    ("/old.doc", "application/msword", b"\xd0\xcf\x11\xe0", "wrong_type", ""),
])
def test_content_type(site, path, content_type, body, outcome, ext) -> None:
    allow_all(site)
    site.expect_request(path).respond_with_data(body, content_type=content_type)
    got = _get(site.url_for(path))
    assert (got.outcome, got.ext) == (outcome, ext)
    if outcome == "ok":
        assert got.body == body


def test_wrong_type_is_refused_before_the_body_is_read(site) -> None:
    allow_all(site)
    site.expect_request("/report.pdf").respond_with_data(b"<p>x</p>" * 10000, content_type=HTML)
    got = _get(site.url_for("/report.pdf"))
    assert (got.outcome, got.bytes_read) == ("wrong_type", 0)
    assert ".pdf" in got.reason


@pytest.mark.parametrize("field", ["requests_per_second", "read_timeout", "max_bytes"])
def test_settings_refuse_bounds_that_are_not_positive(field: str) -> None:
    with pytest.raises(ValueError, match=field):
        dataclasses.replace(FAST, **{field: 0})


def test_choose_ext_checks_requested_and_final_address() -> None:
    assert choose_ext("text/html", ("http://h/a.pdf", "http://h/login.html"))[0] is None
    assert choose_ext("application/pdf", ("http://h/get?id=1", "http://h/f/a.pdf")) == (".pdf", "")


# --- manners: the user agent and the per-host clock ---------------------------------------

def test_user_agent_names_the_project_and_a_contact(site) -> None:
    allow_all(site)
    rec = Recorder(lambda request, n: Response("<p>x</p>", content_type=HTML))
    site.expect_request("/a.html").respond_with_handler(rec)
    _get(site.url_for("/a.html"))
    agent = rec.headers[0]["User-Agent"]
    assert agent.startswith(f"renda/{__version__} (+https://github.com/renda-data/renda")


def test_rate_limit_per_host(site) -> None:
    rate = 10.0
    stamps: list[float] = []

    def stamp(request):
        stamps.append(time.monotonic())
        if request.path == "/robots.txt":
            return Response("", status=404)
        return Response("<p>x</p>", content_type=HTML)

    for path in ("/robots.txt", "/a.html", "/b.html", "/c.html"):
        site.expect_request(path).respond_with_handler(stamp)
    settings = dataclasses.replace(FAST, requests_per_second=rate)
    with Fetcher(settings) as fetcher:
        for path in ("/a.html", "/b.html", "/c.html"):
            assert fetcher.get(site.url_for(path)).outcome == "ok"
    assert len(stamps) == 4  # robots.txt counts against the host too
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    assert min(gaps) >= 1 / rate - 0.01, gaps  # unlimited, they would be ~1 ms apart


def test_rate_limit_is_per_host_not_global(site) -> None:
    from pytest_httpserver import HTTPServer

    other = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    other.start()
    try:
        stamps: dict[str, float] = {}

        def handler(name):
            def respond(request):
                stamps[name + request.path] = time.monotonic()
                return Response("", status=404) if request.path == "/robots.txt" else \
                    Response("<p>x</p>", content_type=HTML)
            return respond

        for server, name in ((site, "a"), (other, "b")):
            for path in ("/robots.txt", "/x.html"):
                server.expect_request(path).respond_with_handler(handler(name))
        settings = dataclasses.replace(FAST, requests_per_second=2.0)
        with Fetcher(settings) as fetcher:
            assert fetcher.get(site.url_for("/x.html")).outcome == "ok"
            assert fetcher.get(other.url_for("/x.html")).outcome == "ok"
        assert stamps["a/x.html"] - stamps["a/robots.txt"] >= 0.48  # same host: waits
        assert stamps["b/robots.txt"] - stamps["a/x.html"] < 0.3  # another host: does not
    finally:
        other.clear()
        other.stop()
