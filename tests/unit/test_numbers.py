"""Tables of examples for ``renda.numbers``: one table and one parametrized test per function.

The sentences are written for these tests in the style of local congress work reports;
they are not copied from the corpus.  ``TRAPS`` holds ordinary words that contain numeral
characters and must never give a number.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from renda.numbers import (
    PartialDate,
    Quantity,
    find_dates,
    find_quantities,
    parse_chinese_numeral,
    parse_percent,
)

# --------------------------------------------------------------------------------------
# parse_chinese_numeral
# --------------------------------------------------------------------------------------


class NumeralCase(NamedTuple):
    text: str
    expected: int | float | None


NUMERAL_PLACE_VALUE = [
    NumeralCase("三", 3),
    NumeralCase("两", 2),
    NumeralCase("十", 10),
    NumeralCase("十二", 12),
    NumeralCase("二十", 20),
    NumeralCase("一百零五", 105),
    NumeralCase("两百", 200),
    NumeralCase("四千四百零三", 4403),
    NumeralCase("一千零五十", 1050),
    NumeralCase("一千二百万", 12_000_000),
    NumeralCase("一亿二千万", 120_000_000),
    NumeralCase("一亿零五万", 100_050_000),
    NumeralCase("三万二千亿", 3_200_000_000_000),
    NumeralCase("两万五", 25_000),  # colloquial: the last digit takes the next lower unit
    NumeralCase("叁佰肆拾", 340),  # financial forms
    NumeralCase("百", 100),  # bare unit, as in 百分之百
]

NUMERAL_DECIMALS_AND_ZEROS = [
    NumeralCase("三点五", 3.5),
    NumeralCase("八十五点五", 85.5),
    NumeralCase("零点五", 0.5),
    NumeralCase("十二点五万", 125_000),
    NumeralCase("零", 0),
    NumeralCase("〇", 0),
]

NUMERAL_DIGIT_STRINGS = [
    NumeralCase("二〇二一", 2021),
    NumeralCase("二零二二", 2022),
    NumeralCase("一二三", 123),
]

NUMERAL_ARABIC = [
    NumeralCase("186", 186),
    NumeralCase("15.59", 15.59),
    NumeralCase("1,234", 1234),
    NumeralCase("1.2万", 12_000),
    NumeralCase("3亿", 300_000_000),
    NumeralCase("1万2千", 12_000),
]

NUMERAL_NOT_NUMERALS = [
    NumeralCase("", None),
    NumeralCase("一府两院", None),
    NumeralCase("两会", None),
    NumeralCase("统一", None),
    NumeralCase("点五", None),
    NumeralCase("十百", None),
    NumeralCase("万万", None),
    NumeralCase("3万5", None),  # ambiguous
    NumeralCase("186名", None),
]

NUMERAL_CASES = (
    NUMERAL_PLACE_VALUE
    + NUMERAL_DECIMALS_AND_ZEROS
    + NUMERAL_DIGIT_STRINGS
    + NUMERAL_ARABIC
    + NUMERAL_NOT_NUMERALS
)


@pytest.mark.parametrize("case", NUMERAL_CASES, ids=[c.text or "<empty>" for c in NUMERAL_CASES])
def test_parse_chinese_numeral(case: NumeralCase) -> None:
    result = parse_chinese_numeral(case.text)
    assert result == case.expected
    assert type(result) is type(case.expected)  # int when whole, float otherwise


# --------------------------------------------------------------------------------------
# parse_percent
# --------------------------------------------------------------------------------------


class PercentCase(NamedTuple):
    text: str
    expected: float | None


PERCENT_CASES = [
    PercentCase("85.5%", 85.5),
    PercentCase("85.5 %", 85.5),
    PercentCase("85.5％", 85.5),
    PercentCase("85.5℅", 85.5),
    PercentCase("95.7%", 95.7),
    PercentCase("100%", 100.0),
    PercentCase("百分之八十五点五", 85.5),
    PercentCase("百分之百", 100.0),
    PercentCase("百分之三十", 30.0),
    PercentCase("百分之60", 60.0),
    # not percentages
    PercentCase("85.5", None),
    PercentCase("百分之", None),
    PercentCase("百分之多少", None),
    PercentCase("约85.5%", None),  # one whole percentage only; find_quantities reads 约
]


@pytest.mark.parametrize("case", PERCENT_CASES, ids=[c.text for c in PERCENT_CASES])
def test_parse_percent(case: PercentCase) -> None:
    assert parse_percent(case.text) == case.expected


# --------------------------------------------------------------------------------------
# find_quantities
# --------------------------------------------------------------------------------------


class Found(NamedTuple):
    """One expected quantity; ``span`` is the matched text, ``text[start:end]``."""

    value: float
    approximate: bool
    unit: str | None
    span: str


class QuantityCase(NamedTuple):
    text: str
    expected: list[Found]


# Forms typical of the reports: counts of deputies, proposals, inspections, rates.
REPORT_FORMS = [
    QuantityCase("全市共选出各级人大代表15.59万名。", [Found(155_900.0, False, "名", "15.59万名")]),
    QuantityCase("出席会议的代表186名，列席人员512名。", [
        Found(186.0, False, "名", "186名"),
        Found(512.0, False, "名", "512名"),
    ]),
    QuantityCase("代表建议办复率达85.5%，满意率95.7%。", [
        Found(85.5, False, "%", "85.5%"),
        Found(95.7, False, "%", "95.7%"),
    ]),
    QuantityCase("大会期间共收到代表建议四千四百零三件。", [Found(4403.0, False, "件", "四千四百零三件")]),
    QuantityCase("审议通过决议三件，听取两个专项报告。", [
        Found(3.0, False, "件", "三件"),
        Found(2.0, False, "个", "两个"),
    ]),
    QuantityCase("办理群众来信1,234件。", [Found(1234.0, False, "件", "1,234件")]),
    # Some pages set thousands off by a space, and PDFs put spaces before units.
    QuantityCase("选出代表2 985名。", [Found(2985.0, False, "名", "2 985名")]),
    QuantityCase("办理建议 692 件。", [Found(692.0, False, "件", "692 件")]),
    QuantityCase("PM 2.5 浓度", [Found(2.5, False, None, "2.5")]),
    # Web pages separate clauses with ASCII commas: a number after one begins there.
    QuantityCase("划分选区42个,登记选民3.1万人。", [
        Found(42.0, False, "个", "42个"),
        Found(31_000.0, False, "人", "3.1万人"),
    ]),
    QuantityCase("全年财政投入5.2亿元。", [Found(520_000_000.0, False, "元", "5.2亿元")]),
    QuantityCase("投票率为百分之八十五点五。", [Found(85.5, False, "%", "百分之八十五点五")]),
    QuantityCase("占比提高2.5个百分点。", [Found(2.5, False, "个百分点", "2.5个百分点")]),
    QuantityCase("新建养老床位一千二百万元。", [Found(12_000_000.0, False, "元", "一千二百万元")]),
    QuantityCase("开展执法检查6次，专题询问2场。", [
        Found(6.0, False, "次", "6次"),
        Found(2.0, False, "场", "2场"),
    ]),
    QuantityCase("组织代表视察十二个乡镇。", [Found(12.0, False, "个", "十二个")]),
    QuantityCase("共有选民28万", [Found(280_000.0, False, None, "28万")]),
    QuantityCase("三亿", [Found(300_000_000.0, False, None, "三亿")]),
    QuantityCase("下降零点五个百分点", [Found(0.5, False, "个百分点", "零点五个百分点")]),
    QuantityCase("接待来访群众1200人次", [Found(1200.0, False, "人次", "1200人次")]),
]

# Approximation words before, between and after.
APPROXIMATIONS = [
    QuantityCase("督办重点建议100余件。", [Found(100.0, True, "件", "100余件")]),
    QuantityCase("近300人参加培训。", [Found(300.0, True, "人", "近300人")]),
    QuantityCase("约2万人参与投票。", [Found(20_000.0, True, "人", "约2万人")]),
    QuantityCase("走访企业50多个。", [Found(50.0, True, "个", "50多个")]),
    QuantityCase("参加旁听的群众3000人左右。", [Found(3000.0, True, "人", "3000人左右")]),
    QuantityCase("大约50场", [Found(50.0, True, "场", "大约50场")]),
    QuantityCase("覆盖率约为3%", [Found(3.0, True, "%", "约为3%")]),
    QuantityCase("逾千余名", [Found(1000.0, True, "名", "逾千余名")]),
    QuantityCase("超过1000人", [Found(1000.0, True, "人", "超过1000人")]),
    QuantityCase("筹措资金300余万元", [Found(3_000_000.0, True, "元", "300余万元")]),
    QuantityCase("惠及一万多人", [Found(10_000.0, True, "人", "一万多人")]),
    QuantityCase("两千余名代表", [Found(2000.0, True, "名", "两千余名")]),
    QuantityCase("百余人", [Found(100.0, True, "人", "百余人")]),
    QuantityCase("知晓率达95%以上", [Found(95.0, True, "%", "95%以上")]),
    QuantityCase("不足百分之十", [Found(10.0, True, "%", "不足百分之十")]),
    QuantityCase("节约3亿元", [Found(300_000_000.0, False, "元", "3亿元")]),  # 节约 is not 约
    QuantityCase("最近3次", [Found(3.0, False, "次", "3次")]),  # 最近 is not 近
]

# Words that contain numeral characters or numbers that are not quantities.
TRAPS = [
    QuantityCase("一府两院", []),
    QuantityCase("一府一委两院", []),
    QuantityCase("两会", []),
    QuantityCase("统一思想", []),
    QuantityCase("推进区域一体化", []),
    QuantityCase("学习贯彻十九届六中全会精神", []),
    QuantityCase("2021年3月18日", []),
    QuantityCase("3月18日至20日", []),
    QuantityCase("2021-2025年", []),
    QuantityCase("第3次会议", []),
    QuantityCase("市十四届人大一次会议", []),
    QuantityCase("第十四届", []),
    QuantityCase("十三五规划", []),
    QuantityCase("统筹推进五位一体总体布局", []),
    QuantityCase("四个全面", []),
    QuantityCase("两个维护", []),
    QuantityCase("一次性补助", []),
    QuantityCase("一部分", []),
    QuantityCase("千万要注意", []),
    QuantityCase("万一", []),
    QuantityCase("零件", []),
    QuantityCase("一起研究", []),
    QuantityCase("20余年", []),
    QuantityCase("建设5G基站", []),
    QuantityCase("10:30开会", []),
    QuantityCase("每万人", []),
    QuantityCase("三五个", []),  # a range, not 35
]

QUANTITY_CASES = REPORT_FORMS + APPROXIMATIONS + TRAPS


@pytest.mark.parametrize("case", QUANTITY_CASES, ids=[c.text for c in QUANTITY_CASES])
def test_find_quantities(case: QuantityCase) -> None:
    found = find_quantities(case.text)
    assert all(isinstance(q, Quantity) for q in found)
    got = [Found(q.value, q.approximate, q.unit, case.text[q.start : q.end]) for q in found]
    assert got == case.expected


# --------------------------------------------------------------------------------------
# find_dates
# --------------------------------------------------------------------------------------


class FoundDate(NamedTuple):
    iso: str
    precision: str
    span: str


class DateCase(NamedTuple):
    text: str
    default_year: int | None
    expected: list[FoundDate]


DATES_FULL = [
    DateCase("2021年3月18日召开第一次会议", None, [FoundDate("2021-03-18", "day", "2021年3月18日")]),
    DateCase("二〇二一年三月十八日", None, [FoundDate("2021-03-18", "day", "二〇二一年三月十八日")]),
    DateCase("于2022-01-05通过", None, [FoundDate("2022-01-05", "day", "2022-01-05")]),
    DateCase("2021年12月", None, [FoundDate("2021-12", "month", "2021年12月")]),
    DateCase("截至2021年12月底", None, [FoundDate("2021-12", "month", "2021年12月底")]),
    DateCase("2021年", None, [FoundDate("2021", "year", "2021年")]),
    DateCase("2021年度预算", None, [FoundDate("2021", "year", "2021年度")]),
    DateCase("2020年至2021年", None, [
        FoundDate("2020", "year", "2020年"),
        FoundDate("2021", "year", "2021年"),
    ]),
]

DATES_WITH_DEFAULT_YEAR = [
    DateCase("3月18日", 2021, [FoundDate("2021-03-18", "day", "3月18日")]),
    DateCase("12月底", 2021, [FoundDate("2021-12", "month", "12月底")]),
    DateCase("12月", 2021, [FoundDate("2021-12", "month", "12月")]),
    DateCase("十二月", 2021, [FoundDate("2021-12", "month", "十二月")]),
    DateCase("12月中旬", 2021, [FoundDate("2021-12", "month", "12月中旬")]),
    DateCase("3月底", 2021, [FoundDate("2021-03", "month", "3月底")]),
    DateCase("4月中旬", 2021, [FoundDate("2021-04", "month", "4月中旬")]),
    DateCase("去年3月", 2021, [FoundDate("2020-03", "month", "去年3月")]),
    DateCase("6月份", 2021, [FoundDate("2021-06", "month", "6月份")]),
    DateCase("七月一日", 2021, [FoundDate("2021-07-01", "day", "七月一日")]),
]

DATES_SKIPPED = [
    DateCase("3月18日", None, []),  # no year at all
    DateCase("12月底", None, []),
    DateCase("2月30日", 2021, []),  # impossible date
    DateCase("2021年2月30日", None, []),
    DateCase("历时三个月", 2021, []),  # a duration
    DateCase("1-3月", 2021, []),  # a range
    DateCase("100年", None, []),  # not a calendar year
    DateCase("十九届六中全会", 2021, []),
]

DATE_CASES = DATES_FULL + DATES_WITH_DEFAULT_YEAR + DATES_SKIPPED


@pytest.mark.parametrize(
    "case", DATE_CASES, ids=[f"{c.text}-{c.default_year}" for c in DATE_CASES]
)
def test_find_dates(case: DateCase) -> None:
    found = find_dates(case.text, case.default_year)
    assert all(isinstance(d, PartialDate) for d in found)
    got = [FoundDate(d.iso, d.precision, case.text[d.start : d.end]) for d in found]
    assert got == case.expected
