r"""The source list, ``sources.yml``: which pages the fetch step reads, checked before any
request is made.

```yaml
sources:
  - url: https://www.example-county-rd.gov.cn/rdxw/      # http or https
    kind: listing                 # page: one report; listing: follow its article links
    link_pattern: '/rdxw/\d{6}/t\d{8}_\d+\.html$'   # listing only: a regex searched in
    limit: 20                     # each absolute link URL; at most ``limit`` links (1-500)
    body: 交城县人大常委会          # optional, all of these: written to each report's sidecar
    region: 山西省 吕梁市 交城县     # free text, for people and logs (not written to sidecars)
    province: 山西省
    city: 吕梁市
    county: 交城县
    licence: 政府信息公开 (the site's terms)
```

Rules, in the order they are checked (the first failure raises :class:`SourcesError`,
naming the file, the entry's index and url, and the field):

1. the file is YAML whose top level is a mapping with one key, ``sources``, a list (empty,
   or ``sources:`` with nothing after it, is a list of no sources);
2. each entry is a mapping whose keys are all known (:data:`FIELDS`); ``url`` and ``kind``
   are required;
3. ``url`` is a string, http or https, with a host, no spaces and no user name or password
   (they would end up in logs and sidecars);
4. ``kind`` is ``page`` or ``listing``; a listing needs ``link_pattern``, a page takes
   neither ``link_pattern`` nor ``limit``;
5. ``link_pattern`` is a string that compiles as a Python regex; ``limit`` an integer from
   1 to :data:`MAX_LIMIT` (default :data:`DEFAULT_LIMIT`);
6. ``body``, ``region``, ``province``, ``city``, ``county``, ``licence`` are non-empty strings;
7. no url is listed twice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

KINDS = ("page", "listing")
DEFAULT_LIMIT = 20
MAX_LIMIT = 500
TEXT_FIELDS = ("body", "region", "province", "city", "county", "licence")
FIELDS = ("url", "kind", "link_pattern", "limit", *TEXT_FIELDS)


class SourcesError(ValueError):
    """A source list that cannot be used; the message names the entry and the field."""


@dataclass(frozen=True)
class Source:
    """One entry of the source list, checked."""

    url: str
    kind: str  # "page" or "listing"
    link_pattern: re.Pattern[str] | None = None  # listings only
    limit: int = DEFAULT_LIMIT
    body: str | None = None
    region: str | None = None  # free text ("山西省 吕梁市 交城县"): a label, not a sidecar key
    province: str | None = None
    city: str | None = None
    county: str | None = None
    licence: str | None = None

    def sidecar_fields(self) -> dict[str, str]:
        """What this entry says of every report fetched from it, as sidecar keys (only the
        keys it gives: a sidecar key, even null, overrides what the text says)."""
        fields = {"body": self.body, "province": self.province, "city": self.city,
                  "county": self.county, "licence": self.licence}
        return {k: v for k, v in fields.items() if v is not None}


def check_url(url: object) -> str | None:
    """Why ``url`` is not a URL the fetcher may request (rule 3), or None when it is."""
    if not isinstance(url, str):
        return f"expected a string, got {type(url).__name__}"
    if not url or any(c.isspace() for c in url):
        return "empty or contains spaces"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a bad port raises here)
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme not in ("http", "https"):
        return f"scheme {parts.scheme or 'missing'!r}: only http and https are fetched"
    if not parts.hostname:
        return "no host"
    if parts.username is not None or parts.password is not None:
        return "a user name or password in the URL: not allowed"
    return None


def _entry(index: int, raw: object, name: str) -> Source:
    def fail(field: str, problem: str) -> SourcesError:
        url = raw.get("url") if isinstance(raw, Mapping) else None
        where = f"{name}: entry {index}" + (f" ({url})" if isinstance(url, str) else "")
        return SourcesError(f"{where}: field {field!r}: {problem}")

    if not isinstance(raw, Mapping):
        raise SourcesError(f"{name}: entry {index}: expected a mapping of fields, "
                           f"got {type(raw).__name__}")
    unknown = sorted(str(k) for k in raw if k not in FIELDS)
    if unknown:
        raise fail(unknown[0], f"unknown field (known: {', '.join(FIELDS)})")
    for required in ("url", "kind"):
        if required not in raw:
            raise fail(required, "missing")
    problem = check_url(raw["url"])
    if problem:
        raise fail("url", problem)
    kind = raw["kind"]
    if kind not in KINDS:
        raise fail("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    if kind == "listing" and "link_pattern" not in raw:
        raise fail("link_pattern", "missing: a listing needs the pattern of its article links")
    if kind == "page":
        for field in ("link_pattern", "limit"):
            if field in raw:
                raise fail(field, "only a listing has this field")
    pattern = None
    if "link_pattern" in raw:
        if not isinstance(raw["link_pattern"], str) or not raw["link_pattern"]:
            raise fail("link_pattern", "expected a non-empty string")
        try:
            pattern = re.compile(raw["link_pattern"])
        except re.error as exc:
            raise fail("link_pattern", f"not a valid regex ({exc})") from exc
    limit = raw.get("limit", DEFAULT_LIMIT)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise fail("limit", f"expected an integer from 1 to {MAX_LIMIT}, got {limit!r}")
    texts: dict[str, str | None] = {}
    for field in TEXT_FIELDS:
        value = raw.get(field)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise fail(field, f"expected a non-empty string, got {value!r}")
        texts[field] = value.strip() if isinstance(value, str) else None
    return Source(url=raw["url"], kind=kind, link_pattern=pattern, limit=limit, **texts)


def parse_sources(text: str, name: str = "sources.yml") -> tuple[Source, ...]:
    """The checked entries of a source list's text (rules 1-7), in the file's order."""
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SourcesError(f"{name}: not valid YAML ({exc})") from exc
    if not isinstance(data, Mapping) or "sources" not in data:
        raise SourcesError(f"{name}: expected a mapping with a 'sources' list at the top")
    extra = sorted(str(k) for k in data if k != "sources")
    if extra:
        raise SourcesError(f"{name}: unknown top-level keys {extra}: only 'sources'")
    entries = data["sources"] if data["sources"] is not None else []
    if not isinstance(entries, list):
        raise SourcesError(f"{name}: 'sources' must be a list, got {type(entries).__name__}")
    sources = tuple(_entry(i, raw, name) for i, raw in enumerate(entries))
    first: dict[str, int] = {}
    for i, source in enumerate(sources):
        if source.url in first:
            raise SourcesError(f"{name}: entry {i} ({source.url}): field 'url': "
                               f"listed twice (also entry {first[source.url]})")
        first[source.url] = i
    return sources


def load_sources(path: Path) -> tuple[Source, ...]:
    """:func:`parse_sources` of a file (UTF-8)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: cannot be read ({exc})") from exc
    return parse_sources(text, str(path))
