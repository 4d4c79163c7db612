"""Report metadata: a sidecar ``<name>.meta.yml`` when present, otherwise inferred.

Sidecar fields (all optional): ``source_url, title, body, province, city, county,
admin_code, report_year, published_date, licence, retrieved, doc_type, sample``. What the
sidecar gives wins; what it leaves out is inferred from the normalized text by the ordered
rules below.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from renda.contract import DOC_TYPES, LEVELS
from renda.ingest.gazetteer import load_gazetteer

SIDECAR_FIELDS = (
    "source_url", "title", "body", "level", "province", "city", "county", "admin_code",
    "report_year", "published_date", "licence", "retrieved", "doc_type", "sample",
)


class MetadataError(ValueError):
    pass


@dataclass
class Metadata:
    title: str | None = None
    body: str | None = None
    level: str | None = None
    province: str | None = None
    city: str | None = None
    county: str | None = None
    admin_code: str | None = None
    report_year: int | None = None
    published_date: dt.date | None = None
    doc_type: str = "other"
    source_url: str | None = None
    # Why the document states no facts of the fact tables, when it states none: a law or a
    # regulation (it says what a committee *shall* do), a template with placeholders, spam.
    # Such a document keeps its documents row and gives no fact rows.
    fact_free: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def parse_sidecar(text: str, name: str) -> dict[str, Any]:
    """Parse and check a sidecar; raise :class:`MetadataError` naming the problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise MetadataError(f"{name}: not valid YAML ({exc.__class__.__name__})") from exc
    except ValueError as exc:  # YAML dates that are not dates (2021-13-45)
        raise MetadataError(f"{name}: a value is not an ISO date ({exc})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MetadataError(f"{name}: expected a mapping of fields, got {type(data).__name__}")
    unknown = set(data) - set(SIDECAR_FIELDS)
    if unknown:
        raise MetadataError(f"{name}: unknown fields {sorted(unknown)}")
    if "doc_type" in data and data["doc_type"] not in DOC_TYPES:
        raise MetadataError(f"{name}: doc_type {data['doc_type']!r} not one of {DOC_TYPES}")
    if "level" in data and data["level"] not in LEVELS:
        raise MetadataError(f"{name}: level {data['level']!r} not one of {LEVELS}")
    for key in ("published_date", "retrieved"):
        if key in data and isinstance(data[key], str):
            try:
                data[key] = dt.date.fromisoformat(data[key])
            except ValueError as exc:
                raise MetadataError(f"{name}: {key} {data[key]!r} is not an ISO date") from exc
    if data.get("admin_code") is not None:  # a YAML number (141122) becomes text; null stays null
        data["admin_code"] = str(data["admin_code"])
    return data


# --- inference rules ---------------------------------------------------------------------

# The congress body: a place name followed by the standing committee or the congress.
# Longest names first, so 人民代表大会常务委员会 is preferred over 人民代表大会.
_RE_BODY = re.compile(
    r"([\u4e00-\u9fff]{2,12}?(?:省|市|县|区|旗|州|盟|镇|乡))"
    r"(人大常委会|人民代表大会常务委员会|人大|人民代表大会)"
)

# doc_type rules, first match wins. Each is (doc_type, pattern searched in the head of the
# text (title and first lines), reason). Government work reports are checked first because
# they also mention the congress everywhere ("在区人大的监督和支持下").
_DOC_TYPE_HEAD_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("government_report", re.compile(r"政府工作报告|代表[\u4e00-\u9fff]{0,10}政府向大会")),
    ("election_report", re.compile(r"换届选举(?:工作)?(?:总结|情况|报告)")),
    ("oversight_report", re.compile(r"执法检查(?:组)?(?:的)?报告|专题调研报告|审议意见")),
    ("deputy_work_report", re.compile(r"代表工作(?:情况)?(?:报告|总结)|代表建议.{0,6}办理情况")),
    ("congress_report", re.compile(r"常务委员会工作报告|常委会工作报告")),
    ("news", re.compile(r"本报讯|记者|通讯员|新华社|日电")),
)

_RE_YEAR_OF_WORK = (
    # "刚刚过去的2021年", "回顾2021年", "2021年工作回顾", "2021年，区政府…"
    re.compile(r"(?:刚刚过去的|过去的|回顾)((?:19|20)\d{2})年"),
    re.compile(r"((?:19|20)\d{2})年(?:工作回顾|的工作)"),
)
# Delivery line of a report to a session: "2013年2月28日在海拉尔区第十四届人民代表大会…上"
_RE_DELIVERED = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日在[^\n]{2,40}?(?:会议|大会)上")
_RE_YEAR = re.compile(r"((?:19|20)\d{2})年")


def infer_report_year(text: str, today: dt.date) -> tuple[int | None, dt.date | None]:
    """(report_year, published_date) from the text.

    1. An explicit year of work (刚刚过去的2021年) wins.
    2. A report delivered to a session in the first months of a year covers the year before
       (政府工作报告 delivered 2013-02-28 -> 2012).
    3. Otherwise the most frequent plausible year mentioned.
    """
    head = text[:3000]
    published: dt.date | None = None
    m = _RE_DELIVERED.search(head)
    if m:
        try:
            published = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            published = None
    for rule in _RE_YEAR_OF_WORK:
        m = rule.search(head)
        if m:
            return int(m.group(1)), published
    if published is not None:
        return (published.year - 1 if published.month <= 6 else published.year), published
    years = Counter(int(y) for y in _RE_YEAR.findall(text) if 1979 <= int(y) <= today.year)
    return (years.most_common(1)[0][0] if years else None), published


def infer_doc_type(text: str, body: str | None) -> str:
    head = text[:400]
    for doc_type, pattern in _DOC_TYPE_HEAD_RULES:
        if pattern.search(head):
            return doc_type
    if body:
        return "congress_report"
    return "other"


def infer_body(text: str) -> str | None:
    """The most frequently named standing committee (or congress), in its short form."""
    counts: Counter[str] = Counter()
    for place, organ in _RE_BODY.findall(text):
        short = "人大常委会" if organ in ("人大常委会", "人民代表大会常务委员会") else None
        if short:
            counts[place + short] += 1
    if not counts:
        return None
    body, n = counts.most_common(1)[0]
    return body if n >= 2 else None


def _title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    if first.startswith(("—", "-", "－")) or _RE_DELIVERED.search(first):
        return None  # a delivery line (——2017年2月11日在…会议上) is not a title
    return first if 2 <= len(first) <= 40 and not re.search(r"[，。；,;:：]", first) else None


def infer_metadata(text: str, sidecar: dict[str, Any], today: dt.date) -> Metadata:
    meta = Metadata(extra={k: v for k, v in sidecar.items() if k in ("licence", "retrieved", "sample")})
    year, published = infer_report_year(text, today)
    body = sidecar.get("body") or infer_body(text)
    doc_type = sidecar.get("doc_type") or infer_doc_type(text, body)
    if doc_type == "government_report" and "body" not in sidecar:
        body = None  # a government report speaks for the government, not a congress body
    gov = re.search(r"([\u4e00-\u9fff]{2,16}?(?:省|市|县|区|旗))人民政府", text[:600])
    prefer = body or (gov.group(1) if gov else None)
    region = load_gazetteer().locate(text, prefer=prefer)
    meta.title = sidecar.get("title") or _title(text)
    meta.body = body
    meta.doc_type = doc_type
    meta.source_url = sidecar.get("source_url")
    meta.report_year = int(sidecar["report_year"]) if "report_year" in sidecar else year
    meta.published_date = sidecar.get("published_date") or published
    # A sidecar key wins even when null: `county: null` means "not a county", do not guess.
    for key in ("province", "city", "county", "admin_code"):
        value = sidecar[key] if key in sidecar else (getattr(region, key) if region else None)
        setattr(meta, key, value)
    if "level" in sidecar:
        meta.level = sidecar["level"]
    elif any(k in sidecar for k in ("province", "city", "county", "admin_code")):
        meta.level = ("county" if meta.county else "city" if meta.city
                      else "province" if meta.province else None)
    else:
        meta.level = region.level if region else None
    return meta
