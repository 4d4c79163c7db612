"""Extractor for the `deputy_activity` table: one row per reported figure on deputies' work.

The module is the walk over the text and the making of rows; the ordered rule table and
the classification of one number are in :mod:`renda.extract._deputy_rules`; actors, periods,
plans, headings and segments in :mod:`renda.extract._deputy_context`; the words of all three
in ``vocab/deputy_activity.yml``.

How a figure becomes a row (in the spirit of scrapinghub/price-parser):

1. The text is read paragraph by paragraph, sentence by sentence, and each sentence is cut
   into *segments* at ，；： (never inside quotes or brackets). A heading (a short line with
   no closing stop) that opens a section of plans (工作安排, 主要任务) switches rows off
   until a heading of facts (工作回顾).
2. Three things are carried from segment to segment within a paragraph: the *actor* (the
   subject written at the start of a segment: 党组成员, 全县各级人大代表, 区政府, …), the
   *period* (一年来, 五年来, 2019年以来, …) and the *family* of the last thing counted
   (problems collected at stations, deputies' suggestions, or CPPCC proposals), so that
   解决266件 or 办复率 after them are read correctly (the family outlives the paragraph
   while its topic is in reach, see below; a sentence that counts nothing leaves it as it
   was). A paragraph that opens with a time word (一年来，/ 五年来，/ 2021年，) dates the
   paragraphs after it too. A figure no word dates is ``annual`` in a report on a year's
   work (congress, government, deputy-work and oversight reports with a report year),
   ``multi_year`` in a report on a whole term (a term word and no year anywhere), and
   ``unspecified`` in news items and articles, which report events; stocks such as
   stations in place are always ``unspecified``, unless 新建/新增 makes them a flow.
   Since a year (2019年以来, 2020年以来 in a report on 2020, 去年以来) is ``multi_year``;
   自建成以来 (an event without a year) is the station's whole life, ``multi_year``, unless
   the report dates the event in the report year (建成于2022年, 今年3月启用).
   Across sentences of one section (a heading ends them), two *topics* stay in reach for
   two sentences after the one that named them: deputies' suggestions (so that the bare 建议
   of 四百件建议已全部办结 are deputies' even in a congress report, unless a body of the
   congress is the subject) and liaison stations (so that 该站接待群众86人次 is a
   station's figure, and 联络站下设8个联络点 a congress's points when the station was
   named with deputies). Deputies named in one clause of a sentence (组织各级人大代表进站
   接待…) stay the actor of its later station figures (收集意见建议…).
3. Every number of a segment (``renda.numbers.find_quantities``, a unit after a space
   taken too) is tried against the ordered table :data:`RULES`. A rule is a regular
   expression over the segment in which the number being classified is written ``@``, the
   other numbers ``#``, quoted titles are blanked (quoted station names are kept) and
   spaces are dropped; it also names the units it accepts and the context the sentence
   must show (a station or a deputy must be mentioned, people received before, key
   oversight after, …). Figures given respectively (议案和建议分别为5件和120件) are read
   against their own item; a rate's change (由92%提高到98%) gives the figure it went to.
   The first rule that matches decides; rules whose metric is ``None`` exclude the number
   (CPPCC proposals, bills, composition shares, honours, time limits, 述职, suggestions put
   off or hard to solve, lead/co-handled splits, legislative contact points, party study,
   norms such as 至少一次, opinions raised at an inspection: 视察…，提出意见建议11条).
4. Plans and targets (将继续, 计划, 力争, 确保…达到) give no rows; 将…作为 (将 as 把) is
   no plan.
5. The actor of a row is the carried subject, except that suggestions are *handled* by the
   government (the one named, 交由县人民政府办理; in a government report, when no other
   handler is named; deputies are never the handler) and *put forward* by deputies
   (代表提出的…建议), that deputies a body organises (常委会组织代表进站…) are the actor
   of the station figures, and that a government subject is not carried to figures other
   than the handling of suggestions.
6. A count restated in a later clause (共收到81件建议…。…81件建议交办到17个单位) and a
   part of a total of the same metric (共收到建议215件，其中闭会期间建议15件) give no
   second row.

A rate written after a count that mixes deputies' suggestions and CPPCC proposals
(办复人大代表建议84件、政协委员提案65件，办复率100%) is one rate for both kinds and gives no
row; with 均 (办复率均达100%) it holds for each kind and gives a row for the deputies'.

The evidence of a row is the clause (``base.clauses``) holding the number.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterator

from renda.extract._deputy_context import (
    _LEAD_ONLY,
    _PLAN_HEADING_RE,
    _PLAN_RE,
    _REVIEW_HEADING_RE,
    _HANDLER_RE,
    _SUBJECT_RE,
    _TITLE_RE,
    Actor,
    Places,
    _actor_from,
    _blank_quotes,
    _default_period,
    _hide_places,
    _is_heading,
    _period_in,
    _place_marks,
    _places,
    _segments,
    _show_places,
)
from renda.extract._deputy_rules import (
    _AT_STATIONS,
    _BODIES,
    _COUNTED_AFTER,
    _CPPCC,
    _DEPUTIES_OWN,
    _DEPUTY_RE,
    _HANDLING,
    _RATE_METRICS,
    _NEW_STATION,
    _POINT,
    _RECEIVED,
    _STATION,
    _STOCKS,
    _SUGGESTION_CONTEXT,
    _TITLED_RE,
    RULES,
    _classify,
    _family,
    _rate_pair,
    _Where,
    load_vocab,
)
from renda.extract.base import DocContext, Sentence, clauses, fact_row, record_id, sentences
from renda.numbers import Quantity, find_quantities

TABLE = "deputy_activity"

__all__ = ["RULES", "TABLE", "extract", "load_vocab"]

# --------------------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------------------


@dataclass
class _State:
    """What is carried from segment to segment within one paragraph."""

    actor: Actor | None = None
    period: str | None = None
    family: str | None = None  # "problems" | "suggestions"
    # The sentence before (places hidden, quotes blanked): the last deputies it names are
    # the actor of a station's figures told in the next one (参与接待的三级代表227人次。
    # 接待选民169人次…); read only when such a figure has no actor.
    sentence_before: str = ""


@dataclass
class _Found:
    clause: Sentence
    period: str
    actor: Actor
    metric: str
    q: Quantity
    detail: str | None = None


def extract(text: str, ctx: DocContext) -> list[dict[str, Any]]:
    """Rows of the `deputy_activity` table read from the normalized text of one report."""
    found = _first_mentions(list(_find(text, ctx)))
    return _rows(found, ctx)


def _first_mentions(found: list[_Found]) -> list[_Found]:
    """Each count once: a report that gives the same count of one metric and period again
    in a later clause (共收到81件建议…。…81件建议交办到17个单位) restates it. Rates are
    kept: the same rate of different years or kinds is a different figure."""
    seen: dict[tuple[str, float, str], list[tuple[int, str]]] = {}
    kept: list[_Found] = []
    for f in found:
        if f.metric not in _RATE_METRICS:
            # the same count of the same actor, or of an actor left unspecified once
            earlier = seen.setdefault((f.metric, f.q.value, f.period), [])
            if any(start != f.clause.start and (kind == f.actor.actor_type
                                                or "unspecified" in (kind, f.actor.actor_type))
                   for start, kind in earlier):
                continue
            earlier.append((f.clause.start, f.actor.actor_type))
        kept.append(f)
    return kept


# Deputies a body organises (常委会组织代表进站…): they, not the body, did what is counted.
_ORGANISED_RE = re.compile("(?:组织|邀请|安排|动员|发动|引导)[^#@，,；;。]{0,6}?代表")

# Period words an article says in passing (近年来，我镇高度重视…): they date their own
# paragraph, not the paragraphs after it.
_IN_PASSING_RE = re.compile("近年来|多年来|历年来|近几年来|近些年来")

# A segment that breaks down the count before it (其中…).
_PART_RE = re.compile(r"^\s*(?:其中|内含|包括)")

_SPACES_RE = re.compile(r"[ \t\u3000]+")

# Quantities that count nothing (一批民生问题得到解决).
_VAGUE = frozenset({"一批", "一些", "若干"})

# Every number holds one of these characters (a cheap test before renda.numbers).
_NUMERAL = re.compile("[0-9零〇○一二两三四五六七八九十百千万亿]")


@dataclass(frozen=True)
class _Doc:
    """What every sentence of one document shares."""

    ctx: DocContext
    places: Places
    default_period: str
    text: str  # the whole normalized text (自建成以来 looks back for the event's date)


# Topics a sentence may lean on when named in the sentences just before it (within one
# section: a heading ends them). A sentence that names deputies' suggestions (代表提出建议…,
# 议案) makes the bare 建议 of the next ones theirs (四百件建议已全部办结), even in a
# congress report; one that names a liaison station gives its 该站 (该站接待群众86人次) a
# station's context.
_HANDLED_WORDS = re.compile("交办|交由|转交|办理|办复|办结|督办")
_NOT_DEPUTIES_WORDS = re.compile(rf"{_CPPCC}|审议意见")
# Not a legislative contact point (基层立法联系点): a commission's, not deputies'.
_STATIONS_NAMED = re.compile(rf"(?<!立法)(?:{_STATION}|{_POINT})")
_STATION_HINT = re.compile("[站点室家]")  # every station word holds one (a cheap test first)
_CONGRESS_RE = re.compile("代表|人大")


def _names_deputy_suggestions(sentence: str, doc_type: str) -> bool:
    """Deputies' suggestions are named: 议案, or 建议 (every suggestion word holds it) with
    deputies or their session, or, in a congress's report, with their handling (将128件
    建议交县政府办理) but without CPPCC proposals or the committee's 审议意见."""
    if "议案" in sentence:
        return True
    if "建议" not in sentence:
        return False
    return bool(_SUGGESTION_CONTEXT.search(sentence)) or (
        doc_type != "government_report" and bool(_HANDLED_WORDS.search(sentence))
        and not _NOT_DEPUTIES_WORDS.search(sentence))


def _names_a_station(sentence: str) -> bool:
    return bool(_STATION_HINT.search(sentence) and _STATIONS_NAMED.search(sentence))


_REACH = 2  # how many sentences after it a topic is still in reach


@dataclass
class _Recent:
    """Sentences left in reach of the topics named before (see _REACH)."""

    suggestions: int = 0
    stations: int = 0
    congress_stations: int = 0  # a station named with deputies or the congress (人大代表联络站)

    def read(self, sentence: str, doc_type: str) -> None:
        """Count down, then renew the topics the sentence names."""
        self.suggestions = _REACH if _names_deputy_suggestions(sentence, doc_type) \
            else max(self.suggestions - 1, 0)
        station = _names_a_station(sentence)
        self.stations = _REACH if station else max(self.stations - 1, 0)
        self.congress_stations = _REACH if station and _CONGRESS_RE.search(sentence) \
            else max(self.congress_stations - 1, 0)


def _find(text: str, ctx: DocContext) -> Iterator[_Found]:
    doc = _Doc(ctx, _place_marks(_places(ctx)), _default_period(text, ctx), text)
    section_period: str | None = None
    in_plans = False
    state = _State()
    prev_end = -1
    first_in_paragraph = True
    recent = _Recent()
    for sent in sentences(text):
        if prev_end < 0 or "\n" in text[prev_end:sent.start]:
            # A new paragraph forgets the subject; what was being counted is kept while the
            # topic of the last paragraph is in reach (代表提出建议120件。\n已办结118件).
            family = state.family if recent.suggestions or recent.stations else None
            state = _State(period=section_period, family=family)
            first_in_paragraph = True
        prev_end = sent.end
        if _is_heading(text, sent):
            recent = _Recent()
            if _PLAN_HEADING_RE.search(sent.text):
                in_plans = True
            elif _REVIEW_HEADING_RE.search(sent.text):
                in_plans = False
            heading_period = _period_in(sent.text, ctx.report_year, text, sent.start)
            if heading_period:
                section_period = heading_period
                state.period = heading_period
            # A line without a stop may still hold figures (a list item): read it too.
        if not in_plans:
            yield from _find_in_sentence(sent, doc, state, recent)
        recent.read(sent.text, ctx.doc_type)
        if in_plans:
            continue
        # A paragraph that opens with a time word dates the paragraphs after it too.
        if first_in_paragraph:
            head = _segments(sent.text)
            for a, b in head[:2]:
                opener = _period_in(sent.text[a:b], ctx.report_year, text, sent.start + a)
                if opener and _LEAD_ONLY.match(sent.text[a:b]) \
                        and not _IN_PASSING_RE.search(sent.text[a:b]):
                    section_period = opener
                    break
            first_in_paragraph = False



def _find_in_sentence(sent: Sentence, doc: _Doc, state: _State,
                      recent: _Recent) -> Iterator[_Found]:
    ctx = doc.ctx
    s = sent.text
    hidden = _hide_places(s, doc.places)  # actor patterns read place names as marks
    blanked = _blank_quotes(hidden)
    sentence_clauses: list[Sentence] | None = None
    family_before = state.family
    counted = False
    totals: dict[str, float] = {}  # the last count of each metric in the sentence
    for a, b in _segments(s):
        seg = s[a:b]
        m = _SUBJECT_RE.match(hidden[a:b])
        if m:
            state.actor = _actor_from(_show_places(m.group("actor"), doc.places),
                                      m.group("head"), ctx)
        seg_period = _period_in(seg, ctx.report_year, doc.text, sent.start + a)
        if seg_period:
            state.period = seg_period
        # Numbers are read segment by segment. A vague quantity (一批问题得到解决) counts
        # nothing.
        seg_qs = [Quantity(q.value, q.approximate, q.unit, q.start + a, q.end + a)
                  for q in (find_quantities(seg) if _NUMERAL.search(seg) else ())
                  if "□" not in blanked[a + q.start:a + q.end]
                  and seg[q.start:q.end] not in _VAGUE]
        clause_end = len(s)
        if seg_qs:
            if sentence_clauses is None:
                sentence_clauses = list(clauses(sent))
            clause_start = max((c.start - sent.start for c in sentence_clauses
                                if c.start - sent.start <= a), default=0)
            clause_end = min((c.end - sent.start for c in sentence_clauses
                              if c.end - sent.start >= b), default=len(s))
            if _PLAN_RE.search(blanked[clause_start:b]):
                seg_qs = []  # a plan or a target: no row
        for i, q in enumerate(seg_qs):
            masked, at = _mask(blanked[a:b], [(x.start - a, x.end - a) for x in seg_qs], i)
            family = _family(masked[:at]) or state.family
            where = _Where(s, blanked[:a], state.actor.actor_type if state.actor else None,
                           ctx.doc_type, recent.suggestions > 0, recent.stations > 0,
                           recent.congress_stations > 0, blanked[b:clause_end])
            hit = _classify(masked, q, family, where)
            if hit is None:
                continue
            metric, window = hit
            if _PART_RE.match(window) and totals.get(metric, 0.0) > q.value:
                continue  # 共收到建议215件，其中闭会期间建议15件: a part of the total
            totals[metric] = q.value
            actor = _actor_for(metric, state.actor, window, blanked[:a], doc,
                               state.sentence_before)
            if metric in _STOCKS and not _NEW_STATION.search(window):
                period = "unspecified"
            else:
                period = state.period or doc.default_period
            detail = _titles(s) if metric == "key_suggestions" else None
            clause = next((c for c in sentence_clauses or ()
                           if c.start <= sent.start + q.start < c.end), sent)
            for each in _rate_pair(masked, metric, family):
                yield _Found(clause, period, actor, each, q, detail)
        family = _family(blanked[a:b])
        if family:
            state.family = family
        counted = counted or bool(seg_qs)
    state.sentence_before = blanked
    if not counted:
        # A sentence that counts nothing (通过代表反映社情民意。) does not change what the
        # figures of the next sentences count.
        state.family = family_before


def _mask(seg: str, spans: list[tuple[int, int]], target: int | None) -> tuple[str, int]:
    """The segment with the target number written @ and the others #, without the spaces
    that pages put around numbers and words (建议 692 件, 一年来 , 各单位); and @'s index."""
    out: list[str] = []
    pos = 0
    for i, (start, end) in enumerate(spans):
        out.append(seg[pos:start])
        out.append("@" if i == target else "#")
        pos = end
    out.append(seg[pos:])
    masked = "".join(out)
    if " " in masked or "\u3000" in masked or "\t" in masked:
        masked = _SPACES_RE.sub("", masked)
    return masked, masked.find("@")


def _actor_for(metric: str, current: Actor | None, masked: str, before: str,
               doc: _Doc, sentence_before: str = "") -> Actor:
    """Who the figure is about: the subject carried in the paragraph, unless the metric
    says otherwise (suggestions are handled by the government, put forward by deputies).

    The government is carried only to the handling of suggestions: other figures (stations,
    training, …) are the congress's work even in a paragraph that named the government.
    ``masked`` is the number's segment, ``before`` the sentence before it (place names
    hidden in both), ``sentence_before`` the sentence before it in the paragraph.
    """
    ctx = doc.ctx
    at = masked.index("@")
    named = [m.group("actor") for m in _DEPUTY_RE.finditer(masked, 0, at)]
    if not named and metric in _COUNTED_AFTER:
        # 124人次代表进家值班: the deputies counted are written after the number
        named = [m.group("actor") for m in _DEPUTY_RE.finditer(masked, at)][:1]
    if not named and metric in _DEPUTIES_OWN | _AT_STATIONS:
        # 邀请代表列席…，参加执法检查1300人次 / 组织代表进站接待选民…，收集意见建议…: the
        # deputies named earlier in the sentence stay the actor of its later figures
        named = [m.group("actor") for m in _DEPUTY_RE.finditer(before)][-1:]
    if not named and metric in _AT_STATIONS and current is None and "代表" in sentence_before:
        # …代表227人次。接待选民169人次: or in the sentence before, in the same paragraph
        named = [m.group("actor") for m in _DEPUTY_RE.finditer(sentence_before)][-1:]
    deputy = Actor(_show_places(named[-1], doc.places), "deputies") if named else None
    if metric in _HANDLING:
        handler = _HANDLER_RE.search(masked, 0, at)
        if handler:  # 常委会交由县人民政府办理的81件建议: the government handles them
            return Actor(_show_places(handler.group("handler"), doc.places), "government")
        if current and current.actor_type in ("government", "standing_committee", "leadership"):
            return current
        if ctx.doc_type == "government_report":
            return Actor(None, "government")
        return Actor(None, "unspecified")
    if current and current.actor_type == "government":
        current = None
    if metric in _RECEIVED:
        return deputy or current or Actor(None, "unspecified")
    if metric in _DEPUTIES_OWN:
        if current and current.actor_type == "deputies":
            return current
        # 邀请代表列席…，3800人次参加执法检查: these figures are deputies' by definition
        return deputy or current or Actor(None, "deputies")
    if metric == "trainings" and current and current.actor_type == "deputies":
        current = None  # deputies attend trainings; who held them is not said
    if metric in _STOCKS and current and current.actor_type == "deputies":
        current = None  # 全县人大代表全部编入126个代表联络站: the stations are nobody's
    if (metric in _AT_STATIONS and deputy and current and current.actor_type in _BODIES
            and _ORGANISED_RE.search(before + masked[:at])):
        return deputy  # 常委会组织代表进站接待群众560人次: the deputies received them
    if current:
        return current
    if metric in _AT_STATIONS and deputy:
        return deputy
    return Actor(None, "unspecified")


def _titles(sentence: str) -> str | None:
    """Quoted titles of suggestions in a sentence, ；-separated."""
    titles: list[str] = []
    for m in _TITLE_RE.finditer(sentence):
        quoted, book = m.group("quoted"), m.group("book")
        if quoted and (_TITLED_RE.search(quoted) or quoted.startswith("关于")):
            titles.append(quoted)
        elif book and _TITLED_RE.search(book):  # not 《…法》 nor 《关于…的决定》
            titles.append(book)
    return "；".join(titles) or None


def _rows(found: list[_Found], ctx: DocContext) -> list[dict[str, Any]]:
    """Contract rows. The key is (actor, actor_type, metric), plus the value when a clause
    gives two figures of one metric for one actor (代表之家12个、代表联络站45个)."""
    def base(f: _Found) -> tuple[int, str | None, str, str]:
        return (f.clause.start, f.actor.text, f.actor.actor_type, f.metric)

    per_key = Counter(base(f) for f in found)
    ids: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    for f in found:
        key: dict[str, Any] = {"actor": f.actor.text, "actor_type": f.actor.actor_type,
                               "metric": f.metric}
        if per_key[base(f)] > 1:
            key["value"] = f.q.value
        row = fact_row(TABLE, ctx, f.clause, f.period, key, value=f.q.value, unit=f.q.unit,
                       approximate=f.q.approximate, detail=f.detail)
        ids[row["record_id"]] += 1
        if ids[row["record_id"]] > 1:  # the same figure twice in one clause: still two rows
            row["record_id"] = record_id(ctx.doc_id, TABLE, f.clause.start, f.clause.end,
                                         {**key, "occurrence": ids[row["record_id"]]})
        rows.append(row)
    return rows
