"""The count written beside deputies of a level (rules 2-2c of
:mod:`renda.extract.elections`): right after them (代表186名, 代表共186名, with a total after
counts for each: 各补选县人大代表1名，共计5名), right before them (186名县人大代表, 394名出席
青海省…代表), before 为 when the elected are named first (补选张某、李某2人为市人大代表; names
with no count count one each), after the verb when the deputies are the subject (代表由…选举
产生，共2985名), and seats written after them (县级人大代表应选3.6万名，实选3.6万名) or
before them (应选乡镇人大代表1050名，实选1048名): the count filled.
"""

from __future__ import annotations

import re

from renda.extract.elections_levels import VOCAB as _VOCAB
from renda.numbers import Quantity

# Filler allowed between 人大代表 and its count: 代表186名, 代表共186名, 代表总数为186名,
# and the colon of a table-like figure (选出县人大代表：186名).
_RE_COUNT_FILLER = re.compile(r"\s*[：:]?\s*(?:共|合计|总数|人数)?(?:为|是|计|达)?\s*")
COUNT_UNITS = frozenset({"名", "人", "位"})

_RE_ELECTS_NAMES = re.compile(r"补选|选举|选出|推选")  # verbs of the names before 为

# Words allowed between a count and the deputies it counts when the elected are named first
# (补选张某、李某2人为市人大代表, 选举王某等3名同志为出席省人民代表大会代表): the count, then
# 为, then at most a place name before the level word.
_RE_COUNT_AS = re.compile(
    r"""
    ^(?:同志)?                        # 3名同志
    (?P<elected>当选)?                # 15人当选为县人大代表
    为                                # 为 (as)
    (?:出席)?                         # 出席 (the congress attended)
    [\u4e00-\u9fff]{0,6}$             # a place name before the level word (南京)
    """,
    re.VERBOSE,
)

# Words between a count and its deputies' level that name the body (rule 2a): 新当选的, 出席
# and a place name (394名出席青海省…代表, 3名孝昌县第七届…代表, 186名新当选的县人大代表),
# but no words of the deputies' make-up (12名妇女县人大代表 is a share).
_RE_COUNT_PLACE = re.compile(r"^(?P<new>新当选的?|新一届的?)?(?:出席)?(?P<place>[\u4e00-\u9fff]{2,8})?$")
_RE_NOT_A_PLACE = re.compile("|".join(_VOCAB["not_a_place"]))

# The elected named before 为 and their body, with no count (补选张某为…, 选举张某、李某为…):
# one to five names of two to four characters.
_RE_NAMES_AS = re.compile(
    r"(?:补选|选举|选出|推选)"
    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4}){0,4})"
    r"为(?:出席)?[\u4e00-\u9fff]{0,6}?$")

# Deputies as the subject, their count after the verb: 代表由…选举产生，共2985名.
_RE_COUNT_AFTER_VERB = re.compile(
    r"(?:由[^，,；;。]{1,60}?)?(?:依法)?(?:选举产生|选举出|选出|产生)[，,]?(?:共|共计|合计|总计)(?:为)?")

# Seats written after the deputies, and the clause saying they were filled (rule 2c).
_RE_SEATS_AFTER = re.compile(r"\s*[：:]?\s*应(?:依法|差额|等额)?选(?:举)?(?:产生)?(?:名额)?(?:为)?\s*")
_RE_FILLED_AFTER = re.compile(r"[，,；;]?\s*(?:实选|实际选出|实际当选|实际选举产生|选出|当选)(?:了)?(?:代表)?\s*")

# A total after a count given for each of several (各补选县人大代表1名，共计5名).
_RE_TOTAL_AFTER = re.compile(r"[，,]?(?:共计|合计|总计|共)(?:为)?")

def seats_after(s: str, pos: int, quantities: list[Quantity]) -> tuple[Quantity, bool] | None:
    """Rule 2c: seats written after the deputies (县级人大代表应选3.6万名，实选3.6万名): the
    count filled when a clause says so (held), else the seats (planned)."""
    m = _RE_SEATS_AFTER.match(s, pos)
    if m is None:
        return None
    for q in quantities:
        if q.start == m.end() and q.unit in COUNT_UNITS:
            filled = filled_after(s, q, quantities)
            return (filled, False) if filled is not None else (q, True)
    return None


def filled_after(s: str, seats: Quantity, quantities: list[Quantity]) -> Quantity | None:
    """The count a clause right after a count of seats says was filled (应选…240名，实选
    238名 -> 238), or None."""
    filled = _RE_FILLED_AFTER.match(s, seats.end)
    if filled is None:
        return None
    nxt = next((r for r in quantities if r.start == filled.end()), None)
    return nxt if nxt is not None and nxt.unit in COUNT_UNITS else None


def count_after(s: str, pos: int, quantities: list[Quantity]) -> Quantity | None:
    """The count written right after 人大代表: 代表186名, 代表共186名; with a total after
    it (各补选县人大代表1名，共计5名), the total."""
    filler = _RE_COUNT_FILLER.match(s, pos)
    start = filler.end() if filler else pos
    for i, q in enumerate(quantities):
        if q.start == start and q.unit in COUNT_UNITS:
            total = _RE_TOTAL_AFTER.match(s, q.end)
            if total is not None and i + 1 < len(quantities) \
                    and quantities[i + 1].start == total.end() \
                    and quantities[i + 1].unit == q.unit:
                return quantities[i + 1]
            return q
    return None


def total_after(s: str, pos: int, count: Quantity, quantities: list[Quantity]) -> Quantity:
    """A total written right after deputies counted each (各补选1名县人大代表，共计5名), else
    the count."""
    total = _RE_TOTAL_AFTER.match(s, pos)
    if total is not None:
        for q in quantities:
            if q.start == total.end() and q.unit == count.unit:
                return q
    return count


def count_before(s: str, pos: int, quantities: list[Quantity]) -> Quantity | None:
    """The count written right before the level (186名县人大代表), or before 为 when the
    elected are named first (补选张某、李某2人为市人大代表)."""
    for q in quantities:
        if q.unit not in COUNT_UNITS:
            continue
        if q.end == pos:
            return q
        between = s[q.end:pos]
        as_match = _RE_COUNT_AS.match(between) if q.end < pos else None
        if as_match is not None:
            # the names must be the object of an election verb of the same clause (补选张某
            # 2人为…) or the count be said elected (15人当选为…), not a share of a body
            # (当选的代表中，有12人为县人大代表)
            clause = s[max(s.rfind(c, 0, q.start) for c in "，,；;：:") + 1:q.start]
            if (_RE_ELECTS_NAMES.search(clause) or as_match.group("elected")) \
                    and "中" not in clause:
                return q
        place = _RE_COUNT_PLACE.match(between) if q.end < pos else None
        if place is not None and not _RE_NOT_A_PLACE.search(place.group("place") or ""):
            return q  # 394名出席青海省第十一届…代表, 3名孝昌县第七届…代表, 2名花园镇…代表
    return count_of_names(s, pos)


def count_of_names(s: str, pos: int) -> Quantity | None:
    """Rule 2b: the elected named and not counted (补选张某为市人大代表, 补选张某、李某为…):
    the number of names between the verb and 为."""
    m = _RE_NAMES_AS.search(s, max(0, pos - 40), pos)
    if m is None or m.end() != pos:
        return None
    names = m.group("names").split("、")
    return Quantity(float(len(names)), False, "名", m.start("names"), m.end("names"))


def count_after_verb(s: str, pos: int, quantities: list[Quantity]) -> Quantity | None:
    """Rule 2d: deputies written as the subject, their count after the verb (十届全国人大代表由
    35个选举单位选举产生，共2985名)."""
    m = _RE_COUNT_AFTER_VERB.match(s, pos)
    if m is None:
        return None
    for q in quantities:
        if q.start == m.end() and q.unit in COUNT_UNITS:
            return q
    return None
