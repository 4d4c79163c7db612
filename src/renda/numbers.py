"""Numbers, percentages and dates in the reports of local people's congresses.

The text this module sees has already been normalised (full-width digits and ``％`` are
ASCII, spaces between CJK characters are gone).  Three jobs are done here:

* :func:`parse_chinese_numeral` turns one *whole* span such as ``四千四百零三``, ``三点五``,
  ``二〇二一``, ``1.2万`` or ``186`` into a number, or returns ``None``.
* :func:`find_quantities` finds the numbers of a sentence (with their approximation words,
  ``万``/``亿`` multipliers and unit words) and :func:`parse_percent` reads one percentage.
* :func:`find_dates` finds full or partial dates (``2021年3月18日``, ``12月底``, ``2021年``).

Approach (in the spirit of scrapinghub/price-parser): candidate spans are found by a few
``re.VERBOSE`` regular expressions whose every line is commented, then each candidate goes
through an ordered list of small, named rejection rules.  Only the matched span is ever
converted, never a whole sentence, so everyday words such as ``两会``, ``统一``,
``一府两院``, ``一体化`` or ``十九届六中全会`` never turn into numbers: a *Chinese* numeral
is only taken when a counter/unit word follows it (``三件``, ``两个``), when it carries a
``万``/``亿`` multiplier (``三亿``) or when it is written ``百分之…``.  Arabic numerals are
always numbers, except in dates (followed by 年/月/日/号), terms (届), ordinals (第3),
ranges and identifiers (``2021-2025``, ``5G``).

Conventions a caller should know:

* ``万``/``亿`` are multipliers folded into :attr:`Quantity.value`; they are never the unit
  (``15.59万名`` -> 155900.0, unit ``名``; ``5.2亿元`` -> 520000000.0, unit ``元``).
* ``Quantity.approximate`` is ``True`` when the text marks the number as not exact, i.e. an
  estimate or a bound: before the number 约/大约/约为/近/将近/接近/逾/超过/超/不足/不到,
  between number and unit 余/多, after the unit 左右/上下/以上/以下.
* Percentages have unit ``'%'`` and the value in percent (``85.5%`` -> 85.5).
* Values are never negative: a sign is not read (``-3.5%`` -> 3.5, span ``3.5%``); the
  direction is in the words around it (增长/下降).  Ranges (``10-20人``, ``三五个``) are skipped.
* A Chinese numeral followed only by 起/票/只/米 is not taken (一起, 一票否决); numbers inside
  the stock slogans of ``_SLOGANS`` (五位一体, 四个全面, 八项规定 ...) are not taken, nor session
  numbers (十四届人大一次会议) or ordinals (第3次).
* Arithmetic is done with :class:`decimal.Decimal`, so ``15.59万`` is exactly 155900.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "PartialDate",
    "Quantity",
    "find_dates",
    "find_quantities",
    "parse_chinese_numeral",
    "parse_percent",
]


# --------------------------------------------------------------------------------------
# Public data types
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """One number found in a text.

    ``value`` has the ``万``/``亿`` multipliers applied; ``unit`` is the unit or counter word
    written right after the number (``'%'`` for percentages, ``None`` if there is none);
    ``start``/``end`` delimit the whole match, approximation words and unit included.
    """

    value: float
    approximate: bool
    unit: str | None
    start: int
    end: int


@dataclass(frozen=True)
class PartialDate:
    """A date of day, month or year precision: ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    iso: str
    precision: str  # 'day' | 'month' | 'year'
    start: int
    end: int


# --------------------------------------------------------------------------------------
# Character tables for Chinese numerals
# --------------------------------------------------------------------------------------

# Digits, including the financial (大写) forms and the two zeros.
_CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1,
    "二": 2, "贰": 2, "两": 2,
    "三": 3, "叁": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip

# Units below 万: they multiply the digit in front of them within one section.
_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}

# Section units: they multiply everything written since the previous larger unit.
_BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

_ZEROS = frozenset("零〇○")

# Characters allowed in a positional digit string such as 二〇二一 (两 is never used so).
_DIGIT_STRING_CHARS = frozenset(c for c, v in _CN_DIGITS.items() if c != "两")

# Multipliers written after an Arabic number (1.2万, 3千万, 10万亿, 5千).
_ARABIC_MULTIPLIERS: dict[str, int] = {
    "千万": 10**7,
    "百万": 10**6,
    "万亿": 10**12,
    "万": 10**4,
    "亿": 10**8,
    "千": 10**3,
}

# An Arabic number on its own: 1,234 / 1,234.5 (correct thousands grouping only) or 186 / 15.59.
_ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
_ARABIC_RE = re.compile(_ARABIC)
# What groups the thousands of a number: 1,234, and on some pages 1 234.
_GROUPING_RE = re.compile("[, \u00a0\u2009]")


# --------------------------------------------------------------------------------------
# parse_chinese_numeral
# --------------------------------------------------------------------------------------


def _to_number(value: Decimal) -> int | float:
    """``int`` when the value is whole, else ``float``."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _parse_digit_string(s: str) -> Decimal | None:
    """二〇二一 -> 2021: positional reading of two or more Chinese digits."""
    if len(s) < 2 or not all(c in _DIGIT_STRING_CHARS for c in s):
        return None
    return Decimal("".join(str(_CN_DIGITS[c]) for c in s))


def _tokenize(s: str) -> list[tuple[str, Decimal]] | None:
    """Split a numeral into ``(kind, value)`` tokens; ``None`` on any foreign character.

    Kinds: ``num`` (Chinese digit 1-9), ``arabic`` (ASCII number), ``zero``, ``unit``
    (十百千), ``big`` (万亿) and ``frac`` (点 plus the digits after it, as 0.xxx).
    """
    tokens: list[tuple[str, Decimal]] = []
    i = 0
    while i < len(s):
        c = s[i]
        m = _ARABIC_RE.match(s, i)
        if m:
            tokens.append(("arabic", Decimal(m.group().replace(",", ""))))
            i = m.end()
        elif c in _ZEROS:
            tokens.append(("zero", Decimal(0)))
            i += 1
        elif c in _CN_DIGITS:
            tokens.append(("num", Decimal(_CN_DIGITS[c])))
            i += 1
        elif c in _SMALL_UNITS:
            tokens.append(("unit", Decimal(_SMALL_UNITS[c])))
            i += 1
        elif c in _BIG_UNITS:
            tokens.append(("big", Decimal(_BIG_UNITS[c])))
            i += 1
        elif c in "点.":
            j = i + 1
            while j < len(s) and (s[j] in _DIGIT_STRING_CHARS or (s[j].isascii() and s[j].isdigit())):
                j += 1
            if j == i + 1:
                return None  # a point with no digit after it
            digits = "".join(str(_CN_DIGITS[d]) if d in _CN_DIGITS else d for d in s[i + 1 : j])
            tokens.append(("frac", Decimal("0." + digits)))
            i = j
        else:
            return None
    return tokens


def _parse_place_value(s: str) -> Decimal | None:
    """Read a place-value numeral (四千四百零三, 一亿二千万, 三点五, 1.2万, 两万五)."""
    tokens = _tokenize(s)
    if not tokens:
        return None
    total = Decimal(0)  # everything closed by 亿 or 万
    section = Decimal(0)  # the 千百十 part of the current section
    current: Decimal | None = None  # the digit (or Arabic number) waiting for its unit
    current_is_cn = False  # current is a single Chinese digit (for 两万五 style)
    current_has_frac = False
    last_small: Decimal | None = None  # last 十百千 of this section, must decrease
    last_unit: Decimal | None = None  # last unit of any kind, for 两万五 -> 25000
    last_big: Decimal | None = None  # last 万/亿, to refuse 万万 and 亿亿
    zero_seen = False  # a 零 since the last unit: 一百零五 is not 一百五
    seen_any = False
    for kind, value in tokens:
        if kind in ("num", "arabic"):
            if current is not None:
                return None  # two numbers in a row (三五, 2三)
            current, current_is_cn, current_has_frac = value, kind == "num", False
            if kind == "arabic" and value != value.to_integral_value():
                current_has_frac = True
        elif kind == "zero":
            if current is not None:
                return None  # 一零 is only valid as a digit string
            zero_seen = True
        elif kind == "unit":
            if current is None:
                if seen_any:
                    return None  # 百十, 一百零十
                current = Decimal(1)  # leading 十/百/千 means 一十/一百/一千
            if last_small is not None and value >= last_small:
                return None  # units must decrease: 十百, 三百四百
            section += current * value
            current, current_is_cn, current_has_frac = None, False, False
            last_small = last_unit = value
            zero_seen = False
        elif kind == "big":
            if current is None and section == 0:
                if not seen_any:
                    current = Decimal(1)  # bare 万 / 亿 (万余人)
                elif last_big is None or value <= last_big:
                    return None  # 零万, 万万, 亿亿
            seg = section + (current if current is not None else Decimal(0))
            if value == 10**8:
                if last_big == value:
                    return None  # 一亿二亿
                total = (total + seg) * value  # 三万二千亿 = (30000 + 2000) * 亿
            else:
                if last_big == value:
                    return None  # 五万三万
                total += seg * value
            section, current, current_is_cn, current_has_frac = Decimal(0), None, False, False
            last_small, last_unit, last_big = None, value, value
            zero_seen = False
        else:  # frac
            if current is None:
                if section == 0 and total == 0 and not zero_seen:
                    return None  # 点五
                current = Decimal(0)
            elif current_has_frac:
                return None
            current = current + value
            current_is_cn, current_has_frac = False, True
        seen_any = True
    if current is not None:
        if (
            current_is_cn
            and not zero_seen
            and last_unit is not None
            and last_unit >= 100
        ):
            current *= last_unit / 10  # colloquial 两万五 = 25000, 一千二 = 1200
        elif not current_is_cn and not current_has_frac and last_unit is not None and not zero_seen:
            return None  # 3万5 is ambiguous
    return total + section + (current if current is not None else Decimal(0))


def _parse_numeral(s: str, *, allow_digit_string: bool = True) -> Decimal | None:
    s = s.strip()
    if not s:
        return None
    if _ARABIC_RE.fullmatch(s):
        return Decimal(s.replace(",", ""))
    if allow_digit_string:
        digits = _parse_digit_string(s)
        if digits is not None:
            return digits
    return _parse_place_value(s)


def parse_chinese_numeral(s: str) -> int | float | None:
    """Parse a span that is entirely a numeral; ``None`` if it is not one.

    Accepts Chinese place-value numerals (四千四百零三 -> 4403, 十二 -> 12, 两百 -> 200,
    一千二百万 -> 12000000, 三点五 -> 3.5, colloquial 两万五 -> 25000), positional digit
    strings (二〇二一 -> 2021), Arabic numbers (186, 1,234) and Arabic numbers with Chinese
    multipliers (1.2万 -> 12000).  A bare unit is read with an implicit 一 (百 -> 100).
    Returns an ``int`` when the value is whole, else a ``float``.
    """
    value = _parse_numeral(s)
    return None if value is None else _to_number(value)


# --------------------------------------------------------------------------------------
# parse_percent
# --------------------------------------------------------------------------------------

_PERCENT_RE = re.compile(
    r"""
    ^\s*
    (?:
        (?P<arabic>""" + _ARABIC + r""")   # 85.5
        [ \t]*                             # the normaliser may leave a space before the sign
        [%％℅]                             # percent sign, also full-width and care-of lookalike
      |
        百分之(?P<cn>.+?)                  # 百分之八十五点五 / 百分之百 / 百分之85
    )
    \s*$
    """,
    re.VERBOSE,
)


def parse_percent(s: str) -> float | None:
    """'85.5%', '85.5 %', '85.5％', '85.5℅', '百分之八十五点五' -> 85.5; '百分之百' -> 100.0."""
    m = _PERCENT_RE.match(s)
    if not m:
        return None
    if m.group("arabic") is not None:
        return float(Decimal(m.group("arabic").replace(",", "")))
    value = _parse_numeral(m.group("cn"), allow_digit_string=False)
    return None if value is None else float(value)


# --------------------------------------------------------------------------------------
# find_quantities
# --------------------------------------------------------------------------------------

# Chinese numeral characters usable in running text (no financial forms: 拾 is in 收拾).
_CN_NUM_CHARS = "零〇○一二两三四五六七八九十百千万亿"
_CN_DIGIT_CHARS = "零〇○一二三四五六七八九"

# Unit and counter words, longest first where one is a prefix of another.
_UNIT = r"""
    (?P<unit>
        个百分点                 # percentage points: 提高2.5个百分点
      | 百分点
      | 人次 | 件次 | 户次       # person-times etc., before 人 / 件 / 户
      | 个月                     # a duration in months, before 个
      | 平方公里 | 平方米 | 公里 | 千米
      | 小时
      | 美元 | 元                # money; 万元/亿元 are multiplier + 元
      | 部门                     # 3部门联合, before 部
      | 个 | 件 | 名 | 项 | 位 | 场 | 期 | 条 | 家 | 所 | 批 | 轮
      | 篇 | 份 | 户 | 天 | 亩 | 吨 | 座 | 处 | 类 | 台 | 辆 | 套
      | 支 | 册 | 例 | 倍 | 岁 | 封 | 组 | 本
      | 部(?!分)                 # not 一部分 "a part"
      | 次(?!性)                 # not 一次性 "one-off"
      | 人(?![大民])             # not 人大 / 人民 (5人大会 is rare, 人大代表 is not)
      | 起 | 票 | 只 | 米        # Arabic numbers only (一起, 一票否决, 只 "only"): see _ARABIC_ONLY_UNITS
    )
"""

# Units that do not make a Chinese numeral a quantity on their own.
_ARABIC_ONLY_UNITS = frozenset({"起", "票", "只", "米"})

_QUANTITY_RE = re.compile(
    r"""
    (?P<pre>                                    # approximation word before the number
        大约 | 约为
      | (?<![节制契预签公特条履违邀誓相隐婉])约  # not 节约 / 制约 / 预约 ...
      | 将近 | 接近
      | (?<![最附临])近                        # not 最近 / 附近
      | 逾 | 超过
      | (?<![赶高])超                          # not 赶超
      | 不足 | 不到
    )?
    (?:
        百分之(?P<pct_cn>                       # 百分之八十五点五, 百分之85, 百分之百
            [一二三四五六七八九十][""" + _CN_NUM_CHARS + r"""]*(?:点[""" + _CN_DIGIT_CHARS + r"""]+)?
          | """ + _ARABIC + r"""
          | 百
        )
      |
        (?<![0-9A-Za-z.])(?<![0-9],)            # whole Arabic numbers only (not 5G, v1.2, the
                                                # tail of 12,345); after a comma between
                                                # clauses (选区186个,登记选民…) a number begins
        (?<![0-9][-/:~])                        # not the second half of 2021-2025, 10:30
        (?P<num>[0-9]{1,3}(?:[\ \u00a0\u2009][0-9]{3})+(?![0-9.])  # 2 985, 1 954: a page's
                                                # thousands set off by a space
          | """ + _ARABIC + r""")
        (?![0-9A-Za-z])                         # not 5G
        (?![-/:~.,][0-9])                       # not the first half of 2021-03, 10:30, 12,3456
        (?P<mult1>千万|百万|万亿|万|亿|千(?![米克瓦]))?   # 1.2万, 3千万, 5千 (not 千米)
      |
        (?<![第""" + _CN_NUM_CHARS + r"""])     # not inside a numeral, not an ordinal 第三
        (?<![0-9""" + _CN_NUM_CHARS + r"""]点)   # not the fraction of 三点五 / 8点三十 (a time);
                                                # a word's 点 is no point (联络点五十六个)
        (?P<cn>
            [一二两三四五六七八九十][""" + _CN_NUM_CHARS + r"""]*   # never starts with 零 (零件)
            (?:点[""" + _CN_DIGIT_CHARS + r"""]+[万亿]*)?           # 三点五, 三点五亿
          | 零点[""" + _CN_DIGIT_CHARS + r"""]+  # 零点五个百分点 (a bare 零 is 零件, not 0)
          | [百千万](?=[余多])                  # 百余人, 千余名, 万余人
        )
    )
    (?P<mid>余|多)?                             # 100余件, 50多个
    (?P<mult2>千万|百万|万亿|万|亿)?            # 300余万元, 三百多万
    (?:
        [ \t]*(?P<pct>[%％℅])                   # 85.5%
      | [\ \t\u3000]*""" + _UNIT + r"""          # 186名; 692 件 (a PDF's spaces)
    )?
    (?P<post>左右|上下|以上|以下)?              # 3000人左右, 95%以上
    """,
    re.VERBOSE,
)

# A bare number followed by one of these is a date or a term, not a quantity.
_DATE_OR_TERM_FOLLOWERS = frozenset("年月日号届时")

# Stock political slogans: counters inside them are names, not quantities.
_SLOGANS: tuple[str, ...] = (
    "五位一体",
    "四个全面",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "两个一百年",
    "两个务必",
    "两个结合",
    "三个代表",
    "八项规定",
    "四个最严",
)
_SLOGAN_RE = re.compile("|".join(map(re.escape, _SLOGANS)))

# 十四届人大一次会议: a session number, not a count of meetings.
_SESSION_BEFORE = ("届", "人大", "大会", "常委会", "政协")
_SESSION_AFTER = ("会议", "全体会议", "全会")


def _is_session_ordinal(text: str, m: re.Match[str]) -> bool:
    return (
        m.group("unit") == "次"
        and text.startswith(_SESSION_AFTER, m.end())
        and text[: m.start()].endswith(_SESSION_BEFORE)
    )


def _quantity_from_match(text: str, m: re.Match[str], slogans: list[tuple[int, int]]) -> Quantity | None:
    """Apply the rejection rules, in order, then convert the matched span."""
    start, end = m.span()
    unit = m.group("unit")
    multiplier = Decimal(1)
    for name in ("mult1", "mult2"):
        if m.group(name):
            multiplier *= _ARABIC_MULTIPLIERS[m.group(name)]

    # 1. Ordinals: 第3次, 第十四届.
    if start > 0 and text[start - 1] == "第":
        return None
    # 2. Dates and terms: 2021年, 3月, 18日, 十九届, 20余年.
    no_unit = unit is None and m.group("pct") is None and m.group("pct_cn") is None
    if no_unit and end < len(text) and text[end] in _DATE_OR_TERM_FOLLOWERS:
        return None
    # 3. A Chinese numeral needs a counter, a multiplier or the 百分之 form (两会, 统一).
    if m.group("cn") is not None:
        has_big = any(c in "万亿" for c in m.group("cn")) or m.group("mult2") is not None
        if not has_big and (unit is None or unit in _ARABIC_ONLY_UNITS):
            return None
        if unit in _ARABIC_ONLY_UNITS:
            unit = None
    # 4. Session numbers: 十四届人大一次会议.
    if _is_session_ordinal(text, m):
        return None
    # 5. Slogans: 五位一体, 四个全面, 八项规定.
    if any(s < end and start < e for s, e in slogans):
        return None

    if m.group("pct_cn") is not None:
        value = _parse_numeral(m.group("pct_cn"), allow_digit_string=False)
        unit = "%"
    elif m.group("num") is not None:
        value = Decimal(_GROUPING_RE.sub("", m.group("num")))
    else:
        value = _parse_numeral(m.group("cn"), allow_digit_string=False)
    if value is None:
        return None  # 三五个 (a range) or another malformed numeral
    if m.group("pct") is not None:
        unit = "%"
    approximate = any(m.group(g) is not None for g in ("pre", "mid", "post"))
    return Quantity(float(value * multiplier), approximate, unit, start, end)


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text``, left to right, non-overlapping (see the module docstring)."""
    slogans = [mm.span() for mm in _SLOGAN_RE.finditer(text)]
    found: list[Quantity] = []
    for m in _QUANTITY_RE.finditer(text):
        q = _quantity_from_match(text, m, slogans)
        if q is not None:
            found.append(q)
    return found


# --------------------------------------------------------------------------------------
# find_dates
# --------------------------------------------------------------------------------------

_YEAR = r"""
    (?:
        (?<![0-9])(?:19|20)[0-9]{2}             # 2021 (years 1900-2099 only: 100年 is a span)
      | (?<![""" + _CN_NUM_CHARS + r"""])[一二][〇零○九][〇零○一二三四五六七八九]{2}   # 二〇二一
    )
"""
_MONTH = r"""
    (?:
        1[0-2] | 0?[1-9]                        # 12, 3, 03
      | 十[一二]? | [一二三四五六七八九]        # 十二, 十, 三
    )
"""
_DAY = r"""
    (?:
        3[01] | [12][0-9] | 0?[1-9]             # 31, 18, 5, 05
      | 三十一? | 二十[一二三四五六七八九]?     # 三十一, 二十五
      | 十[一二三四五六七八九]? | [一二三四五六七八九]   # 十八, 五
    )
"""
_MONTH_TAIL = r"(?:上旬|中旬|下旬|初|底|末)"  # month precision: 4月中旬 is not a day

_DATE_RE = re.compile(
    r"""
        (?<![0-9.])                             # ISO-like 2021-03-18, 2021/3/18, 2021.3.18
        (?P<iso_y>(?:19|20)[0-9]{2})
        (?P<sep>[-/.])
        (?P<iso_m>1[0-2]|0?[1-9])
        (?P=sep)
        (?P<iso_d>3[01]|[12][0-9]|0?[1-9])
        (?![0-9])
    |
        (?P<year>""" + _YEAR + r""")年          # 2021年 ...
        (?:
            (?P<month>""" + _MONTH + r""")月份? # ... 3月 / 3月份 ...
            (?:
                (?P<day>""" + _DAY + r""")[日号]   # ... 18日
              | """ + _MONTH_TAIL + r"""        # ... 12月底, 4月中旬
            )?
          | 度 | 初 | 底 | 末                   # 2021年度, 2021年底
        )?
    |
        (?P<rel>今年|本年|去年|上年|前年|明年|次年|来年)?   # relative year before a month
        (?<![0-9""" + _CN_NUM_CHARS + r"""个第.\-/~])   # month not inside a number or range (1-3月)
        (?P<month2>""" + _MONTH + r""")月份?     # 3月 / 十二月 / 3月份 ...
        (?:
            (?P<day2>""" + _DAY + r""")[日号]   # ... 18日
          | """ + _MONTH_TAIL + r"""            # ... 3月底
        )?
    """,
    re.VERBOSE,
)

# Offset of a relative year word from the default year.
_RELATIVE_YEARS: dict[str, int] = {
    "今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1, "次年": 1, "来年": 1,
}  # fmt: skip


def _date_part(s: str) -> int:
    """A year, month or day component, Arabic or Chinese (already validated by the regex)."""
    value = _parse_numeral(s)
    assert value is not None, s
    return int(value)


def _date_from_match(m: re.Match[str], default_year: int | None) -> PartialDate | None:
    start, end = m.span()
    if m.group("iso_y") is not None:
        y, mo, d = (int(m.group(g)) for g in ("iso_y", "iso_m", "iso_d"))
        return _make_date(y, mo, d, start, end)
    if m.group("year") is not None:
        year = _date_part(m.group("year"))
        month_s, day_s = m.group("month"), m.group("day")
    else:
        if default_year is None:
            return None  # a month/day with no year to attach it to
        year = default_year + _RELATIVE_YEARS.get(m.group("rel") or "", 0)
        month_s, day_s = m.group("month2"), m.group("day2")
    if month_s is None:
        return PartialDate(f"{year:04d}", "year", start, end)
    month = _date_part(month_s)
    if day_s is None:
        return PartialDate(f"{year:04d}-{month:02d}", "month", start, end)
    return _make_date(year, month, _date_part(day_s), start, end)


def _make_date(year: int, month: int, day: int, start: int, end: int) -> PartialDate | None:
    try:
        d = datetime.date(year, month, day)
    except ValueError:
        return None  # 2月30日
    return PartialDate(d.isoformat(), "day", start, end)


def find_dates(text: str, default_year: int | None) -> list[PartialDate]:
    """All dates in ``text``, left to right, non-overlapping.

    ``2021年3月18日`` / ``二〇二一年三月十八日`` / ``2021-03-18`` -> day; ``2021年12月``,
    ``12月``, ``十二月``, ``12月底``, ``4月中旬`` -> month; ``2021年``, ``2021年度`` -> year.
    Month and day without a year take ``default_year`` (shifted by 去年/明年/... written just
    before them) and are skipped when it is ``None``.  Impossible dates (2月30日) are skipped.
    The span includes 份, 初/底/末/上旬/中旬/下旬, 度 and the relative year word.
    """
    found: list[PartialDate] = []
    for m in _DATE_RE.finditer(text):
        d = _date_from_match(m, default_year)
        if d is not None:
            found.append(d)
    return found
