"""Who, when, and what is not a fact, for the ``deputy_activity`` extractor.

The subject of a segment (its *actor*: 党组成员, 全县各级人大代表, 区政府, …), the period
words (一年来, 五年来, 2019年以来, 自建成以来 …), plans and targets, headings of sections,
and the cutting of a sentence into segments at ，；： outside quotes and brackets. See
:mod:`renda.extract.deputy_activity` for how they are carried from segment to segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from renda.extract._deputy_rules import (
    _DEPUTY_RE,
    _G,
    _MODS,
    _PLACE,
    _PLACE_MARKS,
    _STATION_AFTER,
    _V,
    _alt,
    _alt_re,
)
from renda.extract.base import DocContext, Sentence

# --------------------------------------------------------------------------------------
# Actors, periods, plans, headings
# --------------------------------------------------------------------------------------

_ACTOR_TYPE_OF_HEAD: dict[str, str] = {
    head: actor_type for actor_type, heads in _V["actor_heads"].items() for head in heads
}

# Words a segment may start with before its subject: vocatives, connectors, time words.
_LEAD_WORDS = [
    "各位代表",
    "其中", "同时", "此外", "另外", "并且", "并", "而且", "还", "均", "共", "累计", "先后",
    "总计", "合计", "目前", "当前", "现已", "已",
    "刚刚过去的", "过去的",
    *_V["period_markers"]["annual"], *_V["period_markers"]["multi_year"],
]
_LEAD = rf"""
    (?:
        {_alt(_LEAD_WORDS)}                                 # connectors and time words
      | (?:19|20)[0-9]{{2}}年 (?:换届以来|以来|来|度)?       # 2021年, 2019年以来
      | (?:[二两三四五六七八九十]|[0-9]+)年(?:来|间|以来)   # 五年来
    )*
"""


# A place name of any region, read only right before 人民政府 or 人大常委会 (the full
# names of bodies), so that 全面提升区政府… is not a place.
# A place name holds no verb nor deputies (组织代表参加县人大常委会… is no place).
# Nor a verb with the body as its object (提请市人大常委会审议, 经县人大常委会决定, 由区人民
# 政府办理): a verb right before the level word is no place, and a verb of two characters
# is none anywhere in it (全年共提请市人大常委会审议…: the government asks the committee).
_PLACE_NAME = ("(?!(?:提请|报请|提交|接受|经过?|根据|按照|依照|交由|由|向|对|在|请)"
               "(?:自治|[省市县区旗州盟]))"
               "(?:(?!代表|组织|参加|邀请|举办|开展|召开|的|提请|报请|提交|接受|根据|按照|依照|交由)"
               "[\u4e00-\u9fff]){1,6}?"
               "(?:自治县|自治州|自治旗|县|区|市|旗|州|盟)")


# The document's own place names (交城县, 交城, 吕梁市, …) are modifiers of a subject too
# (交城县人大代表). Rather than compiling the actor patterns again for every document, each
# place name is hidden behind a run of one private-use character of the same length
# (:func:`_hide_places`): offsets do not move, the patterns below are compiled once, and
# the actor's text is restored with :func:`_show_places`.
_HEADS = _alt([*_ACTOR_TYPE_OF_HEAD, *_V["speaker_pronouns"]])

# The subject written at the start of a segment.
_SUBJECT_RE = re.compile(
    rf"""
    ^ {_LEAD}                                   # 一年来，其中，2021年 …
    (?P<actor>
        (?:{_PLACE_NAME} (?=人民政府|人大常委会))?  # 巩留县 人民政府 (any place)
        {_MODS}*                                # 全县 各级 / 县 人大常委会
        (?P<head>{_HEADS})                      # 人大代表, 党组成员, 政府, 我们
        们?                                     # 代表们
    )
    (?!{_alt_re(_V["actor_not_followed_by"])})  # not 代表联络站, 常委会会议, 代表的
    (?!{_STATION_AFTER})                        # not 代表民情联络站 (a station's name)
    """,
    re.VERBOSE,
)
# Who handles the suggestions counted, when the segment names them before the number (交由
# 县人民政府办理的81件建议, 转交区政府及有关部门办理).
_HANDLER_RE = re.compile(
    rf"""
    (?:交由|交给|转交|交)
    (?P<handler>{_MODS}* (?:人民政府|政府))
    (?:及其?(?:有关|相关)?部门|及各?承办单位)?
    (?:研究)? (?:办|处理)
    """,
    re.VERBOSE,
)

Places = tuple[tuple[str, str], ...]  # (place name, the private-use run that hides it)


@lru_cache(maxsize=256)
def _place_marks(places: tuple[str, ...]) -> Places:
    """Each place name (longest first, so 交城县 before 交城) with its own hiding run."""
    names = sorted(set(places), key=len, reverse=True)
    return tuple((name, chr(0xE000 + i) * len(name)) for i, name in enumerate(names))


def _hide_places(s: str, places: Places) -> str:
    """The string with every place name replaced by its private-use run (same length)."""
    for name, run in places:
        if name in s:
            s = s.replace(name, run)
    return s


def _show_places(s: str, places: Places) -> str:
    """The inverse of :func:`_hide_places`."""
    for name, run in places:
        if run[0] in s:
            s = s.replace(run, name)
    return s


_LEVEL_SUFFIX = re.compile(r"(?:自治区|自治州|自治县|省|市|县|区|旗|盟)$")  # 交城县 -> 交城


def _places(ctx: DocContext) -> tuple[str, ...]:
    """The document's own place names, full and without the level character."""
    names: list[str] = []
    for name in (ctx.county, ctx.city, ctx.province):
        if name:
            names.append(name)
            short = _LEVEL_SUFFIX.sub("", name)
            if len(short) >= 2:
                names.append(short)
    return tuple(names)


@dataclass(frozen=True)
class Actor:
    text: str | None
    actor_type: str


_SINCE_EVENT = _alt(_V["since_events"])
_PERIOD_RE = re.compile(
    rf"""
      (?P<since>(?:19|20)[0-9]{{2}})年                      # 2019年以来, 2021年换届以来,
        (?:[0-9]{{1,2}}月 (?:[0-9]{{1,2}}日)?)?               # 2019年3月建成以来,
        [\u4e00-\u9fff]{{0,8}}? (?:以来|至今)                 # 2016年本届常委会成立以来
    | (?P<span>(?:19|20)[0-9]{{2}} 年? \s* [-—–~至到] \s* (?:19|20)[0-9]{{2}}年)  # 2017—2021年
    | (?P<term>换届以来|新一届{_G}{{0,10}}以来)            # 换届以来: spans years
    | (?P<event>{_SINCE_EVENT} (?:以来|至今))               # 自建成以来: the station's life
    | (?P<nyears>[两二三四五六七八九十]年 (?:来|间|以来|中|共|累计))  # 五年来, 五年共
    | (?P<nyears_arabic>(?<![0-9])[0-9]{{1,2}}年 (?:来|间|以来))     # 40年来
    | (?P<annual>{_alt(_V["period_markers"]["annual"])})   # 一年来, 全年, 今年
    | (?P<multi>{_alt(_V["period_markers"]["multi_year"])})  # 本届以来, 过去五年
    """,
    re.VERBOSE,
)
# A year at the head of a segment dates what follows: 2021年，… / 刚刚过去的2015年，…
# A full date (2012年09月28日, a page's dateline or an event's day) is no period.
_FULL_DATE_AFTER = r"(?![0-9]{1,2}月[0-9]{1,2})"  # also 2013年06月09 15:50 (no 日)
_YEAR_HEAD_RE = re.compile(
    r"^(?:各位代表|刚刚过去的|过去的|在|于)*(?:19|20)[0-9]{2}年(?:度)?(?!以来|来)" + _FULL_DATE_AFTER)


# Every period word holds one of these (a cheap test before the patterns).
_PERIOD_HINT = re.compile("年|届|期|以来|至今")

# Where the report dates an event (建成于2020年, 2022年3月挂牌, 今年新建成): the year
# that decides whether 自建成以来 lies within the report year.
_EVENT_DATE_RE = re.compile(
    rf"""
      (?P<year>(?:19|20)[0-9]{{2}})年 [^。；，,\n]{{0,10}}? {_SINCE_EVENT}   # 2020年建成
    | {_SINCE_EVENT} 于 (?P<year_after>(?:19|20)[0-9]{{2}})年               # 建成于2020年
    | (?P<this_year>今年|本年|年内|当年               # 今年新建成, 今年3月启用
        |(?<![年0-9])[0-9]{{1,2}}月)                     # 3月启用: a month of the report year
      [^。；，,\n]{{0,6}}? {_SINCE_EVENT}
    | (?P<before_year>去年|上年|前年|往年) [^。；，,\n]{{0,6}}? {_SINCE_EVENT}  # 去年建成
    """,
    re.VERBOSE,
)


_EVENT_LOOKBACK = 2000  # characters: the event is dated near where its 以来 is written


def _event_period(text: str, pos: int, report_year: int | None) -> str:
    """The period of 自建成以来 at ``pos``: annual when the last event the report dated
    before it fell in the report year, otherwise multi_year (the event lies before it)."""
    last = None
    for last in _EVENT_DATE_RE.finditer(text, max(0, pos - _EVENT_LOOKBACK), pos):
        pass
    if last is None:
        return "multi_year"
    if last.group("this_year"):
        return "annual"
    if last.group("before_year"):
        return "multi_year"
    year = int(last.group("year") or last.group("year_after"))
    return "annual" if report_year is not None and year >= report_year else "multi_year"


def _period_in(segment: str, report_year: int | None, text: str = "",
               pos: int = 0) -> str | None:
    """The period a segment sets for the figures after it, or None. ``text`` and ``pos``
    (the segment's offset in it) let 自建成以来 look back for the date of the event."""
    found: str | None = None
    if not _PERIOD_HINT.search(segment):
        return None
    if _YEAR_HEAD_RE.match(segment):
        found = "annual"
    for m in _PERIOD_RE.finditer(segment):
        if m.group("since"):
            # Since a year (2019年以来, 2020年以来 in a report on 2020): counted over more
            # than the year, up to the time of writing; 今年以来 is the year's (annual).
            found = "multi_year"
        elif m.group("annual"):
            found = "annual"
        elif m.group("event"):
            found = _event_period(text, pos + m.end(), report_year)
        else:
            found = "multi_year"
    return found


# A report on a whole term speaks of the term: a word of a term (五年来, 本届以来, 任期内;
# not 近年来 or 多年来, which any article may say in passing), and neither a word of one year
# (一年来, 今年) nor a year opening a clause (2021年，…) anywhere in it. A date (2018年3月11日)
# is the page's, not a period.
_TERM_WORD_RE = re.compile(
    rf"{_alt(_V['term_report_words'])}|[两二三四五六七八九十]年(?:来|间|以来)")
_ONE_YEAR_RE = re.compile(
    rf"{_alt(_V['period_markers']['annual'])}|(?:19|20)[0-9]{{2}}\s*年(?:度)?[，,、]")


# Reports on a body's work over a year: a figure they give without a date is the year's.
# A news item or an article reports events and practice: an undated figure is unspecified.
_REPORTS_ON_A_YEAR = frozenset({"congress_report", "government_report", "deputy_work_report",
                                "oversight_report"})


def _default_period(text: str, ctx: DocContext) -> str:
    """The period of figures no period word dates: annual in a report on a year's work,
    multi_year in a report on a whole term, unspecified in a news item or an article and
    when the report's year is not known."""
    if not _ONE_YEAR_RE.search(text) and _TERM_WORD_RE.search(text):  # the cheaper test first
        return "multi_year"
    if ctx.report_year is not None and ctx.doc_type in _REPORTS_ON_A_YEAR:
        return "annual"
    return "unspecified"


_PLAN_RE = re.compile(_alt_re(_V["plan_markers"]))
_PLAN_HEADING_RE = re.compile(_alt_re(_V["plan_headings"]))
_REVIEW_HEADING_RE = re.compile(_alt_re(_V["review_headings"]))
_SEGMENT_STOPS = "，,；;：:"
_OPENERS = {"“": "”", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")", "【": "】",
            "‘": "’"}
_QUOTES = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’"}
_TITLE_RE = re.compile(
    r"""
      [“「『] (?P<quoted>[^”」』]{2,80}) [”」』]    # “关于…的建议”
    | 《 (?P<book>[^》]{2,80}) 》                 # 《关于…的建议》 (also laws: see _titles)
    """,
    re.VERBOSE,
)


_RE_THOUSANDS = re.compile(r"[0-9],[0-9]{3}(?![0-9])")  # 1,234: a separator, not a stop


# A quoted station name: a station word, perhaps after a short brand (“连心”代表联络站 is
# outside the quotes; “人大代表之家”, “民情驿站” are inside).
_QUOTED_PLACE_RE = re.compile(rf"[“「『‘]([\u4e00-\u9fff]{{0,6}}?{_PLACE})[”」』’]")
_OPENER_RE = re.compile("[" + re.escape("".join(_OPENERS)) + "]")
_QUOTE_RE = re.compile("[" + re.escape("".join(_QUOTES)) + "]")
_STOP_RE = re.compile("[" + re.escape(_SEGMENT_STOPS) + "]")
_SPECIAL_RE = re.compile(
    "[" + re.escape("".join(_OPENERS) + "".join(_OPENERS.values()) + _SEGMENT_STOPS) + "]")


def _segments(s: str) -> list[tuple[int, int]]:
    """Spans of the segments of a sentence, cut at ，；： outside quotes and brackets."""
    spans: list[tuple[int, int]] = []
    if not _OPENER_RE.search(s):  # the common case, without a scan character by character
        start = 0
        for m in _STOP_RE.finditer(s):
            i = m.start()
            if not _RE_THOUSANDS.match(s, i - 1):
                spans.append((start, i))
                start = i + 1
        spans.append((start, len(s)))
        return [(a, b) for a, b in spans if b > a]
    stack: list[str] = []
    start = 0
    for m in _SPECIAL_RE.finditer(s):  # only openers, closers and stops matter
        i = m.start()
        c = s[i]
        if stack and c == stack[-1]:
            stack.pop()
        elif c in _OPENERS:
            stack.append(_OPENERS[c])
        elif not stack and c in _SEGMENT_STOPS and not _RE_THOUSANDS.match(s, i - 1):
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(s)))
    return [(a, b) for a, b in spans if b > a]


def _blank_quotes(s: str) -> str:
    """The string with the inside of quotes and title marks replaced by □ (same length),
    except a quoted name of a station (建成“人大代表之家”15个): the name is what is counted."""
    if not _QUOTE_RE.search(s):
        return s
    out = list(s)
    stack: list[str] = []
    for i, c in enumerate(s):
        if stack and c == stack[-1]:
            stack.pop()
        elif c in _QUOTES:
            stack.append(_QUOTES[c])
        elif stack:
            out[i] = "□"
    for m in _QUOTED_PLACE_RE.finditer(s):
        out[m.start(1):m.end(1)] = m.group(1)
    return "".join(out)


def _is_heading(text: str, s: Sentence) -> bool:
    """A whole line without a closing stop, short enough to be a heading."""
    line_start = s.start == 0 or text[s.start - 1] == "\n"
    line_end = s.end == len(text) or text[s.end] in "\r\n"
    return line_start and line_end and len(s.text) <= 40 and s.text[-1] not in "。！？；：!?;:…"




_LEAD_ONLY = re.compile(
    rf"^{_LEAD}$|^(?:各位代表|刚刚过去的|过去的)*(?:19|20)[0-9]{{2}}年{_FULL_DATE_AFTER}", re.VERBOSE)

def _actor_from(actor: str, head: str, ctx: DocContext) -> Actor:
    if head in _V["speaker_pronouns"]:
        speaker: dict[str, str] = _V["speaker_by_doc_type"]
        return Actor(actor, speaker.get(ctx.doc_type, "unspecified"))
    return Actor(actor, _ACTOR_TYPE_OF_HEAD[head])


