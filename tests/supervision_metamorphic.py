"""Metamorphic tests of the `supervision` extractor on the real tune pages.

Each perturbation below rewrites a page the way another real site might print the same
activities (other punctuation, the verbs and labels real reports use for one method, a list
of reports split into sentences or its items reordered, the meeting's lead in a sentence of
its own, page chrome, other places and organs), or adds a paragraph that shares the trigger
words of oversight but states no activity (a plan, a duty, the CPPCC's democratic
supervision, a discipline commission's inspection, a party study session, a government
accepting oversight).  The supervision rows of the perturbed page, compared as (method,
count, law_title, period) and a topic that holds or is held by the original's, must be those
of the original, or change the way the perturbation predicts (a county made a district: its
organs and topics follow).

The pages are read at run time from ``../shared``: the tune web pages (never ``web/check``:
the part is decided from the sha256 of the bytes before anything else of a page is read)
that have supervision gold rows, give supervision rows, or were gathered for supervision
(its negatives: plans, a CPPCC page, discipline news must keep giving none), and the seed
report; the Hailar government reports and the laws and government reports of
``formats/`` must keep giving no rows.  No text of theirs is kept in the repository.  Every
page goes through :func:`renda.pipeline.process_report`, so the normalizer and the metadata
inferred from the text are part of what is tested.

The generic rewrites (commas, full-width digits, Chinese numerals, page chrome, places,
Traditional script) are those of :mod:`tests.elections_metamorphic`; this module adds the
ones of oversight.

Run ``.venv/bin/python -m tests.supervision_metamorphic`` for the table of invariance rates
(``-v NAME[,NAME]`` prints every page a perturbation changes the rows of; ``-v all``).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from renda.extract.supervision_topics import core
from renda.ingest import RawReport, Reject
from renda.pipeline import process_report
from tests.elections_metamorphic import (
    ascii_commas,
    fullwidth_commas,
    fullwidth_digits,
    other_places,
    traditional_script,
)
from tests.elections_metamorphic import page_chrome as _page_chrome
from tests.metamorphic import (CORPUS, GOLD, SEED, TODAY, Outcome, chinese_numeral, page_name,
                               read_text, table, tune_pages)
from tests.metamorphic import corpus_available as _corpus_available
from tests.metamorphic import measure as _measure

# (method, count, law_title, topic, period); the topic is compared by containment.
Row = tuple[str, int, str | None, str | None, str]
Rows = list[Row]
Expect = Callable[[Rows], Rows]
Result = "str | tuple[str, Expect] | None"
Perturb = Callable[[str], Any]


# --------------------------------------------------------------------------------------
# Pages and rows
# --------------------------------------------------------------------------------------

def corpus_available() -> bool:
    return _corpus_available(gold=True)


@lru_cache(maxsize=1)
def pages() -> tuple[tuple[str, str], ...]:
    """(name, normalized text) of the seed report and of every tune web page that has
    supervision gold rows, gives supervision rows, or was gathered for supervision."""
    gold = json.loads((GOLD / "web.json").read_text(encoding="utf-8"))
    tune = tune_pages()
    names = {p.name for p, _ in tune}
    with_gold = {r["file"] for r in gold["supervision_topics"] if r["file"] in names}
    out = [(SEED, read_text((CORPUS / SEED).read_bytes()))]
    for path, data in tune:
        text = read_text(data)
        if (path.name in with_gold or path.parent.name == "supervision"
                or supervision_rows(text)):
            out.append((page_name(path), text))
    return tuple(out)


@lru_cache(maxsize=1)
def negatives() -> tuple[tuple[str, str], ...]:
    """(name, normalized text) of the long texts that state no activity of a congress: the
    Hailar government reports, the government reports and the laws of ``formats/``."""
    out = []
    for folder in ("hailaer", "formats/govreports", "formats/laws"):
        for path in sorted((CORPUS / folder).glob("*.txt")):
            out.append((f"{folder}/{path.name}", read_text(path.read_bytes())))
    return tuple(out)


def supervision_rows(text: str) -> Rows:
    """The supervision rows the pipeline makes of a text, as (method, count, law_title,
    topic, period), in document order."""
    result = process_report(RawReport("metamorphic.txt", text.encode("utf-8"), None), TODAY)
    if isinstance(result, Reject):
        return []
    return [(r["method"], int(r["count"]), r["law_title"], r["topic"], r["period"])
            for r in result.facts["supervision"]]


_RE_NOT_WORD = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]")


def _topic(topic: str | None) -> str:
    return _RE_NOT_WORD.sub("", core(topic)) if topic else ""


def _law(law: str | None) -> str:
    return _RE_NOT_WORD.sub("", law) if law else ""


def _match(a: Row, b: Row) -> bool:
    if (a[0], a[1], _law(a[2]), a[4]) != (b[0], b[1], _law(b[2]), b[4]):
        return False
    ta, tb = _topic(a[3]), _topic(b[3])
    if not ta or not tb:
        return ta == tb
    return ta in tb or tb in ta


def same_rows(want: Rows, got: Rows) -> bool:
    """Each row wanted matches one row got and none is left over (topics by containment)."""
    if len(want) != len(got):
        return False
    left = list(got)
    for w in sorted(want, key=lambda r: -len(_topic(r[3]))):
        hit = next((g for g in left if _match(w, g)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


# --------------------------------------------------------------------------------------
# Helpers for perturbations
# --------------------------------------------------------------------------------------

_RE_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
# The words of an oversight activity in a sentence.
_RE_ACTIVITY = re.compile(r"听取|审议|审查|批准|执法检查|视察|调研|询问|质询|测评|评议|跟踪监督|备案")


def _activity_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that hold a word of an oversight activity."""
    return [m.span() for m in _RE_SENTENCE.finditer(text) if _RE_ACTIVITY.search(m.group())]


def _in_activity_sentences(text: str, fn: Callable[[str], str]) -> str:
    """``fn`` applied to every sentence holding a word of an activity, the rest kept."""
    out, pos = [], 0
    for start, end in _activity_sentences(text):
        out.append(text[pos:start])
        out.append(fn(text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _replace(pattern: str, new: str | Callable[[re.Match[str]], str]) -> Callable[[str], str]:
    regex = re.compile(pattern)
    return lambda s: regex.sub(new, s)


# --------------------------------------------------------------------------------------
# Perturbations: punctuation
# --------------------------------------------------------------------------------------

def ascii_semicolons(text: str) -> str:
    """；→ ; (ASCII punctuation)."""
    return text.replace("；", ";")


def fullwidth_semicolons(text: str) -> str:
    """; → ；."""
    return text.replace(";", "；")


# The end of an item of a list of reports or laws (…的报告、 / 》、《).
_RE_ITEM_END = r"(?:报告|汇报|》|方案|预算|决算|条例|法)"


def report_list_as_semicolons(text: str) -> str:
    """A 、-list of reports or titles (…的报告、县政府关于…的报告; 《甲》、《乙》) as a ；-list, as
    yearbooks print long lists (…的报告；县政府关于…的报告)."""
    return _in_activity_sentences(
        text, _replace(r"(" + _RE_ITEM_END + r")、(?=[^、，,。；;]{4,}?" + _RE_ITEM_END + ")",
                       r"\1；"))


def semicolon_list_as_enumeration(text: str) -> str:
    """A ；-list of reports (…的报告；关于…的报告) as a 、-list."""
    return _in_activity_sentences(
        text, _replace(r"(" + _RE_ITEM_END + r")[；;](?=[^、，,。；;]{4,}?" + _RE_ITEM_END
                       + r"[、；;。])", r"\1、"))


def titles_as_quotes(text: str) -> str:
    """《》→ “” (sites that quote titles): the laws and reports are the same."""
    return text.replace("《", "“").replace("》", "”").replace("〈", "‘").replace("〉", "’")


def quotes_as_titles(text: str) -> str:
    """A title in “” that names a law or a report (“X条例”, “关于X的报告”) → 《》."""
    return re.sub(r"“([^“”《》]{3,40}?(?:法|条例|办法|规定|报告))”", r"《\1》", text)


def titles_without_marks(text: str) -> str:
    """The 《》 of a report's title dropped (听取了县政府关于X的报告、…): the report is the
    same; a law named inside (〈X法〉) keeps its marks, as 《X法》."""
    def drop(m: re.Match[str]) -> str:
        titles = re.findall(r"《([^《》]+)》", m.group())
        return "、".join(t.replace("〈", "《").replace("〉", "》") for t in titles)
    return re.sub(r"(?:《[^《》]{2,60}?(?:报告|汇报)》)+", drop, text)


# --------------------------------------------------------------------------------------
# Perturbations: verbs and labels
# --------------------------------------------------------------------------------------

_RE_HEAR = re.compile(r"听取(?:了)?(?:和|并|、)?审议(?:了)?|(?<!听取)(?<![和并、])审议了(?=[^，,。；;]{0,30}?报告)")


def _hear_as(name: str, word: str) -> Callable[[str], str]:
    def perturb(text: str) -> str:
        return _RE_HEAR.sub(word, text)
    perturb.__name__ = perturb.__qualname__ = name
    perturb.__doc__ = f"听取和审议 / 听取审议 / 听取并审议 / 审议了 (a report) → {word}."
    return perturb


hear_as_tingqu_he_shenyi = _hear_as("hear_as_tingqu_he_shenyi", "听取和审议了")
hear_as_tingqu_shenyi = _hear_as("hear_as_tingqu_shenyi", "听取审议了")
hear_as_tingqu_bing_shenyi = _hear_as("hear_as_tingqu_bing_shenyi", "听取并审议了")
hear_as_shenyi_le = _hear_as("hear_as_shenyi_le", "审议了")


# The subject of a report named after 关于 (not an inspection's report, 关于检查《X》…, nor a
# kind of report, …的调研报告).
_SUBJECT = r"(?P<s>关于(?!检查)[^，,。；;、《》]{2,40}?)"
_KIND_AFTER = r"(?<!调研)(?<!综合)(?<!审计)(?<!书面)"


def report_as_gongzuo_qingkuang(text: str) -> str:
    """关于X工作情况的报告 / 关于X的专项工作报告 → 关于X工作情况报告."""
    return re.sub(_SUBJECT + r"(?:工作)?(?:情况)?的(?:专项)?(?:工作)?" + _KIND_AFTER + "报告",
                  lambda m: m.group("s").removesuffix("的") + "工作情况报告", text)


def report_as_qingkuang_de(text: str) -> str:
    """关于X工作情况报告 / 关于X的专项工作报告 → 关于X情况的报告."""
    return re.sub(_SUBJECT + r"(?:工作)?(?:情况)?的?(?:专项)?(?:工作)?" + _KIND_AFTER + "报告",
                  lambda m: m.group("s").removesuffix("的").removesuffix("情况") + "情况的报告",
                  text)


def report_as_zhuanxiang(text: str) -> str:
    """关于X工作情况的报告 → 关于X工作的专项报告 / 关于X的专项工作报告."""
    return re.sub(_SUBJECT + r"(?P<w>工作)?情况的?报告",
                  lambda m: m.group("s") + ("工作的专项报告" if m.group("w") else "的专项工作报告"),
                  text)


_LAWS = r"(?P<laws>《[^《》]+》(?:[、和及与]《[^《》]+》)*)"


def inspection_as_check_implementation(text: str) -> str:
    """对《X》(实施情况)进行执法检查 / 开展《X》执法检查 → 检查《X》贯彻实施情况."""
    text = re.sub(r"对" + _LAWS + r"(?:的)?(?:贯彻)?(?:实施|执行)?(?:情况)?(?:进行|开展)了?执法检查",
                  lambda m: "检查" + m.group("laws") + "贯彻实施情况", text)
    return re.sub(r"(?:开展|进行|组织)了?" + _LAWS + r"执法检查(?![组报])",
                  lambda m: "检查了" + m.group("laws") + "贯彻实施情况", text)


def inspection_as_implementation_check(text: str) -> str:
    """检查《X》贯彻实施情况 / 对《X》进行执法检查 → 开展《X》实施情况检查."""
    text = re.sub(r"(?<!接受)(?:执法)?检查了?" + _LAWS + r"(?:的)?(?:贯彻)?(?:实施|执行)情况",
                  lambda m: "开展" + m.group("laws") + "实施情况检查", text)
    return re.sub(r"对" + _LAWS + r"(?:的)?(?:贯彻)?(?:实施|执行)?(?:情况)?(?:进行|开展)了?执法检查",
                  lambda m: "开展" + m.group("laws") + "实施情况检查", text)


def inspection_as_zhifa_jiancha(text: str) -> str:
    """检查《X》贯彻实施情况 → 对《X》贯彻实施情况进行执法检查."""
    return re.sub(r"(?<![接受执法])检查了?" + _LAWS + r"(?:的)?(?:贯彻)?(?:实施|执行)情况",
                  lambda m: "对" + m.group("laws") + "贯彻实施情况进行执法检查", text)


_RE_VISIT = re.compile(r"(?<=进行|开展|组织)(?:了)?(?:专题调研|调研视察|视察调研|视察|调研)(?![组报团指座])"
                       r"|(?<=进行了|开展了|组织了)(?:专题调研|调研视察|视察调研|视察|调研)(?![组报团指座])")


def _visit_as(name: str, word: str) -> Callable[[str], str]:
    def perturb(text: str) -> str:
        return _RE_VISIT.sub(word, text)
    perturb.__name__ = perturb.__qualname__ = name
    perturb.__doc__ = f"进行/开展 视察 / 调研 / 专题调研 / 调研视察 → {word} (all inspection_research)."
    return perturb


visit_as_shicha = _visit_as("visit_as_shicha", "视察")
visit_as_diaoyan = _visit_as("visit_as_diaoyan", "调研")
visit_as_zhuanti_diaoyan = _visit_as("visit_as_zhuanti_diaoyan", "专题调研")
visit_as_diaoyan_shicha = _visit_as("visit_as_diaoyan_shicha", "调研视察")


def lead_as_weirao(text: str) -> str:
    """就X开展(专题询问/调研…) → 围绕X开展…: another word leading the subject."""
    return re.sub(r"(?<![成造迁])就(?=[^，,。；;]{2,30}?(?:开展|进行)(?:了)?(?:专题询问|专题调研|调研|视察|执法检查|跟踪监督|满意度测评|工作评议))",
                  "围绕", text)


def lead_as_dui(text: str) -> str:
    """围绕/就/针对X开展… → 对X开展…."""
    return re.sub(r"(?:围绕|(?<![成造迁])就|针对)(?=[^，,。；;]{2,30}?(?:开展|进行)(?:了)?(?:专题询问|专题调研|调研|视察|执法检查|跟踪监督|满意度测评|工作评议))",
                  "对", text)


def inquiry_particle(text: str) -> str:
    """开展专题询问 ↔ 进行专题询问, 举行专题询问会 → 开展专题询问."""
    text = re.sub(r"举行(?:了)?专题询问会", "开展了专题询问", text)
    return re.sub(r"(?:开展|进行)(了?)专题询问", lambda m: "进行" + m.group(1) + "专题询问", text)


def appraisal_as_pingyi(text: str) -> str:
    """满意度测评 → 工作评议 (both work_appraisal)."""
    return re.sub(r"满意度测评(?![表票])", "工作评议", text)


def appraisal_as_manyidu(text: str) -> str:
    """工作评议 / 民主测评 → 满意度测评."""
    return re.sub(r"工作评议|民主测评", "满意度测评", text)


def approve_as_he(text: str) -> str:
    """审查批准 / 审议批准 → 审查和批准."""
    return re.sub(r"审(?:查|议)(?:并)?批准", "审查和批准", text)


def approve_as_plain(text: str) -> str:
    """审查和批准 / 审议并批准 → 审查批准."""
    return re.sub(r"审(?:查|议)(?:和|并)批准", "审查批准", text)


# A count of activities (5次, 12项, 3件) in Arabic digits, not a year, date or ordinal.
_RE_COUNT = re.compile(r"(?<![0-9.第])(?P<n>[0-9]{1,3})(?P<unit>[次项件个场部篇份])(?![0-9])")


def _topics_follow(rows: Rows, fn: Callable[[str], str]) -> Rows:
    """The rows with ``fn`` applied to their topic and law (a rewrite that touches subjects
    as written: 34个职能部门 → 三十四个职能部门)."""
    return [(m, c, None if law is None else fn(law), None if t is None else fn(t), p)
            for m, c, law, t, p in rows]


def _chinese_counts(s: str) -> str:
    return _RE_COUNT.sub(lambda m: chinese_numeral(int(m.group("n"))) + m.group("unit"), s)


def counts_in_chinese(text: str) -> tuple[str, Expect]:
    """Counts of activities in Chinese numerals (5次 → 五次, 22个 → 二十二个); a count inside a
    subject follows."""
    return (_in_activity_sentences(text, _chinese_counts),
            lambda rows: _topics_follow(rows, _chinese_counts))


_RE_CN_COUNT = re.compile(r"(?<![第一二两三四五六七八九十百])(?P<n>[一二两三四五六七八九十]{1,3})"
                          r"(?P<unit>[次项件场部篇])(?!会|大|全)")


def _digit_counts(s: str) -> str:
    from renda.numbers import parse_chinese_numeral

    def digits(m: re.Match[str]) -> str:
        n = parse_chinese_numeral(m.group("n"))
        return m.group() if n is None else str(int(n)) + m.group("unit")
    return _RE_CN_COUNT.sub(digits, s)


def counts_in_digits(text: str) -> tuple[str, Expect]:
    """Counts of activities written in Chinese numerals in Arabic digits (五次 → 5次); a count
    inside a subject follows."""
    return (_in_activity_sentences(text, _digit_counts),
            lambda rows: _topics_follow(rows, _digit_counts))


# --------------------------------------------------------------------------------------
# Perturbations: structure
# --------------------------------------------------------------------------------------

# A list of reports heard: 听取(和审议)了 A的报告、B的报告(和C的报告).
_RE_REPORT_LIST = re.compile(
    r"(?P<verb>听取(?:了)?(?:和|并|、)?审议(?:了)?|审议了|听取了)"
    r"(?P<items>[^，,。；;！？]*?(?:报告|汇报|》)(?:[、和及](?:以及)?[^，,。；;！？]*?(?:报告|汇报|》))+)"
    r"(?=[，,。；;！？]|$)")


_RE_REPORT_ITEM = re.compile(r"(?:(?!报告|汇报|对)[^《》])+(?:报告|汇报)|《[^《》]+》")


def _report_items(items: str) -> list[str] | None:
    """The reports of a list (A的报告、B的报告和C的报告), or None when it is not a plain list
    (an item holding another report: 对A报告、B报告的审议意见的汇报)."""
    parts = re.split(r"(?:(?<=报告)|(?<=汇报)|(?<=》))(?:、|和|及|以及)(?=[^》]*?(?:报告|汇报|》))", items)
    if len(parts) > 1 and all(_RE_REPORT_ITEM.fullmatch(p) for p in parts):
        return parts
    return None


def split_report_list(text: str) -> str:
    """A list of reports heard split into sentences (会议听取了A、B和C。 → 会议听取了A。会议还
    听取了B。会议还听取了C。)."""
    def split(m: re.Match[str]) -> str:
        items = _report_items(m.group("items"))
        if items is None:
            return m.group()
        verb = m.group("verb")
        return ("。会议还" + verb).join([verb + items[0]] + items[1:])
    return _RE_REPORT_LIST.sub(split, text)


def reorder_report_list(text: str) -> str:
    """The reports of a list heard in the other order (A、B、C → C、B、A)."""
    def reorder(m: re.Match[str]) -> str:
        items = _report_items(m.group("items"))
        if items is None:
            return m.group()
        return m.group("verb") + "、".join(reversed(items))
    return _RE_REPORT_LIST.sub(reorder, text)


def merge_sentences(text: str) -> str:
    """Two sentences of activities in one paragraph made one at a ；(会议听取了A。会议还审议了
    B。 → 会议听取了A；会议还审议了B。)."""
    spans = _activity_sentences(text)
    starts = {s for s, _ in spans}
    out, pos = [], 0
    for start, end in spans:
        if text[end - 1:end] == "。" and end in starts:
            out.append(text[pos:end - 1])
            out.append("；")
            pos = end
    out.append(text[pos:])
    return "".join(out)


_RE_MEETING_LEAD = re.compile(
    r"(?P<lead>[^。！？\n]{0,40}?(?:召开|举行)[^。！？\n，,]{0,30}?(?:会议|会)(?:[^。！？\n，,]{0,12})?)"
    r"[，,](?P<rest>(?:会议|会上)?(?:还|先后|分别|依次)?(?:听取|审议|审查|表决|通过))")


def meeting_lead_sentence(text: str) -> str:
    """The meeting's date and lead in a sentence of its own (6月22日，县人大常委会召开第三十
    五次会议，听取… → …召开第三十五次会议。会议听取…)."""
    def lead(m: re.Match[str]) -> str:
        rest = m.group("rest")
        if not rest.startswith(("会议", "会上")):
            rest = "会议" + rest
        return m.group("lead") + "。" + rest
    return _RE_MEETING_LEAD.sub(lead, text)


def page_chrome(text: str) -> str:
    """Page chrome around the text (发布时间, 阅读次数, 字号 under the title; 浏览次数, 打印本页
    at the end, unless the page is cut off mid-sentence: the normalizer would join it)."""
    new = str(_page_chrome(text))
    if not re.search(r"[。！？!?][”’」』）)]*\s*$", text):
        new = new[:new.rfind("\n")]
    return new


def hard_wrapped(text: str) -> str:
    """Paragraphs broken into lines of 38 characters inside sentences, as text taken from
    print (the seed report)."""
    out = []
    for line in text.split("\n"):
        out.extend(line[i:i + 38] for i in range(0, max(len(line), 1), 38))
    return "\n".join(out)


# Paragraphs that share the trigger words of oversight but state no activity of the
# congress: written for these tests, no page's words.
_UNRELATED = {
    "plan": "下一步，县人大常委会将围绕优化营商环境开展执法检查，适时听取和审议县政府关于"
            "乡村振兴工作情况的报告，并对民生实事项目推进情况进行跟踪监督。",
    "duty": "根据监督法的规定，常委会应当每年选择若干关系改革发展稳定大局和群众切身利益的重大"
            "问题，有计划地听取和审议本级人民政府的专项工作报告，必要时可以组织执法检查。",
    "cppcc": "县政协组织部分政协委员围绕农村人居环境整治开展民主监督视察，听取了县农业农村局"
             "关于相关工作情况的汇报，并提出意见建议。",
    "discipline": "县纪委监委成立监督检查组，对全县重点项目建设和惠民资金使用情况开展专项监督"
                  "检查，督促相关单位整改问题12个。",
    "party_study": "常委会党组理论学习中心组召开专题学习会，深入学习党的二十大精神，大兴调查"
                   "研究，班子成员围绕基层治理开展专题调研。",
    "government": "县政府坚持自觉接受县人大及其常委会的法律监督和工作监督，认真听取和办理人大"
                  "代表建议，向县人大常委会报告工作3次。",
}


def _after_first_activity_paragraph(text: str, paragraph: str) -> str:
    """``paragraph`` after the first paragraph holding an activity that ends a sentence (a
    line ending without a mark is joined to the next by the normalizer: a page cut off
    mid-sentence), else before that paragraph."""
    spans = _activity_sentences(text)
    if not spans:
        return text.rstrip("\n") + "\n" + paragraph + "\n"
    for start, _ in spans:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if re.search(r"[。！？!?][”’」』）)]*\s*$", text[:end]):
            return text[:end] + "\n" + paragraph + text[end:]
    line_start = text.rfind("\n", 0, spans[0][0]) + 1
    return text[:line_start] + paragraph + "\n" + text[line_start:]


def _unrelated(key: str, doc: str) -> Perturb:
    def perturb(text: str) -> str:
        return _after_first_activity_paragraph(text, _UNRELATED[key])
    perturb.__name__ = perturb.__qualname__ = key + "_paragraph"
    perturb.__doc__ = doc
    return perturb


plan_paragraph = _unrelated("plan", "A plan (下一步，县人大常委会将…开展执法检查，适时听取…): no row.")
duty_paragraph = _unrelated("duty", "A duty quoted from the law (常委会应当…听取和审议…, 可以组织执法检查): no row.")
cppcc_paragraph = _unrelated("cppcc", "The CPPCC's democratic supervision visit (县政协…民主监督视察): no row.")
discipline_paragraph = _unrelated("discipline", "A discipline commission's inspection (县纪委监委…监督检查): no row.")
party_study_paragraph = _unrelated("party_study", "A party study session with research (理论学习中心组…专题调研): no row.")
government_paragraph = _unrelated("government", "A government accepting oversight (自觉接受人大监督): no row.")


# --------------------------------------------------------------------------------------
# Perturbations: places and organs
# --------------------------------------------------------------------------------------

def places(text: str) -> tuple[str, Expect]:
    """County-level division names and township names replaced by others of the same level
    (:func:`tests.elections_metamorphic.other_places`): topics naming them follow."""
    def expect(rows: Rows) -> Rows:
        return [(m, c, None if law is None else str(other_places(law)),
                 None if t is None else str(other_places(t)), p) for m, c, law, t, p in rows]
    return str(other_places(text)), expect


_RE_COUNTY_WORD = re.compile(r"(?<![\u4e00-\u9fff])县(?=人大|人民|政府|法院|检察院|监委|[\u4e00-\u9fff]{1,4}局)"
                             r"|(?<=[，,、。；;：:和及与对就向由])县(?=人大|人民|政府|法院|检察院|监委|[\u4e00-\u9fff]{1,4}局)")


def county_as_district(text: str) -> tuple[str, Expect]:
    """The county's organs made a district's (县人大常委会 → 区人大常委会, 县政府 → 区政府),
    not a place name ending in 县: topics naming them follow."""
    def expect(rows: Rows) -> Rows:
        return [(m, c, law, None if t is None else _RE_COUNTY_WORD.sub("区", t), p)
                for m, c, law, t, p in rows]
    return _RE_COUNTY_WORD.sub("区", text), expect


def _organs_in_full(s: str) -> str:
    return re.sub(r"(?<=[县市区旗])(政府|法院|检察院)", r"人民\1", s)


def _organs_short(s: str) -> str:
    return re.sub(r"(?<=[县市区旗])人民(政府|法院|检察院)", r"\1", s)


def organs_in_full(text: str) -> tuple[str, Expect]:
    """县政府 → 县人民政府, 县法院 → 县人民法院, 县检察院 → 县人民检察院 (the same organs);
    a subject naming one follows."""
    return _organs_in_full(text), lambda rows: _topics_follow(rows, _organs_in_full)


def organs_short(text: str) -> tuple[str, Expect]:
    """县人民政府 → 县政府, 县人民法院 → 县法院, 县人民检察院 → 县检察院; a subject naming one
    follows."""
    return _organs_short(text), lambda rows: _topics_follow(rows, _organs_short)


# --------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------

PERTURBATIONS: tuple[Perturb, ...] = (
    ascii_commas, fullwidth_commas, ascii_semicolons, fullwidth_semicolons,
    report_list_as_semicolons, semicolon_list_as_enumeration, titles_as_quotes,
    quotes_as_titles, titles_without_marks, fullwidth_digits,
    hear_as_tingqu_he_shenyi, hear_as_tingqu_shenyi, hear_as_tingqu_bing_shenyi,
    hear_as_shenyi_le, report_as_gongzuo_qingkuang, report_as_qingkuang_de,
    report_as_zhuanxiang, inspection_as_check_implementation,
    inspection_as_implementation_check, inspection_as_zhifa_jiancha,
    visit_as_shicha, visit_as_diaoyan, visit_as_zhuanti_diaoyan, visit_as_diaoyan_shicha,
    lead_as_weirao, lead_as_dui, inquiry_particle, appraisal_as_pingyi, appraisal_as_manyidu,
    approve_as_he, approve_as_plain, counts_in_chinese, counts_in_digits,
    split_report_list, reorder_report_list, merge_sentences, meeting_lead_sentence,
    page_chrome, hard_wrapped, traditional_script,
    plan_paragraph, duty_paragraph, cppcc_paragraph, discipline_paragraph,
    party_study_paragraph, government_paragraph,
    places, county_as_district, organs_in_full, organs_short,
)

# Perturbations the long texts that state no activity are put through (they must still give
# no rows): the cheap ones that could make a government report or a law read like a report
# of the congress.
NEGATIVE_PERTURBATIONS: tuple[Perturb, ...] = (
    ascii_commas, titles_as_quotes, hear_as_tingqu_he_shenyi, visit_as_shicha,
    split_report_list, merge_sentences, page_chrome, plan_paragraph, government_paragraph,
)


@lru_cache(maxsize=2)
def _originals(negative: bool = False) -> dict[str, Rows]:
    return {name: supervision_rows(text) for name, text in (negatives() if negative else pages())}


def measure(perturb: Perturb, negative: bool = False) -> Outcome:
    """Apply one perturbation to every page (or every long negative text); count the pages
    it changed and those whose rows stayed as expected."""
    return _measure(perturb, negatives() if negative else pages(), _originals(negative),
                    supervision_rows, same_rows)


def main(argv: list[str]) -> int:
    if not corpus_available():
        print(f"real corpus not found at {CORPUS}")
        return 1
    verbose = set(argv[argv.index("-v") + 1].split(",")) if "-v" in argv else set()
    outcomes = [measure(p) for p in PERTURBATIONS]
    print(table(outcomes, 36))
    neg = [measure(p, negative=True) for p in NEGATIVE_PERTURBATIONS]
    print("\nlong texts with no activity (rows must stay none):")
    print(table(neg, 36))
    for o in outcomes + neg:
        if o.name in verbose or "all" in verbose:
            for name, want, got in o.failures:
                print(f"\n[{o.name}] {name}")
                for r in want:
                    if not any(_match(r, g) for g in got):
                        print(f"  lost  {r}")
                for g in got:
                    if not any(_match(r, g) for r in want):
                        print(f"  added {g}")
                if len(want) != len(got):
                    print(f"  rows {len(want)} -> {len(got)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
