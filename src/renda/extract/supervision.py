"""Extractor for the `supervision` table: one row per oversight activity or counted group.

Three layers, each in its own module, read a document the way a careful reader does:

* **Scope** (:mod:`renda.extract.supervision_scope`): which documents, sections, sentences
  and parts of sentences can tell an activity that took place: not a government's report or
  speech, a legal text, another body's page (CPPCC, discipline), a plan section (工作计划,
  工作要点), a page's links to other stories, duties and powers (应当, 可以, 有权),
  definitions, questions, party study, a government accepting oversight or reporting to the
  congress, plans inside a sentence (将, 拟, 计划, 明年, 建议议程, 建议常委会…); and the
  period of a sentence.
* **Activities of a clause** (:mod:`renda.extract.supervision_rules`): a sentence in scope
  is split into clauses (at ；), each clause into comma segments read by the rules below.
* **Subjects** (:mod:`renda.extract.supervision_topics`): what of a written subject is kept
  as the topic, how a list is split into items, what is an organ.

The rules of a clause, in this order (a segment used by an earlier rule of the same kind is
not read again by a later one):

0. Titles in 《》 of documents heard or reviewed (《县政府关于X的报告》《Y方案(草案)》) are read
   as written, as a list; titles of laws and rules stay titles.  A clause whose actor is
   deputies (代表们…视察了) gives no row (deputy activity), nor one whose actor is the
   party, the government or another organ alone (县委书记就X进行调研, 县检察院…专项检查).
1. Methods listed as means (综合运用听取审议专项报告、调研视察等方式，聚焦X): one row, the method
   of the activity verb written after the subject (…，开展专题询问: one row per subject),
   else of the first means written; neither segment is read again.  A 就/围绕 segment with a
   method verb of its own is an activity, not the subject of the means.
2. Counted groups (开展执法检查23次, 听取审议专项工作报告12项, 12次视察, 对报送备案的2218件…
   进行审查, 检查5件法律实施情况): count N, no topic (but the kind of reports counted: 6个单位
   负责人的述职报告 -> 述职报告).  Not a group: a count inside the subject
   of 对X进行<verb> (对十项民生实事进行跟踪监督), the count of a list's items (rule 6c), the
   count of named laws (甲、乙等5件法规: rule 5), another body's tally (配合自治区人大…).
   b. A count followed by the subjects it counts (4次专题询问分别涉及：A、B、C和D): one row
      per subject when the count agrees.
3. Budget approvals (审查批准了A方案、B方案等, 审议…执行情况的报告及Y预算): one row per budget
   document; last year's execution report goes with this year's plan reviewed with it.
4. Reports heard (听取和审议县政府关于X情况的报告, 审计工作报告): one row per report and per
   organ reporting; the report's subject as titled (its year, its 情况).  A 汇报 is a report
   when reviewed (听取并审议…的汇报) or heard by a meeting (主任会议听取了…的汇报), not when
   heard by a group (检查组听取…汇报: a step of its inspection).  An organ's report with no
   subject (县人民法院工作报告, a session's 政府工作报告、财政工作报告) gives no row; the
   congress's reports on itself (常委会工作报告, its election and qualification committees')
   neither.
   b. A report that is the overseeing body's own activity gives that activity: a research
      report (人大农委关于X的调研报告: inspection_research), an inspection report (关于检查
      《X法》实施情况的报告, X法执法检查组的执法检查报告: law_enforcement_inspection).
5. Law enforcement inspections (对《甲》《乙》进行执法检查, 检查《甲》贯彻实施情况): one row per
   law, ``law_title`` without 《》; laws named without 《》 are recognised by their ending.
   b. Any row whose subject names a law in 《》 (贯彻执行《宗教事务条例》情况) gets it as
      ``law_title``.
6. Subject before the verb (对X进行调研, 就X开展专题询问, 对A、B进行持续跟踪监督): one row per
   subject (a list split by :func:`~renda.extract.supervision_topics.split_items`).  A
   subject that is an organ or an organ's work (对县公安局开展视察, 县交通局工作) is the
   ``target_organ``; an appraisal's organs or units (对县公安局、镇财政所开展工作评议) are its
   ``target_organ`` and, as written, its topic; a subject then an organ (就X对市住建局开展
   质询) gives both; 对其中12个报告开展满意度测评 is a counted group.  After a verb of aim
   (加强对X的监督检查) there is no activity.  A method word that is the object of another verb (对执法检查
   进行部署) or part of another word (调研指导, 视察组, 执法检查工作方案) is no verb.
   b. 对X问题进行调查 is a special investigation in a clause naming 特定问题调查; 跟踪检查 is
      tracking (of laws, an inspection: rule 5); 督办 is tracking, 督查 a visit.
   c. A list before a count of its items (对A、B两个专题开展调研) gives one row per item.
   d. A subject that is a report (针对县政府关于X情况的报告开展专题询问): its subject X.
   e. 以X为主题的专题询问: X.
7. Subject after the verb (视察了全县重点项目建设情况); two phrases joined by 和 are two.
8. A method with no subject right after a report (…的报告，并开展专题询问) takes that
   report's subject.
   b. A segment that is only a report's name after a report (…的报告，县审计局关于X的审计工作
      报告) is one more report.
9. 备案审查 named as work done (not 履行备案审查职责, 备案审查办法) gives one filing_review
   row for the clause when no rule above gave one.
10. A lead segment with a subject and no verb (就X问题，… / 围绕A、B，… / 对X情况，…) gives
    its subject(s) to the activities of the next segments that have none (a bare verb, a
    group counted 1, an organ's report, 联名提出质询案); organs overseen on that subject
    (就X，对县公安局、县交通局进行督查) are one activity, not one per organ.
11. An interpellation's ``target_organ`` is the organ put to it (对/向 the organ 提出质询, or
    the organ whose head answers: 县住建局主要负责人到会答复).
12. Deputies organized by the overseeing body make up its inspection group (常委会…，并组织
    部分代表视察了X), and in a township presidium's report, whose congress oversees through
    its deputies.

Then over the document:

13. A numbered heading opening a line (6.加强备案审查。) names the theme of its section: its
    rows are kept only for methods that the section's own sentences give no row of.
14. One activity, one row: an activity told again (a headline and its story, the research
    and the hearing of its report, 审议 and 审查批准 of one plan) is the first row of that
    method, law, organ and count whose subject equals, holds or reorders the other's
    (加快学前教育发展 / 加快发展学前教育).
15. A sentence whose actor is the activity's own group (检查组深入…, 各督办组…) or that
    points back to it (此次视察, 本次检查) tells a step of an activity already told (the
    places visited, the law named again as 《条例》), not a new one; a law named there in
    full is one more law inspected.

Not oversight, so no rows: activities whose actor is deputies (组织人大代表视察, 邀请代表参加
执法检查, unless rule 12 applies), guidance and study of the congress's own work (就代表联络
站建设进行调研指导), titles inside 《》 (修订《规范性文件备案审查暂行办法》 is not a review), a
subject-less verb (深入洪相镇调研), a subject that only points back (对本行政区域内的实施情况
开展检查, 围绕询问内容, 对照《条例》), a verb or a question as subject (就进一步提高专题询问
实效, 就如何…), the congress itself as subject (聚焦市人大督办…), the committee's own plans
approved (监督工作计划, 工作要点).
The evidence of a row is the clause it was read from (``text[char_start:char_end] ==
evidence``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from renda.extract.base import DocContext, Sentence, clauses, fact_row, sentences
from renda.extract.supervision_rules import Activity, activities
from renda.extract.supervision_scope import (
    document_dated, document_out_of_scope, document_span, page_chrome_start, period_of,
    plan_sections, plan_start, sentence_out_of_scope,
)
from renda.extract.supervision_topics import core

TABLE = "supervision"

# Rule 13: the mark of a numbered heading at the start of a line.
_RE_HEADING_MARK = re.compile(
    r"""
    (?:
        第[一二三四五六七八九十]+(?:部分|章|节)     # 第一部分
      | [一二三四五六七八九十]+[、.．]              # 一、
      | [（(][一二三四五六七八九十0-9]+[）)]        # （一） / （1）
      | [0-9]+[、.．](?![0-9])                      # 1. / 1、 (not 1.5)
    )
    """,
    re.VERBOSE,
)


def extract(text: str, ctx: DocContext) -> list[dict[str, Any]]:
    """Supervision rows of a normalized text (see the module docstring for the rules)."""
    if document_out_of_scope(text, ctx):
        return []
    rows: list[dict[str, Any]] = []
    plan_lines = plan_sections(text)
    chrome_at = page_chrome_start(text)
    dated = document_dated(text, ctx)
    span = document_span(text)
    # Rule 12: a township congress has no standing committee; between its sessions its
    # presidium oversees through the deputies it organizes (组织代表视察了…).
    deputies_oversee = ctx.level == "township"
    seen_methods: set[str] = set()            # methods of the rows so far (rule 15)
    heading_rows: list[dict[str, Any]] = []   # rows of a numbered heading (rule 13)
    section_methods: set[str] = set()         # methods of the rows of the heading's section
    for sentence in sentences(text):
        heading = _is_heading(text, sentence)
        if heading:
            rows += [r for r in heading_rows if r["method"] not in section_methods]
            heading_rows, section_methods = [], set()
        if sentence_out_of_scope(sentence.text):
            continue
        if text.count("\n", 0, sentence.start) in plan_lines:
            continue  # a sentence of a section on next year's work
        if sentence.start >= chrome_at:
            break     # links to other stories (相关阅读: …)
        followup = _RE_FOLLOWUP.match(sentence.text) is not None
        plan_at = plan_start(sentence.text)     # activities from here on are plans
        period = period_of(text, sentence, ctx, dated, span)
        for clause in clauses(sentence):
            cut = plan_at - (clause.start - sentence.start)
            if cut <= 0:
                continue
            for act in activities(clause.text[:cut], deputies_oversee=deputies_oversee):
                if (followup and act.law_title is None
                        and (act.method in seen_methods
                             or _FAMILY.get(act.method) in seen_methods)):
                    continue   # 各督办组分别到承办单位…进行了督办: a step of the activity told
                               # (a law named in full is one more law inspected)
                seen_methods.add(act.method)
                row = fact_row(
                    TABLE, ctx, clause, period,
                    # count tells apart two counted groups of one clause (审议报告59项,
                    # 书面审议报告28项)
                    {"method": act.method, "topic": act.topic, "law_title": act.law_title,
                     "target_organ": act.target_organ, "count": act.count},
                    approximate=act.approximate,
                )
                if heading:
                    heading_rows.append(row)
                else:
                    section_methods.add(act.method)
                    rows.append(row)
    rows += [r for r in heading_rows if r["method"] not in section_methods]
    return _one_row_per_activity(sorted(rows, key=lambda r: (r["char_start"], r["char_end"])))


def _one_row_per_activity(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rule 14: an activity told again in the same document (a headline and its story, the
    research and the hearing of its report, 审议 and 审查批准 of one plan) is one row, the
    first: rows of one method, law, organ and count whose subjects are equal, one holds the
    other, or one is the other's words reordered (without the words of extent) are one."""
    kept: list[dict[str, Any]] = []
    for row in rows:
        subject = core(row["topic"]) if row["topic"] else None
        if not any(_same_activity(row, subject, k) for k in kept):
            kept.append(row)
    return kept


def _same_activity(row: dict[str, Any], subject: str | None, other: dict[str, Any]) -> bool:
    if any(row[f] != other[f] for f in ("method", "law_title", "target_organ", "count")):
        return False
    theirs = core(other["topic"]) if other["topic"] else None
    if subject is None or theirs is None:
        return subject is theirs
    if subject == theirs:
        return True
    if min(len(subject), len(theirs)) < 4:
        return False
    if subject in theirs or theirs in subject:
        return True
    # the same words reordered (加快学前教育发展 / 加快发展学前教育)
    shared = sum((Counter(subject) & Counter(theirs)).values())
    return shared >= 0.9 * min(len(subject), len(theirs))


# Rule 15: a sentence whose actor is the activity's own group (检查组, 各督办组) or that points
# back to it (此次, 本次) tells a step of an activity already told, not a new one.
_RE_FOLLOWUP = re.compile(
    r"^(?:[^，,。]{0,10}[，,])?(?:各|该|此次|这次|本次|该次)?[^，,。]{0,6}?"
    r"(?:(?:执法)?检查组|视察组|调研组|督办组|督查组|评议组|询问组)"
    r"|^(?:[^，,。]{0,10}[，,])?(?:此次|这次|本次|该次)"
    r"(?:执法检查|检查|视察|调研|专题询问|询问|督办|督查|评议|测评)")
# A visit's 检查 within an inspection of laws is a step of that inspection.
_FAMILY = {"inspection_research": "law_enforcement_inspection"}


def _is_heading(text: str, sentence: Sentence) -> bool:
    """Rule 13: a sentence opening its line with a numbered heading mark (一、 （一） 1. （1）
    第一部分): it names the theme of its section (6.加强备案审查。全年备案审查了规范性文件
    二十三件…), so its rows are kept only for methods the section's own sentences give none of."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    return (not text[line_start:sentence.start].strip()
            and _RE_HEADING_MARK.match(sentence.text) is not None)


__all__ = ["Activity", "activities", "extract"]
