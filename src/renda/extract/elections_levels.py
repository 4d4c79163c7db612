"""The level of a congress named in an election's words (rule 2a of
:mod:`renda.extract.elections`): the vocabulary of level words (``vocab/elections.yml``),
and a 市 read with the place written before it, since 市 names congresses of three levels
(孝义市 and 宁乡市 are county-level cities, 长沙市 a prefecture, 北京市 a municipality at the
level of a province).  The report's own level comes from its context.
"""

from __future__ import annotations

import re
from importlib.resources import files
from typing import Any

import yaml

from renda.extract.base import DocContext
from renda.ingest.gazetteer import load_gazetteer as _load_gazetteer

VOCAB: dict[str, Any] = yaml.safe_load(
    (files("renda.extract") / "vocab" / "elections.yml").read_text(encoding="utf-8")
)

LEVEL_WORDS: dict[str, str] = VOCAB["level_words"]
SCOPE_WORDS: dict[str, str] = VOCAB["scope_words"]
LEVEL_RANK = {"township": 0, "county": 1, "city": 2, "province": 3, "national": 4}


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first (自治区 before 区)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


LEVELS_RE = alternation(list(LEVEL_WORDS))
NUM_CN = "0-9一二三四五六七八九十百"


def city_level(head: str, ctx: DocContext) -> str:
    """The level of the congress of a 市 written right after ``head`` (rule 2a).

    A place name before 市 decides: the report's own county-level city (浏阳市 in 浏阳市's
    report) or any division the gazetteer knows (孝义市 is county-level, 长沙市 a prefecture,
    北京市 a province-level municipality).  A bare 市 (市人大代表, 选举产生市十八届人大代表)
    in the report of a county-level city (or of a township of one) is that city's own
    congress, so county-level."""
    own_city_county = bool(ctx.county and ctx.county.endswith("市")
                           and own_level(ctx) in ("county", "township"))
    if own_city_county and ctx.county and head.endswith(ctx.county[:-1]):
        return "county"
    named = gazetteer_level(head)
    if named is not None:
        return named
    if own_city_county and not (ctx.city and head.endswith(ctx.city.removesuffix("市"))):
        return "county"
    return "city"


def gazetteer_level(head: str) -> str | None:
    """The level of the division named by the end of ``head`` + 市 (2 to 6 characters of
    name), when the gazetteer knows one; a name both a province and a city is a
    municipality (北京市), province level."""
    levels = division_levels(head, "市")
    if len(levels) == 1:
        return next(iter(levels))
    if "province" in levels:
        return "province"
    return None


def division_levels(head: str, word: str) -> set[str]:
    """The levels of the division the end of ``head`` + ``word`` names (宁乡 + 市), the
    longest name the gazetteer knows (1 to 6 characters before the level word)."""
    gazetteer = _load_gazetteer()
    for size in range(min(6, len(head)), 0, -1):
        divisions = gazetteer.by_name.get(head[-size:] + word, [])
        if divisions:
            return {d.level for d in divisions}
    return set()


def own_level(ctx: DocContext) -> str | None:
    """The level of the report's own body: as described, else the most specific region."""
    if ctx.level:
        return ctx.level
    if ctx.county:
        return "county"
    if ctx.city:
        return "city"
    if ctx.province:
        return "province"
    return None
