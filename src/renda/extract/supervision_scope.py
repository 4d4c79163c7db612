"""What text can hold an oversight activity of a people's congress, and when it happened.

The first layer of the `supervision` extractor (:mod:`renda.extract.supervision`): before
any activity is looked for, these rules say which documents, sections, sentences and parts
of sentences tell activities that took place, in this order:

1. Documents: a government's report or speech (its doc type, or its opening in its own
   voice: 我代表县人民政府向大会报告; it reports its own work, and its words on "accepting
   the congress's supervision" are no activity), a legal text (its lines open with articles:
   第十一条 常务委员会应当…), and a text naming another overseeing body but the congress
   only in passing or not at all (a CPPCC page, a discipline commission's news) give no rows.
2. Sections on coming work: from a short heading line naming a plan (2022年工作安排, 监督
   工作计划, 工作要点) to the next heading that looks back (回顾, 主要工作).  A page's links
   to other stories (相关阅读：…, 上一篇) and all after them are out of scope.
3. Sentences that state no activity of the congress: duties and powers (常务委员会应当听取…,
   可以委托…, 有权提出质询案), definitions (质询是指…, 执法检查是…的重要形式), questions
   (…情况如何呢？), a government accepting oversight (自觉接受人大监督), the handling of
   deputies' suggestions by the organs (在办理代表建议过程中…开展调研), and sentences whose
   actor is the CPPCC or a discipline body (县政协…视察, 纪委监委…专项督查) without the
   congress named (会议听取了县监委关于X的报告 names the 监委 as reporter, not actor).
4. Plans inside a sentence: read up to the comma segment holding a plan marker (将/拟/计划/
   力争/要 + a verb, a proposed agenda 建议议程), unless it is reported speech (提出要加强…).
5. Period: ``multi_year`` when the sentence, or its paragraph's opening, speaks of several
   years (五年来, 本届以来, 2013年至今, 党的十八大以来, 3年里, 自2019年…以来); ``annual``
   in a report on one year; ``multi_year`` for the undated activities of an article whose
   opening speaks of several years; ``annual`` when the document dates its events (a date,
   日前, 昨日: an activity is a dated event); ``unspecified`` when nothing dates it.
"""

from __future__ import annotations

import re

from renda.extract.base import DocContext, Sentence, sentences
from renda.extract.supervision_topics import VOCAB
from renda.numbers import find_dates

# Doc types whose undated activities are the report year's (period 'annual').
_ANNUAL_DOC_TYPES = frozenset({"congress_report", "election_report", "oversight_report",
                               "deputy_work_report"})


def _any(patterns: list[str]) -> re.Pattern[str]:
    """One regex matching any of several regular expressions."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# Rule 1.
# A government's report or speech opening in its own voice (我代表县人民政府向大会报告工作).
_RE_GOVERNMENT_SPEAKS = re.compile(r"我代表[^，,。]{0,16}政府")
_RE_ARTICLE_LINE = re.compile(r"(?m)^[ \t　]*第[一二三四五六七八九十百零〇]+条")
_MIN_ARTICLES = 3
_RE_CONGRESS = re.compile(VOCAB["congress_named"])
# Rule 2.
_RE_PLAN_HEADING = _any(VOCAB["plan_headings"])
_RE_REVIEW_HEADING = _any(VOCAB["review_headings"])
# Rule 2b: the start of links to other stories.
_RE_CHROME = re.compile(r"(?:相关阅读|相关新闻|相关链接|延伸阅读|推荐阅读|相关文章|上一篇|下一篇)[:：]?")
# Rule 3.
_RE_SKIP_SENTENCE = _any(VOCAB["skip_sentence"])
_RE_OTHER_BODY = _any(VOCAB["other_bodies"])
# ... as the actor of a sentence: at its start, after a time phrase (1987年3月，县政协…).
_RE_OTHER_ACTOR = re.compile(
    r"^(?:[^，,。]{0,12}[，,])?(?:(?!听取|审议|审查)[^，,。]){0,12}?(?:"
    + "|".join(VOCAB["other_bodies"]) + ")")
# Rule 4.
_RE_PLAN = _any(VOCAB["plan_markers"])
_RE_REPORTED_SPEECH = _any(VOCAB["reported_speech"])
# Rule 5.
_RE_MULTI_YEAR = _any(VOCAB["multi_year_markers"])
_RE_ANNUAL = re.compile(r"一年来|全年|过去的?一年|本年度|今年")
# A sentence's own time: a year, a month, a day, this year.
_RE_OWN_TIME = re.compile(r"(?:19|20)[0-9]{2}年|[0-9一二三四五六七八九十]{1,2}月|今年|去年|一年来|全年")
# A news story's time of its event (日前, 近日, 昨日上午): it dates what it tells.
_RE_NEWS_TIME = re.compile(r"日前|近日|昨日|昨天|今天|今日|本月|上月|本周|上周|今年|去年")


def document_out_of_scope(text: str, ctx: DocContext) -> str | None:
    """Rule 1: why a document holds no oversight activity, or None."""
    if ctx.doc_type == "government_report" or _RE_GOVERNMENT_SPEAKS.search(text[:800]):
        return "a government's report"
    if len(_RE_ARTICLE_LINE.findall(text)) >= _MIN_ARTICLES:
        return "a legal text (articles)"
    congress = len(_RE_CONGRESS.findall(text))
    others = len(_RE_OTHER_BODY.findall(text))
    if others and (congress == 0 or others >= 3 * congress + 3):
        return "another body's work (CPPCC, discipline), the congress named only in passing"
    return None


def page_chrome_start(text: str) -> int:
    """Rule 2b: where a page's links to other stories begin (相关阅读：…, 相关新闻, 上一篇):
    their headlines tell other pages' activities.  The text's length when there are none."""
    for m in _RE_CHROME.finditer(text):
        if m.start() >= len(text) * 0.6:     # links close a page (a menu may open it)
            return m.start()
    return len(text)


def plan_sections(text: str) -> set[int]:
    """Rule 2: line numbers inside a section on coming work: from a short heading such as
    2022年工作安排 / 监督工作计划 to the next heading that looks back (回顾, 过去一年)."""
    lines: set[int] = set()
    in_plan = False
    for i, line in enumerate(text.split("\n")):
        if len(line) <= 30 and "。" not in line:
            if _RE_PLAN_HEADING.search(line):
                in_plan = True
                continue
            if _RE_REVIEW_HEADING.search(line):
                in_plan = False
                continue
        if in_plan:
            lines.add(i)
    return lines


def sentence_out_of_scope(sentence: str) -> bool:
    """Rule 3: the sentence states no activity of the congress."""
    if _RE_SKIP_SENTENCE.search(sentence):
        return True
    return bool(_RE_OTHER_ACTOR.search(sentence)) and not _RE_CONGRESS.search(sentence)


def plan_start(sentence: str) -> int:
    """Rule 4: where plans start in a sentence: the start of the comma segment holding the
    first plan marker that is not reported speech (提出要加强…); the sentence's length when
    it holds none."""
    for m in _RE_PLAN.finditer(sentence):
        seg_start = max(sentence.rfind(c, 0, m.start()) for c in "，,；;：:") + 1
        if _RE_REPORTED_SPEECH.search(sentence[seg_start:m.start()]):
            continue
        return seg_start
    return len(sentence)


def document_span(text: str) -> bool:
    """Rule 5: the document's opening paragraph speaks of several years (a five-year report,
    an article on a practice 自2019年…以来): its undated activities are of that span."""
    end = text.find("\n", 200)
    return bool(_RE_MULTI_YEAR.search(text[:end if end > 0 else 600][:600]))


def document_dated(text: str, ctx: DocContext) -> bool:
    """Rule 5: the document covers a year or dates what it tells (a date or a news story's
    time, 日前 / 昨日上午, in its opening)."""
    if ctx.report_year is not None:
        return True
    opening = text[:600]
    return bool(find_dates(opening, 2000)) or bool(_RE_NEWS_TIME.search(opening))


def period_of(text: str, sentence: Sentence, ctx: DocContext, dated: bool,
              span: bool = False) -> str:
    """Rule 5: multi_year when the sentence (or its paragraph's opening) speaks of several
    years; annual in a report on one year; multi_year when the document's opening speaks of
    several years (``span``) and the sentence names no year or date of its own; annual for a
    dated document's activities; unspecified for undated ones."""
    if _RE_MULTI_YEAR.search(sentence.text):
        return "multi_year"
    para_start = text.rfind("\n", 0, sentence.start) + 1
    opening = next(sentences(text[para_start:sentence.start]), None)
    if opening is not None and _RE_MULTI_YEAR.search(opening.text):
        return "multi_year"
    if ctx.doc_type in _ANNUAL_DOC_TYPES and ctx.report_year is not None:
        return "annual"
    if span and not _RE_OWN_TIME.search(sentence.text):
        return "multi_year"
    if (dated or _RE_ANNUAL.search(sentence.text)
            or find_dates(sentence.text, ctx.report_year or 2000)):
        return "annual"
    return "unspecified"


__all__ = ["document_dated", "document_span", "page_chrome_start", "document_out_of_scope", "period_of", "plan_sections",
           "plan_start", "sentence_out_of_scope"]
