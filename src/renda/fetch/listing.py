"""The article links of a listing page (a congress site's 人大新闻 or 工作报告 column).

Rules, in order:

1. the page is parsed with lxml.html; a page that does not parse has no links;
2. every ``<a href>`` and ``<area href>``, in document order; relative hrefs are resolved
   against the page's ``<base href>`` when it has one, else the page's own (final) URL;
3. surrounding whitespace and the ``#fragment`` are dropped; only http and https links stay
   (``javascript:``, ``mailto:`` and the like are not articles);
4. a link stays when ``link_pattern.search`` finds the pattern in its absolute URL;
5. a link stays only on the page's host (host name, lower case), unless the pattern spells
   out a scheme or host itself (it contains ``://``): then the pattern alone decides;
6. each URL once, in page order, the page's own URL left out, at most ``limit``.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.etree
import lxml.html

_NAMES_HOST = re.compile(r":\\?/\\?/")  # "://" in a pattern, escaped or not


def extract_links(html: bytes | str, page_url: str, pattern: re.Pattern[str],
                  limit: int | None = None) -> list[str]:
    """The absolute article URLs of a listing page, by rules 1-6."""
    try:
        doc = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    base = page_url
    for tag in doc.iter("base"):
        href = (tag.get("href") or "").strip()
        if href:
            base = urljoin(page_url, href)
            break
    any_host = bool(_NAMES_HOST.search(pattern.pattern))
    page_host = (urlsplit(page_url).hostname or "").lower()
    own = urldefrag(page_url)[0]
    links: list[str] = []
    seen = {own}
    for element in doc.iter("a", "area"):
        href = (element.get("href") or "").strip()
        if not href:
            continue
        try:
            url = urldefrag(urljoin(base, href))[0]
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
        except ValueError:  # a malformed href ("http://[bad")
            continue
        if parts.scheme not in ("http", "https") or not host or url in seen:
            continue
        if not pattern.search(url) or (not any_host and host != page_host):
            continue
        seen.add(url)
        links.append(url)
        if limit is not None and len(links) >= limit:
            break
    return links
