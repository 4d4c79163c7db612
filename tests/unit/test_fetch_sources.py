"""The source list (renda.fetch.sources): what a good entry gives, and every broken entry
refused with its index, url and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from renda.fetch import Source, SourcesError, load_sources, parse_sources
from renda.fetch.sources import DEFAULT_LIMIT

GOOD = """\
sources:
  - url: https://www.example-county-rd.gov.cn/rdxw/
    kind: listing
    link_pattern: '/rdxw/\\d{6}/t\\d{8}_\\d+\\.html$'
    limit: 10
    body: 交城县人大常委会
    region: 山西省 吕梁市 交城县
    province: 山西省
    city: 吕梁市
    county: 交城县
    licence: 政府信息公开
  - url: http://rd.example-city.gov.cn/gzbg/2024.html
    kind: page
"""


def test_a_good_list() -> None:
    listing, report = parse_sources(GOOD)
    assert listing == Source(
        url="https://www.example-county-rd.gov.cn/rdxw/", kind="listing",
        link_pattern=re.compile(r"/rdxw/\d{6}/t\d{8}_\d+\.html$"), limit=10,
        body="交城县人大常委会", region="山西省 吕梁市 交城县", province="山西省", city="吕梁市",
        county="交城县", licence="政府信息公开")
    assert listing.sidecar_fields() == {"body": "交城县人大常委会", "province": "山西省",
                                        "city": "吕梁市", "county": "交城县",
                                        "licence": "政府信息公开"}
    assert (report.kind, report.link_pattern, report.limit) == ("page", None, DEFAULT_LIMIT)
    assert report.sidecar_fields() == {}
    with pytest.raises(AttributeError):
        report.url = "x"  # type: ignore[misc]  # frozen


@pytest.mark.parametrize("text", ["sources: []\n", "sources:\n", "# nothing yet\nsources: []\n"])
def test_an_empty_list(text: str) -> None:
    assert parse_sources(text) == ()


U = "https://rd.example.gov.cn/a.html"

# (entry or whole file, what the message must name). Entry 1 is the broken one: entry 0 is
# good, so the index in the message is the broken entry's, not the first one's.
BROKEN_ENTRIES = [
    # bad URLs
    ({"url": "ftp://rd.example.gov.cn/a.pdf", "kind": "page"}, ["entry 1", "'url'", "ftp"]),
    ({"url": "rd.example.gov.cn/a.html", "kind": "page"}, ["entry 1", "'url'", "scheme"]),
    ({"url": "https:///a.html", "kind": "page"}, ["entry 1", "'url'", "no host"]),
    ({"url": "https://rd.example.gov.cn/a b.html", "kind": "page"}, ["entry 1", "'url'", "spaces"]),
    ({"url": "https://user:pw@rd.example.gov.cn/", "kind": "page"}, ["entry 1", "'url'", "password"]),
    ({"url": "https://rd.example.gov.cn:99999/", "kind": "page"}, ["entry 1", "'url'"]),
    ({"url": 42, "kind": "page"}, ["entry 1", "'url'", "string"]),
    # unknown keys, missing keys
    ({"url": U, "kind": "page", "titel": "x"}, ["entry 1", U, "'titel'", "unknown"]),
    ({"url": U}, ["entry 1", U, "'kind'", "missing"]),
    ({"kind": "page"}, ["entry 1", "'url'", "missing"]),
    # wrong kind
    ({"url": U, "kind": "feed"}, ["entry 1", U, "'kind'", "'feed'"]),
    # listings and their fields
    ({"url": U, "kind": "listing"}, ["entry 1", U, "'link_pattern'", "missing"]),
    ({"url": U, "kind": "listing", "link_pattern": "t(\\d+"}, ["entry 1", U, "'link_pattern'", "regex"]),
    ({"url": U, "kind": "listing", "link_pattern": ["a"]}, ["entry 1", U, "'link_pattern'"]),
    ({"url": U, "kind": "listing", "link_pattern": "a", "limit": 0}, ["entry 1", U, "'limit'"]),
    ({"url": U, "kind": "listing", "link_pattern": "a", "limit": 501}, ["entry 1", U, "'limit'"]),
    ({"url": U, "kind": "listing", "link_pattern": "a", "limit": "20"}, ["entry 1", U, "'limit'"]),
    ({"url": U, "kind": "listing", "link_pattern": "a", "limit": True}, ["entry 1", U, "'limit'"]),
    ({"url": U, "kind": "page", "link_pattern": "a"}, ["entry 1", U, "'link_pattern'", "listing"]),
    ({"url": U, "kind": "page", "limit": 5}, ["entry 1", U, "'limit'", "listing"]),
    # wrong types of the text fields
    ({"url": U, "kind": "page", "body": 3}, ["entry 1", U, "'body'", "string"]),
    ({"url": U, "kind": "page", "county": ""}, ["entry 1", U, "'county'", "string"]),
    ({"url": U, "kind": "page", "region": ["山西省"]}, ["entry 1", U, "'region'"]),
    # the same url twice
    ({"url": "https://rd.example.gov.cn/first.html", "kind": "page"},
     ["entry 1", "'url'", "twice", "entry 0"]),
    # not a mapping
    ("https://rd.example.gov.cn/a.html", ["entry 1", "mapping"]),
]


@pytest.mark.parametrize("entry, named", BROKEN_ENTRIES)
def test_a_broken_entry_is_named(entry, named: list[str]) -> None:
    import yaml

    good = {"url": "https://rd.example.gov.cn/first.html", "kind": "page"}
    text = yaml.safe_dump({"sources": [good, entry]}, allow_unicode=True)
    with pytest.raises(SourcesError) as exc:
        parse_sources(text, "my-sources.yml")
    message = str(exc.value)
    assert message.startswith("my-sources.yml: ")
    for part in named:
        assert part in message, message


@pytest.mark.parametrize("text, named", [
    ("", "'sources' list"),
    ("- url: https://a.example/\n", "'sources' list"),
    ("sources: {url: https://a.example/}\n", "must be a list"),
    ("sources: []\nextra: 1\n", "unknown top-level keys ['extra']"),
    ("sources: [\n", "not valid YAML"),
])
def test_a_broken_file_is_named(text: str, named: str) -> None:
    with pytest.raises(SourcesError, match=re.escape(named)):
        parse_sources(text)


def test_load_sources_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "sources.yml"
    path.write_text(GOOD, encoding="utf-8")
    assert [s.kind for s in load_sources(path)] == ["listing", "page"]
    with pytest.raises(SourcesError, match="cannot be read"):
        load_sources(tmp_path / "missing.yml")
