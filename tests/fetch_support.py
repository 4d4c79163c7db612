"""What the fetch tests share: a real HTTP server on 127.0.0.1 (pytest-httpserver, one per
test module, cleared before every test), settings small enough to keep them fast, and
handlers that record what the server saw. No request of these tests leaves loopback: every
URL is the server's, and proxies from the environment are not used (``trust_env=False``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from renda.fetch import FetchSettings, Source

FAST = FetchSettings(
    requests_per_second=1000.0, connect_timeout=0.5, read_timeout=1.0,
    max_download_seconds=5.0, max_bytes=1024 * 1024, max_redirects=5, max_attempts=3,
    backoff_initial=0.01, backoff_max=0.05, max_retry_after=1.0, max_crawl_delay=0.5,
    trust_env=False)

HTML = "text/html; charset=utf-8"
PDF = "application/pdf"


@pytest.fixture(scope="module")
def _server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        server.stop()


@pytest.fixture
def site(_server: HTTPServer) -> Iterator[HTTPServer]:
    """The module's server, with no handlers: each test says what it serves."""
    _server.clear()
    yield _server
    _server.clear()


def allow_all(site: HTTPServer) -> None:
    """A robots.txt that is absent (404): everything allowed."""
    site.expect_request("/robots.txt").respond_with_data("not found", status=404)


def page(url: str, **fields: str) -> Source:
    return Source(url=url, kind="page", **fields)


def article(title: str, paragraphs: list[str]) -> bytes:
    """A small county CMS article page (text written for renda)."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><div class='nav'><a href='/'>首页</a></div><div class='article'>"
            f"<h1>{title}</h1>{body}</div><div class='footer'>版权所有</div></body></html>"
            ).encode("utf-8")


@dataclass
class Recorder:
    """A handler that serves a fixed answer and records each request's time and headers."""

    respond: Callable[[Request, int], Response]
    times: list[float] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, request: Request) -> Response:
        with self.lock:
            self.times.append(time.monotonic())
            self.headers.append(dict(request.headers))
            n = len(self.times)
        return self.respond(request, n)

    @property
    def count(self) -> int:
        return len(self.times)


def requests_to(site: HTTPServer, path: str) -> int:
    """How many requests for ``path`` the server answered."""
    return sum(1 for request, _ in site.log if request.path == path)
