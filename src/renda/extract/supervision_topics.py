"""Subjects of supervision rows: how a topic, a list of topics and an organ are read.

Used by :mod:`renda.extract.supervision`, whose rules find where a subject is written; the
functions here say what of it is kept:

1. A topic is trimmed of its wrappers (对, 全县, 进行, 问题, 情况, …) and of a relative
   clause before it (区人大会议确定的民生实事项目 -> 民生实事项目).  A leading year stays
   (2021年度国有资产管理: it tells apart the 2020 决算 and the 2021 预算 of one sentence),
   and so does the 情况 of a report's subject (关于X情况的报告 -> X情况, as titled).
2. A topic that names no subject (专项工作, 实施情况), that is the congress's own work (代表
   联络站, 代表资格变动) or that is a verb or a fragment rather than a thing (提高, 被, 如何…,
   a half of a list) gives no row: :func:`names_subject`.
3. A list of subjects (A、B和C) is split into items when every item is a phrase (4
   characters or more), so 大气、水、土壤 stays one subject; a list before a count of its
   items (A、B两个专题) is split whatever the items' length when the count agrees.
4. An organ (县政府, 公安局, 一府两院) and a unit appraised (镇财政所) are recognised by their
   ending.
"""

from __future__ import annotations

import re
from importlib.resources import files
from typing import Any, TypeGuard

import yaml

from renda.numbers import parse_chinese_numeral

VOCAB: dict[str, Any] = yaml.safe_load(
    (files("renda.extract") / "vocab" / "supervision.yml").read_text(encoding="utf-8")
)


def alt(words: list[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_GENERIC = frozenset(VOCAB["generic_topics"])
RE_INTERNAL = re.compile(alt(VOCAB["internal_topics"]))
# Rule 2: topics that are a verb, a question or a fragment, not a subject.
_RE_NOT_A_SUBJECT = re.compile(
    r"^(?:" + alt(VOCAB["not_subject_starts"]) + r")"   # 提高, 如何, 被 ...
    r"|^[、，和及与并或]|[、，和及与并或]$"               # half of a list
    r"|^[0-9零一二两三四五六七八九十百]+[部件](?:法律|法规|地方性法规)"   # 22部法律法规: a count
    r"|(?:发现|反映|指出|提出|查出|暴露)出?$"           # 检查中发现(的问题): points back
)
_RE_EXTENT = re.compile(r"(?:" + alt(VOCAB["extent_suffixes"]) + r")$")
# A year leading a subject (2021年度, 2022年上半年): kept, the wrappers after it trimmed.
_RE_YEAR_PREFIX = re.compile(
    r"""
    ^(?:(?:19|20)[0-9]{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})年   # 2021年 / 二〇二一年
    (?:度)?                                                                # 2021年度
    (?:上半年|下半年|前三季度|第?[一二三四1-4]季度|[0-9]{1,2}[-－—至~][0-9]{1,2}月)?  # 上半年
    (?:的)?
    """,
    re.VERBOSE,
)

_RE_TOPIC_PREFIX = re.compile(r"^(?:" + alt(VOCAB["topic_prefixes"]) + r")")
_RE_TOPIC_SUFFIX = re.compile(r"(?:" + alt(VOCAB["topic_suffixes"]) + r")$")
# A relative clause before a subject: …会议确定的, 区委部署的 (the subject follows).
_RE_TOPIC_RELATIVE = re.compile(r"^[^、，,]{2,24}?(?:" + alt(VOCAB["relative_verbs"]) + r")的")

# Rule 3: a list before a count of its items (对A、B两个专题开展调研): one row per item.
_RE_COUNTED_LIST = re.compile(
    r"""
    (?P<n>[0-9两二三四五六七八九十]+)       # 两 / 3
    (?:个|项|大)?                           # counter
    (?:""" + alt(VOCAB["list_nouns"]) + r""")   # 专题, 方面, ...
    $
    """,
    re.VERBOSE,
)
RE_LIST_JOIN = re.compile(r"以及|[、和及与]")
_RE_LAST_JOIN = re.compile(r"^(?P<a>.+)(?:以及|和|及|与)(?P<b>.+)$")
_RE_JOINED_PHRASE = re.compile(alt(VOCAB["joined_phrases"]))

# Rule 4: organs and units.
_RE_ORGAN = re.compile(r"(?:" + alt(VOCAB["organ_suffixes"]) + r")$")
_ORGAN_GROUPS = frozenset(VOCAB["organ_groups"])
_RE_UNIT = re.compile(r"(?:" + alt(VOCAB["appraised_unit_suffixes"]) + r")$")
_RE_ORGAN_SPLIT = re.compile(r"以及|[、和及与]")
_RE_ORGAN_SYSTEM = re.compile(r"^.{0,6}?系统")  # 政法系统公安局 -> 公安局
# The congress's own bodies, never an organ overseen (人大常委会, 主席团).
_RE_OWN_BODY = re.compile(
    r".{0,10}?(?:人大|人民代表大会)(?:常委会|常务委员会|主席团)?|.{0,10}?(?:常委会|常务委员会|主席团)")


def trim(topic: str, keep_extent: bool = False) -> str | None:
    """Rule 1: a subject as written, without its wrappers (对, 全县, 进行, ...) and without a
    relative clause before it (区人大会议确定的民生实事项目 -> 民生实事项目); a leading year
    is kept, and with ``keep_extent`` (a report's subject) a trailing 情况."""
    t = topic.strip(" 　\t，,。；;：:、")
    year = ""
    ym = _RE_YEAR_PREFIX.match(t)
    if ym and ym.end() < len(t):
        year, t = t[:ym.end()], t[ym.end():]
    changed = True
    while changed and t:
        changed = False
        m = _RE_TOPIC_PREFIX.match(t)
        if m and m.end() < len(t):
            t, changed = t[m.end():], True
        m = _RE_TOPIC_RELATIVE.match(t)
        if m and m.end() < len(t) - 1:
            t, changed = t[m.end():], True
        m = _RE_TOPIC_SUFFIX.search(t) or (None if keep_extent else _RE_EXTENT.search(t))
        if m and m.start() > 0:
            t, changed = t[:m.start()], True
    if len(t) >= 2 and t[0] in "“\"「『" and t[-1] in "”\"」』":
        t = t[1:-1]
    return (year + t) if t else None


def core(topic: str) -> str:
    """The subject without the words of its extent (X工作情况 -> X), to judge it by."""
    c = _RE_EXTENT.sub("", topic)
    return c or topic


def names_subject(topic: str | None) -> TypeGuard[str]:
    """Rule 2: the topic names a subject of oversight (not 专项工作, 代表联络站, 提高, 被…)."""
    if not topic:
        return False
    c = core(topic)
    return (c not in _GENERIC and topic not in _GENERIC and len(c) >= 2
            and not RE_INTERNAL.search(topic) and not _RE_NOT_A_SUBJECT.search(c)
            and not _RE_OWN_BODY.fullmatch(c))     # 聚焦市人大督办…: the congress itself


def split_items(raw: str, objects: bool = False) -> list[str]:
    """Rule 3: a list of subjects, one item each.

    Split at 、 (outside brackets and quotes), the last item also at its 和/及/与 (A、B和C),
    when every item is a phrase (4 characters or more), so 大气、水、土壤 stays one subject.
    A list written before a count of its items (A、B两个专题, A和B两个方面) is split whatever
    the items' length when the count agrees with the items found.  ``objects``: the things
    visited after the verb (视察了A和B): two phrases joined by 和 alone are two objects.
    """
    counted = _RE_COUNTED_LIST.search(raw)
    if counted is not None:
        n = parse_chinese_numeral(counted.group("n"))
        items = _list_items(raw[:counted.start()], min_len=1)
        if len(items) > 1 and len(items) == n:
            return items
        raw = raw[:counted.start()]
    items = _list_items(raw, min_len=4, pair=objects)
    return items if len(items) > 1 else [raw]


def _list_items(raw: str, min_len: int, pair: bool = False) -> list[str]:
    """The items of a 、-list, its last item split at 和/及/与 when both halves have
    ``min_len`` characters or more and are not a fixed phrase (国民经济和社会发展); with
    ``pair``, also a single A和B (no 、)."""
    depth = 0
    parts: list[str] = []
    current = ""
    for ch in raw:
        if ch in "（(《“「『":
            depth += 1
        elif ch in "）)》”」』":
            depth -= 1
        if ch == "、" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    last = _RE_LAST_JOIN.match(parts[-1])
    if (last is not None and not _RE_JOINED_PHRASE.search(parts[-1])
            and not re.search(r"[（(《“「『]", last.group("b"))
            and all(len(trim(x) or "") >= max(min_len, 2) for x in last.groups())
            and (len(parts) > 1 or min_len == 1 or pair)):
        parts[-1:] = [last.group("a"), last.group("b")]
    if all(len(trim(x) or "") >= min_len for x in parts):
        return parts
    return [raw]


def is_organ(name: str) -> bool:
    """Rule 4: an organ reporting or overseen (县政府, 公安局, 一府两院)."""
    return name in _ORGAN_GROUPS or (len(name) <= 12 and bool(_RE_ORGAN.search(name)))


def is_unit(name: str) -> bool:
    """Rule 4: a unit appraised in a work appraisal (镇财政所, 农业综合服务站): what is
    appraised is an organ's work, so a subject named by a unit's ending is the organ."""
    return len(name) <= 16 and bool(_RE_UNIT.search(name))


def organ(words: str) -> str | None:
    """The organ named in a few words (县政府), else None."""
    w = _RE_ORGAN_SYSTEM.sub("", words.strip().strip("“”\"「」『』"))
    return w if w and is_organ(w) else None


def organs(words: str) -> list[str | None]:
    """The organs of a list (政法系统公安局、法院和交警大队); [None] when they are not organs."""
    parts = [_RE_ORGAN_SYSTEM.sub("", p.strip().strip("“”\"「」『』"))
             for p in _RE_ORGAN_SPLIT.split(words)]
    parts = [p for p in parts if p]
    others = [p for p in parts if not _RE_OWN_BODY.fullmatch(p)]
    if others and len(others) < len(parts):
        parts = others              # 人大常委会、一府两院: the congress's own report left out
    if parts and all(is_organ(p) for p in parts):
        return list(parts)
    return [None]


__all__ = ["RE_INTERNAL", "RE_LIST_JOIN", "VOCAB", "alt", "core", "is_organ", "is_unit", "names_subject", "organ", "organs",
           "split_items", "trim"]
