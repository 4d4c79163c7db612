"""Metamorphic tests of the `elections` extractor on the real tune pages.

Each perturbation below rewrites a page the way another real site might print the same facts
(other punctuation, numerals, label synonyms, sentence structure, page chrome, places), or
adds text that states no election fact; the election rows of the perturbed page must be those
of the original (or change in the way the perturbation predicts: every figure shifted, the
township made a 街道).  Pages are read at run time from ``../shared/corpus`` (the tune part
of ``web/`` only, never ``web/check``, and the seed report); no text of theirs is kept in the
repository.

Run ``.venv/bin/python -m tests.elections_metamorphic`` for the table of invariance rates
(``-v NAME`` prints every page a perturbation changes the rows of).
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from renda.extract import elections
from renda.extract.base import DocContext
from renda.ingest.gazetteer import load_gazetteer
from renda.ingest.metadata import infer_metadata
from renda.normalize import normalize
from tests.metamorphic import (CORPUS, SEED, TODAY, Outcome, chinese_decimal, corpus_available,
                               count_in_chinese, figure_pattern, figures,
                               grouped_by_spaces, page_name, read_text, same_sorted, shift_all,
                               spaced_from_unit, sub_figures, tune_pages, written_out)
from tests.metamorphic import measure as _measure
from tests.metamorphic import table

_FIGURES = ("constituencies", "voters_registered", "voters_participating", "turnout_pct",
            "deputies_elected", "avg_vote_share_pct")

Key = tuple[Any, ...]
Rows = list[Key]
Expect = Callable[[Rows], Rows]


# --------------------------------------------------------------------------------------
# Pages and rows
# --------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def pages() -> tuple[tuple[str, str], ...]:
    """(name, normalized text) of the seed report and of every tune web page that speaks of
    elections at all (选举, 选民, 选出, 当选, 补选)."""
    out = [(SEED, read_text((CORPUS / SEED).read_bytes()))]
    for path, data in tune_pages():
        text = read_text(data)
        if re.search(r"选举|选民|选出|当选|补选", text):
            out.append((page_name(path), text))
    return tuple(out)


def context(text: str) -> DocContext:
    """The document context the pipeline gives a text (metadata inferred from the text)."""
    meta = infer_metadata(text, {}, TODAY)
    return DocContext(doc_id="metamorphic", doc_type=meta.doc_type,
                      report_year=meta.report_year, level=meta.level,
                      province=meta.province, city=meta.city, county=meta.county,
                      fact_free=meta.fact_free)


def election_rows(text: str) -> Rows:
    """The election rows of a text as the pipeline makes them (normalize, infer the
    metadata, extract), each as (level, method, status, figures...), sorted."""
    text = normalize(text)
    ctx = context(text)
    if ctx.fact_free:
        return []
    return sorted((_key(r) for r in elections.extract(text, ctx)), key=repr)


def _key(row: dict[str, Any]) -> Key:
    figures = tuple(None if row[c] is None else round(float(row[c]), 2) for c in _FIGURES)
    return (row["level"], row["method"], row["status"], *figures)


def _same(a: Rows, b: Rows) -> bool:
    return same_sorted(a, b)


# --------------------------------------------------------------------------------------
# Helpers for perturbations
# --------------------------------------------------------------------------------------

# A figure written in Arabic digits with what follows it: 186名, 15.59万人, 96.28%.
_RE_FIGURE = figure_pattern("[名人个位%]")


def _figures(text: str) -> list[re.Match[str]]:
    return figures(text, _RE_FIGURE)


def _sub_figures(text: str, fn: Callable[[re.Match[str]], str | None]) -> str:
    return sub_figures(text, _RE_FIGURE, fn)


def _election_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that speak of an election and hold a figure."""
    spans = []
    for m in re.finditer(r"[^。！？\n]+[。！？]?", text):
        s = m.group()
        if re.search(r"选举|选民|选区|选出|当选|补选|参选", s) and re.search(r"[0-9]", s):
            spans.append(m.span())
    return spans


# --------------------------------------------------------------------------------------
# Perturbations: punctuation
# --------------------------------------------------------------------------------------

def ascii_commas(text: str) -> str:
    """，→ , as sites that type ASCII punctuation print it."""
    return text.replace("，", ",")


def fullwidth_commas(text: str) -> str:
    """ASCII , between clauses → ，(not the thousands of 36,976)."""
    return re.sub(r",(?![0-9]{3}(?![0-9]))", "，", text)


def ascii_colons(text: str) -> str:
    """：→ : and ；→ ; (ASCII punctuation)."""
    return text.replace("：", ":").replace("；", ";")


def fullwidth_colons(text: str) -> str:
    """: and ; → ：and ；(not the : of a time 10:30)."""
    return re.sub(r"(?<![0-9]):|:(?![0-9])", "：", text).replace(";", "；")


def enumeration_as_semicolons(text: str) -> str:
    """A 、-list of figures (县人大代表217名、乡人大代表817名) as a ；-list."""
    return re.sub(r"(?<=[0-9一二三四五六七八九十百千万][名人个位%])、", "；", text)


def enumeration_as_commas(text: str) -> str:
    """A 、-list of figures as a ，-list (县人大代表14名，乡级人大代表55位)."""
    return re.sub(r"(?<=[0-9一二三四五六七八九十百千万][名人个位%])、", "，", text)


def fullwidth_digits(text: str) -> str:
    """Digits, % and the decimal point in full-width forms (１８６名, ９６．２８％)."""
    table = {ord(str(i)): 0xFF10 + i for i in range(10)}
    table[ord("%")] = 0xFF05
    text = re.sub(r"(?<=[0-9])\.(?=[0-9])", "．", text)
    return text.translate(table)


def spaced_thousands(text: str) -> str:
    """Figures of four digits or more grouped by spaces (262 624名), as some pages print."""
    return _sub_figures(text, grouped_by_spaces)


def comma_thousands(text: str) -> str:
    """Figures of four digits or more grouped by ASCII commas (262,624名)."""
    def group(m: re.Match[str]) -> str | None:
        num = m.group("num")
        if "." in num or len(num) < 4 or m.group("mult"):
            return None
        return f"{int(num):,}" + m.group("unit")
    return _sub_figures(text, group)


def space_before_unit(text: str) -> str:
    """A space between a figure and its unit (代表 186 名), as the seed report prints it."""
    return _sub_figures(text, spaced_from_unit)


# --------------------------------------------------------------------------------------
# Perturbations: numbers
# --------------------------------------------------------------------------------------

def chinese_counts(text: str) -> str:
    """Counts below 10000 in Chinese numerals (186名 → 一百八十六名, 9个 → 九个)."""
    return _sub_figures(text, count_in_chinese)


def wan_counts(text: str) -> str:
    """Exact figures of 10000 or more in 万 (72360人 → 7.236万人)."""
    def wan(m: re.Match[str]) -> str | None:
        num = m.group("num")
        if "." in num or m.group("mult") or m.group("unit") == "%" or int(num) < 10000:
            return None
        s = f"{int(num) / 10000:.4f}".rstrip("0").rstrip(".")
        return s + "万" + m.group("unit")
    return _sub_figures(text, wan)


def plain_counts(text: str) -> str:
    """Figures in 万 or 亿 written out (15.59万名 → 155900名)."""
    return _sub_figures(text, written_out)


def chinese_wan(text: str) -> str:
    """Figures in 万 written in Chinese numerals (15.59万 → 十五点五九万, 5万 → 五万)."""
    def cn(m: re.Match[str]) -> str | None:
        if m.group("mult") != "万" or m.group("unit") == "%":
            return None
        return chinese_decimal(m.group("num")) + "万" + m.group("unit")
    return _sub_figures(text, cn)


def approximate_voters(text: str) -> tuple[str, Expect]:
    """约 before the voters' figures (约15.59万名选民): the figures stay, only approximate."""
    new = re.sub(r"(?<![约近余多0-9.])(?=[0-9]+(?:\.[0-9]+)?(?:万|亿)?[名人](?:选民))", "约", text)
    return new, lambda rows: rows


def chinese_percents(text: str) -> str:
    """Percentages in words (96.28% → 百分之九十六点二八)."""
    def pct(m: re.Match[str]) -> str | None:
        if m.group("unit") != "%" or m.group("mult"):
            return None
        return "百分之" + chinese_decimal(m.group("num"))
    return _sub_figures(text, pct)


def shifted_figures(text: str) -> tuple[str, Expect] | None:
    """Every Arabic figure changed (186 → 1867, 15.59万 → 15.597万, 96.28% → 95.17%): the
    rows' figures must follow.  None when a value is written both changed and unchanged
    (the expectation would be ambiguous)."""
    shifted = shift_all(text, _RE_FIGURE)
    if shifted is None:
        return None
    new_text, mapping = shifted

    def expect(rows: Rows) -> Rows:
        return [(*r[:3], *(None if v is None else mapping.get(v, v) for v in r[3:]))
                for r in rows]
    return new_text, expect


# --------------------------------------------------------------------------------------
# Perturbations: label synonyms
# --------------------------------------------------------------------------------------

_RE_TURNOUT = re.compile(r"参选率|投票率|参选比例")


def turnout_as_touhiaolv(text: str) -> str:
    """参选率 / 参选比例 → 投票率."""
    return _RE_TURNOUT.sub("投票率", text)


def turnout_as_canxuanlv(text: str) -> str:
    """投票率 / 参选比例 → 参选率."""
    return _RE_TURNOUT.sub("参选率", text)


def turnout_as_canxuan_bili(text: str) -> str:
    """参选率 / 投票率 → 参选比例."""
    return _RE_TURNOUT.sub("参选比例", text)


def registered_with_de(text: str) -> str:
    """登记选民 → 登记的选民."""
    return re.sub(r"登记选民(?!的)", "登记的选民", text)


def registered_inverted(text: str) -> str:
    """登记选民N人 → 选民登记N人 (the label inverted)."""
    return re.sub(r"(?<!的)登记选民(?=[0-9共为达]|人数|总数)", "选民登记", text)


def constituency_as_xuanjuqu(text: str) -> str:
    """选区 → 选举区 (not 补选区, 补选 + 区)."""
    return re.sub(r"(?<![补改再直当])选区", "选举区", text)


def elected_as_xuanchu(text: str) -> str:
    """选举产生 → 选出."""
    return text.replace("选举产生", "选出")


def elected_as_yifa(text: str) -> str:
    """选举产生 / 选出 → 依法选举产生."""
    return re.sub(r"(?<!依法)(?:选举产生|选出)", "依法选举产生", text)


def elected_as_cha_e(text: str) -> str:
    """选举产生 / 选出 → 差额选举产生 (a contested election: still elected)."""
    return re.sub(r"(?<!差额)(?:选举产生|选出)", "差额选举产生", text)


def deputies_in_full(text: str) -> str:
    """人大代表 → 人民代表大会代表 (not 人大代表候选人, 人大代表选区: those keep 人大)."""
    return re.sub(r"人大代表(?![候团小联之建议资选])", "人民代表大会代表", text)


def deputies_short(text: str) -> str:
    """人民代表大会代表 / 人民代表大会的代表 → 人大代表."""
    return re.sub(r"人民代表大会的?代表", "人大代表", text)


def _level_word(text: str, words: str, new: str) -> str:
    """A level word right before the deputies or their congress (县人大代表, 县第十七届人民代表
    大会代表, 县级人大代表选区) → ``new``, not the area (全县) or a place name (交城县)."""
    term = r"(?:第?[0-9一二三四五六七八九十]+届)?"
    pattern = (r"(?:(?<![\u4e00-\u9fff])|(?<=[届的名位共出]))(?:" + words + r")(?=" + term
               + r"(?:人大|人民代表大会|人代表)(?:的)?代表)"
               + r"|(?<=个)(?:" + words + r")(?=(?:人大|人民代表大会)?代表选区)"
               + r"|(?<=[、，,；;：:选产出为生])(?:" + words + r")(?=" + term
               + r"(?:人大|人民代表大会)(?:的)?代表)")
    return re.sub(pattern, new, text)


def county_as_xianji(text: str) -> str:
    """县人大代表 → 县级人大代表."""
    return _level_word(text, "县", "县级")


def county_as_qu(text: str) -> str:
    """县 / 县级 (deputies) → 区 (a district's deputies are county level too)."""
    return _level_word(text, "县级|县", "区")


def county_as_qi(text: str) -> str:
    """县 / 县级 (deputies) → 旗 (Inner Mongolia's county level)."""
    return _level_word(text, "县级|县", "旗")


def county_as_kinds(text: str) -> str:
    """县 / 县级 (deputies) → 县(市、区), as provincial summaries write it."""
    return _level_word(text, "县级|县", "县(市、区)")


def township_as_xiangji(text: str) -> str:
    """乡 / 镇 / 乡镇 / 镇级 (deputies) → 乡级."""
    return _level_word(text, "乡镇级|乡镇|乡级|镇级|乡|镇", "乡级")


def township_as_xiangzhen(text: str) -> str:
    """乡 / 镇 / 乡级 / 镇级 (deputies) → 乡镇."""
    return _level_word(text, "乡镇级|乡镇|乡级|镇级|乡|镇", "乡镇")


def township_as_zhen(text: str) -> str:
    """乡 / 乡镇 / 乡级 (deputies) → 镇."""
    return _level_word(text, "乡镇级|乡镇|乡级|镇级|乡|镇", "镇")


def township_as_sumu(text: str) -> str:
    """乡 / 镇 (deputies) → 苏木 (Inner Mongolia's township)."""
    return _level_word(text, "乡镇级|乡镇|乡级|镇级|乡|镇", "苏木")


def township_as_jiedao(text: str) -> tuple[str, Expect]:
    """乡 / 镇 (deputies) → 街道: a subdistrict has no congress, so no township row may be
    read from those words (the rows of the other levels stay)."""
    new = _level_word(text, "乡镇级|乡镇|乡级|镇级|乡|镇", "街道")

    def expect(rows: Rows) -> Rows:
        return [r for r in rows if r[0] != "township"]
    return new, expect


def counts_in_wei(text: str) -> str:
    """名 / 人 after a count of deputies or voters → 位."""
    return _sub_figures(text, lambda m: None if m.group("unit") not in "名人"
                        else m.group("num") + (m.group("mult") or "") + "位")


def counts_in_ren(text: str) -> str:
    """名 / 位 after a count → 人."""
    return _sub_figures(text, lambda m: None if m.group("unit") not in "名位"
                        else m.group("num") + (m.group("mult") or "") + "人")


def counts_in_ming(text: str) -> str:
    """人 / 位 after a count → 名."""
    return _sub_figures(text, lambda m: None if m.group("unit") not in "人位"
                        else m.group("num") + (m.group("mult") or "") + "名")


_BODY = (r"(?P<lvl>(?:新一届)?"
             r"(?:(?:(?![选产举出届生级两各全])[\u4e00-\u9fff]){2,4}[县市区镇乡旗]"
             r"(?:[县乡镇市区省旗]级?)?"
             r"|[县乡镇市区省旗]级?|乡镇|全国)"
             r"(?:第?[0-9一二三四五六七八九十]+届)?(?:人大|人民代表大会)(?:的)?代表)")
_DEPUTIES = r"(?<=[了出选生、，,；;：:届的])" + _BODY


def count_before_deputies(text: str) -> str:
    """Deputies and their count in the other order: 县人大代表186名 → 186名县人大代表."""
    return re.sub(_DEPUTIES + r"(?P<n>[0-9]+(?:\.[0-9]+)?(?:万|亿)?[名人位])(?![中里])",
                  lambda m: m.group("n") + m.group("lvl"), text)


def count_after_deputies(text: str) -> str:
    """186名县人大代表 → 县人大代表186名 (not 当选的186名…代表中: a share)."""
    return re.sub(r"(?<![0-9.])(?P<n>[0-9]+(?:\.[0-9]+)?(?:万|亿)?[名位])" + _BODY
                  + r"(?![中里候资团])", lambda m: m.group("lvl") + m.group("n"), text)


def voters_label_first(text: str) -> str:
    """N名选民参加投票 → 参加投票的选民N名 (the label before the figure)."""
    return re.sub(r"(?<![0-9.])(?P<n>[0-9]+(?:\.[0-9]+)?(?:万|亿)?)[名人]选民参加(?:了)?投票",
                  lambda m: "参加投票的选民" + m.group("n") + "名", text)


def voters_figure_first(text: str) -> str:
    """参加投票的选民N名 / 参加投票N人 → N名选民参加投票."""
    return re.sub(r"参加投票(?:的选民)?(?:共|为|达)?(?P<n>[0-9]+(?:\.[0-9]+)?(?:万|亿)?)[名人]",
                  lambda m: m.group("n") + "名选民参加投票", text)


_LABELS = r"(?:选区|登记选民|参选率|投票率|平均得票率|参加投票)"


def label_verb_wei(text: str) -> str:
    """A 为 between a label and its figure (参选率为85.5%, 登记选民为7508人)."""
    return re.sub(r"(?P<l>" + _LABELS + r")(?=[0-9])", lambda m: m.group("l") + "为", text)


def label_verb_dadao(text: str) -> str:
    """达到了 between a label and its figure (参选率达到了85.5%)."""
    return re.sub(r"(?P<l>" + _LABELS + r")(?:为|达|达到)?(?=[0-9])",
                  lambda m: m.group("l") + "达到了", text)


def constituencies_count_first(text: str) -> str:
    """选区N个 → N个选区 (划分选区80个 → 划分80个选区)."""
    return re.sub(r"(?<![县乡镇市区级表])选区(?:共|数)?(?:为)?(?P<n>[0-9]+)个",
                  lambda m: m.group("n") + "个选区", text)


def constituencies_label_first(text: str) -> str:
    """N个选区 → 选区N个 (划分为120个选区 → 划分为选区120个), not N个…选区 of a level."""
    return re.sub(r"(?<![0-9第])(?P<n>[0-9]+)个选区(?![的])",
                  lambda m: "选区" + m.group("n") + "个", text)


def voters_label_middle(text: str) -> str:
    """N名选民参加投票 → 选民N人参加投票 (the noun before the figure, the verb after)."""
    return re.sub(r"(?<![0-9.])(?P<n>[0-9]+(?:\.[0-9]+)?(?:万|亿)?)(?:多|余)?[名人]选民"
                  r"(?P<v>参加|参与)", lambda m: "选民" + m.group("n") + "人" + m.group("v"), text)


def respectively_form(text: str) -> str:
    """Two levels and their counts as one 分别 clause (选举产生县人大代表186名、乡镇人大代表512名
    → 选举产生县、乡镇人大代表分别为186名、512名)."""
    level = r"(?:[县乡镇市区旗]级?|乡镇)"
    pattern = re.compile(r"(?P<verb>选举产生|选出)(?P<new>新一届)?(?P<a>" + level + r")人大代表"
                         r"(?P<n>[0-9]+[名人位])[、，,和](?P<b>" + level + r")人大代表"
                         r"(?P<m>[0-9]+[名人位])")
    return pattern.sub(lambda m: m.group("verb") + (m.group("new") or "") + m.group("a")
                       + "、" + m.group("b") + "人大代表分别为" + m.group("n") + "、" + m.group("m"),
                       text)


def term_first(text: str) -> str:
    """The term before the level (县十八届人大代表 → 第十八届县人大代表)."""
    return re.sub(r"(?<=[了出选生、，,；;：:的])(?P<lvl>[县乡镇市区省旗])第?(?P<t>[一二三四五六七八九十]+)届"
                  r"(?=人大代表|人民代表大会代表)",
                  lambda m: "第" + m.group("t") + "届" + m.group("lvl"), text)


def elected_as_dangxuan(text: str) -> str:
    """选举产生X人大代表N名 → X人大代表N名当选 (the count said elected after it; not after
    将, 应, 拟: seats still to fill)."""
    pattern = re.compile(r"(?:依法)?选举产生(?:了)?(?P<body>(?:新一届)?[县乡镇市区旗]级?人大代表"
                         r"[0-9]+[名人位])(?=[。，,])")

    def swap(m: re.Match[str]) -> str:
        if re.search(r"[将应拟]", text[max(0, m.start() - 3):m.start()]):
            return m.group()
        return m.group("body") + "当选"
    return pattern.sub(swap, text)


def elected_as_xuanjuchu(text: str) -> str:
    """选举产生 → 选举出 / 选出 → 顺利选出了 (an election said held: not after 将, 应, 拟)."""
    text = re.sub(r"(?<![将应拟])选举产生", "选举出", text)
    return re.sub(r"(?<![将应拟举])选出", "顺利选出了", text)


def _after_election_sentence(text: str, sentence: str) -> str:
    """``sentence`` inserted right after the first sentence that names deputies elected with
    a figure (in its paragraph)."""
    for start, end in _election_sentences(text):
        if re.search(r"代表[0-9]|[0-9][名人位][^。]{0,12}代表", text[start:end]):
            return text[:end] + sentence + text[end:]
    return text


def composition_inserted(text: str) -> str:
    """A composition sentence after the election's (当选代表中，妇女代表N名，占27.5%): no
    figure of it is the election's."""
    return _after_election_sentence(text, "当选代表中，妇女代表48名，占27.5%；连任代表35名，"
                                          "基层代表比例为56.2%。")


def candidates_inserted(text: str) -> str:
    """A sentence on candidates after the election's (确定正式代表候选人N名): no row."""
    return _after_election_sentence(text, "此前，各选区共确定正式代表候选人376名，"
                                          "差额比例为36.5%。")


def target_inserted(text: str) -> str:
    """A target after the election's (确保参选率达到95%以上): no figure."""
    return _after_election_sentence(text, "会议要求，下一步要确保选民参选率达到95%以上。")


def earlier_election_inserted(text: str) -> str:
    """The earlier election's figures after the election's (上届选出代表N名, 参选率N%): not
    this one's."""
    return _after_election_sentence(text, "上届选举时，全县登记选民11.2万人，参选率为89.4%，"
                                          "选出代表203名。")


def traditional_script(text: str) -> str:
    """The page in Traditional characters (a big5 mirror): normalized back to Simplified."""
    import opencc

    return str(opencc.OpenCC("s2t").convert(text))


def hard_wrapped(text: str) -> str:
    """Lines broken every 17 characters, as text taken from print (the seed report)."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(line[i:i + 17] for i in range(0, max(len(line), 1), 17))
    return "\n".join(out)


def pinyin_ruby(text: str) -> str:
    """Pinyin inserted after 乡, 镇, 选 and 区 (鄉(xiāng)), as some mirrors print it."""
    marks = {"乡": "(xiāng)", "镇": "(zhèn)", "选": "(xuǎn)", "区": "(qū)"}
    return re.sub(r"[乡镇选区]", lambda m: m.group() + marks[m.group()], text)


# --------------------------------------------------------------------------------------
# Perturbations: structure
# --------------------------------------------------------------------------------------

def split_after_first_figure(text: str) -> str:
    """A sentence of an election holding two figures or more split into two at the comma
    after its first figure (…选区N个。全县登记选民M人…)."""
    out, pos = [], 0
    for start, end in _election_sentences(text):
        s = text[start:end]
        figs = [m for m in _figures(s)]
        if len(figs) < 2:
            continue
        cut = re.compile(r"[，,]").search(s, figs[0].end(), figs[1].start())
        if cut is None or re.match(r"[，,]\s*(?:共|合计|总计|其中|分别|均|占|比)", s[cut.start():]) \
                or not re.search(r"选民|选区|投票|参选|选举|选出|当选", s[cut.end():figs[1].end()]):
            continue  # 共计5名, 其中…: no statement of its own
        out.append(text[pos:start + cut.start()])
        out.append("。")
        pos = start + cut.end()
    out.append(text[pos:])
    return "".join(out)


def join_sentences(text: str) -> str:
    """Two sentences of an election in one paragraph joined into one at a comma."""
    spans = _election_sentences(text)
    out, pos = [], 0
    for start, end in spans:
        if text[end - 1:end] == "。" and re.match(r"[^\n。]", text[end:end + 1] or "\n"):
            out.append(text[pos:end - 1])
            out.append("，")
            pos = end
    out.append(text[pos:])
    return "".join(out)


def swap_figure_clauses(text: str) -> str:
    """Two adjacent comma clauses of a sentence, each a label and its figure, in the other
    order (登记选民7508名，参加投票6768人 → 参加投票6768人，登记选民7508名)."""
    clause = r"[^，,；;。：:\n]{0,14}?[0-9][0-9.]*(?:万|亿)?[名人个位%]"
    pattern = re.compile(r"(?<=[，,；;：:])(?P<a>" + clause + r")(?P<sep>[，,](?![0-9]))(?P<b>" + clause
                         + r")(?=[，,；;。])")
    return pattern.sub(lambda m: m.group("b") + m.group("sep") + m.group("a"), text)


_RE_LEAD_DATE = re.compile(r"(?P<date>(?:(?:19|20)[0-9]{2}年)?[0-9]{1,2}月[0-9]{1,2}日)"
                           r"(?:上午|下午)?[，,]?")


def date_as_lead_sentence(text: str) -> str:
    """The date opening an election sentence moved to a lead sentence of its own
    (12月20日，全镇… → 12月20日是选举日。全镇…)."""
    out, pos = [], 0
    for start, end in _election_sentences(text):
        m = _RE_LEAD_DATE.match(text, start)
        if m is None:
            continue
        out.append(text[pos:start])
        out.append(m.group("date") + "是选举日。")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def page_chrome(text: str) -> str:
    """Page chrome around the title (阅读次数：123, 发布时间：2021-11-23 10:00, 字号：大 中 小)."""
    lines = text.split("\n")
    chrome = ["发布时间：2021-11-23 10:00  来源：本站  阅读次数：123", "【字号：大 中 小】"]
    return "\n".join(lines[:1] + chrome + lines[1:] + ["浏览次数：2345次  打印本页  关闭窗口"])


_UNRELATED = {
    "village": "同日，全镇12个村同步开展村民委员会换届选举，登记选民9876人，参加投票9012人，"
               "参选率91.2%，选举产生村委会成员58名。",
    "cppcc": "政协第十届委员会第一次会议应到委员210名，实到205名，选举产生政协主席1名、"
             "副主席6名、常务委员32名。",
    "poll": "在“最美家乡”网络评选活动中，共有23456人参与投票，投票率达67.8%，评选出优秀作品15件。",
    "party": "会议选举产生出席县第十五次党代会代表320名，参加投票党员4321人。",
}


def _after_first_election_paragraph(text: str, paragraph: str) -> str:
    spans = _election_sentences(text)
    if not spans:
        return text + "\n" + paragraph
    end = text.find("\n", spans[0][1])
    end = len(text) if end < 0 else end
    return text[:end] + "\n" + paragraph + text[end:]


def village_paragraph(text: str) -> str:
    """A village committee election with its voters and turnout, after the first election
    paragraph: no row."""
    return _after_first_election_paragraph(text, _UNRELATED["village"])


def cppcc_paragraph(text: str) -> str:
    """A CPPCC session electing its officers: no row."""
    return _after_first_election_paragraph(text, _UNRELATED["cppcc"])


def poll_paragraph(text: str) -> str:
    """An online poll with a turnout: no row."""
    return _after_first_election_paragraph(text, _UNRELATED["poll"])


def party_paragraph(text: str) -> str:
    """A party congress electing its delegates: no row."""
    return _after_first_election_paragraph(text, _UNRELATED["party"])


# --------------------------------------------------------------------------------------
# Perturbations: places
# --------------------------------------------------------------------------------------

def _other_division(name: str) -> str | None:
    """Another county-level division with the same level word, of the same city if it has
    one (else of the same province, else anywhere), chosen by a hash of the name."""
    gaz = load_gazetteer()
    divisions = [d for d in gaz.by_name.get(name, []) if d.level == "county"]
    if not divisions or len(name) < 3:
        return None
    d = divisions[0]
    suffix = name[-1]
    counties = sorted({x.name for x in gaz.by_code.values()
                       if x.level == "county" and x.name.endswith(suffix) and x.name != name
                       and len(x.name) == len(name) and len(gaz.by_name.get(x.name, [])) == 1})
    for prefix in (d.code[:4], d.code[:2], ""):
        pool = [n for n in counties if gaz.by_name[n][0].code.startswith(prefix)]
        if pool:
            return pool[int(hashlib.sha256(name.encode()).hexdigest(), 16) % len(pool)]
    return None


_RE_TOWNSHIP_NAME = re.compile(r"(?<![县市区乡镇省州])(?P<stem>[\u4e00-\u9fff]{2})(?P<lvl>镇|乡)"
                               r"(?![级镇乡两各])")
_NOT_STEMS = re.compile(r"[县市区乡镇省州全各本该城两级选举人大代表委会民政府党届和与及的在]")


def other_places(text: str) -> str:
    """County-level division names (凤翔县, 合山市) and township names (小甸镇) replaced by
    other real names of the same level: a sibling county from the gazetteer, a township named
    after another county's stem."""
    gaz = load_gazetteer()
    names = {m.name for m in gaz.find(text)}
    for name in sorted(names, key=len, reverse=True):
        other = _other_division(name)
        if other is not None:
            text = text.replace(name, other)
    stems = sorted({n[:2] for n in gaz.by_name if len(n) == 3 and n.endswith("县")})
    seen: dict[str, str] = {}
    for m in _RE_TOWNSHIP_NAME.finditer(text):
        if _NOT_STEMS.search(m.group("stem")):
            continue
        h = int(hashlib.sha256(m.group().encode()).hexdigest(), 16)
        seen.setdefault(m.group(), stems[h % len(stems)] + m.group("lvl"))
    for old, new in seen.items():
        text = text.replace(old, new)
    return text


# --------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------

Perturb = Callable[[str], "str | tuple[str, Expect] | None"]

PERTURBATIONS: tuple[Perturb, ...] = (
    ascii_commas, fullwidth_commas, ascii_colons, fullwidth_colons,
    enumeration_as_semicolons, enumeration_as_commas, fullwidth_digits, spaced_thousands,
    comma_thousands, space_before_unit,
    chinese_counts, wan_counts, plain_counts, chinese_wan, chinese_percents, shifted_figures,
    approximate_voters,
    turnout_as_touhiaolv, turnout_as_canxuanlv, turnout_as_canxuan_bili,
    registered_with_de, registered_inverted, constituency_as_xuanjuqu,
    elected_as_xuanchu, elected_as_yifa, elected_as_cha_e, deputies_in_full, deputies_short,
    county_as_xianji, county_as_qu, county_as_qi, county_as_kinds,
    township_as_xiangji, township_as_xiangzhen, township_as_zhen, township_as_sumu,
    township_as_jiedao, counts_in_wei, counts_in_ren, counts_in_ming,
    count_before_deputies, count_after_deputies, voters_label_first, voters_figure_first,
    label_verb_wei, label_verb_dadao, constituencies_count_first, constituencies_label_first,
    voters_label_middle, respectively_form, term_first, elected_as_dangxuan,
    elected_as_xuanjuchu, traditional_script, hard_wrapped, pinyin_ruby,
    split_after_first_figure, join_sentences, swap_figure_clauses, date_as_lead_sentence,
    page_chrome, village_paragraph, cppcc_paragraph, poll_paragraph, party_paragraph,
    composition_inserted, candidates_inserted, target_inserted, earlier_election_inserted,
    other_places,
)


@lru_cache(maxsize=1)
def _originals() -> dict[str, Rows]:
    return {name: election_rows(text) for name, text in pages()}


def measure(perturb: Perturb) -> Outcome:
    """Apply one perturbation to every page; count the pages it changed and those whose
    rows stayed as expected."""
    return _measure(perturb, pages(), _originals(), election_rows, _same)


def main(argv: list[str]) -> int:
    if not corpus_available():
        print(f"real corpus not found at {CORPUS}")
        return 1
    verbose = set(argv[argv.index("-v") + 1].split(",")) if "-v" in argv else set()
    outcomes = [measure(p) for p in PERTURBATIONS]
    print(table(outcomes))
    for o in outcomes:
        if o.name in verbose or "all" in verbose:
            for name, want, got in o.failures or []:
                print(f"\n[{o.name}] {name}\n  want {want}\n  got  {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
