"""Elections are events, not sentences: the fragments the sentences of a passage give
(:mod:`renda.extract.elections`, rules 1-8) assembled into one row per (election, level).

A report gives an election's figures over several sentences: the constituencies in one, the
deputies in the next, the voters and the turnout in a third; a summary restates the deputies
in a closing paragraph.  Rules, in order (continuing the numbering of the sentence rules):

9. Fragments.  Each sentence gives a fragment per level it names (with the figures of that
   level) and a joint fragment (no level) with the figures it gives for no level (此次全乡共
   登记选民7508名，参加投票6768人，投票率90.14%).
   a. A joint fragment's figures go to the direct rows of the nearest sentence that has
      rows, one sentence before or after it (the previous one on a tie), for the figures
      those rows do not state themselves: the voters of a joint vote are both levels'.  A
      joint fragment with no such neighbour gives nothing (a village committee's voters,
      a Hong Kong village election: no deputies of a congress are in sight).
   b. A fragment says of its vote either ``planned`` (seats still to fill: 将选举产生),
      ``voted`` (deputies elected, voters who voted, a turnout), or ``neutral``
      (constituencies and registered voters: true of a vote held or to come).  A planned
      fragment that also says the vote took place (全县262624名选民参加投票，将差额选举产生
      县人大代表217名) is two: a held one with the facts of the vote and no deputies, and a
      planned one with the seats.
   c. Deputies said neither elected nor voted for, in a sentence that schedules the vote or
      next to one (各补选县人大代表1名。选举日期定于12月18日), are seats to fill: planned.
   d. Deputies counted with no level (本次选举共选出代表45名) take the one level whose
      deputies the sentences around name (two before, one after); with none or several
      named, they give nothing.
10. Fragments of one level, one scope and one kind of election (a by-election or not), within
    ``WINDOW`` sentences of the previous fragment of the row (anywhere in the document when
    both count the same deputies of a general election: 选出县人大代表186名 … 确认186名县
    人大代表的代表资格有效; by-elections of one or two deputies recur),
    are one row when they agree:
    no figure, term or date differs, no total over a term meets a single year's, the
    method is the same, and a planned fragment never meets a voted one (neutral ones meet
    either).  The row's evidence runs from the first sentence used to the last, so that
    ``text[char_start:char_end] == evidence`` still holds; its date is the most precise of
    its fragments' (a neutral fragment's date only for a row of neutral fragments: the
    constituencies are drawn before the vote).
"""

from __future__ import annotations

import math
from typing import Any

from renda.extract.base import DocContext, record_id

TABLE = "elections"

# How far apart (in sentences) two fragments of one row may be: a passage, not a document.
WINDOW = 8

_FIGURES = ("constituencies", "voters_registered", "voters_participating", "turnout_pct",
            "deputies_elected", "avg_vote_share_pct")
_VOTED_FIGURES = ("voters_participating", "turnout_pct", "avg_vote_share_pct")
_PRECISION_RANK = {None: -1, "year": 0, "month": 1, "day": 2}
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
                and scheduled & {f["_sentence"] - 1, f["_sentence"], f["_sentence"] + 1}:
            f["status"], f["_basis"] = "planned", "planned"  # rule 9c
    _attach_joint(joint, leveled)
    rows: list[dict[str, Any]] = []
    for fragment in _split_planned(leveled):
        row = next((r for r in reversed(rows) if _agree(r, fragment)), None)
        if row is None:
            rows.append(fragment)
        else:
            _merge(row, fragment)
    return [_finish(text, row, ctx) for row in rows]


def _resolve_bare(f: dict[str, Any], named: dict[int, set[str]]) -> None:
    """Rule 9d: deputies counted with no level take the one level whose deputies the
    sentences around name (two before, the sentence itself, one after); with none or
    several named, the fragment gives nothing."""
    i = f["_sentence"]
    levels = set().union(*(named.get(k, set()) for k in range(i - 2, i + 2)))
    if len(levels) != 1:
        return
    level = next(iter(levels))
    f["level"], f["_bare"] = level, False
    f["method"] = "indirect" if level in ("city", "province", "national") else "direct"


def _attach_joint(joint: list[dict[str, Any]], leveled: list[dict[str, Any]]) -> None:
    """Rule 9a: a joint fragment's figures to the direct rows of the nearest sentence."""
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for f in leveled:
        if f["method"] == "direct":
            by_sentence.setdefault(f["_sentence"], []).append(f)
    for j in joint:
        i = j["_sentence"]
        near = next((k for k in (i - 1, i + 1)
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
                f["approximate"] = f["approximate"] or j["approximate"]
                f["char_start"] = min(f["char_start"], j["char_start"])
                f["char_end"] = max(f["char_end"], j["char_end"])
                f["_first"] = min(f["_first"], i)
                f["_last"] = max(f["_last"], i)
                if f["election_date"] is None and j["election_date"] is not None:
                    f["election_date"] = j["election_date"]
                    f["date_precision"] = j["date_precision"]


def _split_planned(fragments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rule 9b: a planned fragment with the facts of a vote held is a held one and a planned
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
    a, b = row["election_date"], f["election_date"]
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _merge(row: dict[str, Any], f: dict[str, Any]) -> None:
    for column in (*_FIGURES, "congress_term"):
        if row[column] is None:
            row[column] = f[column]
    # the date of the vote, not of the constituencies drawn months before (7月开始…划分选区)
    if _PRECISION_RANK[f["date_precision"]] > _PRECISION_RANK[row["date_precision"]] \
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
