"""Metamorphic tests of the `deputy_activity` extractor on the real tune pages.

Each perturbation below rewrites a page the way another real site might print the same
facts (other punctuation, numerals, label synonyms, period words, sentence structure, page
chrome, Traditional script), or adds text that states no fact of deputies' work (CPPCC
proposals, a hotline, a party study class, honours); the deputy rows of the perturbed page,
as (metric, value, actor_type, period), must be those of the original, or change the way
the perturbation predicts (every figure shifted: the values follow; 办复率 made 采纳率, a rate
the contract has no metric for: the response rate goes).

The pages are read at run time from ``../shared``: the tune web pages with deputy gold rows
(never ``web/check``: the part is decided from the sha256 of the bytes before anything else
of a page is read), the seed report and the Hailar government reports. No text of theirs is
kept in the repository. Every page goes through :func:`renda.pipeline.process_report`, so
the normalizer (full-width forms, Traditional script, inserted pinyin) is part of what is
tested.

The generic rewrites (punctuation, Chinese numerals, page chrome) are those of
:mod:`tests.elections_metamorphic`; this module adds the ones of deputies' work.

Run ``.venv/bin/python -m tests.deputy_metamorphic`` for the table of invariance rates
(``-v NAME[,NAME]`` prints every page a perturbation changes the rows of; ``-v all``).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from renda.extract._deputy_context import _default_period
from renda.extract.base import DocContext
from renda.corpus_eval import web_part
from renda.ingest import RawReport, Reject
from renda.ingest.metadata import infer_metadata
from renda.numbers import find_quantities
from renda.pipeline import ProcessedDocument, process_report
from tests.elections_metamorphic import (
    ascii_colons,
    ascii_commas,
    fullwidth_colons,
    fullwidth_commas,
    fullwidth_digits,
    other_places,
)
from tests.elections_metamorphic import page_chrome as _page_chrome
from tests.metamorphic import (CORPUS, GOLD, SEED, SHARED, TODAY, Outcome, chinese_decimal,
                               count_in_chinese, figure_pattern, figures, grouped_by_spaces,
                               page_name, read_text, same_sorted, shift_all, spaced_from_unit,
                               sub_figures, table, tune_pages, written_out)
from tests.metamorphic import corpus_available as _corpus_available
from tests.metamorphic import measure as _measure

Key = tuple[Any, ...]  # (metric, value, actor_type, period)
Rows = list[Key]
Expect = Callable[[Rows], Rows]


# --------------------------------------------------------------------------------------
# Pages and rows
# --------------------------------------------------------------------------------------

def corpus_available() -> bool:
    return _corpus_available(gold=True)


@lru_cache(maxsize=1)
def pages() -> tuple[tuple[str, str], ...]:
    """(name, normalized text) of the seed report, the Hailar reports and every tune web
    page with deputy gold rows. A web page's part is decided from its sha256 first: the
    gold of the check part is never looked at."""
    gold = json.loads((GOLD / "web.json").read_text(encoding="utf-8"))
    tune = {d["file"] for d in gold["documents"] if web_part(d["sha256"]) == "tune"}
    with_rows = {r["file"] for r in gold["deputy_activity"] if r.get("file") in tune}
    out = [(SEED, read_text((CORPUS / SEED).read_bytes()))]
    for path in sorted((CORPUS / "hailaer").glob("*.txt")):
        out.append((f"hailaer/{path.name}", read_text(path.read_bytes())))
    for path, data in tune_pages():
        if path.name in with_rows:
            out.append((page_name(path), read_text(data)))
    return tuple(out)


def processed(text: str, name: str = "metamorphic.txt") -> ProcessedDocument:
    """The text through the whole per-document pipeline (decode, normalize, metadata,
    extract), as a UTF-8 .txt report without a sidecar."""
    result = process_report(RawReport(name, text.encode("utf-8"), None), TODAY)
    assert not isinstance(result, Reject), result
    return result


def deputy_rows(text: str) -> Rows:
    """The deputy rows of a text as (metric, value, actor_type, period), sorted."""
    rows = processed(text).facts["deputy_activity"]
    return sorted(((r["metric"], round(float(r["value"]), 2), r["actor_type"], r["period"])
                   for r in rows), key=repr)


def _same(a: Rows, b: Rows) -> bool:
    return same_sorted(a, b)


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------

# A figure of deputies' work in Arabic digits with its unit: 560人次, 1.2万件, 98.5%.
_RE_FIGURE = figure_pattern(r"人次|件次|场次|[件条项个名人位家所处次场期批%]")


def _figures(text: str) -> list[re.Match[str]]:
    return figures(text, _RE_FIGURE)


def _sub_figures(text: str, fn: Callable[[re.Match[str]], str | None]) -> str:
    return sub_figures(text, _RE_FIGURE, fn)


_ACTIVITY = re.compile(r"代表|联络站|联系站|代表之家|建议|议案|接待|进站|培训|视察|列席|意见|问题")


def _deputy_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that speak of deputies' work and hold a figure."""
    return [m.span() for m in re.finditer(r"[^。！？\n]+[。！？]?", text)
            if _ACTIVITY.search(m.group()) and _figures(m.group())]


def _replace(pattern: str, new: str) -> Callable[[str], str]:
    rx = re.compile(pattern)
    return lambda text: rx.sub(new, text)


# --------------------------------------------------------------------------------------
# Perturbations: punctuation
# --------------------------------------------------------------------------------------

def enumeration_as_semicolons(text: str) -> str:
    """A 、-list of figures (接待群众560人次、收集意见建议89条) as a ；-list."""
    return re.sub(r"(?<=[0-9一二三四五六七八九十百千万][件条项个名人位家次场期%])、", "；", text)


def semicolons_as_enumeration(text: str) -> str:
    """A ；-list of figures inside a sentence as a 、-list."""
    return re.sub(r"(?<=[0-9一二三四五六七八九十百千万][件条项个名人位家次场期%])；(?=[^\n]*?。)",
                  "、", text)


def spaced_thousands(text: str) -> str:
    """Figures of four digits or more grouped by spaces (1 954人次), as some pages print."""
    return _sub_figures(text, grouped_by_spaces)


def space_before_unit(text: str) -> str:
    """A space on both sides of a figure (建议 692 件), as PDFs and some pages print it."""
    return _sub_figures(text, spaced_from_unit)


def book_marks_as_quotes(text: str) -> str:
    """《…》 → “…” (titles of suggestions and laws quoted the other way)."""
    return text.replace("《", "“").replace("》", "”")


def quotes_as_book_marks(text: str) -> str:
    """“…” → 《…》 when the quoted text is a title (关于…, …的建议, …法, …条例)."""
    return re.sub(r"“((?:关于)[^”]{2,60}|[^”]{2,60}(?:建议|议案|法|条例|办法))”", r"《\1》", text)


# --------------------------------------------------------------------------------------
# Perturbations: numbers
# --------------------------------------------------------------------------------------

def chinese_counts(text: str) -> str:
    """Counts below 10000 in Chinese numerals (560人次 → 五百六十人次, 12件 → 十二件)."""
    return _sub_figures(text, count_in_chinese)


def wan_counts(text: str) -> str:
    """Exact figures of 10000 or more in 万 (12000人次 → 1.2万人次)."""
    def wan(m: re.Match[str]) -> str | None:
        num = m.group("num")
        if "." in num or m.group("mult") or m.group("unit") == "%" or int(num) < 10000:
            return None
        return f"{int(num) / 10000:.4f}".rstrip("0").rstrip(".") + "万" + m.group("unit")
    return _sub_figures(text, wan)


def plain_counts(text: str) -> str:
    """Figures in 万 written out (1.2万人次 → 12000人次)."""
    return _sub_figures(text, written_out)


def approximate_figures(text: str) -> str:
    """余 after counts of ten or more (560人次 → 560余人次): the value stays."""
    def approx(m: re.Match[str]) -> str | None:
        num = m.group("num")
        if "." in num or m.group("unit") == "%" or int(num) < 10 or m.group("mult"):
            return None
        return num + "余" + m.group("unit")
    return _sub_figures(text, approx)


def percents_in_digits(text: str) -> str:
    """Percentages in words in digits (百分之九十八点五 → 98.5%, 百分之百 → 100%)."""
    def pct(m: re.Match[str]) -> str:
        q = find_quantities(m.group())
        return f"{q[0].value:g}%" if q else m.group()
    return re.sub(r"百分之[零〇一二两三四五六七八九十百点]+", pct, text)


def chinese_percents(text: str) -> str:
    """Percentages in words (98.5% → 百分之九十八点五, 100% → 百分之百)."""
    def pct(m: re.Match[str]) -> str | None:
        if m.group("unit") != "%" or m.group("mult"):
            return None
        if m.group("num") in ("100", "100.0"):
            return "百分之百"
        return "百分之" + chinese_decimal(m.group("num"))
    return _sub_figures(text, pct)


def shifted_figures(text: str) -> tuple[str, Expect] | None:
    """Every Arabic figure changed (560 → 5607, 98.5% → 97.39%): the rows' values must
    follow. None when a value is written both changed and unchanged (the expectation would
    be ambiguous)."""
    shifted = shift_all(text, _RE_FIGURE)
    if shifted is None:
        return None
    new_text, mapping = shifted

    def expect(rows: Rows) -> Rows:
        return [(r[0], mapping.get(r[1], r[1]), *r[2:]) for r in rows]
    return new_text, expect


# --------------------------------------------------------------------------------------
# Perturbations: label synonyms
# --------------------------------------------------------------------------------------

# A station word as the pages write it: 代表 (人大代表) and the station noun (not 联络点,
# 联系点: points are another metric; not 立法联系点, 网上联络站).
_RE_STATION = re.compile(r"(?<![网线上立])(?P<who>人大代表|代表)(?:联络站|联系站|之家|工作站)(?![点（(])")


def _station_as(noun: str) -> Callable[[str], str]:
    def perturb(text: str) -> str:
        return _RE_STATION.sub(lambda m: m.group("who") + noun, text)
    return perturb


def station_as_lianxizhan(text: str) -> str:
    """代表联络站 / 代表之家 / 代表工作站 → 代表联系站."""
    return _station_as("联系站")(text)


def station_as_daibiaozhijia(text: str) -> str:
    """代表联络站 / 代表联系站 / 代表工作站 → 代表之家 (人大代表之家)."""
    return _station_as("之家")(text)


def station_as_gongzuozhan(text: str) -> str:
    """代表联络站 / 代表联系站 / 代表之家 → 代表工作站."""
    return _station_as("工作站")(text)


def station_as_minqing(text: str) -> str:
    """代表联络站 / 代表联系站 / 代表之家 → 代表民情联络站 (a local name of the same
    thing: where deputies meet the public)."""
    return _station_as("民情联络站")(text)


_RE_RECEIVE = re.compile(r"接待(?:来访群众|来访选民|人民群众|群众|选民)")


def receive_as_xuanmin(text: str) -> str:
    """接待群众 / 接待来访群众 → 接待选民."""
    return _RE_RECEIVE.sub("接待选民", text)


def receive_as_laifang(text: str) -> str:
    """接待群众 / 接待选民 → 接待来访群众."""
    return _RE_RECEIVE.sub("接待来访群众", text)


def receive_as_qunzhong(text: str) -> str:
    """接待选民 / 接待来访群众 → 接待群众."""
    return _RE_RECEIVE.sub("接待群众", text)


_RE_COLLECT = re.compile(r"(收集|征集|梳理|汇总)(?:群众)?(?:意见建议|意见和建议|问题|诉求)")


def collect_as_wenti(text: str) -> str:
    """收集意见建议 / 征集意见建议 → 收集问题."""
    return _RE_COLLECT.sub(r"\1问题", text)


def collect_as_zhengji_yijian(text: str) -> str:
    """收集意见建议 / 收集问题 → 征集意见."""
    return _RE_COLLECT.sub("征集意见", text)


def collect_as_yijian_jianyi(text: str) -> str:
    """收集问题 / 收集诉求 → 收集意见建议."""
    return _RE_COLLECT.sub(r"\1意见建议", text)


def response_as_dafu(text: str) -> str:
    """办复率 → 答复率 (the same rate: suggestions answered)."""
    return text.replace("办复率", "答复率")


def response_as_adoption(text: str) -> tuple[str, Expect] | None:
    """办复率 → 采纳率: the share of suggestions adopted is no metric of the contract
    (neither 办复率 nor 满意率 nor 解决率), so the response rates read from 办复率 go. None
    when the page writes another response word (答复率, 办结率…) the expectation cannot
    tell apart."""
    if "办复率" not in text or re.search("答复率|办结率|办理率|回复率", text):
        return None

    def expect(rows: Rows) -> Rows:
        return [r for r in rows if r[0] != "response_rate_pct"]
    return text.replace("办复率", "采纳率"), expect


def renci_as_ren(text: str) -> str:
    """人次 → 人 after people received and trainees (接待群众560人, 培训代表300人)."""
    return re.sub(r"((?:接待|接访|培训|参训)[^，。；、0-9]{0,8}[0-9]+(?:\.[0-9]+)?万?)人次",
                  r"\1人", text)


def jian_as_tiao(text: str) -> str:
    """件 → 条 after a count (建议120条, 问题56条)."""
    return _sub_figures(text, lambda m: None if m.group("unit") != "件"
                        else m.group("num") + (m.group("mult") or "") + "条")


def tiao_as_jian(text: str) -> str:
    """条 / 项 → 件 after a count."""
    return _sub_figures(text, lambda m: None if m.group("unit") not in ("条", "项")
                        else m.group("num") + (m.group("mult") or "") + "件")


_RE_DEPUTY_SUGG = re.compile(r"(?<![意见、和])(代表|代表们)(提出|所提|提交|领衔提出)的?建议"
                             r"(?!、|批评|和意见)")


def suggestion_as_yijian_jianyi(text: str) -> str:
    """代表提出建议 → 代表提出意见建议."""
    return _RE_DEPUTY_SUGG.sub(r"\1\2意见建议", text)


def suggestion_in_full(text: str) -> str:
    """代表提出建议 / 代表建议N件 → 代表提出建议、批评和意见 / 代表建议、批评和意见N件."""
    text = _RE_DEPUTY_SUGG.sub(r"\1\2建议、批评和意见", text)
    return re.sub(r"代表建议(?=[共计达为]*[0-9])", "代表建议、批评和意见", text)


_RE_DONE = re.compile(r"(?<=[已均])(?:全部)?(?:办复|办结|答复)(?:完毕)?")


def done_as_banjie(text: str) -> str:
    """已办复 / 均已答复 → 已办结 (handled: the same fact of a suggestion)."""
    return _RE_DONE.sub("全部办结", text)


def done_as_bafu(text: str) -> str:
    """已办结 / 均已答复 → 已办复."""
    return _RE_DONE.sub("全部办复", text)


_RE_RESOLVE = re.compile(r"(?<![未已和并经本])(?:推动解决|协调解决|帮助解决|督促解决|解决)(?=[^，。；率]{0,8}?[0-9])")


def resolve_as_tuidong(text: str) -> str:
    """解决问题53个 / 帮助解决 → 推动解决问题53个."""
    return _RE_RESOLVE.sub("推动解决", text)


def resolve_as_xietiao(text: str) -> str:
    """解决问题53个 / 推动解决 → 协调解决问题53个."""
    return _RE_RESOLVE.sub("协调解决", text)


_RE_LABEL_FIGURE = re.compile(
    r"(?<=[，,、；;。\n])(?P<verb>接待|接访|收集|征集|解决|办理|办复|提出|培训|收到)"
    r"(?P<noun>[\u4e00-\u9fff]{1,6}?)(?P<num>[0-9]+(?:\.[0-9]+)?万?(?:人次|[件条项个名人次]))(?=[，,、；;。])")


def gong_before_verb(text: str) -> str:
    """共 before a verb counting (接待群众560人次 → 共接待群众560人次), not after 共/累计."""
    return _RE_LABEL_FIGURE.sub(lambda m: "共" + m.group(), text)


def da_before_figure(text: str) -> str:
    """达 between a label and its figure (接待群众560人次 → 接待群众达560人次)."""
    return _RE_LABEL_FIGURE.sub(
        lambda m: m.group("verb") + m.group("noun") + "达" + m.group("num")
        if not m.group("noun").endswith(("共", "达", "为")) else m.group(), text)


def figure_before_noun(text: str) -> str:
    """The figure before the noun it counts (接待群众560人次 → 接待560人次群众, 收集意见
    建议89条 → 收集89条意见建议)."""
    def move(m: re.Match[str]) -> str:
        noun = m.group("noun")
        if not re.fullmatch(r"群众|选民|来访群众|意见建议|问题|群众意见|诉求|代表建议|建议", noun):
            return m.group()
        return m.group("verb") + m.group("num") + noun
    return _RE_LABEL_FIGURE.sub(move, text)


def collect_with_dao(text: str) -> str:
    """收集意见建议 → 收集到意见建议 (the verb's result written)."""
    return re.sub(r"(收集|征集)(?=意见|问题|群众|诉求|社情)", r"\1到", text)


def rate_with_da(text: str) -> str:
    """办复率100% / 满意率98% → 办复率达到100% (and 办复率达100% → 办复率为100%)."""
    text = re.sub(r"(?<=率)(?:达到|达|为)?(?=[0-9]+(?:\.[0-9]+)?%)", "达到", text)
    return text


def visits_in_ci(text: str) -> str:
    """Deputies' visits to stations counted in 次 (进站履职701人次 → 进站履职701次)."""
    return re.sub(r"((?:进站|进家|值班|值守|深入[^，。；]{0,12}?(?:站|点))[^，。；0-9]{0,6}?"
                  r"[0-9]+(?:\.[0-9]+)?万?余?)人次", r"\1次", text)


def satisfaction_as_manyidu(text: str) -> str:
    """满意率 → 满意度 (the same share, as many pages write it)."""
    return re.sub(r"(?<![基本])满意率", "满意度", text)


def two_as_liang(text: str) -> str:
    """2 of a count → 两 (2个 → 两个, 2期 → 两期), as Chinese writes a lone two."""
    return _sub_figures(text, lambda m: "两" + m.group("unit")
                        if m.group("num") == "2" and m.group("unit") not in ("%", "人次") else None)


_RE_PROBLEM_NOUN = re.compile(r"(?<=收集|解决|梳理|汇总|反映)(?:群众)?问题(?=[0-9共计达]|的)")


def problem_as_suqiu(text: str) -> str:
    """收集问题 / 解决问题 → 收集群众诉求 / 解决群众诉求."""
    return _RE_PROBLEM_NOUN.sub("群众诉求", text)


def level_as_qi(text: str) -> str:
    """县 as the level of the body and its deputies → 旗 (Inner Mongolia's county level:
    全县 → 全旗, 县人大常委会 → 旗人大常委会, 县人大代表 → 旗人大代表)."""
    text = re.sub(r"全县(?=各级|人大|广大|[0-9一二三四五六七八九十两]|共|乡镇)", "全旗", text)
    return re.sub(r"(?<![\u4e00-\u9fff])县(?=人大|人民政府|政府|级)", "旗", text)


_RE_PAIR = re.compile(
    r"(?<=[，,；;：:。\n])(?P<va>接待|收集|征集|解决|办理|办复|提出|培训|收到)(?P<na>[\u4e00-\u9fff]{1,6}?)"
    r"(?P<fa>[0-9]+(?:人次|[件条项个名人次]))[，,、](?P<vb>接待|收集|征集|解决|办理|办复|提出|培训|收到)"
    r"(?P<nb>[\u4e00-\u9fff]{1,6}?)(?P<fb>[0-9]+(?:人次|[件条项个名人次]))(?=[，,；;。])")


def respectively(text: str) -> str:
    """Two clauses, each a verb, its noun and a figure, told respectively (接待群众560人次，
    收集意见建议89条 → 接待群众、收集意见建议分别为560人次和89条)."""
    def pair(m: re.Match[str]) -> str:
        if any(w in m.group("na") + m.group("nb") for w in ("共", "达", "为", "的", "了")):
            return m.group()
        return (m.group("va") + m.group("na") + "、" + m.group("vb") + m.group("nb") + "分别为"
                + m.group("fa") + "和" + m.group("fb"))
    return _RE_PAIR.sub(pair, text)


_SUGG_NOUN = r"(?:人大代表|代表)(?:建议|议案)|建议、批评和意见|意见建议"


def suggestion_figure_after(text: str) -> str:
    """The figure of suggestions after their noun (712件代表建议 → 代表建议712件)."""
    return re.sub(r"(?<![0-9.])([0-9]+)(件|条)(" + _SUGG_NOUN + r")(?=[，,。；;])", r"\3\1\2", text)


def suggestion_figure_before(text: str) -> str:
    """The figure of suggestions before their noun (代表建议120件 → 120件代表建议)."""
    return re.sub(r"(?<=[，,。；;\n收到提出交办办理])(" + _SUGG_NOUN + r")([0-9]+)(件|条)(?=[，,。；;])",
                  r"\2\3\1", text)


# --------------------------------------------------------------------------------------
# Perturbations: period words
# --------------------------------------------------------------------------------------

def annual_as_jinnian_yilai(text: str) -> str:
    """一年来 / 过去一年 → 今年以来 (still the year's)."""
    return re.sub(r"一年来|过去的?一年(?=[，,])", "今年以来", text)


def term_as_benjie(text: str) -> str:
    """五年来 / 过去五年 → 本届以来 (still the term's)."""
    return re.sub(r"[五四三]年来|过去的?五年(?=[，,])", "本届以来", text)


def term_as_since_year(text: str) -> str:
    """五年来 / 本届以来 → 2021年以来 (since an earlier year: still multi_year)."""
    return re.sub(r"[五四三]年来|本届以来|过去的?五年(?=[，,])", "2016年以来", text)


def term_as_wunian(text: str) -> str:
    """本届以来 / 过去五年 → 五年来."""
    return re.sub(r"本届以来|过去的?五年(?=[，,])", "五年来", text)


def annual_words_dropped(text: str) -> str | None:
    """一年来， / 今年以来， opening a clause dropped in a report on a year's work (its
    undated figures are the year's anyway). None for other pages."""
    meta = infer_metadata(text, {}, TODAY)
    ctx = DocContext(doc_id="m", doc_type=meta.doc_type, report_year=meta.report_year,
                     level=meta.level, province=meta.province, city=meta.city,
                     county=meta.county, fact_free=meta.fact_free)
    if _default_period(text, ctx) != "annual":
        return None
    return re.sub(r"(?<=[。\n])(?:一年来|今年以来|过去一年)[，,]", "", text)


# --------------------------------------------------------------------------------------
# Perturbations: structure
# --------------------------------------------------------------------------------------

def split_after_first_figure(text: str) -> str:
    """A sentence of deputies' work holding two figures or more split in two at the comma
    after its first figure (…接待群众560人次。收集意见建议89条…)."""
    out, pos = [], 0
    for start, end in _deputy_sentences(text):
        s = text[start:end]
        figs = _figures(s)
        if len(figs) < 2:
            continue
        cut = re.compile(r"[，,]").search(s, figs[0].end(), figs[1].start())
        # not inside quotes or brackets, not in the middle of 除…外，其余… (no sentence ends
        # there), not before 占 (a share needs the count before it in its sentence)
        if cut is None or re.search("[“「《（(]|除", s[:cut.start()]) \
                or re.match(r"\s*占", s[cut.end():]):
            continue
        out.append(text[pos:start + cut.start()])
        out.append("。")
        pos = start + cut.end()
    out.append(text[pos:])
    return "".join(out)


def join_sentences(text: str) -> str:
    """A sentence of deputies' work joined to the next one of its paragraph at a comma
    (one pair at a time: the joined sentence is not joined again)."""
    out, pos, joined = [], 0, -1
    for start, end in _deputy_sentences(text):
        if start <= joined:
            continue  # the second of a pair just joined
        if text[end - 1:end] == "。" and re.match(r"[^\n。]", text[end:end + 1] or "\n"):
            out.append(text[pos:end - 1])
            out.append("，")
            pos = joined = end
    out.append(text[pos:])
    return "".join(out)


def swap_figure_clauses(text: str) -> str:
    """Two adjacent comma clauses, each a label and its figure, in the other order
    (接待群众560人次，收集意见建议89条 → 收集意见建议89条，接待群众560人次)."""
    clause = r"[^，,；;。：:\n“”《》（）]{0,14}?[0-9][0-9.]*(?:万|亿)?(?:人次|[件条项个名人位家次场期%])"
    pattern = re.compile(r"(?<=[，,；;：:])(?P<a>" + clause + r")(?P<sep>[，,])(?P<b>" + clause
                         + r")(?=[，,；;。])")

    def swap(m: re.Match[str]) -> str:
        a, b = m.group("a"), m.group("b")
        # Not when the order carries meaning: a clause opening with its subject (党组成员…),
        # a share or a rate of the count before it (占86.4%, 解决率71.6%), opinions put
        # forward after a reception (接待选民…，提出意见建议…: the voters').
        if re.match(_SUBJECTS, a) or re.match(_SUBJECTS, b) or re.match(r"\s*占", b) \
                or "率" in a + b or re.match(r"\s*(?:共|并|还)?提出", b):
            return m.group()
        return b + m.group("sep") + a
    return pattern.sub(swap, text)


_SUBJECTS = r"\s*(?:全县|全市|全区|各级|[县市区乡镇])*(?:人大代表|代表|党组|常委会|政府|委员|主任|领导)"


_RE_ACTOR_HEAD = re.compile(
    r"(?<=[。\n])(?P<actor>(?:全县|全市|全区|全镇|全乡|全体|广大|各级|[县市区乡镇]|乡镇|两级|三级)*"
    r"(?:人大代表|代表们|代表|常委会组成人员|党组成员|常委会领导|人大常委会|常委会))"
    r"(?P<rest>(?![联之建议意的工小大会团名位人占中])[\u4e00-\u9fff])")


def actor_in_sentence_before(text: str) -> str:
    """The subject of a sentence told in a sentence of its own before it (全县各级人大代表
    深入… → 全县各级人大代表认真履职。深入…): the subject is carried within the paragraph."""
    return _RE_ACTOR_HEAD.sub(lambda m: m.group("actor") + "认真履行职责。" + m.group("rest"), text)


def paragraphs_joined(text: str) -> str:
    """Each paragraph of deputies' work run into the next one (a site that drops the breaks
    between paragraphs): a subject or a period is then carried further."""
    out, pos, joined = [], 0, -1
    for start, end in _deputy_sentences(text):
        brk = text.find("\n", end - 1)
        if start <= joined or brk < 0 or text[brk - 1] not in "。！？" or brk + 1 >= len(text):
            continue
        nxt = text[brk + 1:].split("\n", 1)[0]
        if len(nxt) <= 40 or nxt[-1] not in "。！？；":
            continue  # not into a heading: a site that drops breaks keeps its headings
        out.append(text[pos:brk])
        pos = joined = brk + 1
    out.append(text[pos:])
    return "".join(out)


_RE_PAGE_DATE = re.compile(r"((?:19|20)[0-9]{2})[年-]([0-9]{1,2})[月-]([0-9]{1,2})日?")


def page_chrome(text: str) -> str:
    """Page chrome around the title (阅读次数：123, 发布时间：2023-05-06 10:00, 字号). The
    date printed is the page's own first date (a page without one gets none: a date of
    another year would change the report year, and with it what the figures' years mean)."""
    m = _RE_PAGE_DATE.search(text)
    date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None
    new = _page_chrome(text)
    if date is None:
        return new.replace("发布时间：2021-11-23 10:00  ", "")
    return new.replace("2021-11-23", date)


_UNRELATED = {
    "cppcc": "县政协共收到委员提案156件，立案132件，已全部办复，办复率100%，"
             "委员对办理结果满意率达98.5%。",
    "hotline": "12345政务服务便民热线受理群众诉求8560件，办结8421件，办结率98.4%，"
               "群众满意率95.2%。",
    "party": "机关党支部举办党史学习教育读书班3期，组织党员干部集中学习12次，参训党员260人次。",
    "honours": "全县有5个代表联络站被评为市级示范代表联络站，12名代表被评为优秀人大代表，"
               "8件建议被评为优秀建议。",
    "letters": "县信访局接待来访群众1260人次，受理信访事项356件，化解矛盾纠纷298件。",
}


def _after_first_deputy_paragraph(text: str, paragraph: str) -> str:
    spans = _deputy_sentences(text)
    if not spans:
        return text + "\n" + paragraph
    # at the end of a paragraph (a stop, then a line break: the normalizer joins the lines
    # of a paragraph wrapped by hand)
    ends = [m.start() + 1 for m in re.finditer(r"[。！？]\n", text)]
    after = [e for e in ends if e >= spans[0][1]]
    if not ends:
        return text  # one run-on line: no place a paragraph could stand (not applied)
    end = after[0] if after else ends[-1]
    return text[:end] + "\n\n" + paragraph + "\n" + text[end:]


def cppcc_paragraph(text: str) -> str:
    """A paragraph on CPPCC proposals with their handling and rates: no row."""
    return _after_first_deputy_paragraph(text, _UNRELATED["cppcc"])


def hotline_paragraph(text: str) -> str:
    """A paragraph on the 12345 hotline with demands handled and rates: no row."""
    return _after_first_deputy_paragraph(text, _UNRELATED["hotline"])


def party_study_paragraph(text: str) -> str:
    """A paragraph on a party study class with sessions and attendees: no row."""
    return _after_first_deputy_paragraph(text, _UNRELATED["party"])


def honours_paragraph(text: str) -> str:
    """A paragraph of honours (stations, deputies, suggestions named excellent): no row."""
    return _after_first_deputy_paragraph(text, _UNRELATED["honours"])


def letters_paragraph(text: str) -> str:
    """A paragraph on the letters-and-visits office receiving the public: no row."""
    return _after_first_deputy_paragraph(text, _UNRELATED["letters"])


# --------------------------------------------------------------------------------------
# Perturbations: script
# --------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _s2t() -> Any:
    import opencc
    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    """The page in Traditional script (OpenCC s2t): the normalizer converts it back."""
    return str(_s2t().convert(text))


_PINYIN = {"乡": "xiāng", "镇": "zhèn", "县": "xiàn", "区": "qū", "站": "zhàn", "民": "mín"}
_PINYIN_T = {"鄉": "xiāng", "鎮": "zhèn", "縣": "xiàn", "區": "qū", "站": "zhàn", "民": "mín"}


def traditional_with_pinyin(text: str) -> str:
    """The page in Traditional script with pinyin after some characters (鄉(xiāng)): the
    normalizer drops the pinyin and converts the script back."""
    t = traditional(text)
    return re.sub("[" + "".join(_PINYIN_T) + "]", lambda m: f"{m.group()}({_PINYIN_T[m.group()]})", t)


def pinyin_inserted(text: str) -> str:
    """Simplified text with pinyin after some characters (乡(xiāng)镇)."""
    return re.sub("[" + "".join(_PINYIN) + "]", lambda m: f"{m.group()}({_PINYIN[m.group()]})", text)


# --------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------

Perturb = Callable[[str], Any]

PUNCTUATION: tuple[Perturb, ...] = (
    ascii_commas, fullwidth_commas, ascii_colons, fullwidth_colons, enumeration_as_semicolons,
    semicolons_as_enumeration, fullwidth_digits, spaced_thousands, space_before_unit,
    book_marks_as_quotes, quotes_as_book_marks,
)
NUMBERS: tuple[Perturb, ...] = (
    chinese_counts, wan_counts, plain_counts, chinese_percents, percents_in_digits,
    approximate_figures, shifted_figures,
)
LABELS: tuple[Perturb, ...] = (
    station_as_lianxizhan, station_as_daibiaozhijia, station_as_gongzuozhan, station_as_minqing,
    receive_as_xuanmin, receive_as_laifang, receive_as_qunzhong,
    collect_as_wenti, collect_as_zhengji_yijian, collect_as_yijian_jianyi,
    response_as_dafu, response_as_adoption, renci_as_ren, jian_as_tiao, tiao_as_jian,
    suggestion_as_yijian_jianyi, suggestion_in_full, done_as_banjie, done_as_bafu,
    resolve_as_tuidong, resolve_as_xietiao, gong_before_verb, da_before_figure,
    figure_before_noun, collect_with_dao, rate_with_da, visits_in_ci, satisfaction_as_manyidu,
    two_as_liang, problem_as_suqiu, level_as_qi, other_places, suggestion_figure_after,
    suggestion_figure_before,
)
PERIODS: tuple[Perturb, ...] = (
    annual_as_jinnian_yilai, term_as_benjie, term_as_since_year, term_as_wunian,
    annual_words_dropped,
)
STRUCTURE: tuple[Perturb, ...] = (
    split_after_first_figure, join_sentences, swap_figure_clauses, respectively,
    actor_in_sentence_before, paragraphs_joined, page_chrome, cppcc_paragraph, hotline_paragraph, party_study_paragraph, honours_paragraph,
    letters_paragraph,
)
SCRIPT: tuple[Perturb, ...] = (traditional, traditional_with_pinyin, pinyin_inserted)

PERTURBATIONS: tuple[Perturb, ...] = PUNCTUATION + NUMBERS + LABELS + PERIODS + STRUCTURE + SCRIPT


@lru_cache(maxsize=1)
def originals() -> dict[str, Rows]:
    return {name: deputy_rows(text) for name, text in pages()}


def measure(perturb: Perturb) -> Outcome:
    """Apply one perturbation to every page; count the pages it changed and those whose
    rows stayed as expected."""
    return _measure(perturb, pages(), originals(), deputy_rows, _same)


def main(argv: list[str]) -> int:
    if not corpus_available():
        print(f"real corpus not found at {CORPUS}")
        return 1
    verbose = set(argv[argv.index("-v") + 1].split(",")) if "-v" in argv else set()
    only = set(argv[argv.index("-only") + 1].split(",")) if "-only" in argv else set()
    outcomes = [measure(p) for p in PERTURBATIONS if not only or p.__name__ in only]
    print(table(outcomes))
    for o in outcomes:
        if o.name in verbose or "all" in verbose:
            for name, want, got in o.failures:
                print(f"\n[{o.name}] {name}")
                print(f"  missing {sorted(set(want) - set(got), key=repr)}")
                print(f"  extra   {sorted(set(got) - set(want), key=repr)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
