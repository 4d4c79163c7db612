"""The polite HTTP client of the fetch step (httpx, synchronous, one request at a time).

Rules, in the order a request meets them:

1. every request names renda, its version and where to read about it (:data:`USER_AGENT`);
2. the robots.txt of each origin is fetched once per run (through rules 3-5) and cached:
   200 → its rules for ``renda`` apply (read up to ``robots_max_bytes``, as RFC 9309
   allows); another 4xx (404 most often) → everything is allowed; 429, 5xx, a timeout or no
   connection → the whole origin is skipped for the run (``robots_unavailable``, logged as a
   warning). Its ``Crawl-delay``, up to ``max_crawl_delay``, slows that host further;
3. requests to one host (robots.txt, retries and redirect hops included) start at least
   ``1 / requests_per_second`` apart: a monotonic clock per host, that sleeps;
4. 429, 5xx and failures to connect (refused, DNS, connect timeout) are retried with
   exponential back-off (tenacity), ``max_attempts`` in all; a ``Retry-After`` of up to
   ``max_retry_after`` seconds is waited for instead, a longer one ends the retries. Other
   4xx and read timeouts are never retried;
5. redirects are followed here, up to ``max_redirects``, each hop checked against its
   origin's robots.txt: a URL met twice is ``redirect_loop``, one hop too many
   ``too_many_redirects``, a scheme other than http(s) ``bad_redirect``;
6. 304 is ``not_modified``; any status but 200 is ``http_error``;
7. the content type gives the extension (:data:`EXT_OF_TYPE`); a type renda does not read,
   or one the address contradicts (an HTML page at a ``.pdf`` address, the requested one or
   the last hop's), is ``wrong_type`` before the body is read.
   ``application/octet-stream`` (or none) is taken only at an address ending ``.pdf`` or
   ``.docx``, as many government download pages serve their files;
8. the body is streamed: a ``Content-Length`` over ``max_bytes``, or more bytes than that
   read, is ``too_large`` and reading stops there (decompressed bytes are counted); a body
   still arriving after ``max_download_seconds`` is ``timeout``;
9. a ``.pdf`` body must hold ``%PDF-`` in its first KiB and a ``.docx`` start with the ZIP
   signature, else ``wrong_type``.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import httpx
from protego import Protego
from tenacity import (RetryCallState, Retrying, retry_if_exception_type, retry_if_result,
                      stop_after_attempt, wait_exponential)

from renda import __version__

logger = logging.getLogger(__name__)

ROBOTS_AGENT = "renda"  # the product token robots.txt groups are matched against
USER_AGENT = (f"renda/{__version__} (+https://github.com/renda-data/renda; "
              "open data on people's congresses)")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Content types read, and the extension of their snapshot (rule 7).
EXT_OF_TYPE = {"text/html": ".html", "application/xhtml+xml": ".html",
               "application/pdf": ".pdf", DOCX_TYPE: ".docx", "text/plain": ".txt"}
# What an address's own suffix says it holds; other suffixes (.jsp, .php, none) say nothing.
EXT_OF_SUFFIX = {".html": ".html", ".htm": ".html", ".shtml": ".html", ".xhtml": ".html",
                 ".pdf": ".pdf", ".docx": ".docx", ".txt": ".txt"}
_UNTYPED = ("", "application/octet-stream", "binary/octet-stream", "application/download",
            "application/force-download")
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504, 507, 509, 520, 521, 522, 523, 524})


@dataclass(frozen=True)
class FetchSettings:
    """Every timeout and bound of the fetch step (seconds, bytes); tests pass small ones."""

    requests_per_second: float = 1.0  # per host
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # between two reads of the socket
    max_download_seconds: float = 300.0  # one body, start to end
    max_bytes: int = 64 * 1024 * 1024  # renda.ingest's limit: a larger file is not read
    max_redirects: int = 5
    max_attempts: int = 4  # the first request and three retries
    backoff_initial: float = 2.0  # 2, 4, 8 s … between attempts
    backoff_max: float = 60.0
    max_retry_after: float = 120.0
    max_crawl_delay: float = 30.0
    robots_max_bytes: int = 512 * 1024
    user_agent: str = USER_AGENT
    trust_env: bool = True  # proxies from HTTP(S)_PROXY and NO_PROXY

    def __post_init__(self) -> None:
        for name in ("requests_per_second", "connect_timeout", "read_timeout",
                     "max_download_seconds", "max_bytes", "max_attempts", "robots_max_bytes"):
            if not getattr(self, name) > 0:
                raise ValueError(f"FetchSettings.{name} must be positive, not {getattr(self, name)}")
        if self.max_redirects < 0:
            raise ValueError("FetchSettings.max_redirects must be 0 or more")


@dataclass(frozen=True)
class Fetched:
    """One GET: ``outcome`` is ``ok`` (``body`` holds the bytes) or why there is no body."""

    url: str  # as requested
    outcome: str
    status: int | None = None
    reason: str = ""
    final_url: str = ""  # after redirects
    body: bytes = b""
    ext: str = ""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    bytes_read: int = 0
    seconds: float = 0.0


class _Stop(Exception):
    """A request that ends without a usable body (rules 5-9)."""

    def __init__(self, outcome: str, reason: str, status: int | None = None,
                 bytes_read: int = 0) -> None:
        super().__init__(reason)
        self.outcome, self.reason, self.status, self.bytes_read = outcome, reason, status, bytes_read


@dataclass(frozen=True)
class _Robots:
    parser: Protego | None  # None: everything allowed
    blocked: str | None = None  # why the whole origin is skipped this run


def host_key(url: str) -> str:
    """The host a request counts against (rule 3): ``host[:port]``, lower case."""
    return urlsplit(url).netloc.lower().rsplit("@", 1)[-1]


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{host_key(url)}"


def suffix_ext(url: str) -> str | None:
    """What the address's suffix says it holds (``.pdf``), or None when it says nothing."""
    return EXT_OF_SUFFIX.get(PurePosixPath(unquote(urlsplit(url).path)).suffix.lower())


def choose_ext(content_type: str, urls: tuple[str, ...]) -> tuple[str | None, str]:
    """Rule 7: the snapshot's extension, or None and why the type is refused."""
    media = content_type.split(";", 1)[0].strip().lower()
    said = [e for e in (suffix_ext(u) for u in urls) if e is not None]
    ext = EXT_OF_TYPE.get(media)
    if ext is None and media in _UNTYPED and said and said[-1] in (".pdf", ".docx"):
        ext = said[-1]
    if ext is None:
        return None, f"content type {media or 'missing'!r} is not a report format renda reads"
    for expected in said:
        if expected != ext:
            return None, f"content type {media!r} ({ext}) at an address ending {expected}"
    return ext, ""


def check_magic(ext: str, body: bytes) -> str | None:
    """Rule 9: why the body is not what its type says, or None."""
    if ext == ".pdf" and b"%PDF-" not in body[:1024]:
        return "served as PDF but the body is not a PDF (no %PDF- header)"
    if ext == ".docx" and not body.startswith(b"PK\x03\x04"):
        return "served as .docx but the body is not a ZIP package"
    return None


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds a 429/503 asks to wait (a number or an HTTP date), or None."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class Fetcher:
    """One run's client: robots.txt cache and per-host clocks live as long as it does."""

    def __init__(self, settings: FetchSettings = FetchSettings(), *,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self._sleep, self._clock = sleep, clock
        self._client = httpx.Client(
            headers={"User-Agent": settings.user_agent},
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            follow_redirects=False, trust_env=settings.trust_env)
        self._robots: dict[str, _Robots] = {}
        self._last: dict[str, float] = {}
        self._delay: dict[str, float] = {}  # Crawl-delay per host
        self._attempts = 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    @property
    def robots_fetched(self) -> list[str]:
        """Origins whose robots.txt this run asked for (once each)."""
        return list(self._robots)

    # --- rule 3: one clock per host ------------------------------------------------------

    def _wait_turn(self, url: str) -> None:
        host = host_key(url)
        interval = max(1.0 / self.settings.requests_per_second, self._delay.get(host, 0.0))
        last = self._last.get(host)
        if last is not None:
            wait = last + interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    # --- rule 4: retries ------------------------------------------------------------------

    def _should_retry(self, response: httpx.Response) -> bool:
        if response.status_code not in _RETRY_STATUS:
            return False
        after = _retry_after(response)
        return after is None or after <= self.settings.max_retry_after

    def _backoff(self, state: RetryCallState) -> float:
        outcome = state.outcome
        if outcome is not None and not outcome.failed:
            after = _retry_after(outcome.result())
            if after is not None:
                return after
        s = self.settings
        return float(wait_exponential(multiplier=s.backoff_initial, max=s.backoff_max)(state))

    def _send(self, url: str, headers: dict[str, str]) -> httpx.Response:
        """A GET with rules 3 and 4; the response is open (streamed) unless retried."""
        self._attempts = 0

        def attempt() -> httpx.Response:
            self._attempts += 1
            self._wait_turn(url)
            response = self._client.send(self._client.build_request("GET", url, headers=headers),
                                          stream=True)
            if response.status_code in _RETRY_STATUS:
                response.close()  # only the status and headers are needed
            return response

        def log_retry(state: RetryCallState) -> None:
            wait = state.next_action.sleep if state.next_action else 0.0
            logger.info("fetch: retrying %s in %.1f s (attempt %d failed)", url, wait,
                        state.attempt_number)

        retrying = Retrying(
            stop=stop_after_attempt(self.settings.max_attempts),
            wait=self._backoff,
            retry=(retry_if_exception_type((httpx.ConnectError, httpx.ConnectTimeout))
                   | retry_if_result(self._should_retry)),
            sleep=self._sleep, before_sleep=log_retry,
            retry_error_callback=lambda state: state.outcome.result() if state.outcome else None)
        response: httpx.Response = retrying(attempt)
        return response

    # --- rule 5: redirects ----------------------------------------------------------------

    def _follow(self, url: str, headers: dict[str, str], robots: bool) -> tuple[httpx.Response, str]:
        """The last response of the redirect chain (open) and its URL."""
        current, seen = url, {url}
        for hop in range(self.settings.max_redirects + 1):
            if robots:
                self._check_robots(current)
            response = self._send(current, headers)
            if not response.has_redirect_location:
                return response, current
            response.close()
            target = urldefrag(urljoin(current, response.headers["location"].strip()))[0]
            if urlsplit(target).scheme not in ("http", "https"):
                raise _Stop("bad_redirect", f"redirected to {target!r}", response.status_code)
            if target in seen:
                raise _Stop("redirect_loop", f"{current} redirects back to {target}",
                            response.status_code)
            seen.add(target)
            current = target
        raise _Stop("too_many_redirects",
                    f"more than {self.settings.max_redirects} redirects (last {current})",
                    response.status_code)

    # --- rule 2: robots.txt ---------------------------------------------------------------

    def _load_robots(self, origin: str) -> _Robots:
        url = origin + "/robots.txt"
        try:
            response, _ = self._follow(url, {}, robots=False)
            try:
                status = response.status_code
                if status == 200:
                    body = self._read(response, self.settings.robots_max_bytes, truncate=True)
                    parser = Protego.parse(body.decode("utf-8", errors="replace"))
                    delay = parser.crawl_delay(ROBOTS_AGENT)
                    if delay:
                        self._delay[host_key(origin)] = min(float(delay),
                                                            self.settings.max_crawl_delay)
                    return _Robots(parser)
                if 400 <= status < 500 and status != 429:
                    return _Robots(None)
                return _Robots(None, f"robots.txt answered HTTP {status}")
            finally:
                response.close()
        except _Stop as stop:
            return _Robots(None, f"robots.txt: {stop.reason}")
        except httpx.HTTPError as exc:
            return _Robots(None, f"robots.txt unreachable ({type(exc).__name__}: {exc})")

    def _check_robots(self, url: str) -> None:
        origin = origin_of(url)
        robots = self._robots.get(origin)
        if robots is None:
            robots = self._robots[origin] = self._load_robots(origin)
            if robots.blocked:
                logger.warning("fetch: %s: %s; nothing is fetched from this host this run",
                               origin, robots.blocked)
        if robots.blocked:
            raise _Stop("robots_unavailable", f"{robots.blocked}: {origin} skipped this run")
        if robots.parser is not None and not robots.parser.can_fetch(url, ROBOTS_AGENT):
            raise _Stop("robots_disallowed", f"{origin}/robots.txt disallows it for renda")

    # --- rule 8: the body -----------------------------------------------------------------

    def _read(self, response: httpx.Response, cap: int, truncate: bool = False) -> bytes:
        length = response.headers.get("content-length", "").strip()
        if not truncate and length.isdigit() and int(length) > cap:
            raise _Stop("too_large", f"Content-Length {int(length)} is over the cap of {cap} "
                                     "bytes: not read", response.status_code)
        deadline = self._clock() + self.settings.max_download_seconds
        body = bytearray()
        for chunk in response.iter_bytes():
            body.extend(chunk)
            if len(body) > cap:
                if truncate:
                    return bytes(body[:cap])
                raise _Stop("too_large", f"over the cap of {cap} bytes: stopped reading",
                            response.status_code, len(body))
            if self._clock() > deadline:
                raise _Stop("timeout", f"body not complete after "
                                       f"{self.settings.max_download_seconds} s",
                            response.status_code, len(body))
        return bytes(body)

    # --- the request ----------------------------------------------------------------------

    def get(self, url: str, headers: dict[str, str] | None = None,
            want: str | None = None) -> Fetched:
        """GET ``url`` by rules 2-9 (``want``: the one extension accepted, as ``.html`` for a
        listing). Never raises for what a server or the network does."""
        start = self._clock()
        try:
            result = self._get(url, dict(headers or {}), want)
        except _Stop as stop:
            result = Fetched(url, stop.outcome, stop.status, stop.reason,
                             bytes_read=stop.bytes_read)
        except httpx.TimeoutException as exc:
            result = Fetched(url, "timeout", None, f"{type(exc).__name__}: no answer in time "
                             f"(connect {self.settings.connect_timeout} s, "
                             f"read {self.settings.read_timeout} s)")
        except httpx.HTTPError as exc:
            attempts = f" after {self._attempts} attempts" if self._attempts > 1 else ""
            result = Fetched(url, "network_error", None,
                             f"{type(exc).__name__}: {exc}{attempts}")
        return replace(result, seconds=self._clock() - start)

    def _get(self, url: str, headers: dict[str, str], want: str | None) -> Fetched:
        response, final = self._follow(url, headers, robots=True)
        try:
            status = response.status_code
            if status == 304:
                return Fetched(url, "not_modified", status, "", final)
            if status != 200:
                attempts = f" after {self._attempts} attempts" if self._attempts > 1 else ""
                return Fetched(url, "http_error", status,
                               f"HTTP {status} {response.reason_phrase}{attempts}".strip(), final)
            content_type = response.headers.get("content-type", "")
            ext, problem = choose_ext(content_type, (url, final))
            if ext is not None and want is not None and ext != want:
                ext, problem = None, f"content type {content_type!r}: expected {want}"
            if ext is None:
                raise _Stop("wrong_type", problem, status)
            body = self._read(response, self.settings.max_bytes)
            problem_body = check_magic(ext, body)
            if problem_body:
                raise _Stop("wrong_type", problem_body, status, len(body))
            return Fetched(url, "ok", status, "", final, body, ext, content_type,
                           response.headers.get("etag"), response.headers.get("last-modified"),
                           len(body))
        finally:
            response.close()
