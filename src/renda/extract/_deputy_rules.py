"""The metric rule table of the ``deputy_activity`` extractor, and how a number is classified.

Read with :mod:`renda.extract.deputy_activity` (the assembly: how the text is walked and a
row is made). This module holds the vocabulary's words turned into the building blocks of the
rules, the ordered table :data:`RULES`, the *families* of what is counted (problems,
suggestions, CPPCC proposals) and :func:`classify`, which gives the metric of one number
written ``@`` in a masked segment, or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from importlib.resources import files
from typing import Any, Iterable

import yaml

from renda.numbers import Quantity

# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------


def load_vocab() -> dict[str, Any]:
    """The YAML vocabulary of this extractor (``vocab/deputy_activity.yml``)."""
    text = (files("renda.extract") / "vocab" / "deputy_activity.yml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


_V = load_vocab()
_W: dict[str, list[str]] = _V["words"]


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of plain words, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def _alt_re(patterns: Iterable[str]) -> str:
    """A non-capturing alternation of regular expressions, in the given order."""
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"


# Building blocks of the rules. In a masked segment ``@`` is the number being classified,
# ``#`` any other number, so ``_G`` ("gap") never runs over a number.
_G = "[^#@]"
_LIST_STOP = "[^#@、和及与并]"  # a gap that stays inside one item of a list
# A gap between a number and the noun it counts (8个乡镇人大代表联络站): one item of a list
# and no verb, so that 8个乡镇实现代表联络站全覆盖 does not count stations.
_NP_VERBS = ("实现|建成|建立|设立|设有|开展|开通|覆盖|通过|依托|进|到|深入|接待|组织|推动|办|提出|收到|"
             "交|承办|在|为|对|由|向|有|是")
_NP_GAP = rf"(?:(?!{_NP_VERBS}){_LIST_STOP})"
# What may stand between a noun and the number that counts it (联络站共8个, 代表建议达120件);
# anything else (议案涉及的38个立法项目) means the number counts something else.
_FILL = "(?:共|计|总计|合计|累计|达到|达|为|有|总数|数量|分别|均|已|是|各)*"
_STATION = _alt(_W["station"])
_POINT = _alt(_W["point"])
_ONLINE = _alt(_W["online"])
_PLACE = _alt(_W["station"] + _W["point"] + _W["station_short"])
# A bracketed alias after a station word (人大代表联络站（代表之家）536个): no number inside.
_ALIAS = "(?:[”」』’]?[（(][^（）()#@]{1,12}[）)])?[”」』’]?"  # also a closing quote: “代表之家”8个
# 进站, 进家（站）, 进室: not 进家入户 / 进家门 (a household visit) nor 进点位.
_ENTER = _alt(_W["station_entry"]) + "(?:[（(][站点室家][）)])?(?![庭入门里中位])"
_DUTY = _alt(_W["duty"])
_VISIT = _alt(_W["visit_verb"])
_PEOPLE = _alt(_W["people"])
_PUBLIC = _alt(_W["public"])  # whose suggestions collected at a station are problems
_RECEIVE = _alt(_W["receive_verb"])  # 接待, 接访
_PROBLEM = _alt(_W["problem"])
_OPINION = _alt(_W["opinion"])
_COLLECT = _alt(_W["collect_verb"]) + "(?!的)"  # 反映的问题: a verb before 的 is a modifier
_RESOLVE_VERB = "(?<![未没逐正需待])" + _alt(_W["resolve_verb"]) + "(?!率)"  # not 尚未解决
_RESOLVE = _RESOLVE_VERB + "(?!的)"  # 需要解决的问题: a verb before 的 is a modifier
_SUGG = _alt(_W["suggestion"])
_SUGG_ANY = f"(?:{_OPINION}|{_SUGG})"
_MOTION = "议案(?![、和及与]?建议)"  # 议案建议 / 议案和建议 are suggestions
_SUBMIT = _alt(_W["submit_verb"])
_HANDLE = "(?<![交督承领转催])" + _alt(_W["handle_verb"]) + "(?!率|单位)"
_DONE = rf"(?:已经?|均已?|都已?|全部|已全部|均已全部|现已|目前已)+ (?:{_HANDLE})"  # 已全部办复
_CPPCC = _alt(_W["cppcc"])
_TRAIN = _alt(_W["training"])
_INSPECT = _alt(_W["inspection"])
_APPRAISAL = _alt(_W["appraisal"])
_FORMAL = _alt(_W["formal_suggestion"])
_RATES: dict[str, list[str]] = _V["rates"]
_RATE_RES = _alt(_RATES["resolution_rate_pct"])
_RATE_RESP = _alt(_RATES["response_rate_pct"])
_RATE_SAT = _alt(_RATES["satisfaction_rate_pct"])
_RATE_WORD = rf"(?:{_RATE_SAT}|{_RATE_RES}|{_RATE_RESP})"

# Deputies, with what may stand before them (全国、省、市、县人大代表). The document's own
# place names are hidden behind private-use characters before the patterns run (see
# renda.extract._deputy_context._hide_places), so one mark run stands for any of them.
_PLACE_MARKS = "\ue000-\ue0ff"  # private-use code points: never in a normalized report
_MODS = rf"(?:(?:{_alt(_V['actor_modifiers'])}|[{_PLACE_MARKS}]+)、?)"  # 全国、省、市、县人大代表
# What makes 代表 the first word of a station's name rather than the deputies: a station
# noun, perhaps after a short modifier (代表民情联络站, 代表履职服务站, 代表之家), but not
# after a verb of going there (代表进站, 代表定期到联络站, 代表深入站所).
_STATION_AFTER = ("(?:(?!进|到|驻|在|入|赴|去|回|深入|走进|前往)[\u4e00-\u9fff]){0,4}?"
                  "(?:站(?![长起出])|室|之家|家园|联络点|联系点)")
# Any deputy noun phrase.
_DEPUTY_RE = re.compile(
    rf"""
    (?P<actor>{_MODS}* (?:代表团|人大代表|代表) 们?)   # 省市县人大代表, 代表们, 代表团
    (?!联络|联系|之家|工委|工作委员会|大会|{_STATION_AFTER})  # not a station or a body
    """,
    re.VERBOSE,
)

# Units a metric accepts (as read by renda.numbers).
_PLACES = frozenset({"个", "家", "所", "处", "座"})
_TIMES = frozenset({"次", "人次", "场", "批"})
_PERSONS = frozenset({"人次", "人", "名", "位"})
_ITEMS = frozenset({"个", "件", "条", "项", "类", "份", "批"})
_SESSIONS = frozenset({"期", "次", "场", "批", "轮"})
_PERCENT = frozenset({"%"})


# --------------------------------------------------------------------------------------
# The rule table
# --------------------------------------------------------------------------------------

# What the sentence must show for a rule to apply (checked in _context_ok):
#   none       nothing more than the rule's own words
#   station    a deputy, a station or voters are named, or the actor is leadership/deputies,
#              or 该站 follows a sentence that named a station
#   suggestion deputies or 议案 are named (建议 alone may be anybody's), or were named in the
#              sentences just before
#   deputy     代表 is written in the sentence
#   deputy_before  deputies are named earlier in the sentence (邀请代表列席…，参加视察…)
#   congress   代表 or 人大 is written in the sentence (a bare 联络站 may be anybody's), or a
#              congress's station was named in the sentences just before (联络站下设8个联络点)
#   rate       decided by the family of what was counted before the rate (see _rate_metric)
#   reception_before  people were received earlier in the sentence (接待选民169人次，提出
#              意见建议150件: the voters' opinions, collected)
#   key_after  the rest of the clause sends the suggestions counted to key oversight
#              (860件建议合并归类为91项，交由有关专门委员会重点督办)
#   training_after  the rest of the clause has them attend a training (80余名全国人大代表…，
#              共120余人参加了这期研讨班)
#   satisfied_before  the segment before says how many were rated satisfied (满意70件，占86.4%)
#   handled_before  the segment before counts suggestions handled (承办…326件，其中…)
#   done_after  the next segment says they were all handled (…712件代表建议，已全部办复)
#   each_unit_after  the rest of the clause sets up a station in each of the units counted
#              (以6个办事处为基础，在每个办事处设立人大代表联络站)
#   inspection_before  (exclusions only) an inspection is named earlier in the sentence and
#              nothing marks the suggestions as formal (see _exclusion_applies)
#   except_after  (exclusions only) the rest of the clause counts the others (除6件…外，其余
#              的166件…): the number is what is left out
#   party_before  (exclusions only) party study (党史学习教育) is named earlier in the sentence
#   deputies_counted_before  (exclusions only) deputies were counted earlier in the sentence,
#              so a total of people after them (共120余人参加) is not the deputies'
# A rule marked ``fallthrough`` whose context fails lets the rules after it try the number;
# any other rule whose context fails gives no row.
_CONTEXTS = ("none", "station", "suggestion", "deputy", "deputy_before", "congress", "rate",
             "reception_before", "key_after", "training_after", "satisfied_before",
             "each_unit_after", "handled_before", "done_after",
             "inspection_before", "except_after", "deputies_counted_before", "party_before")


@dataclass(frozen=True)
class Rule:
    name: str
    metric: str | None  # None: the number is excluded; "family:…": resolved by family
    patterns: tuple[re.Pattern[str], ...]
    units: frozenset[str] | None  # None: any unit
    context: str = "none"
    fallthrough: bool = False  # a failed context lets the next rules try


def _rule(name: str, metric: str | None, units: frozenset[str] | None, context: str,
          *patterns: str, fallthrough: bool = False) -> Rule:
    assert context in _CONTEXTS, context
    return Rule(name, metric, tuple(re.compile(p, re.VERBOSE) for p in patterns), units, context,
                fallthrough)


# Order matters: the first rule that matches a number decides. Rates come first: their
# keywords are unambiguous and _rate_context_ok decides whether a rate that follows CPPCC
# proposals is the deputies' (办复率均达100%); the satisfied share (满意70件，占86.4%) before
# composition shares, which would exclude it; exclusions come next so that nothing later
# can give a row from a CPPCC count, a composition share, an honour, a time limit, a bill
# or a legislative contact point; online stations and liaison points before stations
# (网上联络站 and 联络点 are also 联络站-like words); deputies taking part in receptions
# before people received (参与接待活动的代表227人次 are visits); received people before
# station visits (进站接待群众N人次 counts people); key suggestions before the exclusions of
# a unit's emphasis and of a follow-up, and both before the counts of suggestions; handled
# suggestions before those put forward (承办代表提出的建议88件 is handling); suggestions
# put forward before problems collected (代表提出的意见建议 are suggestions), but opinions
# put forward at a reception after them (接待选民…，提出意见建议150件 are collected);
# resolved suggestions before received ones (已解决的建议 also names 建议); party study and
# everyone at a training before trainings and trainees.
RULES: tuple[Rule, ...] = (
    _rule(
        "basic_satisfaction_alone", None, None, "none",
        rf"(?<![和或及、])基本满意率 {_G}{{0,6}}? @",    # 满意率98%，基本满意率2%: a part only
    ),
    _rule(
        "satisfaction_rate", "satisfaction_rate_pct", _PERCENT, "rate",
        rf"{_RATE_SAT} {_G}{{0,6}}? @",         # 满意率98%, 满意和基本满意率达98.5%
        rf"满意(?:和|或|及)?(?:基本满意)?的? (?:比例)? {_G}{{0,4}}? @",  # 满意或基本满意的占97%
    ),
    _rule(
        # 满意70件，占86.4%: the share of suggestions whose deputies were satisfied, in the
        # segment after their count (基本满意11件，占13.6% is a part: composition_share).
        "satisfied_share", "satisfaction_rate_pct", _PERCENT, "satisfied_before",
        rf"^ 占 {_G}{{0,6}}? @",
        fallthrough=True,
    ),
    _rule(
        "rate", "family:rate", _PERCENT, "rate",
        rf"(?:{_RATE_RES}|{_RATE_RESP}) {_G}{{0,6}}? @",  # 解决率71.6%, 办复率均达100%
    ),
    _rule(
        "cppcc_proposals", None, None, "none",
        rf"(?:{_CPPCC}|政协委员) {_G}* @",      # 政协委员提案65件, 建议和提案150件
        rf"@ {_LIST_STOP}{{0,8}}? {_CPPCC}",    # 65件政协提案
    ),
    _rule(
        "deliberation_opinions", None, None, "none",
        rf"审议意见 {_G}* @",                   # 审议意见建议12条: the committee's, not deputies'
        rf"@ {_LIST_STOP}{{0,6}}? 审议意见",    # 12条审议意见
    ),
    _rule(
        "deferred_suggestions", None, None, "none",
        rf"(?:列入|纳入) {_G}{{0,8}}? 计划 {_G}* @",     # 列入计划逐步解决的15件
        rf"(?:正在|逐步|留作参考|作为参考|暂缓|规划|计划) {_G}{{0,8}} @",  # 正在解决的12件
        rf"(?:难以|无法|不能|暂不能|暂时无法|尚不能|尚无法) {_G}{{0,6}}? @",  # 难以解决的15件
        rf"[B-DＢ-Ｄ]类 {_G}{{0,12}}? @",                 # B类建议14件: not yet solved
    ),
    _rule(
        "minimum_or_subset", None, None, "none",
        rf"(?:至少|最少|不少于|不低于) {_G}{{0,12}}? @",  # 至少列席一次: a norm, not a count
        # 514件议案涉及的59个立法项目: a part, by what it touches (not 145件建议中，A类…,
        # where the count is the whole that the clause goes on to break down)
        rf"@ {_LIST_STOP}{{0,6}}? (?:议案|建议) (?:涉及|中的|所涉)",
    ),
    _rule(
        "composition_share", None, None, "none",
        rf"(?:占|比例|比重|结构) {_G}{{0,6}}? @",  # 妇女代表占27.5%
    ),
    _rule(
        "duration", None, None, "none",
        rf"@ (?:工作日|日内|天内?|小时|个?月内?|周内?|星期)",  # 7个工作日内退回: a time limit
    ),
    _rule(
        # Deputies reporting on their duties to voters (述职) are neither visits nor
        # inspections: 12名镇人大代表进行了述职和评议.
        "duty_reports", None, None, "none",
        rf"@ {_G}{{0,12}}? 述职",
    ),
    _rule(
        # Honours: the stations, deputies or suggestions named excellent are not a stock nor
        # a count of work (9个代表联络站为优秀人大代表联络站, 表彰优秀建议10件).
        "honours", None, None, "none",
        rf"@ {_G}{{0,16}}? (?:被)? (?:评为|评选为|评定为|命名为|授予|确定为|获评|荣获|为) "
        rf"(?:全国|省级|市级|县级|区级)? (?:优秀|先进|示范|模范|标兵|明星|十佳|五星级|四星级|星级)",
        rf"(?:表彰|评选出?|评出|评定出?|命名) [^@]{{0,24}}? @",
    ),
    _rule(
        # 除6件闭会期间建议外，其余的166件…: what is left out of the count that follows.
        "left_out", None, None, "except_after",
        rf"除了? {_G}{{0,12}}? @ {_G}{{0,30}}? 外",
    ),
    _rule(
        "lead_or_co_handled", None, None, "none",
        # 主办建议12件，协办建议5件: a split of a count (not 委员会办公厅).
        rf"(?<![委员])(?:主办|协办|会办)(?![公事理]) {_G}{{0,4}}? @",
    ),
    _rule(
        "aspects", None, None, "none",
        rf"@ (?:方面|领域|大类|类别)",  # 提出7个方面问题和建议: aspects, not items
    ),
    _rule(
        # Bills put to the congress by the government or a committee (提请审议法规议案31件,
        # 人事议案) are not deputies' motions.
        "bills", None, None, "none",
        rf"(?:法规|法律|人事|条例|决定)(?:草案)?议案 {_FILL} @",
        rf"@ {_NP_GAP}{{0,6}}? (?:法规|法律|人事|条例)(?:草案)?议案",
        rf"提请 {_G}{{0,20}}? 议案 {_FILL} @",
    ),
    _rule(
        # 15名特邀列席代表参加会议: attendees of a session who are not its deputies.
        "session_attendees", None, None, "none",
        rf"@ {_G}{{0,6}}? 列席(?:代表|人员)",
    ),
    _rule(
        # Legislative contact points (基层立法联系点) gather opinions on draft laws for a
        # legislative affairs commission: not deputies' liaison points.
        "legislative_contact_points", None, None, "none",
        rf"@ {_G}{{0,10}}? 立法 (?:联系|联络|协商|咨询)? (?:点|站)",
        rf"立法 (?:联系|联络)? (?:点|站) {_G}{{0,6}}? @",
    ),
    _rule(
        "online_stations", "online_liaison_stations", _PLACES, "congress",
        rf"{_ONLINE} {_G}{{0,8}}? {_STATION} {_ALIAS} {_FILL} @",  # 网上代表联络站15个
        rf"@ {_NP_GAP}{{0,8}}? {_ONLINE} {_G}{{0,6}}? {_STATION}",  # 15个网上代表联络站
    ),
    _rule(
        "liaison_points", "liaison_points", _PLACES, "congress",
        rf"{_POINT} {_ALIAS} {_FILL} @",              # 联络点56个, 联系点（站）56个
        rf"@ {_NP_GAP}{{0,10}}? {_POINT}",         # 56个代表联络点
    ),
    _rule(
        "liaison_stations", "liaison_stations", _PLACES, "congress",
        rf"{_STATION} {_ALIAS} {_FILL} @",            # 代表联络站8个, 联络站（代表之家）8个
        rf"@ {_NP_GAP}{{0,10}}? {_STATION}",       # 8个乡镇人大代表联络站
        rf"@ (?:已经?)? (?:建立|建成|设立|挂牌) 的 {_NP_GAP}{{0,8}}? {_STATION}",  # 六个已建立的代表联系站
    ),
    _rule(
        # Deputies taking part in receptions of voters are visits to the station, not people
        # received (参与接待活动的市、区、镇三级代表227人次，接待选民169人次).
        "reception_participants", "station_visits", frozenset({"人次", "人", "名"}), "none",
        rf"(?:参与|参加) {_G}{{0,4}}? 接待 {_G}{{0,12}}? 代表们? {_FILL} @",
        rf"@ {_G}{{0,8}}? 代表们? (?:参与|参加) {_G}{{0,4}}? 接待",
    ),
    _rule(
        "stations_one_per_unit", "liaison_stations", _PLACES, "each_unit_after",
        rf"@ (?P<unit>乡镇|街道|社区|村|办事处|片区|园区|镇|乡)",
        fallthrough=True,
    ),
    _rule(
        "people_received", "people_received", _PERSONS, "station",
        rf"{_RECEIVE} {_G}{{0,10}}? {_PEOPLE} {_FILL} @",   # 接待来访群众1200人次, 接访群众800余人次
        rf"{_RECEIVE} {_G}{{0,4}}? @ {_G}{{0,3}}? {_PEOPLE}",    # 接待1200人次群众
        # 代表与14名选民面对面交流: the voters the deputies met.
        rf"与 {_G}{{0,2}}? @ {_G}{{0,3}}? {_PEOPLE} {_G}{{0,6}}? (?:交流|座谈|交谈|见面|面对面)",
    ),
    _rule(
        "station_visits", "station_visits", _TIMES, "station",
        rf"{_VISIT} {_G}{{0,12}}? {_PLACE} {_G}{{0,10}}? @",  # 深入代表联络站点136次
        rf"进站 {_G}{{0,10}}? @",                             # 代表进站履职701人次
        rf"@ {_G}{{0,4}}? 进站",                              # 701人次进站
        # On duty at a station (进家值班, 在联络站值班): the deputies' turns are visits.
        rf"(?:{_ENTER}|{_PLACE}) {_G}{{0,6}}? {_DUTY} {_G}{{0,8}}? @",  # 进家值班48人次
        rf"@ {_G}{{0,6}}? (?:{_ENTER}|{_PLACE}) {_G}{{0,4}}? {_DUTY}",  # 124人次代表进家值班
        rf"接待 {_G}{{0,8}}? 活动 {_G}{{0,4}}? @",            # 开展接待选民日活动60次
        rf"^ {_G}{{0,4}}? {_DUTY} {_G}{{0,6}}? @",            # 到联络站值守接待，累计值守136人次
    ),
    _rule(
        "key_suggestions", "key_suggestions", _ITEMS, "none",
        rf"重点 (?:督办|处理|办理|代表)* (?:议案|建议) {_FILL} @",  # 重点督办建议5件
        rf"@ {_G}*? (?:列为|确定为|作为|定为|遴选为|确定|选定|为) 重点 (?:督办|处理|代表)* (?:议案|建议|件)",
        rf"@ {_NP_GAP}{{0,4}}? 重点 (?:督办|处理|代表)* (?:议案|建议)",  # 5件重点建议
        rf"^ (?:其中)? @ (?:建议|议案)? (?:由|交由|交) {_G}{{0,12}}? 重点 (?:督办|办理|处理)",  # 其中5件由主任会议成员重点督办
        # 将…38件建议整合为9个重点督办事项: the suggestions merged into key items
        rf"@ {_NP_GAP}{{0,10}}? {_SUGG_ANY} (?:归并|合并|整合|归类|梳理)[^@]{{0,4}}? 为 # {_G}{{0,3}}? 重点",
    ),
    _rule(
        # 860件建议合并归类为91项，交由有关专门委员会重点督办: counted, then sent to key
        # oversight in the same clause.
        "key_suggestions_sent", "key_suggestions", _ITEMS, "key_after",
        rf"@ {_NP_GAP}{{0,10}}? {_SUGG_ANY}",
        fallthrough=True,
    ),
    _rule(
        # 对12件建议进行跟踪督办: suggestions picked out for a follow-up, not a count received.
        "followed_up", None, None, "none",
        rf"对 {_G}{{0,4}}? @ {_NP_GAP}{{0,8}}? (?:建议|议案) {_G}{{0,6}}? (?:督办|督查|回访|跟踪|回头看|评估|测评)",
    ),
    _rule(
        # A handling unit's own emphasis (住房和城乡建设部将…等13件代表建议作为重点，加强
        # 办理) is not the congress's choice of key suggestions, nor a count received.
        "unit_emphasis", None, None, "none",
        rf"@ {_NP_GAP}{{0,10}}? (?:建议|议案) (?:作为|列为|确定为) 重点 (?!{_G}{{0,4}}(?:建议|议案))",
    ),
    _rule(
        "suggestions_class_a", "suggestions_resolved", _ITEMS, "suggestion",
        rf"A类 {_G}{{0,12}}? @",                      # A类（已解决）建议85件
    ),
    _rule(
        "suggestions_handled", "suggestions_handled", _ITEMS, "suggestion",
        # The verb may stand before an earlier item of a list (办理议案#件、建议@件).
        rf"{_HANDLE} [^@]{{0,30}}? {_SUGG_ANY} {_FILL} @",  # 办复人大代表建议84件
        rf"{_HANDLE} {_G}{{0,4}}? @ {_NP_GAP}{{0,10}}? {_SUGG_ANY}",  # 办理84件人大代表建议
        rf"@ {_NP_GAP}{{0,10}}? {_SUGG_ANY} {_DONE}",     # 156件建议已全部办复
        rf"{_SUGG_ANY} {_FILL} @ {_DONE}",              # 代表建议120件全部办结
    ),
    _rule(
        # 承办人大代表建议和政协委员提案326件，其中人大代表建议142件: the deputies' part of a
        # count handled is handled too.
        "handled_part", "suggestions_handled", _ITEMS, "handled_before",
        rf"^ 其中 {_G}{{0,8}}? {_SUGG} {_FILL} @",
        fallthrough=True,
    ),
    _rule(
        # Opinions raised during an inspection (视察…，提出意见建议11条) are not deputies'
        # formal suggestions to a session: excluded unless the sentence marks them formal.
        "opinions_at_inspection", None, _ITEMS, "inspection_before",
        rf"{_SUGG_ANY} {_FILL} @",                          # 提出意见建议11条
        rf"@ {_NP_GAP}{{0,10}}? {_SUGG_ANY}",               # 提出11条意见建议
    ),
    _rule(
        "suggestions_put_forward", "suggestions_received", _ITEMS, "suggestion",
        rf"代表们? {_SUBMIT} {_G}{{0,6}}? {_SUGG_ANY} {_FILL} @",   # 代表提出意见建议120件
        rf"代表们? {_SUBMIT} 的? {_G}{{0,4}}? @ {_NP_GAP}{{0,6}}? {_SUGG_ANY}",  # 代表提出的100件意见建议
        rf"{_SUBMIT} {_G}{{0,4}}? 代表 {_G}{{0,4}}? {_SUGG_ANY} {_FILL} @",  # 收到代表意见建议120件
    ),
    _rule(
        # After people were received in the sentence, the opinions put forward are theirs,
        # collected at the reception (接待选民169人次，提出意见建议150件).
        "opinions_at_reception", "problems_collected", _ITEMS, "reception_before",
        rf"^ {_G}{{0,6}}? {_OPINION} {_FILL} @",
        rf"^ {_G}{{0,6}}? @ {_NP_GAP}{{0,6}}? {_OPINION}",
        fallthrough=True,
    ),
    _rule(
        "problems_collected", "problems_collected", _ITEMS, "station",
        rf"{_COLLECT} (?:(?!{_RESOLVE}){_G}){{0,10}}? (?:{_PROBLEM}|{_OPINION}) {_FILL} @",
        rf"{_COLLECT} {_G}{{0,6}}? @ {_NP_GAP}{{0,8}}? (?:{_PROBLEM}|{_OPINION})",
        # The public's suggestions, collected (收集群众建议3项), are problems, not deputies'.
        rf"{_COLLECT} {_G}{{0,4}}? {_PUBLIC} 的? (?:建议|意见) {_FILL} @",
        # Opinions alone, collected (征集意见19条, 收集到各类意见56条), are the public's too;
        # not the deputies' (收到代表意见15件), not a draft's (意见稿), not a deliberation's,
        # not the last word of deputies' 建议、批评和意见.
        rf"{_COLLECT} 到? (?:(?!代表|审议|建议|批评){_G}){{0,6}}? 意见 (?!稿|建议) {_FILL} @",
        rf"{_COLLECT} 到? {_G}{{0,4}}? @ (?:(?!代表|审议|建议|批评){_NP_GAP}){{0,6}}? 意见 (?!稿|建议)",
        rf"{_COLLECT} {_G}{{0,6}}? @ {_NP_GAP}{{0,4}}? {_PUBLIC} 的? (?:建议|意见)",
        # 收集2800余条事关发展稳定、民生福祉的意见、建议: a longer modifier ending in 的.
        rf"{_COLLECT} {_G}{{0,6}}? @ {_G}{{0,16}}? 的 (?:{_PROBLEM}|{_OPINION})",
        # 收集涉及交通出行、环境整治等方面的意见建议95条: the modifier before the opinions
        rf"{_COLLECT} {_G}{{0,24}}? 的 (?:{_PROBLEM}|{_OPINION}) {_FILL} @",
    ),
    _rule(
        "problems_resolved", "problems_resolved", _ITEMS, "station",
        rf"{_RESOLVE} (?:(?!{_COLLECT}){_G}){{0,10}}? {_PROBLEM} {_FILL} @",  # 解决问题53个
        rf"{_RESOLVE} {_G}{{0,4}}? @ {_NP_GAP}{{0,8}}? {_PROBLEM}",            # 解决53个问题
        rf"@ {_NP_GAP}{{0,10}}? {_PROBLEM} {_G}{{0,6}}? (?:得到|已经?|获得|予以)? {_RESOLVE}",
    ),
    _rule(
        "motions_handled", None, None, "none",
        rf"{_HANDLE} {_G}{{0,10}}? {_MOTION} {_FILL} @",   # 办理议案3件: not counted
    ),
    _rule(
        "motions_received", "motions_received", _ITEMS, "none",
        rf"{_MOTION} {_FILL} @",                               # 代表议案5件
        rf"@ {_NP_GAP}{{0,6}}? {_MOTION}",                 # 5件议案
    ),
    _rule(
        "suggestions_resolved", "suggestions_resolved", _ITEMS, "suggestion",
        rf"{_SUGG_ANY} {_G}{{0,8}}? (?:已经?|得到|已得到|已基本|基本)解决 {_G}{{0,4}}? @",
    ),
    _rule(
        "verb_only", "family:verb", _ITEMS, "rate",
        rf"(?P<verb>{_HANDLE}|{_RESOLVE_VERB}|采纳|{_COLLECT}) {_G}{{0,4}}? @",  # 已办结118件, 已解决的92件
        # the verb after the number: 其余118件已全部办结, 其中80个已解决
        rf"@ {_G}{{0,2}}? (?:已经?|均已?|都已?|全部|现已|目前已)+ (?:得到)? (?P<verb>{_HANDLE}|{_RESOLVE_VERB}|采纳)",
    ),
    _rule(
        # 交由省政府研究处理的712件代表建议，已全部办复: the clause after says they were handled.
        "suggestions_done_after", "suggestions_handled", _ITEMS, "done_after",
        rf"@ {_NP_GAP}{{0,10}}? {_SUGG_ANY} $",
        rf"{_SUGG_ANY} {_FILL} @ $",               # …代表建议156件，已全部办结
        fallthrough=True,
    ),
    _rule(
        "suggestions_received", "suggestions_received", _ITEMS, "suggestion",
        rf"{_SUGG_ANY} {_FILL} @",                              # 代表建议120件
        rf"@ {_NP_GAP}{{0,10}}? {_SUGG_ANY}",                # 120件代表建议
    ),
    _rule(
        # The deputies taking part in the activity named before (开展视察调研活动56次，参与
        # 代表1200余人次): trainees, inspections or sessions, by that activity.
        "participants", "family:activity", _PERSONS, "deputy",
        rf"^ (?:共|累计|其中)* (?:参与|参加|出席)的? (?:人大)?代表 {_FILL} @",
        rf"^ (?:共|累计|其中)* (?:参与|参加)(?:活动)?的? (?:人大)?代表 {_FILL} @",
        rf"^ (?:共有|共|有) (?:人大)?代表 @ (?:参加|参与|出席)",  # 本次培训…，共有代表156人参加
        rf"(?:共有|共|有) @ {_MODS}* (?:人大)?代表 (?:参加|参与|出席)",  # 本次执法检查共有12名人大代表参加
    ),
    _rule(
        # Party study (党史学习教育, 理论学习中心组, 读书班) is the party's, not deputies' training.
        "party_study", None, _SESSIONS | _PERSONS, "party_before",
        rf"@",
    ),
    _rule(
        "everyone_at_training", None, frozenset({"人", "名"}), "deputies_counted_before",
        rf"^ (?:共|共计|合计|总计)? @ (?:参加|出席)",
    ),
    _rule(
        "trainings", "trainings", _SESSIONS, "deputy",
        rf"{_TRAIN} {_G}{{0,8}}? @",                  # 举办代表培训班3期
        rf"@ {_NP_GAP}{{0,8}}? {_TRAIN}",          # 举办3期代表培训班
    ),
    _rule(
        "trainees", "trainees", _PERSONS, "deputy",
        rf"{_TRAIN} {_G}{{0,8}}? @",                  # 培训代表300余人次
        rf"(?:参训|受训) {_G}{{0,6}}? @",              # 参训代表200人, 受训代表1500余人次
        rf"对 {_G}{{0,6}}? @ {_G}{{0,10}}? 代表 {_G}{{0,6}}? {_TRAIN}",  # 对216名新当选代表进行集中培训
        rf"(?:参加|参训) (?:{_TRAIN}|学习) 的? {_G}{{0,4}}? @",  # 参加学习的代表6300人次
        rf"@ {_G}{{0,6}}? (?:参加|参训) {_G}{{0,6}}? (?:{_TRAIN}|学习)",  # 5520人次参加学习
    ),
    _rule(
        # The deputies counted in a clause that has them attend a training later on
        # (80余名全国人大代表和…的同志，共120余人参加了这期研讨班: 80 deputies trained).
        "deputies_at_training", "trainees", frozenset({"名", "位", "人"}), "training_after",
        rf"@ {_MODS}* (?:人大)?代表们? (?!联络|联系|之家|工委|小组|工作)",
        fallthrough=True,
    ),
    _rule(
        "sessions_attended", "sessions_attended", _PERSONS | {"次"}, "deputy",
        rf"列席 {_G}{{0,16}}? (?<![、，,]) @",        # 邀请代表列席常委会会议56人次
        rf"@ {_G}{{0,6}}? 列席",                      # 代表56人次列席
        rf"@ {_G}{{0,10}}? 代表们? 列席",             # 组织58名全国和省人大代表列席常委会会议
    ),
    _rule(
        # Attendance in persons (人次): 组织代表开展视察、调研等活动25次 counts activities.
        "inspections_attended", "inspections_attended", _PERSONS, "deputy",
        rf"代表 {_G}{{0,16}}? {_INSPECT} {_G}{{0,10}}? @",  # 组织代表参加执法检查、视察800人次
        rf"@ {_G}{{0,6}}? (?:参加|参与|开展|进行) {_G}{{0,8}}? {_INSPECT}",  # 3800人次参加执法检查
        rf"@ {_G}{{0,10}}? 代表们? (?:参加|参与|开展|进行) {_G}{{0,8}}? {_INSPECT}",  # 组织20余名省市县人大代表开展集中视察
    ),
    _rule(
        # A segment that opens with the verb, its subject the deputies named before it in
        # the sentence (邀请代表列席…，参加执法检查和视察活动1300多人次); 人次 only, so that a
        # body's own count (参加执法检查5次) is not read as deputies' attendance.
        "inspections_attended_no_subject", "inspections_attended", frozenset({"人次"}),
        "deputy_before",
        rf"^ (?:并|还|共|累计|先后|积极|主动|组织|邀请|带领)* (?:参加|参与) "
        rf"{_G}{{0,12}}? {_INSPECT} {_G}{{0,10}}? @",
    ),
)

# Families of what is counted, to read verb-only numbers and rates: "problems" (collected
# at stations), "suggestions" (deputies'), "cppcc" (proposals were named last, so a bare
# rate or verb after them is not the deputies' alone).
_FAMILY_RE = re.compile(
    rf"""
      (?P<op>{_OPINION})                      # 意见建议: problems after a collecting verb
    | (?P<cppcc>{_CPPCC})                     # CPPCC proposals
    | (?P<sugg>{_SUGG}|{_MOTION}              # suggestions, motions,
        |(?<![众民])所提出?的?{_PROBLEM})        # 其中所提问题已解决的208件 (not 群众所提问题)
    | (?P<prob>{_PROBLEM})                    # problems, demands, difficulties
    """,
    re.VERBOSE,
)
_OPINION_AS_PROBLEM = re.compile(rf"{_COLLECT}|群众|选民")
# Every word of a family holds one of these (a cheap test first: checked by the unit tests).
_FAMILY_HINT = re.compile("[议案题求难意盼]")

# Metrics by how their actor is chosen (see _actor_for).
_HANDLING = frozenset({"suggestions_handled", "suggestions_resolved", "response_rate_pct",
                       "satisfaction_rate_pct"})
_RECEIVED = frozenset({"suggestions_received", "motions_received"})
_DEPUTIES_OWN = frozenset({"trainees", "inspections_attended", "sessions_attended"})
_AT_STATIONS = frozenset({"station_visits", "people_received", "problems_collected",
                          "problems_resolved"})
# Metrics whose deputies may be written after the number (130多人次代表参加执法检查).
_COUNTED_AFTER = _RECEIVED | _DEPUTIES_OWN | {"station_visits"}
_STOCKS = frozenset({"liaison_stations", "liaison_points", "online_liaison_stations"})
_RATE_METRICS = frozenset({"resolution_rate_pct", "response_rate_pct", "satisfaction_rate_pct"})

_STATION_CONTEXT = re.compile(rf"代表|{_PLACE}|进站|选民")
# Other desks that take the public's requests (a hotline, the letters-and-visits office, a
# court): a sentence naming one speaks of it, not of the station named before.
_OTHER_DESK_RE = re.compile(_alt(_W["other_desks"]))
_BODIES = frozenset({"standing_committee", "leadership"})  # who do not put suggestions forward
_STATION_ANAPHORA = re.compile(_alt(_W["station_anaphora"]))  # 该站, 本站
_SUGGESTION_CONTEXT = re.compile(
    r"""
      代表 | 议案 | 建议、?批评                 # deputies', by name
    | 人大(?!常委会)[^。]{0,10}?会议 | 大会期间 | 闭会期间  # the session they are put to
    """,
    re.VERBOSE,
)
_NEW_STATION = re.compile(_alt(_V["new_station_verbs"]))
_EVERY = re.compile(r"均|都|全部")  # 办复率均达100%: the rate holds for each kind


def _family(masked: str) -> str | None:
    """The family of the last thing named in the text: problems or suggestions."""
    last: str | None = None
    if not _FAMILY_HINT.search(masked):
        return None
    for m in _FAMILY_RE.finditer(masked):
        if m.group("op"):
            last = "problems" if _OPINION_AS_PROBLEM.search(masked[:m.start()]) else "suggestions"
        elif m.group("cppcc"):
            last = "cppcc"
        elif m.group("sugg"):
            last = "suggestions"
        else:
            last = "problems"
    return last


@dataclass(frozen=True)
class _Where:
    """Where a number stands: what the context of a rule is checked against."""

    sentence: str
    before: str  # the sentence before the number's segment (quotes blanked)
    actor_type: str | None  # the type of the subject carried to the segment
    doc_type: str
    suggestions_near: bool  # deputies' suggestions were named in the sentences just before
    stations_near: bool  # so was a liaison station
    congress_stations_near: bool = False  # …in a sentence naming deputies or the congress
    after: str = ""  # the rest of the number's clause after its segment (quotes blanked)


# Cheap exits before the table: a number in a unit no metric takes (元, 平方米, 公里) gives no
# row whatever the exclusions say; a percentage gives one only beside a rate word, 满意 or
# 占 (every pattern of a rule taking % holds one: checked by the unit tests).
_METRIC_UNITS = frozenset().union(*(r.units for r in RULES if r.metric and r.units))
_PERCENT_HINT = re.compile("率|满意|占")


# 议案和建议分别为5件和120件 / 办复率、满意率分别达到100%和98.5%: a list of things counted,
# then their figures in the same order.
_RESPECTIVELY_RE = re.compile(
    r"(?P<items>[^#@]+?)(?:分别|依次)(?:为|是|达到|达|有)?(?P<figures>[#@](?:[、和及与][#@])+)")
_ITEM_STOP_RE = re.compile("[、和及与]")


# 满意率由上年的92%提高到98%: the figure the rate rose to is the year's; the one it rose from
# is an earlier year's.
_FROM_TO_RE = re.compile(
    r"由(?:上年|去年|上一年|前年)?的?(?P<first>[#@])[^#@]{0,4}?(?:提高|提升|上升|增长|增加|下降|降低)?(?:到|至)(?P<second>[#@])")


def _reread(masked: str) -> str | None:
    """The masked segment as the rules should read it: a figure given respectively stands
    after its own item; the figure a change goes to stands after what changed; the figure a
    change comes from is no figure of the report's (None)."""
    m = _FROM_TO_RE.search(masked) if "由" in masked else None
    if m:
        if m.group("first") == "@":
            return None
        if m.group("second") == "@":
            return masked[: m.start()] + "@" + masked[m.end():]
    return _respective(masked)


def _respective(masked: str) -> str:
    """The masked segment as if the figure written @ stood right after its own item of a
    list counted respectively (议案和建议分别为#和@ -> 建议@), or the segment itself."""
    m = _RESPECTIVELY_RE.search(masked) if "分别" in masked or "依次" in masked else None
    if m is None:
        return masked
    items = _ITEM_STOP_RE.split(m.group("items"))
    figures = [c for c in m.group("figures") if c in "#@"]
    if "@" not in figures or len(items) != len(figures):
        return masked
    return items[figures.index("@")] + "@"


def _classify(masked: str, q: Quantity, family: str | None,
              where: _Where) -> tuple[str, str] | None:
    """(metric, the masked segment) for the number written @, or None."""
    reread = _reread(masked)
    if reread is None:
        return None
    if reread != masked and _RESPECTIVELY_RE.search(masked):
        # 接待选民、提出意见建议分别为#和@: the items listed before the figure's own item
        # come before it in the reading too (the voters were received, then opinions raised)
        items = masked[: masked.find("分别") if "分别" in masked else masked.find("依次")]
        where = replace(where, before=where.before + items)
    masked = reread
    if q.unit not in _METRIC_UNITS or (q.unit == "%" and not _PERCENT_HINT.search(masked)):
        return None
    for rule in RULES:
        if rule.units is not None and q.unit not in rule.units:
            continue
        match = next((m for p in rule.patterns if (m := p.search(masked))), None)
        if match is None:
            continue
        if rule.metric is None:
            if rule.context == "none" or _exclusion_applies(rule.context, masked, where):
                return None  # excluded
            continue
        metric: str | None = rule.metric
        if metric == "family:rate":
            metric = _rate_metric(match.group(0), family)
        elif metric == "family:verb":
            metric = _verb_metric(match.group("verb"), family)
        elif metric == "family:activity":
            metric = _activity_metric(where.before + masked[: masked.index("@")])
        if metric is None:
            continue
        if rule.context == "rate":
            ok = _rate_context_ok(metric, masked, where, family)
        else:
            ok = _context_ok(rule.context, where, metric, match)
        if not ok:
            if rule.fallthrough:
                continue
            return None
        return metric, masked
    return None


_RATE_PAIR_RE = re.compile(
    rf"""
    (?P<first>{_RATE_WORD})          # 办复率
    (?:和|与|及|、)                  # 和
    (?P<second>{_RATE_WORD})         # 满意率
    (?:均|都)                        # 均为100%: one figure for both rates
    {_G}{{0,4}} @
    """,
    re.VERBOSE,
)


def _rate_pair(masked: str, metric: str, family: str | None) -> list[str]:
    """[metric], or both metrics of 办复率和满意率均为100%."""
    m = _RATE_PAIR_RE.search(masked)
    if metric not in _RATE_METRICS or m is None:
        return [metric]
    pair = [_rate_metric_of_word(m.group(w), family) for w in ("first", "second")]
    return [x for x in dict.fromkeys(pair) if x is not None] or [metric]


def _rate_metric_of_word(word: str, family: str | None) -> str | None:
    if _RATE_SAT_RE.fullmatch(word):
        return "satisfaction_rate_pct"
    return _rate_metric(word, family)


def _rate_metric(matched: str, family: str | None) -> str | None:
    if _RATE_RES_RE.match(matched):
        return "resolution_rate_pct"
    if family == "problems":
        return "resolution_rate_pct"
    if family in ("suggestions", "cppcc"):
        return "response_rate_pct"  # after proposals: kept only with 均 (_rate_context_ok)
    return None


_ACTIVITY_RE = re.compile(
    rf"(?P<train>{_TRAIN})|(?P<inspect>{_INSPECT})|(?P<attend>列席)|(?P<station>{_PLACE}|接待)")


def _activity_metric(before: str) -> str | None:
    """The attendance metric of the last activity named before a count of participants."""
    last = None
    for last in _ACTIVITY_RE.finditer(before):
        pass
    if last is None:
        return None
    if last.group("train"):
        return "trainees"
    if last.group("station"):
        return "station_visits"  # 各联络站开展活动120场次，参与代表860人次
    return "inspections_attended" if last.group("inspect") else "sessions_attended"


_PROBLEM_SOLVED = re.compile(rf"{_RESOLVE_VERB}|办复|办完|办理完毕")
_COLLECT_RE = re.compile(_COLLECT)
_HANDLE_RE = re.compile(_HANDLE)
_RATE_SAT_RE = re.compile(_RATE_SAT)
_RATE_RES_RE = re.compile(_RATE_RES)
_CPPCC_RE = re.compile(_CPPCC)
_SUGG_OR_HANDLE_RE = re.compile(rf"{_SUGG}|{_MOTION}|{_HANDLE}")
_SUGG_OR_DEPUTY_RE = re.compile(rf"{_SUGG}|{_MOTION}|代表")
_TITLED_RE = re.compile(r"建议|议案")


def _verb_metric(verb: str, family: str | None) -> str | None:
    """A number after a bare verb (已办结118件) counts what the paragraph was counting.

    For problems, 办理/承办 (being handled, forwarded) is not solved."""
    if family == "problems":
        if _COLLECT_RE.fullmatch(verb):
            return "problems_collected"
        return "problems_resolved" if _PROBLEM_SOLVED.fullmatch(verb) else None
    if family == "suggestions":
        if _HANDLE_RE.fullmatch(verb):
            return "suggestions_handled"
        if verb in ("解决", "采纳"):
            return "suggestions_resolved"
        return None
    return None


_INSPECT_RE = re.compile(_INSPECT)
_AT_A_STATION_RE = re.compile(rf"{_PLACE}|{_ENTER}")
_FORMAL_RE = re.compile(_FORMAL)
_APPRAISAL_RE = re.compile(_APPRAISAL)
_CLAUSE_TAIL_RE = re.compile("[；;]")
_PARTY_STUDY_RE = re.compile(_alt(_W["party_study"]))
_DONE_AFTER_RE = re.compile(rf"[，,]\s*{_DONE}")
_OTHERS_AFTER_RE = re.compile(r"[，,；;]?\s*(?:而|但)?(?:其余|其他|其它|余下|剩余|剩下)")
_DEPUTIES_COUNTED_RE = re.compile(
    rf"[0-9零〇一二两三四五六七八九十百千]+[余多]?(?:名|位){_MODS}*(?:人大)?代表")
_EACH_HAS_STATION_RE = re.compile(
    rf"每个[\u4e00-\u9fff]{{1,4}}?(?:都|均)?(?:设立|建立|建成|设有|挂牌)了?{_G}{{0,6}}?{_STATION}")
_RECEPTION_RE = re.compile(rf"{_RECEIVE}{_G}{{0,10}}?{_PEOPLE}")
# …，交由有关专门委员会重点督办 — with no other figure before it (…，其中5件由主任会议重点
# 督办: the 5 are the key ones, not the count before).
_KEY_AFTER_RE = re.compile(
    r"[^0-9〇一二两三四五六七八九十百千。；;]{0,20}?(?:交由|交给|交|由|列为|确定为|作为)"
    r"[^0-9〇一二两三四五六七八九十百千。；;]{0,20}?(?:重点(?:督办|办理|处理)|领衔督办)")
_TRAINING_AFTER_RE = re.compile(rf"参加{_G}{{0,12}}?{_TRAIN}")
# 满意70件， / 满意70余件， (written before the segment 占86.4%), not 基本满意 / 不满意.
_SATISFIED_BEFORE_RE = re.compile(
    r"(?<!基本)(?<!不)满意的?(?:有|为)?[0-9零〇一二两三四五六七八九十百千]+[余多]?(?:件|条|项)[，,]$")


def _exclusion_applies(context: str, masked: str, where: _Where) -> bool:
    """Whether an exclusion rule with a context holds for the number written @."""
    if context == "inspection_before":
        # 视察了…，提出意见建议11条: raised at an inspection named before the number;
        # 闭会期间…视察…提出建议 or 代表建议 are still formal suggestions, and opinions
        # gathered on a visit to a station (深入联络站调研，收集意见建议40条) are the
        # station's problems. Read within the number's clause (after ；).
        # Nor those of the people received after the inspection was named (…述职和评议，
        # 共接待选民18人，收集选民意见建议10条: the voters').
        before = _CLAUSE_TAIL_RE.split(where.before + masked[: masked.index("@")])[-1]
        last = None
        for last in _INSPECT_RE.finditer(before):
            pass
        return (last is not None and not _FORMAL_RE.search(where.sentence)
                and not _AT_A_STATION_RE.search(where.sentence)
                and not _RECEPTION_RE.search(before, last.end()))
    if context == "party_before":
        return bool(_PARTY_STUDY_RE.search(where.before + masked[: masked.index("@")]))
    if context == "except_after":
        # 除6件…外，其余的166件: left out; 除了…20项重点督办建议外，还…: besides, counted.
        return bool(_OTHERS_AFTER_RE.match(where.after))
    if context == "deputies_counted_before":
        # 80余名全国人大代表和…的同志，共120余人参加了研讨班: everyone, not the deputies
        return bool(_DEPUTIES_COUNTED_RE.search(where.before))
    raise AssertionError(context)


def _context_ok(context: str, where: _Where, metric: str | None = None,
                match: re.Match[str] | None = None) -> bool:
    sentence = where.sentence
    actor_type = where.actor_type
    if context == "station":
        # 该站接待群众86人次: a station named in the sentences just before
        # or a congress's station named in the sentences just before (代表联络站开展接待活动。
        # 截至目前，已办结群众诉求136件)
        return (bool(_STATION_CONTEXT.search(sentence)) or actor_type in ("leadership", "deputies")
                or (where.stations_near and bool(_STATION_ANAPHORA.search(sentence)))
                or (where.congress_stations_near and not _OTHER_DESK_RE.search(sentence)))
    if context == "suggestion":
        # In a report on deputies' work every 建议 is a deputy's; elsewhere a bare 建议 is
        # a deputy's right after deputies' suggestions were named (where.suggestions_near),
        # unless a body of the congress puts it forward (常委会向政府提出建议15条).
        return (bool(_SUGGESTION_CONTEXT.search(sentence)) or actor_type == "deputies"
                or where.doc_type == "deputy_work_report"
                or (where.suggestions_near
                    and not (metric in _RECEIVED and actor_type in _BODIES)))
    if context == "deputy_before":
        return bool(_DEPUTY_RE.search(where.before))
    if context == "deputy":
        return "代表" in sentence
    if context == "congress":
        return "代表" in sentence or "人大" in sentence or where.congress_stations_near
    if context == "reception_before":
        return bool(_RECEPTION_RE.search(where.before))
    if context == "key_after":
        return bool(_KEY_AFTER_RE.match(where.after))
    if context == "training_after":
        return bool(_TRAINING_AFTER_RE.search(where.after))
    if context == "each_unit_after":
        # 以6个办事处为基础，在每个办事处设立人大代表联络站: one station in each of them.
        each = where.after.find("每个" + (match.group("unit") if match else ""))
        return each >= 0 and bool(_EACH_HAS_STATION_RE.match(where.after, each))
    if context == "handled_before":
        last = where.before.rstrip("，,").rsplit("，", 1)[-1].rsplit(",", 1)[-1]
        return bool(_HANDLE_RE.search(last))
    if context == "done_after":
        return bool(_DONE_AFTER_RE.match(where.after))
    if context == "satisfied_before":
        return (bool(_SATISFIED_BEFORE_RE.search(where.before))
                and _context_ok("suggestion", where, metric))
    return True


def _rate_context_ok(metric: str, masked: str, where: _Where, family: str | None) -> bool:
    """Rates and bare verbs: the family's context, and no CPPCC proposals mixed in."""
    if metric in ("resolution_rate_pct", "problems_collected", "problems_resolved"):
        return _context_ok("station", where)
    if not _context_ok("suggestion", where, metric):
        return False
    window = masked[: masked.index("@")].split("#")[-1]
    if metric == "satisfaction_rate_pct" and family not in ("suggestions", "cppcc") \
            and not _SUGG_OR_HANDLE_RE.search(window):
        return False  # 对某局工作进行满意度测评，满意率92%: an appraisal, not suggestions
    if metric == "satisfaction_rate_pct":
        # 对两个站所开展工作评议…，满意率均在90%以上: an appraisal of organs in the sentence,
        # whatever was counted in the sentences before, unless suggestions are its subject
        # (对代表建议办理工作进行满意度测评). Read within the rate's clause (after ；).
        before = _CLAUSE_TAIL_RE.split(where.before + masked[: masked.index("@")])[-1]
        if _APPRAISAL_RE.search(before) and not _SUGG_OR_HANDLE_RE.search(before):
            return False
    if _CPPCC_RE.search(window):
        # 建议和提案办复率均为100%: the rate holds for each kind only with 均
        return bool(_EVERY.search(window))
    if _SUGG_OR_DEPUTY_RE.search(window):
        return True  # 代表建议办复率100%: named in the rate's own words
    if family == "cppcc" or _CPPCC_RE.search(where.before) \
            or _CPPCC_RE.search(masked, 0, masked.index("@")):
        # 办理代表建议84件、政协提案65件，办复率100%: one rate for both kinds, unless 均
        return bool(_EVERY.search(window))
    return True


