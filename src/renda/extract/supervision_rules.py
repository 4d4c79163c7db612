"""The rules that read the oversight activities of one clause (rules 0-12 of
:mod:`renda.extract.supervision`, whose docstring describes them in order).

:func:`activities` takes a clause of a sentence in scope (see
:mod:`renda.extract.supervision_scope`) and returns its activities; the subjects found are
read by :mod:`renda.extract.supervision_topics`.
"""


from __future__ import annotations

import re
from dataclasses import dataclass

from renda.extract.supervision_topics import (
    RE_INTERNAL, RE_LIST_JOIN, VOCAB, alt, is_organ, is_unit, names_subject, organ, organs,
    split_items, trim,
)
from renda.numbers import find_quantities, parse_chinese_numeral

_VOCAB = VOCAB

TOPIC_VERBS: dict[str, str] = _VOCAB["topic_verbs"]
OBJECT_VERBS: dict[str, str] = _VOCAB["object_verbs"]
METHOD_WORDS: dict[str, str] = _VOCAB["method_words"]
COUNTED_KINDS: list[dict[str, str]] = _VOCAB["counted_kinds"]



_alt = alt


def _any(patterns: list[str]) -> re.Pattern[str]:
    """One regex matching any of several regular expressions."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_RE_DEPUTY_ACTOR = re.compile(_VOCAB["deputy_actor"])
_RE_COMMITTEE_ACTOR = re.compile(_VOCAB["committee_actor"])
_RE_OTHER_ACTOR = re.compile(_VOCAB["other_actor"])
# Words that end a clause's actor: a lead of its subject or a verb of its work.
_RE_ACTOR_END = re.compile(r"关于|审查|批准|开展|进行|组织|督查|督办|询问|测评|评议|备案|检查")
# The congress named in an actor (县人大常委会主任, 主席团, 人大代表).
_RE_CONGRESS_ACTOR = re.compile(r"人大|人民代表大会|常委会|主席团|代表|委员会")
_RE_LAW = re.compile(r"(?:" + _alt(_VOCAB["law_suffixes"]) + r")$")
_RE_LAW_IMPL = re.compile(r"(?:" + _alt(_VOCAB["law_implementation_words"]) + r")$")
_COUNT_UNITS = frozenset(_VOCAB["count_units"])

# A title in 《》: its inside is masked before any verb is looked for.
_RE_TITLE = re.compile(r"《([^《》]*)》")
_MASK = "＿"
# Rule 0: a title naming a document heard or reviewed, not a law (…的报告, …方案(草案)).
_RE_DOCUMENT_TITLE = re.compile(r"(?:" + _alt(_VOCAB["document_title_ends"]) + r")$")
# Rule 9: 备案审查 named as work done, not as a duty or a rule (履行备案审查职责, 备案审查办法).
_RE_FILING_NAMED = re.compile(r"(?<!履行)备案审查(?!" + _alt(_VOCAB["filing_not_followed_by"]) + ")")

# Comma segments of a clause (the rules read one segment at a time).
_RE_SEGMENT = re.compile(r"[^，,：:。；;！？!?]+")

# Rule 1: means listed before 等方式 (综合运用听取审议专项报告、调研视察等方式).
_RE_MEANS = re.compile(
    r"""
    (?:运用|采取|采用|通过|综合)          # uses ...
    (?P<means>[^，,]{2,80}?)              # ... the listed means ...
    等?(?:方式|形式|手段|方法|途径)        # ... as ways
    """,
    re.VERBOSE,
)
_RE_MEANS_TOPIC = re.compile(r"^(?:聚焦|围绕|针对|紧盯|就)(?P<topic>.+)$")
_RE_METHOD_WORD = re.compile(_alt(list(METHOD_WORDS)))

# Rule 2: a counted group, the kind word before or after the count.
_KIND_ALT = _alt([k["word"] for k in COUNTED_KINDS])
_RE_KIND_BEFORE = re.compile(r"(?P<kind>" + _KIND_ALT + r")(?:共|累计|总计|合计|达|了)*$")
_RE_KIND_AFTER = re.compile(
    r"^(?:的)?(?P<pre>[^，,、]{0,10}?)(?P<kind>" + _KIND_ALT + r")"   # 109项区“一府两院”工作报告
)
_KIND = {k["word"]: k for k in COUNTED_KINDS}
# Rule 2b: a count followed by the subjects it counts (4次专题询问分别涉及：A、B、C和D).
_RE_ENUMERATED = re.compile(
    r"(?P<n>[0-9一二两三四五六七八九十]+)(?:次|项|个)[“\"「]?(?P<kind>" + _KIND_ALT + r")[”\"」]?"
    r"(?:活动)?分别(?:涉及|是|为|围绕|聚焦|关于|就)?[:：]?(?P<list>[^。；;！？]+?)[。；;]?$"
)
# The clause's actor is deputies (代表们…视察), not deputies' suggestions (代表建议).
_RE_DEPUTIES_SUBJECT = re.compile(
    r"代表(?:们|小组)|(?:人大|全体|部分|各级)代表(?!建议|议案|意见|提出|联络|之家|工作|资格|述职)")
_RE_REPORT_VERB_IN_COUNT = re.compile(r"(?:听取(?:和|并|、)?)?审议了?|听取了?")

# A body assisted (配合/协助 X 开展): the count is that body's tally, not the report's own.
_RE_ASSISTING = re.compile(r"配合|协助")

# Rule 3: budget approvals and their items.
_RE_BUDGET_VERB = re.compile(
    r"""
    审查(?:和|并|、)?批准        # 审查批准, 审查和批准
    | 审议(?:和|并)?批准          # 审议并批准
    | 审查(?!批准)                # 审查 (了2022年预算草案)
    | 批准                        # 批准 (作出关于批准2020年决算的决议)
    | (?<!听取)(?<!听取和)(?<!听取并)(?<!听取、)审议了?   # 审议X执行情况的报告及Y预算 (items
                                  # must be budgets; 听取和审议 hears reports: rule 4)
    """,
    re.VERBOSE,
)
_RE_BUDGET_ITEM = re.compile(
    r"""
    (?P<sep>[、和及与]?)                              # separator from the previous item
    (?P<item>.+?(?:""" + _alt(_VOCAB["budget_nouns"]) + r""")   # up to a budget noun ...
    (?:[（(]草案[）)]|草案)?)                          # ... (草案)
    (?=$|[、和及与等的])                               # ... ending an item
    """,
    re.VERBOSE,
)

# The committee's own plans, approved like a budget but not one (2023年监督工作计划, 工作要点).
_RE_NOT_BUDGET = re.compile(r"工作计划|工作要点|监督计划|立法计划|工作方案|《")
_RE_EXECUTION_REPORT = re.compile(r"执行情况的?报告$")

# Rule 6 reads 对X进行审查 as a budget review only when X names a budget.
_RE_BUDGET_TOPIC = re.compile(_alt(_VOCAB["budget_nouns"]))

# Rule 4: a report heard.
_RE_REPORT_VERB = re.compile(r"听取(?:和|并|、)?审议了?|审议了?|听取了?")
_RE_ORGAN_PREFIX = re.compile(
    r"""
    ^(?:[\u4e00-\u9fff]{0,6}?(?:自治区|县|市|区|旗|省|州|盟))?   # 县 / 光军县 / 吕梁市
    (?:中级)?(?:人民)?                                          # 中级人民
    (?:政府|法院|检察院|监委|监察委员会)                        # the organ
    """,
    re.VERBOSE,
)
_RE_MEETING_ACTOR = re.compile(r"会议(?:还|先后|分别|依次)?$|常委会(?:还|先后)?$")
_RE_ANNUAL_REPORT = re.compile(r"^[\u4e00-\u9fff]{1,6}工作报告$")
# Reports of the congress on itself: its election committee's, its qualification committee's.
_RE_OWN_REPORTER = re.compile(r"选举委员会$|资格审查委员会$")
_RE_AUDIT_END = re.compile(r"审计(?:工作)?$")
_RE_ENTRUSTED = re.compile(r"受(?P<organ>[^，,、]{2,16}?)委托")
_RE_ON_BEHALF = re.compile(r"代表(?P<organ>[^，,、]{2,16}?)(?:所?作的?)?$")
# The speaker of a report (…所作的): 县法院院长所作的, 副县长李某代表县政府所作的.
_RE_SPEAKER = re.compile(r"^(?P<speaker>[^，,、]{2,30}?)所?作的")
_RE_REPORT_KIND_TAIL = re.compile(r"的?(?:专项)?(?:工作)?$")   # 法院的工作(报告)
# Nouns of a report reviewed (报告, 汇报) and of a report heard (报告), ending an item: not
# the verb of 向常委会报告履职情况.
_REPORT_END = r"(?=$|[、，,。；;和及与并《》）)的等])"
_RE_REPORT_NOUN = re.compile(r"(?:报告|汇报)" + _REPORT_END)
_RE_REPORT_ONLY = re.compile(r"报告" + _REPORT_END)
# Rule 4b: reports that give an activity of their own: the committee's inspection of a law
# (关于检查《X法》实施情况的报告, X法执法检查组的执法检查报告) and its research (调研报告).
_RE_INSPECTION_REPORT = re.compile(r"^检查(?P<law>.+?)(?:的?贯彻)?(?:实施|执行)(?:情况)?$"
                                   r"|^(?P<law2>.+?)执法检查(?:组的?(?:执法)?检查)?(?:工作)?(?:情况)?$")
_RESEARCH_KINDS = frozenset({"调研", "视察", "调查"})
# The kind of a report written between its subject and 报告 (关于X情况的综合报告).
_RE_REPORT_KIND = re.compile(r"的?(?:" + _alt(_VOCAB["report_kinds"]) + r")$")
_RE_LISTED_KINDS = re.compile(r"等(?:专项)?(?:工作)?$")         # 计划、预算等工作(报告)

# Rule 5c: laws after the verb of an inspection (检查《甲》《乙》贯彻实施情况).
_RE_LAW_OBJECT = re.compile(
    r"(?<!接受)(?:执法)?检查了?(?P<laws>(?:《[^《》]+》[、和及与]?)+)(?:的)?(?:贯彻)?(?:实施|执行|落实)(?:情况)?")

# Rule 5: a title that only points back to a law named before (《条例》, 《实施办法》).
_RE_SHORT_TITLE = re.compile(r"(?:本|该|实施|两|一法)?(?:" + _alt(_VOCAB["law_suffixes"]) + r")")

# Rule 5: verbs of an inspection of laws (检查 only when the subjects are laws).
_LAW_VERBS = frozenset({"执法检查", "检查", "跟踪检查"})

# Rule 6: subject before the verb.
_TOPIC_VERB_ALT = _alt(list(TOPIC_VERBS))
_PARTICLE = r"(?:进行|开展|组织|实施|展开|提出|作出)?了?(?:为期[^，,。；;]{1,6}的)?"   # 为期三天的
_MODIFIERS = r"(?:" + _alt(_VOCAB["verb_modifiers"]) + r")*"
_NOT_AFTER_VERB = r"(?!" + _alt(_VOCAB["verb_not_followed_by"]) + r")"


def _topic_verb_regex(verbs: str) -> re.Pattern[str]:
    """对X进行<verb> for the verbs of an alternation."""
    return re.compile(
        r"""
        (?P<lead>
            (?<![针面相绝应])对(?!于|此|照|接|标|外)   # 对 (not 针对, 对于, 对照)
          | 就(?!是|业|近|医|地|读)                    # 就 (not 就业, 就是)
          | 围绕 | 针对 | 聚焦 | 紧盯 | 紧扣
        )
        (?P<topic>.+?)                                 # the subject
        """ + _PARTICLE + r"""                         # particle: 进行, 开展了
        """ + _MODIFIERS + r"""                        # 持续, 专题, ...
        (?P<verb>""" + verbs + r""")                   # the verb
        """ + _NOT_AFTER_VERB + r"""                   # not 调研指导, 执法检查组
        """,
        re.VERBOSE,
    )


_RE_TOPIC_VERB = _topic_verb_regex(_TOPIC_VERB_ALT)
_RE_COUNTED_SUBJECT = re.compile(r"^其中(?P<n>[0-9一二两三四五六七八九十百]+)(?:个|项|件)(?:专项)?(?:工作)?报告$")
_RE_SUBJECT_THEN_ORGAN = re.compile(r"^(?P<topic>.{2,}?)对(?P<organ>[^对]{2,14})$")
_RE_WORK_OF = re.compile(
    r"(?:等(?:[0-9一二两三四五六七八九十]+个)?(?:承办|有关|相关)?(?:部门|单位))?的?(?:工作|履职)?$")
# Rule 6: a lead after a verb of aim (加强对X的监督检查, 加大对X的监督力度) tells no activity.
_RE_AIM = re.compile(r"(?:加强|强化|加大|注重|重视|坚持)了?$")
# Rule 6e: 以X为主题的专题询问.
_RE_THEME = re.compile(
    r"以(?P<topic>[^，,、]{2,40}?)为(?:主题|题目|专题|重点|内容)的?" + _PARTICLE + _MODIFIERS
    + r"(?P<verb>" + _TOPIC_VERB_ALT + r")" + _NOT_AFTER_VERB)

# Rule 6d: a subject that is a report (针对县政府关于X情况的报告开展专题询问): its subject X
# is the topic, its organ the target organ.
_RE_REPORT_SUBJECT = re.compile(
    r"""
    ^(?P<organ>[^，,、]{0,16}?)       # 县政府 (optional)
    关于(?P<topic>.+?)                # 关于 X
    (?:情况)?的?                       # 情况的
    (?:""" + _alt(_VOCAB["report_kinds"]) + r""")?   # 综合 / 专项
    (?:工作)?报告$                     # 报告
    """,
    re.VERBOSE,
)

# Rule 8b: one more report after a comma (，县审计局关于X的审计工作报告 / ，以及X情况的报告).
_RE_NEXT_REPORT = re.compile(
    r"""
    ^(?:以及|及|和|与|还有)?
    (?:(?P<organ>[^，,、]{0,16}?)关于(?P<topic>.+?)   # 县审计局关于 X
      | (?P<topic2>.+?情况)                          # ... or X情况
    )
    的?(?:""" + _alt(_VOCAB["report_kinds"]) + r""")?(?:工作)?报告$
    """,
    re.VERBOSE,
)

# Rule 6b: verbs that name a method only in a clause that names it in full (对X问题进行调查
# after 开展特定问题调查 / 成立调查委员会).
CONTEXT_VERBS: list[dict[str, str]] = _VOCAB["context_verbs"]
_CONTEXT_RULES = tuple(
    (_topic_verb_regex(re.escape(c["word"])), c["method"], re.compile(c["needs"]))
    for c in CONTEXT_VERBS
)

_RE_LIST_NOUN_AFTER = re.compile(r"^(?:" + _alt(_VOCAB["list_nouns"]) + r")")

# Rule 10: a lead segment with a subject and no verb (就中小学校食堂食品安全问题，…提出质询案
# 一件): its subject is that of the activities of the next segments that name none.
_RE_LEAD_SEGMENT = re.compile(
    r"""
    ^(?P<actor>[^对就]{0,20}?)                         # 常委会 (optional actor)
    (?:就(?!是|业|近|医|地|读)|围绕|针对|聚焦|紧扣|紧盯   # lead word
      | (?<![针面相绝应])对(?!于|此|照|接|标|外)(?=.+(?:情况|工作|问题)$))   # 对X情况，…
    (?P<topic>.+)$                                     # the subject
    """,
    re.VERBOSE,
)
# Rule 2: the type of the reports counted, written before 报告 (6个单位负责人的述职报告).
_RE_REPORT_TYPE = re.compile(r"的(?P<type>述职|履职)$")
# A particle between a counted noun and the kind word (十项民生实事项目进行跟踪监督).
_RE_PARTICLE_IN = re.compile(r"进行|开展|组织|实施|展开")
# The lead words of a subject before a verb (对X, 就X, 围绕X), for rule 6c.
_RE_SUBJECT_LEAD = re.compile(r"(?<![针面相绝应])对(?!于|此|照|接|标|外)|就(?!是|业|近|医|地|读)|围绕|针对")
# A lead that points back instead of naming a subject (针对检查中发现的问题).
_RE_ANAPHORIC_LEAD = _any(_VOCAB["anaphoric_leads"])
# A segment that is a bare method verb (开展专题调研, 常委会组成人员进行视察).
_RE_BARE_VERB = re.compile(
    r"^(?P<actor>[^对就]{0,16}?)" + _PARTICLE + _MODIFIERS
    + r"(?P<verb>" + _TOPIC_VERB_ALT + r")" + _NOT_AFTER_VERB + r"(?:活动|工作|案)?$"
)

# Rule 11: the organ an interpellation is put to: the organ whose head answers it
# (市教育局主要负责人到会答复), or 对/向 an organ 提出质询.
_RE_ANSWERING_ORGAN = re.compile(
    r"""
    ^(?P<organ>[\u4e00-\u9fff]{2,14}?)          # 市教育局
    (?:主要|分管|有关)?                           # 主要
    (?:负责人|负责同志|领导|副?(?:局长|主任|院长|检察长|县长|市长|区长|旗长|乡长|镇长))  # 负责人
    (?:到会|当面|现场|书面|依法)?                 # 到会
    (?:作出?了?|进行了?)?                          # 作了
    (?:答复|回答|作答|应询|接受质询)              # 答复
    """,
    re.VERBOSE,
)
_RE_QUESTIONED_ORGAN = re.compile(r"(?:对|向)(?P<organ>[\u4e00-\u9fff]{2,14}?)(?:提出|提起)?质询")

# Rule 7: subject after the verb.
_RE_OBJECT_VERB = re.compile(
    r"""
    (?P<verb>""" + _alt(list(OBJECT_VERBS)) + r""")""" + _NOT_AFTER_VERB + r"""了?   # 视察了 (not 视察组)
    (?P<topic>.{2,30}?(?:""" + _alt(_VOCAB["object_heads"]) + r"""))   # ... 建设情况
    $
    """,
    re.VERBOSE,
)

# Rule 8: a segment that continues the previous one (并开展专题询问), its verb ending it
# (a verb with an object of its own, 并于5月视察了X, is read by the other rules).
_RE_CONTINUES = re.compile(r"^(?:并|并且|同时|随后|会上|还)")
_RE_CONTINUING_VERB = re.compile(
    r"(?P<verb>" + _TOPIC_VERB_ALT + r")" + _NOT_AFTER_VERB + r"(?:活动|工作)?$")



# Rule 12: deputies organized by the overseeing body (组织部分代表视察了X).
_RE_ORGANIZED_DEPUTIES = re.compile(
    r"""
    组织了?                                            # 组织
    (?:(?!开展|进行|参加|参与|列席)[^，,；;。对就]){0,10}?  # 部分州人大 (not 开展: 组织开展代表视察)
    (?:人大)?(?P<deputies>代表)                        # 代表
    (?=[^，,；;。]{0,6}?(?:视察|调研|检查|测评|评议))     # ... who visit, research, appraise
    """,
    re.VERBOSE,
)
_RE_OVERSEEING_BODY = re.compile(r"常委会|主席团")


@dataclass(frozen=True)
class Activity:
    method: str
    topic: str | None = None
    law_title: str | None = None
    target_organ: str | None = None
    count: int = 1
    approximate: bool = False

    @property
    def key(self) -> tuple[str, str | None, str | None, str | None, int]:
        return (self.method, self.topic, self.law_title, self.target_organ, self.count)


def activities(clause: str, *, deputies_oversee: bool = False) -> list[Activity]:
    """The oversight activities of one clause, in the order of the rules.

    ``deputies_oversee``: the report is a township presidium's, whose oversight is done by
    the deputies it organizes (rule 12)."""
    clause = _unwrap_documents(clause)
    masked = _RE_TITLE.sub(lambda m: "《" + _MASK * len(m.group(1)) + "》", clause)
    masked = _RE_QUOTED.sub(lambda m: re.sub(r"[，,、]", _MASK, m.group()), masked)
    masked = _mask_organized_deputies(masked, deputies_oversee)
    actor = masked[:_first_method_word(masked)]
    if _RE_DEPUTIES_SUBJECT.search(actor) and not _RE_COMMITTEE_ACTOR.search(actor):
        return []   # 代表们…视察和检查了501个单位的工作: the clause's actor is deputies
    if _RE_OTHER_ACTOR.search(actor) and not _RE_CONGRESS_ACTOR.search(actor):
        return []   # 县委书记就乡村振兴工作进行调研: the party's or the government's work
    enumerated = _enumerated_rule(clause, masked)
    if enumerated:
        return enumerated
    found, used = _means_rule(clause, masked)
    lead: str | None = None                      # subject of a lead segment (rule 10)
    for seg in _RE_SEGMENT.finditer(masked):
        start, end = seg.span()
        if start in used:
            continue
        acts = _segment_activities(clause[start:end], masked[start:end], found, masked)
        if not acts:
            lm = _RE_LEAD_SEGMENT.match(masked[start:end])
            if (lm is not None and not re.search(_TOPIC_VERB_ALT, lm.group("topic"))
                    and not _deputies_act(lm.group("actor"))
                    and not _RE_ANAPHORIC_LEAD.search(lm.group("topic"))):
                lead = trim(clause[start + lm.start("topic"):end])
                if lead is not None and not names_subject(lead):
                    lead = None  # 围绕代表工作: the congress's own work names no subject
                continue
            if lead is not None:
                acts = _bare_verb_rule(masked[start:end], lead)
            if not acts and found and found[-1].method == "work_report_review":
                acts = _next_report(clause[start:end], masked[start:end])
        elif lead is not None:
            acts = _one_per_subject([_with_lead(a, lead) for a in acts])
        found.extend(acts)
    found = [_with_questioned_organ(a, clause, masked) for a in found]
    if (_RE_FILING_NAMED.search(masked)
            and not any(a.method == "filing_review" for a in found)):
        found.append(Activity("filing_review",
                              "规范性文件备案审查" if "规范性文件" in masked else "备案审查"))
    # A report with no subject of its own (县人民法院工作报告, 市政府的工作情况报告) is an
    # organ's annual report or a step of another activity of the clause: no row.
    found = [a for a in found if not (a.method == "work_report_review" and a.topic is None
                                      and a.count == 1)]
    found = [_with_law_of_topic(a) for a in found]
    unique: dict[tuple[str, str | None, str | None, str | None, int], Activity] = {}
    for act in found:
        unique.setdefault(act.key, act)
    return list(unique.values())


def _mask_organized_deputies(masked: str, deputies_oversee: bool) -> str:
    """Rule 12: deputies organized by the overseeing body to visit (常委会…，并组织部分代表
    视察了X; 组织代表视察 in a township presidium's report) make up its inspection group, so
    their 代表 does not make the activity deputies' work: it is masked.  The committee must
    be named in the clause before 组织 (outside a township report); deputies organized to
    hold activities of their own (组织开展代表视察, 组织代表参加执法检查) are not masked."""
    out = masked
    for m in _RE_ORGANIZED_DEPUTIES.finditer(masked):
        if deputies_oversee or _RE_OVERSEEING_BODY.search(masked, 0, m.start()):
            out = out[:m.start("deputies")] + _MASK * 2 + out[m.end("deputies"):]
    return out


# A short quotation (“聚民意,惠民生”): its commas split no segment.
_RE_QUOTED = re.compile(r"“[^“”]{1,16}”|「[^「」]{1,16}」")


def _with_law_of_topic(act: Activity) -> Activity:
    """Rule 5b: a subject naming a law in 《》 (贯彻执行《宗教事务条例》情况) gives the row its
    ``law_title``."""
    if act.law_title is not None or not act.topic:
        return act
    for m in _RE_TITLE.finditer(act.topic):
        law = m.group(1).strip()
        if _RE_LAW.search(law) and not _RE_SHORT_TITLE.fullmatch(law):
            return Activity(act.method, act.topic, law, act.target_organ, act.count,
                            act.approximate)
    return act


def _unwrap_documents(clause: str) -> str:
    """Rule 0: titles in 《》 of documents heard or reviewed (《县政府关于X的报告》《Y方案》)
    are read as written, one list (A、B); a law named inside one (〈农产品质量安全法〉) keeps
    its 《》.  Titles of laws and rules stay titles."""
    out: list[str] = []
    pos = 0
    last_end = -1
    for m in _RE_TITLE.finditer(clause):
        inner = m.group(1)
        if not _RE_DOCUMENT_TITLE.search(inner):
            continue
        out.append(clause[pos:m.start()])
        if m.start() == last_end:
            out.append("、")             # 《A》《B》 -> A、B
        out.append(inner.replace("〈", "《").replace("〉", "》"))
        pos = last_end = m.end()
    out.append(clause[pos:])
    return "".join(out)


def _first_method_word(masked: str) -> int:
    """Where the clause's actor ends: at its first method word or the lead of a subject
    (对X, 就X, 关于X), whichever comes first."""
    ends = [m.start() for m in (_RE_METHOD_WORD.search(masked), _RE_SUBJECT_LEAD.search(masked),
                                _RE_ACTOR_END.search(masked)) if m is not None]
    return min(ends) if ends else 0


def _enumerated_rule(clause: str, masked: str) -> list[Activity]:
    """Rule 2b: a count of activities followed by their subjects (此后的4次专题询问分别涉及：A、
    B、C和D): one row per subject when the count agrees; the count restates them."""
    m = _RE_ENUMERATED.search(masked)
    if m is None or _deputies_act(masked[:m.start()]):
        return []
    n = parse_chinese_numeral(m.group("n"))
    items = [trim(x) for x in split_items(clause[m.start("list"):m.end("list")])]
    if n is None or len(items) != n or not all(names_subject(x) for x in items):
        return []
    method = _KIND[m.group("kind")]["method"]
    return [Activity(method, x) for x in items if x]


def _segment_activities(seg: str, masked: str, previous: list[Activity],
                        clause_masked: str) -> list[Activity]:
    counted = _counted_rule(seg, masked)
    if counted:
        return counted
    found: list[Activity] = _budget_rule(seg, masked)
    if not found:
        found += _report_rule(seg, masked)
    laws = _law_rule(seg, masked)
    found += laws
    found += _topic_verb_rule(seg, masked, skip_law=bool(laws))
    if not found:
        found += _theme_rule(seg, masked)
    if not found:
        found += _context_verb_rule(seg, masked, clause_masked)
    if not found:
        found += _object_verb_rule(seg, masked)
    if not found and previous and _RE_CONTINUES.match(masked):
        found += _continuation_rule(masked, previous[-1])
    return found


# --------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------


def _means_rule(clause: str, masked: str) -> tuple[list[Activity], set[int]]:
    """Rule 1: the activity of a list of means and its subject, and the starts of the
    segments read (the means segment is read even when no subject is found: its
    听取审议专项报告 names a means, not a report)."""
    m = _RE_MEANS.search(masked)
    if m is None:
        return [], set()
    words = _RE_METHOD_WORD.findall(m.group("means"))
    if not words:
        return [], set()
    method = METHOD_WORDS[words[0]]
    segments = list(_RE_SEGMENT.finditer(masked))
    used = {g.start() for g in segments if g.start() <= m.start() < g.end()}
    after = [g for g in segments if g.start() >= m.end()]
    before = [g for g in segments if g.end() <= m.start()]
    for seg in after + before[::-1]:           # the subject after the means, else before
        tm = _RE_MEANS_TOPIC.match(seg.group())
        if tm is not None and not re.search(_TOPIC_VERB_ALT, tm.group("topic")):
            # (就X开展专题询问 after 采用“执法检查＋专题询问”方式 is an activity of its own)
            topic = trim(clause[seg.start() + tm.start("topic"):seg.end()])
            if not topic:
                continue
            # The activity the means serve may be written after the subject (围绕A、B等重点
            # 工作，以及民生事项开展专题询问): its verb gives the method, one row per subject.
            verb = next((v for g in segments if g.start() > seg.start()
                         for v in [_RE_CONTINUING_VERB.search(g.group())] if v), None)
            if verb is not None:
                nxt = {g.start() for g in segments if g.start() > seg.start()
                       and _RE_CONTINUING_VERB.search(g.group())}
                items = [t for t in (trim(x) for x in split_items(topic)) if names_subject(t)]
                return ([Activity(TOPIC_VERBS[verb.group("verb")], t) for t in items],
                        used | {seg.start()} | nxt)
            return [Activity(method, topic)], used | {seg.start()}
    return [], used


def _counted_rule(seg: str, masked: str) -> list[Activity]:
    """Rule 2: 开展执法检查23次, 听取审议专项工作报告12项, 备案审查规范性文件8件, 12次视察."""
    found: list[Activity] = []
    for q in find_quantities(masked):
        if q.unit not in _COUNT_UNITS:
            continue
        item_start = masked.rfind("、", 0, q.start) + 1
        before = masked[item_start:q.start]
        if _RE_ASSISTING.search(masked, 0, q.start):
            continue  # 配合自治区人大对22部法律法规进行执法检查: another body's count
        if (q.unit in ("部", "件") and masked.startswith(("法律", "法规"), q.end)
                and "检查" in masked and not _deputies_act(before)):
            if before.endswith("等"):
                continue  # 甲法、乙法等6部法律: the named laws are read by rule 5
            found.append(Activity("law_enforcement_inspection", None, None, None, int(q.value),
                                  q.approximate))      # 检查6部法律实施情况, 对6部法规…执法检查
            continue
        if _RE_LIST_NOUN_AFTER.match(masked[q.end:]) and _counts_a_list(masked[:q.start]):
            continue  # 对A、B两个专题开展调研: the count of a list's items (rule 6c)
        m = _RE_KIND_BEFORE.search(before)
        if m is not None:                       # 开展执法检查23次
            kind, actor = _KIND[m.group("kind")], before[:m.start()]
        else:                                   # 开展了23次执法检查
            m = _RE_KIND_AFTER.match(masked[q.end:])
            if m is None:
                continue
            if (_RE_SUBJECT_LEAD.search(masked[:q.start]) and _RE_PARTICLE_IN.search(m.group("pre"))
                    and not _RE_LIST_NOUN_AFTER.match(masked[q.end:])):
                continue  # 对十项民生实事进行跟踪监督: the count is inside the subject (rule 2);
                          # 就三个专题开展调研 counts topics, so activities
            kind, actor = _KIND[m.group("kind")], before + m.group("pre")
        if "needs" in kind and not re.search(kind["needs"], masked):
            continue
        if _deputies_act(actor):
            continue
        reporter = None
        topic = None
        if kind["method"] == "work_report_review":
            vm = _RE_REPORT_VERB_IN_COUNT.search(actor)
            if vm is not None:
                reporter = organ(actor[vm.end():])   # 听取审议县政府专项工作报告12项
            km = _RE_REPORT_TYPE.search(actor)
            if km is not None:                       # 6个单位负责人的述职报告: reports of a kind
                topic = km.group("type") + kind["word"]
        found.append(Activity(kind["method"], topic, None, reporter, int(q.value), q.approximate))
    return found


def _budget_rule(seg: str, masked: str) -> list[Activity]:
    """Rule 3: one row per budget document approved."""
    for vm in _RE_BUDGET_VERB.finditer(masked):
        obj_start = vm.end()
        while masked.startswith(("了", "通过"), obj_start):
            obj_start += 1 if masked[obj_start] == "了" else 2
        about = masked.find("关于", obj_start, obj_start + 16)
        if about >= 0:
            obj_start = about + 2  # 县人民政府关于2021年预算调整方案的议案
        spans: list[list[int]] = []
        pos = obj_start
        for im in _RE_BUDGET_ITEM.finditer(masked, obj_start):
            if im.start() != pos:
                break  # items must follow each other
            if spans and not im.group("sep"):
                spans[-1][1] = im.end("item")   # …预算的方案: one document, 预算 a modifier
            else:
                start = im.start("item") if spans else im.start()   # 和政县… is no 和
                spans.append([start, im.end("item")])
            pos = im.end()
        items = [Activity("budget_review", t) for t in (trim(seg[a:b]) for a, b in spans)
                 if t and not _RE_NOT_BUDGET.search(t)]
        # Last year's execution report goes with this year's plan or budget reviewed with it
        # (审查批准X计划执行情况的报告及Y计划): one budget review, read as the plan.
        plans = [a for a in items if not _RE_EXECUTION_REPORT.search(a.topic or "")]
        if plans:
            return plans
        if items:
            return items
    return []


def _report_rule(seg: str, masked: str) -> list[Activity]:
    """Rule 4: reports heard and reviewed, one row per report and organ."""
    vm = _RE_REPORT_VERB.search(masked)
    if vm is None or _deputies_act(masked[:vm.start()]):
        return []
    found: list[Activity] = []
    pos = vm.end()
    reporters: list[str | None] = [None]
    if "报告" not in masked[pos:] and masked.endswith("情况") and vm.group().startswith("听取"):
        masked, seg = masked + "报告", seg + "报告"   # 听取和审议城市管理情况: a report heard
    # 汇报 (a briefing) is a report when reviewed (听取并审议…的汇报) or heard by a meeting
    # (主任会议听取了…的汇报); an inspection group's 听取…汇报 is a step of its inspection.
    by_meeting = _RE_MEETING_ACTOR.search(masked[:vm.start()]) is not None
    nouns = _RE_REPORT_NOUN if "审议" in vm.group() or by_meeting else _RE_REPORT_ONLY
    while True:
        km = nouns.search(masked, pos)
        if km is None:
            break
        k = km.start()
        name = seg[pos:k]
        if found or pos > vm.end():
            name = re.sub(r"^[、和及与]", "", name)   # the next item (not 和政县…)
        pos = k + 2
        speaker = _RE_SPEAKER.match(name)
        if speaker is not None and "关于" not in name:
            # 副县长李某代表县政府所作的X情况报告: the speaker's organ reports X
            reporters = _reporters(speaker.group("speaker"))
            name = name[speaker.end():]
        if "关于" in name:                  # 县政府关于X的报告 (reporters inherited when absent)
            organ_part, topic_part = name.split("关于", 1)
            if _RE_OWN_REPORTER.search(organ_part):
                # the congress's election or qualification committee reporting on itself
                if pos >= len(masked) or masked[pos] not in "、和及与":
                    break
                continue
            if organ_part:
                reporters = _reporters(organ_part)
        else:
            listed = organs(_RE_REPORT_KIND_TAIL.sub("", name))
            om = _RE_ORGAN_PREFIX.match(name)
            if listed != [None]:            # 国务院、最高人民法院和最高人民检察院的工作报告
                topic_part, reporters = "", listed
            elif om is not None:            # 县政府2020年计划执行情况报告
                topic_part, reporters = name[om.end():], [name[:om.end()]]
            else:                           # 审计工作报告
                topic_part = name
        # 关于X的报告, X情况的报告 and A、B等(专项)工作报告 wrap the subject; a bare name
        # (审计工作报告) is kept whole.
        listing = _RE_LISTED_KINDS.search(topic_part)
        if listing is not None:
            topic_part = topic_part[:listing.start()]
        kind = _RE_REPORT_KIND.search(topic_part)
        method = "work_report_review"
        if kind is not None and kind.start() > 0 and "关于" in name:
            topic_part = topic_part[:kind.start()]   # 关于X情况的综合(报告) -> X情况
            if kind.group().lstrip("的") in _RESEARCH_KINDS:
                method = "inspection_research"       # 人大农委关于X的调研报告
        im = _RE_INSPECTION_REPORT.match(topic_part.rstrip("的"))
        if im is not None:                           # the report of an inspection of laws
            raw_law = im.group("law") or im.group("law2")
            laws = _law_titles(raw_law) or _law_names(raw_law)
            if laws:
                found += [Activity("law_enforcement_inspection", None, law) for law in laws]
                if pos >= len(masked) or masked[pos] not in "、和及与":
                    break
                continue
        wrapped = ("关于" in name or listing is not None
                   or re.search(r"(?:情况|的)$", topic_part) is not None)
        if _RE_AUDIT_END.search(topic_part):
            wrapped = False          # 关于X的审计工作报告: the audit report is what is reviewed
        topic = trim(topic_part, keep_extent=True) if wrapped else trim(topic_part + "报告")
        if topic and not names_subject(topic):
            if RE_INTERNAL.search(topic):
                continue
            topic = None
        if topic is None and reporters == [None]:
            continue
        if method == "inspection_research":
            found.append(Activity(method, topic))
        else:
            found += [Activity(method, topic, None, reporter) for reporter in reporters]
        if pos >= len(masked) or masked[pos] not in "、和及与":
            break
    if any(a.topic is None and a.target_organ is not None for a in found):
        # A list with an organ's annual report (政府工作报告、财政工作报告) is a session's
        # annual reports: its bare 财政工作报告 is one of them, no subject either.
        found = [a for a in found if not (a.topic and _RE_ANNUAL_REPORT.match(a.topic))]
    return found


def _reporters(words: str) -> list[str | None]:
    """The organs reporting, written before 关于: a list of organs (县法院、县检察院), the organ
    that entrusted its speaker (副县长李某受县人民政府委托所作的), or the organ of its head
    (县人民法院院长张某所作的)."""
    m = _RE_ENTRUSTED.search(words) or _RE_ON_BEHALF.search(words)
    if m is None:
        listed = organs(words)
        if listed != [None]:
            return listed
        m = _RE_ORGAN_PREFIX.match(words)
    if m is not None:
        name = organ(m.group("organ") if "organ" in m.groupdict() else m.group())
        if name is not None:
            return [name]
    return [None]


def _law_rule(seg: str, masked: str) -> list[Activity]:
    """Rule 5: one row per law inspected.

    (a) 《甲》《乙》…执法检查: the titles written before 执法检查;
    (b) 对甲法、乙条例等N部法律的实施情况进行(执法)检查: the subjects that are law names.
    """
    titles: list[str] = []
    em = re.search(r"执法检查(?!" + _alt(_VOCAB["verb_not_followed_by"]) + ")", masked)
    if em is not None and not _deputies_act(masked[:em.start()]):
        titles = _law_titles(seg[:em.start()])
    if not titles:
        for tm in _RE_TOPIC_VERB.finditer(masked):
            if tm.group("verb") not in _LAW_VERBS or _deputies_act(masked[:tm.start()]):
                continue
            raw = seg[tm.start("topic"):tm.end("topic")]
            titles = _law_titles(raw) or _law_names(raw)
            if titles:
                break
    if not titles:                  # (c) 检查《甲》贯彻实施情况: the laws after the verb
        om = _RE_LAW_OBJECT.search(masked)
        if om is not None and not _deputies_act(masked[:om.start()]):
            titles = _law_titles(seg[om.start("laws"):om.end("laws")])
    return [Activity("law_enforcement_inspection", None, t) for t in dict.fromkeys(titles) if t]


def _law_titles(raw: str) -> list[str]:
    """Rule 5: the titles in 《》 of a text, not a short name pointing back to a law named
    before (对照《条例》逐条检查, 《实施办法》)."""
    titles = [m.group(1).strip() for m in _RE_TITLE.finditer(raw)]
    return [t for t in titles if t and not _RE_SHORT_TITLE.fullmatch(t)]


def _law_names(raw: str) -> list[str]:
    """Law names of a subject written without 《》 (大气污染防治法、统计法等6部法律的实施情况)."""
    names: list[str] = []
    for part in raw.split("、"):
        law = re.sub(r"等.*$", "", part)          # 统计法等6部法律的实施情况 -> 统计法
        law = trim(law) or ""
        law = _RE_LAW_IMPL.sub("", law)            # 食品安全法贯彻实施 -> 食品安全法
        law = trim(law) or ""
        if law and _RE_LAW.search(law):
            names.append(law)
    return names


def _theme_rule(seg: str, masked: str) -> list[Activity]:
    """Rule 6e: 以X为主题的专题询问: X is the subject."""
    m = _RE_THEME.search(masked)
    if m is None or _deputies_act(masked[:m.start()]):
        return []
    topic = trim(seg[m.start("topic"):m.end("topic")])
    return [Activity(TOPIC_VERBS[m.group("verb")], topic)] if names_subject(topic) else []


def _topic_verb_rule(seg: str, masked: str, skip_law: bool) -> list[Activity]:
    """Rule 6: 对X进行<verb>, one row per subject."""
    found: list[Activity] = []
    for m in _RE_TOPIC_VERB.finditer(masked):
        if _RE_AIM.search(masked, 0, m.start()):
            continue  # 加强了对X的监督检查: an aim, not an activity
        verb = m.group("verb")
        method = TOPIC_VERBS[verb]
        if skip_law and verb in _LAW_VERBS:
            continue  # read by rule 5
        if method == "budget_review" and not _RE_BUDGET_TOPIC.search(m.group("topic")):
            continue  # 对X进行审查 is a budget review only when X is a budget
        if _deputies_act(masked[:m.start()]):
            continue
        raw = seg[m.start("topic"):m.end("topic")]
        if "《" in raw and (method == "law_enforcement_inspection" or verb in _LAW_VERBS):
            continue   # a law's inspection: rule 5 (or a short title pointing back)
        rm = _RE_REPORT_SUBJECT.match(raw)
        if rm is not None:      # 针对县政府关于X情况的报告开展专题询问: the report's subject
            topic = trim(rm.group("topic"), keep_extent=True)
            if names_subject(topic):
                found.append(Activity(method, topic, None, organ(rm.group("organ"))))
            continue
        cm = _RE_COUNTED_SUBJECT.match(raw)
        if cm is not None:      # 对其中12个报告开展满意度测评: a counted group
            n = parse_chinese_numeral(cm.group("n"))
            if n is not None:
                found.append(Activity(method, None, None, None, int(n)))
                continue
        for part in split_items(raw):
            topic = trim(part)
            if not names_subject(topic):
                continue
            om = _RE_SUBJECT_THEN_ORGAN.match(topic)
            if om is not None and is_organ(om.group("organ")):
                # 就扬尘治理不力对市住建局开展质询: the subject, then the organ put to it
                found.append(Activity(method, trim(om.group("topic")), None, om.group("organ")))
                continue
            unit = _RE_WORK_OF.sub("", topic)      # 县交通局工作: the organ's work
            if method == "work_appraisal" and (is_organ(unit) or is_unit(unit)):
                # what is appraised is the organ's work: the organ, as written the topic
                found.append(Activity(method, topic, None, unit))
            elif is_organ(unit):
                found.append(Activity(method, None, None, unit))
            else:
                found.append(Activity(method, topic))
    return found


def _object_verb_rule(seg: str, masked: str) -> list[Activity]:
    """Rule 7: 视察了全县重点项目建设情况."""
    m = _RE_OBJECT_VERB.search(masked)
    if m is None or _deputies_act(masked[:m.start()]):
        return []
    found: list[Activity] = []
    for part in split_items(seg[m.start("topic"):m.end("topic")], objects=True):
        topic = trim(part)
        if names_subject(topic):
            found.append(Activity(OBJECT_VERBS[m.group("verb")], topic))
    return found


def _context_verb_rule(seg: str, masked: str, clause_masked: str) -> list[Activity]:
    """Rule 6b: 对X进行调查 is a special investigation in a clause that names 特定问题调查."""
    found: list[Activity] = []
    for regex, method, needs in _CONTEXT_RULES:
        if not needs.search(clause_masked):
            continue
        for m in regex.finditer(masked):
            if _deputies_act(masked[:m.start()]):
                continue
            topic = trim(seg[m.start("topic"):m.end("topic")])
            if names_subject(topic):
                found.append(Activity(method, topic))
    return found


def _counts_a_list(before: str) -> bool:
    """The count ending ``before`` counts the items of a list written after a subject lead
    (对A、B两个专题, 就A和B两个方面), not activities; 听取和审议3项工作报告 is no list."""
    leads = list(_RE_SUBJECT_LEAD.finditer(before))
    return bool(leads) and RE_LIST_JOIN.search(before, leads[-1].end()) is not None


def _next_report(seg: str, masked: str) -> list[Activity]:
    """Rule 8b: a segment that is only a report's name after a report heard (…的报告，县审计
    局关于X的审计工作报告) is one more report of the list."""
    m = _RE_NEXT_REPORT.match(masked)
    if m is None:
        return []
    group = "topic" if m.group("topic") is not None else "topic2"
    raw = seg[m.start(group):m.end(group)]
    if _RE_AUDIT_END.search(seg[:-2]):
        raw = seg[m.start(group):]          # the audit (work) report is what is reviewed
    topic = trim(raw, keep_extent=True)
    if not names_subject(topic):
        return []
    reporter = organ(seg[m.start("organ"):m.end("organ")]) if m.group("organ") else None
    return [Activity("work_report_review", topic, None, reporter)]


def _bare_verb_rule(masked: str, lead: str) -> list[Activity]:
    """Rule 10: a bare method verb after a lead segment (围绕X，开展专题调研) takes its subject."""
    m = _RE_BARE_VERB.match(masked)
    if m is None or _deputies_act(m.group("actor")):
        return []
    items = [t for t in (trim(x) for x in split_items(lead)) if names_subject(t)]
    return [Activity(TOPIC_VERBS[m.group("verb")], t) for t in items]


def _one_per_subject(acts: list[Activity]) -> list[Activity]:
    """Rule 10: organs overseen on one subject (就代表建议办理情况，对市公安局、交通局进行督查)
    are one activity, its ``target_organ`` the organs listed; an appraisal of organs stays one
    row per organ (each is appraised)."""
    merged: list[Activity] = []
    for act in acts:
        prev = merged[-1] if merged else None
        if (prev is not None and act.method == prev.method != "work_appraisal"
                and act.topic == prev.topic and act.topic is not None
                and act.target_organ and prev.target_organ and act.count == prev.count == 1):
            merged[-1] = Activity(prev.method, prev.topic, prev.law_title,
                                  prev.target_organ + "、" + act.target_organ)
        else:
            merged.append(act)
    return merged


def _with_lead(act: Activity, lead: str) -> Activity:
    """Rule 10: one activity with no subject of its own (a group counted 1) takes the lead's."""
    if act.topic is None and act.law_title is None and act.count == 1:
        return Activity(act.method, lead, None, act.target_organ, 1, act.approximate)
    return act


def _with_questioned_organ(act: Activity, clause: str, masked: str) -> Activity:
    """Rule 11: the organ an interpellation is put to, when the clause names it."""
    if act.method != "interpellation" or act.target_organ is not None:
        return act
    for seg in _RE_SEGMENT.finditer(masked):
        m = _RE_ANSWERING_ORGAN.match(seg.group()) or _RE_QUESTIONED_ORGAN.search(seg.group())
        if m is not None:
            questioned = organ(clause[seg.start() + m.start("organ"):seg.start() + m.end("organ")])
            if questioned is not None:
                return Activity(act.method, act.topic, act.law_title, questioned, act.count,
                                act.approximate)
    return act


def _continuation_rule(masked: str, last: Activity) -> list[Activity]:
    """Rule 8: …的报告，并开展专题询问 -> the method on the previous subject."""
    vm = _RE_CONTINUING_VERB.search(masked)
    if vm is None or last.topic is None and last.target_organ is None:
        return []
    return [Activity(TOPIC_VERBS[vm.group("verb")], last.topic, None, last.target_organ)]


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _deputies_act(actor: str) -> bool:
    """The words before the verb make it deputies' work (组织人大代表视察)."""
    return bool(_RE_DEPUTY_ACTOR.search(actor)) and not _RE_COMMITTEE_ACTOR.search(actor)


__all__ = ["Activity", "activities"]
