"""Elections are events, not sentences: the fragments the sentences of a passage give
(:mod:`renda.extract.elections`, rules 1-8) assembled into one row per (election, level).
The context read across sentences lives here too: the day of the vote stated in a sentence
of its own (:class:`VoteDays`, rule 6a).

A report gives an election's figures over several sentences: the constituencies in one, the
deputies in the next, the voters and the turnout in a third; a summary restates the deputies
in a closing paragraph.  Rules, in order (continuing the numbering of the sentence rules):

9. Fragments.  Each sentence gives a fragment per level it names (with the figures of that
   level), a fragment of deputies counted with no level (本次选举共选出代表45名), and a
   joint fragment with the figures it gives for no level (此次全乡共登记选民7508名，参加投票
   6768人，投票率90.14%).  Each fragment says of its vote either ``planned`` (seats still to
   fill: 将选举产生), ``voted`` (deputies elected, voters who voted, a turnout), or
   ``neutral`` (constituencies and registered voters: true of a vote held or to come).
   Read in this order:
   a. Deputies counted with no level take the one level whose deputies the sentences around
      name (two before, the sentence, two after: a lead sentence or a paragraph of another
      matter may stand between); with none or several named, nothing.
   b. Deputies said neither elected nor voted for (no 选出, 当选, 完成, 了…), in a sentence
      that schedules the vote or within two sentences of one (各补选县人大代表1名。选民登记于
      12月10日截止。选举日期定于12月18日), are seats to fill: planned.
   c. A joint fragment's figures go to the direct rows of the same scope of the nearest
      sentence that has some, one sentence before or after it (the previous one on a tie),
      for the figures those rows do not state themselves: the voters of a joint vote are
      both levels' (and a neutral fragment given voters who voted is of a vote held).  A
      joint fragment with no such neighbour gives nothing (a village
      committee's voters, a Hong Kong village election: no congress's deputies in sight).
   d. A planned fragment that also says the vote took place (全县262624名选民参加投票，将差额
      选举产生县人大代表217名) is two: a held one with the facts of the vote and no deputies,
      and a planned one with the seats.
10. Fragments of one level, one scope and one kind of election (a by-election or not) are one
    row when they are near and agree.  Near: within ``WINDOW`` sentences of the row's last
    fragment, or anywhere in the document when both count the same deputies of a general
    election (选出县人大代表186名 … 确认186名县人大代表的代表资格有效; by-elections of one
    or two deputies recur, so not theirs).  Agree: no figure, term or date differs (a neutral
    fragment's date may: 7月开始…划分选区 is work before the vote), no total over a term
    meets a single year's, the method is the same, and a planned fragment never meets a
    voted one (neutral ones meet either).  The row's evidence runs from the first
    sentence used to the last, so that ``text[char_start:char_end] == evidence`` holds; its
    date is the most precise of its fragments' (a neutral fragment's only for a row of
    neutral fragments: constituencies are drawn before the vote); its record id is that of
    its span and key, kept unique within the document.
"""

from __future__ import annotations

import math
import re
from typing import Any

from renda.extract.base import DocContext, Sentence, record_id
from renda.numbers import PartialDate, find_dates

TABLE = "elections"

# How far apart (in sentences) two fragments of one row may be: a passage, not a document.
WINDOW = 8

_FIGURES = ("constituencies", "voters_registered", "voters_participating", "turnout_pct",
            "deputies_elected", "avg_vote_share_pct")
_VOTED_FIGURES = ("voters_participating", "turnout_pct", "avg_vote_share_pct")
_DATE_RANK = {None: -1, "year": 0, "month": 1, "day": 2}
_PRIVATE = ("_basis", "_by_election", "_done", "_bare", "_sentence", "_first", "_last")


def assemble(text: str, fragments: list[dict[str, Any]], ctx: DocContext,
             scheduled: set[int] | frozenset[int] = frozenset(),
             named: dict[int, set[str]] | None = None) -> list[dict[str, Any]]:
    """The rows of a document from its sentence fragments (rules 9-10); ``scheduled``: the
    indexes of the sentences that schedule a vote (选举日期定于12月18日); ``named``: the
    levels whose deputies each sentence names."""
    for f in fragments:
        if f["_bare"]:
            _resolve_bare(f, named or {})
    leveled = [f for f in fragments if f["level"] is not None]
    joint = [f for f in fragments if f["level"] is None and not f["_bare"]]
    for f in leveled:
        f["_first"] = f["_last"] = f["_sentence"]
        if f["_basis"] == "voted" and not f["_done"] \
                and all(f[c] is None for c in _VOTED_FIGURES) \
                and scheduled & set(range(f["_sentence"] - 2, f["_sentence"] + 3)):
            f["status"], f["_basis"] = "planned", "planned"  # rule 9b
    _attach_joint(joint, leveled)
    rows: list[dict[str, Any]] = []
    for fragment in _split_planned(leveled):
        row = next((r for r in reversed(rows) if _agree(r, fragment)), None)
        if row is None:
            rows.append(fragment)
        else:
            _merge(row, fragment)
    out = [_finish(text, row, ctx) for row in rows]
    seen: set[str] = set()
    for row in out:  # rows of one span and key that did not agree: ids kept apart
        n = 0
        while row["record_id"] in seen:
            n += 1
            key = {"level": row["level"], "method": row["method"], "status": row["status"],
                   "n": n}
            row["record_id"] = record_id(ctx.doc_id, TABLE, row["char_start"], row["char_end"],
                                         key)
        seen.add(row["record_id"])
    return out


def _resolve_bare(f: dict[str, Any], named: dict[int, set[str]]) -> None:
    """Rule 9a: deputies counted with no level take the one level whose deputies the
    sentences around name (two before, the sentence itself, two after); with none or
    several named, the fragment gives nothing."""
    i = f["_sentence"]
    levels = set().union(*(named.get(k, set()) for k in range(i - 2, i + 3)))
    if len(levels) != 1:
        return
    level = next(iter(levels))
    f["level"], f["_bare"] = level, False
    f["method"] = "indirect" if level in ("city", "province", "national") else "direct"


def _attach_joint(joint: list[dict[str, Any]], leveled: list[dict[str, Any]]) -> None:
    """Rule 9c: a joint fragment's figures to the direct rows of the nearest sentence; joint
    fragments of consecutive sentences (此次全乡共登记选民7508名。参加投票6768人，投票率
    90.14%。) are one run, whose neighbours are those of the run."""
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for f in leveled:
        if f["method"] == "direct":
            by_sentence.setdefault(f["_sentence"], []).append(f)
    joint_at = {(j["_sentence"], j["scope"]) for j in joint}
    for j in joint:
        i = j["_sentence"]
        first = last = i
        while (first - 1, j["scope"]) in joint_at:
            first -= 1
        while (last + 1, j["scope"]) in joint_at:
            last += 1
        near = next((k for k in (first - 1, last + 1)
                     if any(f["scope"] == j["scope"] for f in by_sentence.get(k, ()))), None)
        if near is None:
            continue
        for f in by_sentence[near]:
            if f["scope"] != j["scope"]:
                continue  # 全省 figures are not the county's own
            taken = False
            for column in _FIGURES:
                if column == "deputies_elected" or j[column] is None or f[column] is not None:
                    continue
                f[column] = j[column]
                taken = True
            if taken:
                if f["_basis"] == "neutral" and any(j[c] is not None for c in _VOTED_FIGURES):
                    f["_basis"] = "voted"  # the constituencies of a vote held
                f["approximate"] = f["approximate"] or j["approximate"]
                f["char_start"] = min(f["char_start"], j["char_start"])
                f["char_end"] = max(f["char_end"], j["char_end"])
                f["_first"] = min(f["_first"], i)
                f["_last"] = max(f["_last"], i)
                if f["election_date"] is None and j["election_date"] is not None:
                    f["election_date"] = j["election_date"]
                    f["date_precision"] = j["date_precision"]


def _split_planned(fragments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rule 9d: a planned fragment with the facts of a vote held is a held one and a planned
    one."""
    out: list[dict[str, Any]] = []
    for f in fragments:
        if f["_basis"] == "planned" and any(f[c] is not None for c in _VOTED_FIGURES):
            held = dict(f, status="held", deputies_elected=None, _basis="voted")
            out.append(held)
        out.append(f)
    return out


def _agree(row: dict[str, Any], f: dict[str, Any]) -> bool:
    """Rule 10: may fragment ``f`` be part of ``row``?"""
    if (row["level"], row["scope"], row["_by_election"], row["method"]) != (
            f["level"], f["scope"], f["_by_election"], f["method"]):
        return False
    same_count = row["deputies_elected"] is not None and not row["_by_election"] \
        and row["deputies_elected"] == f["deputies_elected"]
    if f["_first"] - row["_last"] > WINDOW and not same_count:
        return False
    if {row["_basis"], f["_basis"]} == {"planned", "voted"}:
        return False
    if (row["period"] == "multi_year") != (f["period"] == "multi_year"):
        return False
    for column in (*_FIGURES, "congress_term"):
        a, b = row[column], f[column]
        if a is not None and b is not None and not math.isclose(float(a), float(b)):
            return False
    if "neutral" in (row["_basis"], f["_basis"]):
        return True  # constituencies drawn in July, the vote in November: one election
    a, b = row["election_date"], f["election_date"]
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _merge(row: dict[str, Any], f: dict[str, Any]) -> None:
    for column in (*_FIGURES, "congress_term"):
        if row[column] is None:
            row[column] = f[column]
    # the date of the vote, not of the constituencies drawn months before (7月开始…划分选区)
    if _DATE_RANK[f["date_precision"]] > _DATE_RANK[row["date_precision"]] \
            and (f["_basis"] != "neutral" or row["_basis"] == "neutral"):
        row["election_date"], row["date_precision"] = f["election_date"], f["date_precision"]
    if row["_basis"] == "neutral":
        row["_basis"], row["status"] = f["_basis"], f["status"]
    if row["period"] == "unspecified":
        row["period"] = f["period"]
    row["approximate"] = row["approximate"] or f["approximate"]
    row["char_start"] = min(row["char_start"], f["char_start"])
    row["char_end"] = max(row["char_end"], f["char_end"])
    row["_first"] = min(row["_first"], f["_first"])
    row["_last"] = max(row["_last"], f["_last"])


def _finish(text: str, row: dict[str, Any], ctx: DocContext) -> dict[str, Any]:
    """The published row: evidence the span used, a record id of that span."""
    out = {k: v for k, v in row.items() if k not in _PRIVATE}
    start, end = out["char_start"], out["char_end"]
    out["evidence"] = text[start:end]
    key = {"level": out["level"], "method": out["method"], "status": out["status"]}
    out["record_id"] = record_id(ctx.doc_id, TABLE, start, end, key)
    return out


# Rule 6a: a date stated as the day of the vote, read in the comma clause holding the date
# (or in the next one when the date opens the sentence: 11月18日，…选举投票顺利进行):
# 换届选举于11月18日顺利完成, 投票选举于11月29日在全区集中进行, 于11月中旬同步进行县乡两级人大
# 代表选举投票.  The clause must name the vote and say it was held (not 启动, not 将于).
_RE_CONGRESS = re.compile(r"人大|人民代表大会")
_RE_CLAUSE_CUT = re.compile(r"[，,；;：:]")
_RE_VOTE_WORD = re.compile(r"选举|投票")
_RE_VOTE_HELD = re.compile(
    r"""
    (?:顺利|圆满|胜利|依法|同步|集中|统一)?   # 顺利
    (?:完成|进行|举行|结束)                    # held
    | (?:选举|投票)日(?!前|之前|前夕)          # 11月16日是…选举日 (the day itself)
    """,
    re.VERBOSE,
)
_RE_NOT_HELD_YET = re.compile(r"将|拟|计划|预计|准备|启动|开始")
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}

# Heading lines and their rank (一、 opens a section, （一） a subsection, ...).
_HEADINGS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"第[一二三四五六七八九十]+(?:部分|章)")),   # 第一部分
    (1, re.compile(r"[一二三四五六七八九十]+[、.．]")),          # 一、
    (2, re.compile(r"[（(][一二三四五六七八九十]+[）)]")),       # （一）
    (3, re.compile(r"[0-9]+[、.．](?![0-9])")),                  # 1. (not 1.5)
    (4, re.compile(r"[（(][0-9]+[）)]")),                        # （1）
)


class VoteDays:
    """Rule 6a: the day of the vote stated in a sentence of its own (换届选举于11月18日顺利
    完成。全镇划分选区…) dates the undated held direct rows that follow, for the rest of the
    section the statement is in (up to the next heading of the same or a higher rank; a
    statement before any heading, in a summary's opening, holds for the whole document).
    Rows of another area (``scope``), over a term (``multi_year``) and by-elections (补选)
    dated by a statement on a general election (or the reverse) are left undated."""

    def __init__(self) -> None:
        self.rank = 0                                       # rank of the current section
        self.stack: list[tuple[int, PartialDate, bool]] = []  # (rank, date, by-election)

    def enter(self, text: str, sentence: Sentence) -> None:
        """A sentence opening a line with a heading starts a section of that rank."""
        line_start = text.rfind("\n", 0, sentence.start) + 1
        if text[line_start:sentence.start].strip():
            return
        for rank, heading in _HEADINGS:
            if heading.match(sentence.text):
                self.rank = rank
                self.stack = [e for e in self.stack if e[0] < rank]
                return

    def read(self, s: str, ctx: DocContext) -> None:
        """Remember the day of the vote the sentence states, if it states one."""
        if not _RE_CONGRESS.search(s):
            return  # 村委会换届选举于…完成: not a congress's election
        stated = [d for d in find_dates(s, ctx.report_year) if states_vote_day(s, d)]
        if stated:  # the most precise (2021年，…选举于11月上旬完成 -> 11月上旬)
            best = max(stated, key=lambda d: _PRECISION_RANK[d.precision])
            self.stack.append((self.rank, best, "补选" in s))

    def date_row(self, row: dict[str, Any], s: str) -> None:
        """Give the stated day of the vote to an undated row it may date."""
        if not self.stack or row["election_date"] is not None:
            return
        if (row["status"], row["method"], row["scope"]) != ("held", "direct", None) \
                or row["period"] == "multi_year":
            return
        _, date, by_election = self.stack[-1]
        if by_election != ("补选" in s):
            return
        row["election_date"], row["date_precision"] = date.iso, date.precision
        row["period"] = "annual"


def states_vote_day(s: str, d: PartialDate) -> bool:
    """Does the clause holding date ``d`` say the vote was held that day (投票选举工作于
    2021年10月15日结束, 11月16日是…选举日; not 将于, not 启动)?"""
    clause = _clause_of_date(s, d)
    return bool(_RE_VOTE_WORD.search(clause) and _RE_VOTE_HELD.search(clause)
                and not _RE_NOT_HELD_YET.search(clause))


def _clause_of_date(s: str, d: PartialDate) -> str:
    """The comma clause holding a date, or the next one when the date is a clause alone
    (11月18日，全县…选举投票顺利进行); the date itself left out."""
    start = max((m.end() for m in _RE_CLAUSE_CUT.finditer(s, 0, d.start)), default=0)
    cut = _RE_CLAUSE_CUT.search(s, d.end)
    end = cut.start() if cut else len(s)
    if not s[start:d.start].strip() and not s[d.end:end].strip() and cut is not None:
        nxt = _RE_CLAUSE_CUT.search(s, cut.end())
        return s[cut.end():nxt.start() if nxt else len(s)]
    return s[start:d.start] + s[d.end:end]
