"""Report metadata: a sidecar ``<name>.meta.yml`` when present, otherwise inferred.

Sidecar fields (all optional): ``source_url, title, body, province, city, county,
admin_code, report_year, published_date, licence, retrieved, doc_type, sample``. What the
sidecar gives wins; what it leaves out is inferred from the normalized text by the ordered
rules below, field by field:

* ``fact_free``: why a document states no facts (a law or regulation, a template, a plan);
* ``doc_type``: from the title and the opening (a dateline, a salutation), never body words;
* ``level``: votes of the organs the text names (寿县人大常委会, 镇人大主席团, 全国人大),
  settled against the region (a municipality's 市人大 is province level);
* region (``province``, ``city``, ``county``, ``admin_code``): the gazetteer's reading of the
  places named, weighted by the body and the head, cut at the body's level;
* ``report_year``: the year of the work (a delivery line, a title, a page's date, an NPC
  session, else the most frequent year that is not a quoted title's or a starting point).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from renda.contract import DOC_TYPES, LEVELS
from renda.ingest.gazetteer import MUNICIPALITIES, Mention, Region, load_gazetteer

SIDECAR_FIELDS = (
    "source_url", "title", "body", "level", "province", "city", "county", "admin_code",
    "report_year", "published_date", "licence", "retrieved", "doc_type", "sample",
)


class MetadataError(ValueError):
    pass


@dataclass
class Metadata:
    title: str | None = None
    body: str | None = None
    level: str | None = None
    province: str | None = None
    city: str | None = None
    county: str | None = None
    admin_code: str | None = None
    report_year: int | None = None
    published_date: dt.date | None = None
    doc_type: str = "other"
    source_url: str | None = None
    # Why the document states no facts of the fact tables, when it states none: a law or a
    # regulation (it says what a committee *shall* do), a template with placeholders, spam.
    # Such a document keeps its documents row and gives no fact rows.
    fact_free: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def parse_sidecar(text: str, name: str) -> dict[str, Any]:
    """Parse and check a sidecar; raise :class:`MetadataError` naming the problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise MetadataError(f"{name}: not valid YAML ({exc.__class__.__name__})") from exc
    except ValueError as exc:  # YAML dates that are not dates (2021-13-45)
        raise MetadataError(f"{name}: a value is not an ISO date ({exc})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MetadataError(f"{name}: expected a mapping of fields, got {type(data).__name__}")
    unknown = set(data) - set(SIDECAR_FIELDS)
    if unknown:
        raise MetadataError(f"{name}: unknown fields {sorted(unknown)}")
    if "doc_type" in data and data["doc_type"] not in DOC_TYPES:
        raise MetadataError(f"{name}: doc_type {data['doc_type']!r} not one of {DOC_TYPES}")
    if "level" in data and data["level"] not in LEVELS:
        raise MetadataError(f"{name}: level {data['level']!r} not one of {LEVELS}")
    if "published_date" in data and isinstance(data["published_date"], str):
        try:
            data["published_date"] = dt.date.fromisoformat(data["published_date"])
        except ValueError as exc:
            raise MetadataError(f"{name}: published_date {data['published_date']!r} is not an "
                                "ISO date") from exc
    # retrieved: a date or a UTC time (2026-12-02T03:04:05Z, as renda fetch writes it)
    if "retrieved" in data and isinstance(data["retrieved"], str):
        try:
            data["retrieved"] = dt.datetime.fromisoformat(data["retrieved"].replace("Z", "+00:00"))
        except ValueError as exc:
            raise MetadataError(f"{name}: retrieved {data['retrieved']!r} is not an ISO date "
                                "or time") from exc
    if "retrieved" in data and data["retrieved"] is not None and not isinstance(
            data["retrieved"], dt.date):
        raise MetadataError(f"{name}: retrieved {data['retrieved']!r} is not an ISO date or time")
    if data.get("admin_code") is not None:  # a YAML number (141122) becomes text; null stays null
        data["admin_code"] = str(data["admin_code"])
    return data


# --- inference rules ---------------------------------------------------------------------
#
# Each field is read by an ordered table of rules over the normalized text; the first rule
# that applies wins unless said otherwise. The head is the title and first lines, where a
# page states what it is (a title, a dateline, a salutation).

_HEAD = 400
_CN_NUM = "一二三四五六七八九十百零〇"

# --- documents that state no facts (Metadata.fact_free) -------------------------------
# 1. A law, regulation, rules or constitution: its text is articles (第一条…第二条…) and it
#    speaks of itself (本法, 本条例) or says what shall be done (应当). A report that quotes
#    an article or two has neither five article headings nor that voice.
_RE_ARTICLE = re.compile(rf"(?:^|\n)\s*第[{_CN_NUM}]+条")
_RE_SELF_REFERENCE = re.compile(r"本(?:法|条例|规则|办法|细则|规定|章程|决定|宪法)")
_MIN_ARTICLES = 5
# 1b. A text titled as a law (…工作条例, 关于修改《…》的决定) that amends articles
#     (将第三条修改为) or speaks of itself, however short.
_RE_LAW_TITLE = re.compile(
    r"^[^《》\n]{2,40}(?:法|条例|办法|规定|规则|细则|章程)$|^[^\n]{0,30}关于修改《[^》]+》的决定$")
_RE_AMENDMENT = re.compile(rf"第[{_CN_NUM}]+条(?:第[{_CN_NUM}]+款)?修改为|增加一条|删去第")
# 2. A template: placeholders where a place, a number or a year goes (xx县, XX年, 20xx年,
#    20**年, 19__年, ××镇, 第x届). Latin x is a placeholder only between non-Latin characters
#    and before a unit or level word, so URLs (xxgk) and words are not.
_RE_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])(?:(?:19|20)(?:[xX]{2}|[*＊]{2}|_{2})"  # 20xx年, 20**年, 19__年
    r"|[xX]{1,3}|[×]{1,3}|某某|_{2,})"  # xx县, XX年, ××镇, 第x届, 某某乡, ___年
    r"(?![A-Za-z])(?=_?[省市县区乡镇村街届年月日次名个人件份号期])"
)
# (Asterisks and single underscores only in years: **县人大** is bold type, not a blank.)
_MIN_PLACEHOLDERS = 2
# 3. A template whose numbers were removed: a measure word left right after the verb or
#    preposition that took the number (总人口为人，比上届增加人；今年月份), several times.
_RE_EMPTIED_NUMBER = re.compile(
    r"(?:为|有|共|计|增加|减少|登记|达到?|今年|于)(?:人|个|名|件|户|月份)(?=[，,；;。、比])"
)
_MIN_EMPTIED = 4
# 4. A plan (2024年监督工作计划, 2022年工作要点, 活动方案): what it lists is yet to be done,
#    facts of none of the tables; a report on how a plan went (执行情况, 总结) is no plan.
#    A headline that does something with a plan (审议通过…工作方案, 部署…) is news of an
#    event, not the plan.
_NEWS_VERBS = r"审议|听取|通过|印发|出台|制定|部署|召开|研究|讨论|学习|解读|热议|聚焦|启动|举行"
_RE_PLAN_TITLE = re.compile(
    rf"^(?![^\n]*(?:{_NEWS_VERBS}|执行|完成|落实|情况|总结|报告))[^\n]{{0,30}}"
    r"(?:工作计划|工作要点|工作安排|实施方案|活动方案|工作方案|计划|要点|方案)$")


def infer_fact_free(text: str) -> str | None:
    """Why the document states no facts of the fact tables (rules 1-4 above, in that
    order), or None."""
    articles = {m.group(0).strip() for m in _RE_ARTICLE.finditer(text)}
    if len(articles) >= _MIN_ARTICLES and (
            _RE_SELF_REFERENCE.search(text) or text.count("应当") >= 3):
        return "law or regulation: the text is articles"
    title = text.split("\n", 1)[0]
    if _RE_LAW_TITLE.search(title) and (_RE_AMENDMENT.search(text) or _RE_SELF_REFERENCE.search(text)):
        return "law or regulation: an amendment or a short text under a law's title"
    if len(_RE_PLACEHOLDER.findall(text)) >= _MIN_PLACEHOLDERS:
        return "template: placeholders for places, numbers or years"
    if len(_RE_EMPTIED_NUMBER.findall(text)) >= _MIN_EMPTIED:
        return "template: the numbers were removed"
    if _RE_PLAN_TITLE.search(_title_line(text)):
        return "plan: nothing in it has happened yet"
    return None


# --- doc_type -------------------------------------------------------------------------
# First match wins. Each rule is (doc_type, where it looks, pattern). ``title``: the first
# line; ``head``: the first _HEAD characters. What a document *is* is said by its title
# or its opening (a salutation, a dateline); body text mentions every kind of report
# (会议听取了…执法检查报告, 审议《政府工作报告》), so body words never decide.
_DOC_TYPE_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    # A government work report: its title, or the speaker's formula.
    # (a title that hears or discusses it, 县人大常委会听取审议县政府工作报告, is news)
    ("government_report", "title", re.compile(
        rf"^(?![^\n]*(?:{_NEWS_VERBS}))[^\n]{{0,20}}政府工作报告$"
        r"|^政府工作报告")),
    ("government_report", "head", re.compile(
        r"代表[\u4e00-\u9fff]{0,10}政府[，,]?向大会(?:作|报告)"
        rf"|(?:^|\n)(?![^\n]*(?:{_NEWS_VERBS}))[^\n]{{0,20}}政府工作报告\n")),
    # The other reports a session hears: the budget's and the plan's (the government's),
    # the court's and the procuratorate's (neither congress nor government).
    ("government_report", "title", re.compile(
        r"^[^\n]{0,30}(?:预算执行情况|计划执行情况|决算)[^\n]{0,30}(?:报告|草案)$")),
    ("other", "title", re.compile(r"(?:法院|检察院)工作报告$")),
    # Plans, notices, announcements, explanations: not reports of work done.
    # An announcement of an election's result (补选…代表2名) is an election report.
    ("election_report", "head", re.compile(
        r"^[^\n]{0,40}公告\n[^\n]{0,16}第[0-9０-９一二三四五六七八九十]+号[\s\S]{0,200}(?:补选|选举)")),
    ("other", "title", re.compile(
        rf"^(?![^\n]*(?:{_NEWS_VERBS}))[^\n]*(?:计划|要点|方案|通知|公告|说明|规划)$|公告$")),
    ("other", "head", re.compile(r"^[^\n]{0,40}公告\n第[0-9０-９一二三四五六七八九十]+号")),
    # A report by the government (on the suggestions it handled, say) is the government's.
    ("government_report", "title", re.compile(r"^[^\n]{0,20}人民政府(?:办公室)?关于[^\n]*报告$")),
    # Reports named by their title.
    ("election_report", "title", re.compile(
        r"换届选举(?:工作)?(?:总结|情况|报告|简报)|代表资格(?:的)?审查报告|选举(?:工作)?(?:总结|报告)")),
    ("oversight_report", "title", re.compile(
        r"执法检查(?:组)?(?:的)?报告|执法检查组关于|关于检查《[^\n]*实施情况的报告|调研报告|审议意见")),
    ("deputy_work_report", "title", re.compile(
        r"代表工作(?:情况)?(?:的)?(?:报告|总结)"
        r"|代表(?:议案)?建议.{0,8}办理(?:工作)?情况(?:的)?(?:报告|汇报)")),
    ("congress_report", "title", re.compile(r"常务委员会工作报告|常委会工作报告")),
    # Summaries and briefing papers of other kinds (乡镇人大年度工作总结, …汇报材料).
    ("other", "title", re.compile(r"总结|汇报(?:材料)?$")),
    # A speech to the session that is no government report: the congress's own report.
    ("congress_report", "head", re.compile(r"(?:^|\n)各位代表[:：，,]")),
    # A report read to a standing committee (主任、各位副主任…): its subject says which.
    ("election_report", "head", re.compile(r"^主任、各位副主任[\s\S]{0,300}(?:代表资格|选举产生)")),
    ("oversight_report", "head", re.compile(r"^主任、各位副主任[\s\S]{0,300}执法检查")),
    ("deputy_work_report", "head", re.compile(r"^主任、各位副主任[\s\S]{0,300}代表(?:议案|建议)")),
    # Journal articles, chronicles, yearbooks, research: written about the work, not news.
    ("other", "head", re.compile(r"<正>|课题组|杂志|研究与探索|(?:^|\n)[^\n]{0,12}(?:[县市]志|年鉴)[ \t]*(?:\n|$)")),
    # News: an agency or paper's dateline, a byline, a source line, a photo credit.
    ("news", "head", re.compile(
        r"本报讯|[\u4e00-\u9fff]{1,8}网?讯[(（\s]|网讯|日讯|[【\[][\u4e00-\u9fff]{2,8}讯[】\]]|"
        r"记者|通讯员|新华社|中新社|日电|原标题|来源[:：]|责任编辑|/图[)）]|摄[)）]|报讯|"
        r"发布时间[:：]|(?:日报|晚报|时报|新闻网)\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}|"
        r"外宣办[)）]|据[\u4e00-\u9fff]{2,8}报道")),
    # ... or the lead of a news item: a sentence that opens with the day of the event
    # (12月20日，市人大常委会举办…; 上午8点50分，…; 连日来，…).
    ("news", "lead", re.compile(
        rf"(?:^|[\n。！？!?，,]|日|讯)\s*(?:(?<![年\d])\d{{1,2}}月\d{{1,2}}(?:日|—\d{{1,2}}日)|"
        rf"[上下]午\d{{1,2}}[点时]|连日来|近日|日前|今年以来|昨[天日]|今[天日]上午)"
        # ... or a day followed by the comma of a dateline anywhere in the lead (…大会11月28日，)
        rf"|(?<![年\d])\d{{1,2}}月\d{{1,2}}日(?:[上下]午|晚)?[，,]")),
    # ... or, last, a news desk's sign-off at the end of the page (责任编辑：…, 更多新闻).
    ("news", "tail", re.compile(r"责任编辑|(?:^|[\s(（【])编辑[:：]|更多新闻")),
)
_LEAD = 220  # the lead rule looks at the first characters only
_TAIL = 300  # and the sign-off rule at the last ones


_RE_TITLE_NOTE = re.compile(r"\s*[（(]")


def _title_line(text: str) -> str:
    """The first line as a title, without a bracketed note after it (（2021年10月28日…通过）);
    a line holding a sentence's end is a lead, not a title (3月9日，…作…工作报告。)."""
    title = _RE_TITLE_NOTE.split(text.split("\n", 1)[0].strip(), maxsplit=1)[0]
    return "" if "。" in title or len(title) > 60 else title


def infer_doc_type(text: str, body: str | None = None) -> str:
    """The kind of document: the first rule of :data:`_DOC_TYPE_RULES` that applies; else a
    text that opens with its standing committee as the subject (交城县人大常委会自觉把…)
    speaks for it, a congress report; else other. Only the opening counts: every page
    about a county's congress names its committee again and again."""
    title = _title_line(text)
    head = text[:_HEAD]
    where = {"title": title, "head": head, "lead": text[:_LEAD], "tail": text[-_TAIL:]}
    for doc_type, place, pattern in _DOC_TYPE_RULES:
        if pattern.search(where[place]):
            return doc_type
    first = text.lstrip().split("\n", 1)[0]
    if body and first.startswith(body) and len(first) > 60:  # a paragraph, not a headline
        return "congress_report"
    return "other"


# --- level ----------------------------------------------------------------------------
# The level of the body a document speaks for or is about. Each organ written in the text
# is a vote for its level; the organ itself (人大常委会, 主席团) weighs more than a deputy
# of that level named in passing (县人大代表 in a township's election news), and what the
# title and the opening say weighs double. 市 is settled once the region is known (below).
_LEVEL_WORD = rf"(?:第?[{_CN_NUM}]+届)?"
# (Lookbehinds come after a branch's first character, so that the engine can skip ahead to
# the characters that start an organ word.)
_RE_ORGAN = re.compile(
    r"(?P<national>全国人大|全国人民代表大会|全国政协|委员长)"
    rf"|(?P<province>(?:省|自治区){_LEVEL_WORD}(?:人大|人民代表大会|政协))"
    rf"|(?P<municipal>市(?<![城都]市){_LEVEL_WORD}(?:人大|人民代表大会))"
    rf"|(?P<city>(?:州|盟){_LEVEL_WORD}(?:人大|人民代表大会))"
    rf"|(?P<county>(?:县|区(?<![选社园景小辖片]区)|旗){_LEVEL_WORD}(?:人大|人民代表大会))"
    # (a bare 主席团 is also a session's presidium at any level: only 镇人大主席团 counts)
    rf"|(?P<township>(?:乡|镇|街道){_LEVEL_WORD}(?:人大|人民代表大会)|人大工委)"
)
_RE_CONGRESS_AFTER = re.compile(rf"{_LEVEL_WORD}(?:人大|人民代表大会)")
# The site's owner in its welcome line is who hosts the page, not whom it is about (a
# county congress's site carries its townships' news).
_RE_SITE_OWNER = re.compile(r"欢迎(?:访问|光临|来到)|主办")
# What follows an organ word says how much it weighs: the standing committee, the
# presidium or the session is the organ (3); a deputy of that level, in passing (1).
_RE_ORGAN_ITSELF = re.compile(r"常委会|常务委员会|主席团|工委|会议|第[{}]+次".format(_CN_NUM))
# The reporting body's own area: 全县, 我市, 该镇.
_RE_SCOPE = re.compile(r"(?:全|我|该|本)(?P<w>县|市|镇|乡|省|区)")
# 区 is a district, or an autonomous region (全区 in 西藏's report): settled like 市.
_SCOPE_LEVEL = {"县": "county", "区": "district", "市": "municipal", "镇": "township",
                "乡": "township", "省": "province"}


def _level_votes(text: str, found: list[Mention]) -> Counter[str]:
    votes: Counter[str] = Counter()
    # A congress named with its place (长宁区人大常委会, 广东省人大常委会) is the strongest
    # vote: the text says whose body it is; a municipality's is province level.
    gazetteer = load_gazetteer()
    named_ends: set[int] = set()
    for m in found:
        organ = _RE_CONGRESS_AFTER.match(text, m.end)
        if organ:
            named_ends.add(m.end - 1)
        if organ and not _RE_SITE_OWNER.search(text, max(0, m.start - 6), m.start):
            levels = {d.level for d in gazetteer.by_name.get(m.name, [])}
            if len(levels) == 1:
                weight = 1 if text.startswith("代表", organ.end()) else 4
                votes[levels.pop()] += weight * _position_weight(m.start)
    for om in _RE_ORGAN.finditer(text):
        if om.start() in named_ends:
            continue  # counted above with its place
        level = om.lastgroup or ""
        after = text[om.end():om.end() + 4]
        weight = 1 if after.startswith("代表") else 3 if _RE_ORGAN_ITSELF.match(after) or \
            level == "township" else 2
        votes[level] += weight * _position_weight(om.start())
    for sm in _RE_SCOPE.finditer(text):
        if not text.startswith("两级", sm.end()) and not text.startswith("乡两级", sm.end()):
            votes[_SCOPE_LEVEL[sm.group("w")]] += _position_weight(sm.start())
    return votes


def _position_weight(start: int) -> int:
    """The title and opening say what a page is about; its last paragraphs often move on
    (examples from elsewhere, a related item)."""
    return 4 if start < 150 else 2 if start < 400 else 1


# --- report_year ----------------------------------------------------------------------
_RE_YEAR_OF_WORK = (
    # "刚刚过去的2021年", "回顾2021年", "2021年工作回顾", "2021年，区政府…"
    re.compile(r"(?:刚刚过去的|过去的|回顾)((?:19|20)\d{2})年"),
    re.compile(r"((?:19|20)\d{2})年(?:工作回顾|的工作)"),
)
# Delivery line of a report to a session: "2013年2月28日在海拉尔区第十四届人民代表大会…上"
_RE_DELIVERED = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日在[^\n]{2,40}?(?:会议|大会)上")
# A page's own date, as its chrome prints it (发布时间:2016-12-21; 时间:2021/12/27 10:13;
# 2013年06月09 15:50:29来源; 重庆日报2018-12-04 10:00): the day the item was published.
_RE_PAGE_DATE = re.compile(
    r"(?:(?:发布|发表|更新|成文)?(?:时间|日期)[:：]\s*|(?<=[\u4e00-\u9fff\s|]))"
    r"((?:19|20)\d{2})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?=\s*\d{1,2}:\d{2}|\s*[|丨]|\s*来源)"
)
_RE_PAGE_DATE_LABELLED = re.compile(
    r"(?:发布|发表|更新|成文)?(?:时间|日期)[:：]\s*((?:19|20)\d{2})[-/年.](\d{1,2})[-/月.](\d{1,2})")
# The day of a dateline: a month and day without a year, opening a sentence of past events.
_RE_DATELINE_DAY = re.compile(r"(?<![年\d])(\d{1,2})月\d{1,2}日(?:[上下]午|晚)?[，,]")
# A periodical's issue in the page's breadcrumb or masthead (2025年 > 第12期, 2019年第3期).
_RE_ISSUE = re.compile(r"((?:19|20)\d{2})年\s*[>＞]?\s*第\d{1,2}期")
# A year's accounts, audit or state of affairs is reported in the year after it
# (会议审议了2012年县本级财政决算的报告, 2018年度全省环境状况…的报告): the work done is
# the review, a year later.
_RE_REVIEWED_NEXT_YEAR = re.compile(
    r"((?:19|20)\d{2})年(?:度[^，。；\n《》]{0,24}?情况的?报告"
    r"|度?[^，。；\n《》]{0,24}?(?:决算|审计(?:工作)?报告))")
# A session of the National People's Congress (or the national CPPCC) fixes its year: the
# Nth NPC was elected in _NPC_FIRST_YEAR[N] and meets once a year (十四届全国人大二次会议 =
# 2024). A report on the past year's work delivered at a session covers the year before.
_NPC_FIRST_YEAR = {5: 1978, 6: 1983, 7: 1988, 8: 1993, 9: 1998, 10: 2003, 11: 2008,
                   12: 2013, 13: 2018, 14: 2023, 15: 2028}
_RE_NPC_SESSION = re.compile(
    rf"(?:第?([{_CN_NUM}]+)届全国人民代表大会第([{_CN_NUM}]+)次会议"
    rf"|([{_CN_NUM}]+)届全国(?:人大|政协)([{_CN_NUM}]+)次会议"
    rf"|全国政协([{_CN_NUM}]+)届([{_CN_NUM}]+)次会议)"
)
_RE_WORK_REPORT = re.compile(r"工作报告|一年来|过去一年|去年")
_RE_YEAR = re.compile(r"((?:19|20)\d{2})年")
# Years that are not the year of the work: a law or document quoted by its title
# (《…2010年…》, 2018年修正), a starting point (2013年以来, 2013年至今), a year of a term's
# start in 届 names.
_RE_QUOTED = re.compile(r"《[^》]{0,60}》")
_RE_NOT_WORK_YEAR = re.compile(
    r"((?:19|20)\d{2})年(?:以来|至今|修正|修订|颁布|施行|起施行"
    r"|[\u4e00-\u9fff]{1,4}以来"  # 自2019年建成以来
    r"|(?:[1-9]|1[0-2])?月?(?:建成|成立|设立|创建)"  # 2019年建成, 2019年3月成立
    r")|(?:建成|成立|设立|创建)于((?:19|20)\d{2})年")  # 建成于2020年: a founding is background


def _cn_int(s: str) -> int | None:
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["〇"] = 0
    if not s or any(c not in digits and c != "十" for c in s):
        return None
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)
    return digits[s[0]] if len(s) == 1 else None


def _npc_session_year(text: str) -> tuple[int, bool] | None:
    """(year of the first NPC session named, whether a work report on it is meant)."""
    m = _RE_NPC_SESSION.search(text)
    if not m:
        return None
    groups = [g for g in m.groups() if g]
    term, session = _cn_int(groups[0]), _cn_int(groups[1])
    if term not in _NPC_FIRST_YEAR or not session or session > 5:
        return None
    return _NPC_FIRST_YEAR[term] + session - 1, bool(_RE_WORK_REPORT.search(text[:_HEAD]))


# A page's address that dates it, as CMSs and newspapers file their pages: a folder or file
# name holding the year with the month (and the day): /201812/t20181206_2227395.shtml,
# /c/2024-12-23/, /2016/0629/, /art/2024/5/14/, /20110711/, /content/2021-07/13/. The year
# must open a path segment or follow a separator or a CMS's t (t2018…), so that digits inside
# an id (5c2080c8…) or a counter (9176) are no date; a year alone is a folder (/2018/).
_RE_URL_DATE = re.compile(
    r"(?<=[/_.=t-])((?:19|20)[0-9]{2})(?:[-/_]?(0[1-9]|1[0-2])(?:[-/_]?(0[1-9]|[12][0-9]|3[01]))?"
    r"|/([1-9]|1[0-2])/([1-9]|[12][0-9]|3[01])|(?=/))(?![0-9])")


def date_from_url(url: str | None, today: dt.date) -> tuple[int, dt.date | None] | None:
    """(year, date or None when only the month or year is given) of the date in a page's path
    (not its host, nor its query) that the site filed the page under: the first full date,
    else the first year (…/200803/t20080312_… -> 2008-03-12)."""
    if not url or "://" not in url:
        return None
    path = url.split("://", 1)[1]
    path = path[path.find("/"):] if "/" in path else ""
    path = path.split("?", 1)[0]
    first: tuple[int, dt.date | None] | None = None
    for m in _RE_URL_DATE.finditer(path):
        year = int(m.group(1))
        month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        if not 1979 <= year <= today.year:
            continue
        date = _date(m.group(1), month, day) if month and day else None
        if date is not None and date <= today:
            return year, date
        first = first or (year, None)
    return first


def infer_report_year(text: str, today: dt.date, doc_type: str | None = None,
                      source_url: str | None = None) -> tuple[int | None, dt.date | None]:
    """(report_year, published_date) from the text, by the first rule that gives one:

    1. An explicit year of work (刚刚过去的2021年).
    2. A report delivered to a session in the first months of a year covers the year before
       (政府工作报告 delivered 2013-02-28 -> 2012).
    3. A year in the title (湖南省人大常委会2024年监督工作计划); a government or standing
       committee work report's title year is the year it is delivered, so the year before.
    4. A page's own date (发布时间:2016-12-21): a news item reports what it dates.
    4b. The date in the page's address (…/201812/t20181206_…), the same way: the text
        names none (a page's date line is often lost with its chrome).
    5. A session of the NPC (十四届全国人大二次会议 -> 2024; its work report -> 2023).
    5b. A periodical's issue (2025年 > 第12期).
    6. Otherwise the most frequent plausible year mentioned, leaving out years of quoted
       titles and starting points (2013年以来); a year whose accounts or audit are reviewed
       counts for the year after it (the review is the work).
    """
    head = text[:3000]
    published: dt.date | None = None
    m = _RE_DELIVERED.search(head)
    if m:
        published = _date(m.group(1), m.group(2), m.group(3))
    for rule in _RE_YEAR_OF_WORK:
        m = rule.search(head)
        if m:
            return int(m.group(1)), published
    if published is not None:
        return (published.year - 1 if published.month <= 6 else published.year), published
    title = _RE_QUOTED.sub("", _title_line(text))
    if title:
        m = _RE_YEAR.search(title)
        if m and 1979 <= int(m.group(1)) <= today.year and not _RE_NOT_WORK_YEAR.match(
                title, m.start()):
            year = int(m.group(1))
            if doc_type in ("government_report", "congress_report") and "工作报告" in title:
                year -= 1
            return year, None
    m = _RE_PAGE_DATE_LABELLED.search(text[:_HEAD]) or _RE_PAGE_DATE.search(text[:_HEAD])
    if m:
        page = _date(m.group(1), m.group(2), m.group(3))
        if page is not None and 1979 <= page.year <= today.year:
            # The dateline's day after the page date: a month later in the year than the
            # page's is last year's (a page of 2022-01-05 on 12月30日，…).
            event = _RE_DATELINE_DAY.search(text, m.end(), m.end() + _LEAD)
            if event and int(event.group(1)) > page.month:
                return page.year - 1, page
            return page.year, page
    filed = date_from_url(source_url, today)
    if filed is not None:
        return filed
    m = _RE_ISSUE.search(text[:_HEAD])
    if m and 1979 <= int(m.group(1)) <= today.year:
        return int(m.group(1)), None
    npc = _npc_session_year(text)
    if npc:
        year, on_work_report = npc
        return (year - 1 if on_work_report else year), None
    plain = _RE_QUOTED.sub("", text)
    excluded = Counter(int(a or b) for a, b in _RE_NOT_WORK_YEAR.findall(plain))
    years = Counter(int(y) for y in _RE_YEAR.findall(plain) if 1979 <= int(y) <= today.year)
    years.subtract(excluded)
    if doc_type not in ("government_report", "congress_report"):
        for y in _RE_REVIEWED_NEXT_YEAR.findall(plain):
            years[int(y)] -= 1
            years[int(y) + 1] += 1
    years = +years
    return (years.most_common(1)[0][0] if years else None), published


def _date(y: str, mo: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


# --- body and region ------------------------------------------------------------------
# A congress body: a division the gazetteer knows, written right before the organ.
_RE_BODY_ORGAN = re.compile(r"人大常委会|人民代表大会常务委员会")
_RE_ANY_ORGAN = re.compile(r"(?:第?[{}]+届)?(?:人大|人民代表大会|人民政府|政府|选举委员会)".format(_CN_NUM))


def infer_body(text: str, found: list[Mention] | None = None) -> str | None:
    """The most frequently named standing committee, in its short form (交城县人大常委会),
    when it is named at least twice."""
    counts: Counter[str] = Counter()
    for m in load_gazetteer().find(text) if found is None else found:
        if _RE_BODY_ORGAN.match(text, m.end):
            counts[m.name + "人大常委会"] += 1
    if not counts:
        return None
    body, n = counts.most_common(1)[0]
    return body if n >= 2 else None


def _organ_weights(text: str, found: list[Mention]) -> Counter[str]:
    """Extra evidence for the region: a division written as a congress or government body
    (寿县人大常委会, 孝昌县人民政府) or in the title and opening counts more."""
    weights: Counter[str] = Counter()
    for m in found:
        if _RE_ANY_ORGAN.match(text, m.end):
            weights[m.name] += 2
        if m.start < 150:
            weights[m.name] += 1
    return weights


_RE_CLAUSE_MARK = re.compile(r"[，。；,;:：]")
# A government named in the opening (呼伦贝尔市海拉尔区人民政府): its place is the region.
_RE_GOVERNMENT = re.compile(r"([\u4e00-\u9fff]{2,16}?(?:省|市|县|区|旗))人民政府")


def _title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    if first.startswith(("—", "-", "－")) or _RE_DELIVERED.search(first):
        return None  # a delivery line (——2017年2月11日在…会议上) is not a title
    return first if 2 <= len(first) <= 40 and not _RE_CLAUSE_MARK.search(first) else None


_REGION_KEYS = ("province", "city", "county", "admin_code")
_FINER = {"national": ("province", "city", "county"), "province": ("city", "county"),
          "city": ("county",), "county": (), "township": ()}


def _settle_level(votes: Counter[str], region: Region | None) -> str | None:
    """The level with most votes; 市 read against the region: a municipality's 市人大 is
    province level, a county-level city's is county level, a prefecture's city level; 全区
    is an autonomous region's when the region is one, else a district's."""
    if region is not None and "municipal" in votes:
        if region.province and region.admin_code[:2] in MUNICIPALITIES:
            target = "province"
        elif region.county and region.county.endswith("市"):
            target = "county"
        else:
            target = "city"
        votes[target] += votes.pop("municipal")
    elif "municipal" in votes:
        votes["city"] += votes.pop("municipal")
    if "district" in votes:
        autonomous_region = (region is not None and region.level == "province"
                             and (region.province or "").endswith("自治区"))
        votes["province" if autonomous_region else "county"] += votes.pop("district")
    if not votes:
        return None
    best = max(votes.values())
    # Ties go to the more specific level: the township whose election elects county
    # deputies too is a township's news.
    for level in ("township", "county", "city", "province", "national"):
        if votes.get(level) == best:
            return level
    return None


def infer_metadata(text: str, sidecar: dict[str, Any], today: dt.date) -> Metadata:
    meta = Metadata(extra={k: v for k, v in sidecar.items() if k in ("licence", "retrieved", "sample")})
    meta.fact_free = infer_fact_free(text)
    gazetteer = load_gazetteer()
    found = gazetteer.find(text)
    body = sidecar.get("body") or infer_body(text, found)
    if meta.fact_free and meta.fact_free.startswith("law"):
        doc_type = sidecar.get("doc_type") or "other"
    else:
        doc_type = sidecar.get("doc_type") or infer_doc_type(text, body)
    if doc_type == "government_report" and "body" not in sidecar:
        body = None  # a government report speaks for the government, not a congress body
    year, published = infer_report_year(text, today, doc_type, sidecar.get("source_url"))
    gov = _RE_GOVERNMENT.search(text, 0, 600)
    # The most specific place the sidecar names, else the body's, else the government's.
    prefer = (sidecar.get("county") or sidecar.get("city") or body
              or (gov.group(1) if gov else None))
    region = gazetteer.locate(text, prefer=prefer, weights=_organ_weights(text, found), found=found)
    if region is None and not any(k in sidecar for k in _REGION_KEYS):
        region = gazetteer.by_address(sidecar.get("source_url"))  # the site's own place
    meta.title = sidecar.get("title") or _title(text)
    meta.body = body
    meta.doc_type = doc_type
    meta.source_url = sidecar.get("source_url")
    if meta.fact_free and meta.fact_free.startswith("law"):
        year = None  # a law covers no year's work; its dates are of its adoption
    meta.report_year = int(sidecar["report_year"]) if "report_year" in sidecar else year
    meta.published_date = sidecar.get("published_date") or published

    votes = _level_votes(text, found)
    if meta.fact_free and meta.fact_free.startswith("law") and \
            text.lstrip().startswith("中华人民共和国"):
        votes = Counter({"national": 1})  # a national law is the national congress's
    level = _settle_level(votes, region)
    if level is None and region is not None:
        level = region.level  # no organ written: the place named says it
    if region is not None and sidecar.get("province") and region.province != sidecar["province"]:
        region = None  # the sidecar names the province: a region elsewhere is a misreading
    # A sidecar key wins even when null: `county: null` means "not a county", do not guess.
    for key in _REGION_KEYS:
        value = sidecar[key] if key in sidecar else (getattr(region, key) if region else None)
        setattr(meta, key, value)
    if "level" in sidecar:
        meta.level = sidecar["level"]
    elif any(k in sidecar for k in _REGION_KEYS):
        meta.level = ("county" if meta.county else "city" if meta.city
                      else "province" if meta.province else None)
    else:
        meta.level = level
    # The region stops at the level of the body: a provincial report names its counties,
    # but is not about one of them; a national body has no region.
    for key in _FINER.get(meta.level or "", ()):
        if key not in sidecar:
            setattr(meta, key, None)
    if meta.level == "national" and "admin_code" not in sidecar:
        meta.admin_code = None
    elif meta.level in ("province", "city") and "admin_code" not in sidecar:
        # The code of the division at the body's level: the province's or city's own.
        named = meta.province if meta.level == "province" else meta.city
        codes = [d.code for d in gazetteer.by_name.get(named or "", []) if d.level == meta.level]
        meta.admin_code = codes[0] if len(codes) == 1 else None
    return meta
