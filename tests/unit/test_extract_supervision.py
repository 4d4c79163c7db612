"""The `supervision` extractor: tables of example sentences (written for these tests, in the
styles of the reports they are named after), traps that must give no row, the vocabulary's
integrity, and the real seed report."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import pytest
import yaml

from renda.contract import PERIODS, SUPERVISION, SUPERVISION_METHODS, to_arrow
from renda.extract import supervision
from renda.extract.base import DocContext

COUNTY = DocContext("test-county", "congress_report", 2021, "county", "山西省", "样例市", "样例县")
PROVINCE = DocContext("test-province", "congress_report", 2021, "province", "山西省")
NEWS = DocContext("test-news", "news", None, "county", "山西省", "样例市", "样例县")

# An expected row: (method, topic, law_title, target_organ), optionally followed by the count.
Row = tuple[Any, ...]


@dataclass
class Example:
    text: str
    rows: list[Row]
    ctx: DocContext = COUNTY
    period: str | None = None       # expected period of every row, when checked
    note: str = ""


IR, TS, WR, BR = "inspection_research", "tracking_supervision", "work_report_review", "budget_review"
LE, FR, WA, SI = "law_enforcement_inspection", "filing_review", "work_appraisal", "special_inquiry"
IP, SV = "interpellation", "special_investigation"

# Annual work reports of a county standing committee.
ANNUAL_WORK_REPORTS = [
    Example("对全县农村公路建设情况进行调研，推动交通条件改善。",
            [(IR, "农村公路建设", None, None)], period="annual"),
    Example("聚焦产业发展，对全县中药材产业发展情况进行视察。",
            [(IR, "中药材产业", None, None)], note="发展情况 is a wrapper"),
    Example("对养老服务、医疗救助落实情况进行持续跟踪监督。",
            [(TS, "养老服务", None, None), (TS, "医疗救助落实", None, None)],
            note="a list of phrases gives one row each"),
    Example("对县城区供热、供水、供气情况进行调研。",
            [(IR, "县城区供热、供水、供气", None, None)],
            note="short items are one subject"),
    Example("听取和审议县政府关于全县生态环境保护工作情况的报告。",
            [(WR, "生态环境保护工作情况", None, "县政府")]),
    Example("听取和审议了县法院、县检察院关于司法公开工作情况的报告。",
            [(WR, "司法公开工作情况", None, "县法院"), (WR, "司法公开工作情况", None, "县检察院")]),
    Example("听取和审议了县政府关于2020年国民经济和社会发展计划执行情况的报告、关于2020年财政决算的"
            "报告，审查批准了2020年县本级财政决算和2021年预算调整方案。",
            [(WR, "2020年国民经济和社会发展计划执行情况", None, "县政府"),
             (WR, "2020年财政决算", None, "县政府"),
             (BR, "2020年县本级财政决算", None, None), (BR, "2021年预算调整方案", None, None)],
            note="topics keep their year: it tells apart the 决算 and the 预算 of one sentence"),
    Example("审查批准了县本级财政预算调整方案、政府债务限额调整方案等。",
            [(BR, "县本级财政预算调整方案", None, None), (BR, "政府债务限额调整方案", None, None)]),
    Example("听取审议审计工作报告，督促审计查出问题整改。",
            [(WR, "审计工作报告", None, None)]),
    Example("配合市人大常委会对《中华人民共和国土地管理法》《山西省土地管理条例》实施情况开展执法检查。",
            [(LE, None, "中华人民共和国土地管理法", None), (LE, None, "山西省土地管理条例", None)]),
    Example("听取和审议县政府关于优化营商环境工作情况的报告，并开展专题询问。",
            [(WR, "优化营商环境工作情况", None, "县政府"), (SI, "优化营商环境工作情况", None, "县政府")]),
    Example("加强规范性文件备案审查，对报送备案的规范性文件逐件审查。",
            [(FR, "规范性文件备案审查", None, None)], note="the method named in the topic"),
    Example("综合运用听取报告、执法检查、专题询问等方式，聚焦食品药品安全监管，推动问题整改。",
            [(WR, "食品药品安全监管", None, None)],
            note="means listed: one row, the first means"),
    Example("就全县乡村振兴工作开展视察。", [(IR, "乡村振兴工作", None, None)]),
    Example("对县公安局、县市场监管局开展工作评议。",
            [(WA, "县公安局", None, "县公安局"), (WA, "县市场监管局", None, "县市场监管局")],
            note="the organs appraised are the target and, as written, the topic (the real "
                 "gold's keys name them: they had no topic before)"),
    Example("审议并批准了县人民政府关于2021年县级预算调整方案的议案。",
            [(BR, "2021年县级预算调整方案", None, None)]),
    Example("专题听取和审议城市管理工作情况，并开展满意度测评。",
            [(WR, "城市管理工作情况", None, None), (WA, "城市管理工作情况", None, None)],
            note="a report heard without the word 报告; the appraisal takes its subject"),
    Example("聚焦重大项目建设、重点民生工程，运用会议审议、视察调研、执法检查等方式推动落实。",
            [(WR, "重大项目建设、重点民生工程", None, None)], note="subject before the means"),
    Example("听取审议了县政府关于教育工作情况报告、县法院执行工作情况的报告。",
            [(WR, "教育工作情况", None, "县政府"), (WR, "执行工作情况", None, "县法院")]),
    Example("审查、批准2021年国民经济和社会发展计划执行情况报告及2022年国民经济和社会发展计划。",
            [(BR, "2022年国民经济和社会发展计划", None, None)],
            note="last year's execution report goes with this year's plan: one review (the "
                 "real gold takes the plan only; this example gave two rows before)"),
    Example("常委会审查和批准了2020年财政决算和2021年财政收支预算的部分变更。",
            [(BR, "2020年财政决算", None, None), (BR, "2021年财政收支预算", None, None)]),
    Example("听取和审议县政府关于安全生产工作情况的报告；对《消防法》进行执法检查。",
            [(WR, "安全生产工作情况", None, "县政府"), (LE, None, "消防法", None)],
            note="one clause each"),
]

# Reports on a five-year term.
FIVE_YEAR_REPORTS = [
    Example("五年来，共听取和审议专项工作报告48项，开展执法检查23次，组织视察调研60余次。",
            [(WR, None, None, None, 48), (LE, None, None, None, 23), (IR, None, None, None, 60)],
            period="multi_year"),
    Example("本届以来，对《中华人民共和国水污染防治法》开展执法检查。",
            [(LE, None, "中华人民共和国水污染防治法", None)], period="multi_year"),
    Example("常委会对县政府组成部门开展满意度测评。",
            [(WA, "县政府组成部门", None, "县政府组成部门")]),
    Example("五年来，听取和审议“一府一委两院”专项工作报告61项，书面审议专项工作报告24项。",
            [(WR, None, None, "一府一委两院", 61), (WR, None, None, None, 24)], period="multi_year",
            note="two counted groups of one kind; the organs reporting in quotes"),
    Example("过去五年，共组织检查21部法律法规的实施情况，听取和审议98项区“一府两院”工作报告，"
            "组织开展700余次代表集中视察。",
            [(LE, None, None, None, 21), (WR, None, None, None, 98)], period="multi_year",
            note="deputies' inspections are deputy activity"),
    Example("2019年以来，常委会听取县政府专项工作报告12项。",
            [(WR, None, None, "县政府", 12)], period="multi_year"),
]

# News on one inspection or session.
INSPECTION_NEWS = [
    Example("9月15日，县人大常委会副主任带领执法检查组，对全县《中华人民共和国食品安全法》贯彻实施"
            "情况进行执法检查。",
            [(LE, None, "中华人民共和国食品安全法", None)], ctx=NEWS, period="annual"),
    Example("县人大常委会调研组深入各乡镇，就乡村振兴战略实施情况开展专题调研。",
            [(IR, "乡村振兴战略实施", None, None)], ctx=NEWS, period="unspecified"),
    Example("会议听取了县人民检察院关于公益诉讼工作情况的报告，并进行了满意度测评。",
            [(WR, "公益诉讼工作情况", None, "县人民检察院"),
             (WA, "公益诉讼工作情况", None, "县人民检察院")],
            ctx=NEWS),
    Example("常委会组成人员视察了全县重点项目建设情况。", [(IR, "重点项目建设", None, None)],
            ctx=NEWS),
    Example("组织部分常委会组成人员和人大代表对全县脱贫攻坚工作进行视察。",
            [(IR, "脱贫攻坚工作", None, None)], ctx=NEWS,
            note="the committee is named with the deputies"),
]

# Provincial reports.
PROVINCIAL_REPORTS = [
    Example("省人大常委会全年听取审议专项工作报告15个，开展执法检查6次，专题询问2次。",
            [(WR, None, None, None, 15), (LE, None, None, None, 6), (SI, None, None, None, 2)],
            ctx=PROVINCE),
    Example("对大气污染防治法、水污染防治法实施情况进行执法检查。",
            [(LE, None, "大气污染防治法", None), (LE, None, "水污染防治法", None)], ctx=PROVINCE,
            note="laws without 《》"),
    Example("常委会对大气污染防治法、统计法等6部法律的实施情况进行检查。",
            [(LE, None, "大气污染防治法", None), (LE, None, "统计法", None)], ctx=PROVINCE,
            note="检查 of laws is a law enforcement inspection"),
    Example("对环境保护法、教育法等法律的实施情况进行了跟踪检查。",
            [(LE, None, "环境保护法", None), (LE, None, "教育法", None)], ctx=PROVINCE),
    Example("作出关于批准2020年省级决算的决议。", [(BR, "2020年省级决算", None, None)],
            ctx=PROVINCE),
    Example("备案审查规范性文件126件。", [(FR, None, None, None, 126)], ctx=PROVINCE),
    Example("对省政府2021年度预算执行情况进行审查。", [(BR, "省政府2021年度预算执行", None, None)],
            ctx=PROVINCE),
]

# Lists, leads and less common methods in annual reports of city and county committees.
LISTS_AND_LEADS = [
    Example("对城区停车设施建设、农村污水治理两个专题开展专题调研。",
            [(IR, "城区停车设施建设", None, None), (IR, "农村污水治理", None, None)],
            note="a list before a count of its items: one row each, no counted group"),
    Example("就食品安全和药品安全两个方面进行视察。",
            [(IR, "食品安全", None, None), (IR, "药品安全", None, None)],
            note="A和B两个方面"),
    Example("对养老、托育两项工作开展调研。", [(IR, "养老", None, None), (IR, "托育", None, None)],
            note="short items split when the count agrees"),
    Example("就三个专题开展调研。", [(IR, None, None, None, 3)],
            note="a count with no list is a counted group"),
    Example("听取和审议3项专项工作报告。", [(WR, None, None, None, 3)],
            note="和 of 听取和审议 is no list"),
    Example("对全县小学教育、农村医疗和城乡公交运营情况进行视察。",
            [(IR, "小学教育", None, None), (IR, "农村医疗", None, None),
             (IR, "城乡公交运营", None, None)], note="A、B和C: the last item split at 和"),
    Example("对文化旅游融合、国民经济和社会发展规划纲要实施情况进行调研。",
            [(IR, "文化旅游融合", None, None), (IR, "国民经济和社会发展规划纲要实施", None, None)],
            note="a fixed phrase with 和 is one item"),
    Example("对县人大会议票决确定的十项民生实事项目进行跟踪监督。",
            [(TS, "十项民生实事项目", None, None, 1)],
            note="a count inside the subject; the relative clause trimmed"),
    Example("对市委部署的重点改革任务落实情况进行跟踪监督。",
            [(TS, "重点改革任务落实", None, None)], note="relative clause trimmed"),
    Example("常委会依法启动特定问题调查，组成调查委员会，对全县学校校舍安全问题进行了调查。",
            [(SV, "学校校舍安全", None, None)],
            note="调查 names the method in a clause naming 特定问题调查"),
    Example("针对群众反映强烈的物业管理问题，四名常委会组成人员联名提出质询案一件，"
            "县住建局主要负责人到会作了答复。",
            [(IP, "群众反映强烈的物业管理", None, "县住建局", 1)],
            note="the lead's subject, the organ whose head answers"),
    Example("常委会组成人员对县自然资源局提出质询。", [(IP, None, None, "县自然资源局")]),
    Example("围绕农村集体经济发展，开展专题调研。", [(IR, "农村集体经济发展", None, None)],
            note="a bare verb takes the lead's subject"),
    Example("常委会就城乡客运一体化问题，组织开展专题询问。",
            [(SI, "城乡客运一体化", None, None)], note="an actor before the lead"),
    Example("围绕中心工作，开展视察调研20余次。", [(IR, None, None, None, 20)],
            note="a counted group keeps no subject"),
]

TOWNSHIP = DocContext("test-township", "congress_report", 2021, "township", "安徽省", "样例市",
                      "样例县")

# Styles first met in later reports: township presidiums, reviewed briefings, visits of two
# objects, appraisals of units, reports as subjects, numbered headings.
NEW_STYLES = [
    Example("主席团听取并审议了镇人民政府关于农村道路养护工作情况的汇报。",
            [(WR, "农村道路养护工作情况", None, "镇人民政府")], ctx=TOWNSHIP,
            note="a briefing (汇报) reviewed is a report"),
    Example("常委会组成人员视察了城南污水处理厂改造和北山森林防火通道建设项目。",
            [(IR, "城南污水处理厂改造", None, None), (IR, "北山森林防火通道建设项目", None, None)],
            note="two things visited, joined by 和"),
    Example("常委会组成人员视察了经济和社会发展重点项目建设情况。",
            [(IR, "经济和社会发展重点项目建设", None, None)],
            note="a fixed phrase with 和 is one thing visited"),
    Example("对县不动产登记中心、县医保服务站开展工作评议。",
            [(WA, "县不动产登记中心", None, "县不动产登记中心"),
             (WA, "县医保服务站", None, "县医保服务站")],
            note="units appraised are organs"),
    Example("对全县农村饮水安全工作开展满意度测评。", [(WA, "农村饮水安全工作", None, None)],
            note="a matter appraised stays a topic"),
    Example("审议了县政府关于2022年度行政事业性国有资产管理情况的综合报告。",
            [(WR, "2022年度行政事业性国有资产管理情况", None, "县政府")],
            note="a report's subject as titled (its year, its 情况), not its kind"),
    Example("对2021年度全县财政预算执行情况进行审查。", [(BR, "2021年度财政预算执行", None, None)],
            note="the year kept, 全县 after it trimmed"),
    Example("首次采用“视察＋专题询问”方式，就城乡供水一体化工作开展专题询问。",
            [(SI, "城乡供水一体化工作", None, None)],
            note="a segment with its own verb is no subject of the means"),
    Example("对全县耕地保护情况开展专项监督。", [("other", "耕地保护", None, None)]),
    Example("全年开展专项监督4次。", [("other", None, None, None, 4)]),
    Example("围绕县政府关于养老服务体系建设情况的报告开展专题询问。",
            [(SI, "养老服务体系建设", None, "县政府")], note="a report as the subject"),
    Example("常委会听取了县政府关于河道治理工作情况的报告，并组织部分人大代表视察了城西河道清淤工程。",
            [(WR, "河道治理工作情况", None, "县政府"), (IR, "城西河道清淤工程", None, None)],
            note="deputies organized by the committee named in the clause; each activity "
                 "keeps its own topic"),
    Example("听取和审议县政府关于文旅融合工作情况的报告，并于6月视察了古镇保护修缮项目。",
            [(WR, "文旅融合工作情况", None, "县政府"), (IR, "古镇保护修缮项目", None, None)],
            note="a visit with an object of its own after a report"),
    Example("组织代表视察了镇区道路改造工程。", [(IR, "镇区道路改造工程", None, None)],
            ctx=TOWNSHIP, note="a township presidium oversees through its deputies"),
    Example("3.加强备案审查。全年审查规范性文件12件，纠正2件。", [(FR, None, None, None, 12)],
            note="a heading naming its section's activity gives no row of its own"),
    Example("（四）对全县食品安全工作开展专题询问\n市场监管局负责人到会应询。",
            [(SI, "食品安全工作", None, None)],
            note="a heading whose section tells no such activity keeps its row"),
]

# Sentences of the new styles that must give no row.
NEW_STYLE_TRAPS = [
    Example("组织代表视察了镇区道路改造工程。", [],
            note="outside a township report, with no committee named: deputies' work"),
    Example("组织开展代表集中视察30次。", [], ctx=TOWNSHIP,
            note="deputies' own inspections, even in a township report"),
    Example("常委会召开会议，邀请部分人大代表参加视察。", [],
            note="deputies invited to attend: not organized by the committee"),
    Example("执法检查组听取了县住建局关于物业管理工作的汇报。", [],
            note="a briefing heard, not reviewed"),
    Example("2023年，将对全县耕地保护情况开展专项监督。", [], note="plan"),
]

# Sentences that must give no row.
TRAPS = [
    # An organ's annual work report, with no subject (a session hearing the 一府两院): the
    # real gold takes none of these (they were rows with the organ only before).
    Example("听取和审议样例县人民法院工作报告。", [], note="an organ's annual report"),
    Example("听取和审议国务院、最高人民法院和最高人民检察院的工作报告。", [], ctx=PROVINCE,
            note="organs' annual reports"),
    Example("会议听取和审议了人大常委会、“一府两院”工作报告。", [], note="a session's reports"),
    Example("修订《规范性文件备案审查工作办法》。", [], note="a title is not a review"),
    Example("县人大常委会主任带队深入河西镇调研。", [], note="no subject"),
    Example("常委会领导分赴各镇就代表联络站建设工作进行调研指导。", [],
            note="guidance of the congress's own stations"),
    Example("组织人大代表视察全县重点工程建设情况。", [], note="deputies' inspection"),
    Example("邀请部分人大代表参加《道路交通安全法》执法检查。", [], note="deputies attending"),
    Example("区政府主动接受区人大及其常委会的法律监督、工作监督。", [],
            note="a government on being overseen"),
    Example("2022年，常委会将围绕乡村振兴开展专题调研。", [], note="plan"),
    Example("明年将对《山西省汾河保护条例》进行执法检查。", [], note="plan"),
    Example("计划听取和审议县政府关于教育工作情况的报告。", [], note="plan"),
    Example("要加强对预算执行的监督。", [], note="plan"),
    Example("坚持正确监督、有效监督、依法监督。", [], note="no activity"),
    Example("对党的二十大精神进行专题辅导。", [], note="training"),
    Example("综合运用听取审议专项报告、调研视察等方式。", [], note="means with no subject"),
    Example("执法检查组一行先后深入3家企业实地检查。", [], note="a visit within an inspection"),
    Example("检查组听取了县市场监管局关于食品安全工作的汇报。", [], note="a briefing"),
    Example("依法任免国家机关工作人员23名。", [], note="appointments"),
    Example("党组成员共深入代表联络站点136次，收集问题74个。", [], note="deputy activity"),
    Example("听取和审议了常委会工作报告。", [], note="the committee's own report"),
    Example("听取了部分市人大代表的述职报告。", [], note="deputies reporting on their work"),
    Example("组织开展600余次代表集中视察。", [], note="deputies' inspections"),
    Example("听取和审议区政府关于教育工作情况的报告。", [],
            ctx=DocContext("gov", "government_report", 2021, "county"),
            note="a government report gives no rows"),
    Example("委托各乡镇人大对本行政区域内的贯彻实施情况开展检查。", [],
            note="a subject that only points back to the law"),
    Example("对群众举报问题进行调查核实。", [], note="调查 with no 特定问题调查 in the clause"),
    Example("对全县违建别墅问题开展调查。", [], note="调查 alone names no method"),
    Example("围绕乡村振兴，组织人大代表开展视察。", [], note="a lead, but deputies' inspection"),
    Example("针对审议中发现的问题，提出审议意见。", [], note="a lead with no method"),
    Example("针对检查中发现的问题，常委会组成人员开展专题询问。", [],
            note="a lead that points back names no subject"),
]

# Styles of web pages (meeting news, articles, year summaries): report titles in 《》, reports
# that are the committee's own research or inspection, counts of filings and laws, budgets
# reviewed at a session.
WEB_STYLES = [
    Example("会议听取和审议了《县政府关于城乡供水一体化工作情况的报告》《县人大农委关于城乡供水一体化"
            "工作情况的调研报告》。",
            [(WR, "城乡供水一体化工作情况", None, "县政府"), (IR, "城乡供水一体化工作情况", None, None)],
            note="titles of reports read as written; a research report is the research"),
    Example("会议听取了《县人大常委会执法检查组关于检查〈中华人民共和国消防法〉实施情况的报告》。",
            [(LE, None, "中华人民共和国消防法", None)],
            note="an inspection report is the inspection; the law inside 〈〉"),
    Example("会议听取了县人大常委会关于《中华人民共和国乡村振兴促进法》执法检查情况的报告。",
            [(LE, None, "中华人民共和国乡村振兴促进法", None)]),
    Example("会议听取了县人民政府关于县人大常委会对《中华人民共和国安全生产法》执法检查报告审议意见"
            "落实情况的报告。",
            [(WR, "县人大常委会对《中华人民共和国安全生产法》执法检查报告审议意见落实情况",
              "中华人民共和国安全生产法", "县人民政府")],
            note="the government's report on the opinions of an inspection is a report"),
    Example("会议听取审议了县政府关于2022年县本级财政决算的报告和道路运输条例执法检查组的执法检查报告。",
            [(WR, "2022年县本级财政决算", None, "县政府"), (LE, None, "道路运输条例", None)]),
    Example("区人大财经委对《2023年区级预算调整方案》《2022年区级财政决算(草案)》进行初审。",
            [(BR, "2023年区级预算调整方案", None, None), (BR, "2022年区级财政决算(草案)", None, None)],
            note="初审 of budget documents in 《》"),
    Example("审议县2022年财政预算执行情况的报告及2023年财政预算。",
            [(BR, "2023年财政预算", None, None)],
            note="审议 of a budget; the execution report goes with the budget"),
    Example("批准县人民政府关于调整2023年县本级预算的方案。",
            [(BR, "调整2023年县本级预算的方案", None, None)], note="one document"),
    Example("会议审议通过了关于批准2022年区级预算调整方案的决议。",
            [(BR, "2022年区级预算调整方案", None, None)]),
    Example("对报送备案的46件规范性文件逐件进行审查。", [(FR, None, None, None, 46)]),
    Example("常委会对51部法律法规开展了执法检查，同时配合省人大常委会对12部法律法规进行执法检查。",
            [(LE, None, None, None, 51)], note="an assisted body's count is not the report's"),
    Example("市人大常委会委托4个区县，分别开展了对《甲市养老服务条例》《甲市供水条例》等4件法规的执法检查。",
            [(LE, None, "甲市养老服务条例", None), (LE, None, "甲市供水条例", None)],
            note="the laws named; the count restates them"),
    Example("此后的3次专题询问分别涉及：农村饮水安全、城区交通治理和养老服务。",
            [(SI, "农村饮水安全", None, None), (SI, "城区交通治理", None, None),
             (SI, "养老服务", None, None)], period="multi_year",
            note="a count followed by its subjects; 此后 makes it a span"),
    Example("根据监督法规定，常委会听取审议了县政府关于城乡供水工作情况的报告。",
            [(WR, "城乡供水工作情况", None, "县政府")], note="an activity done under a rule"),
    Example("一年来，共听取审议「一府一委两院」专项工作报告22个。",
            [(WR, None, None, "一府一委两院", 22)], note="corner quotes of a Traditional page"),
    Example("昨日上午，市人大常委会以2023年度民生实事办理情况为主题的专题询问在会上举行。",
            [(SI, "2023年度民生实事办理", None, None)], ctx=NEWS, period="annual",
            note="以X为主题; a news story's time dates it"),
    Example("各督办组采取看现场、听汇报等方式，就代表建议落实情况进行现场督办。",
            [(TS, "代表建议落实", None, None)], note="督办 is tracking; the means are steps"),
    Example("市人大常委会执法检查组来我县检查《中华人民共和国水污染防治法》贯彻实施情况。",
            [(LE, None, "中华人民共和国水污染防治法", None)], note="the law after the verb"),
    Example("听取和审议了县政府关于环境状况的报告，县审计局关于县本级预算执行的审计工作报告。",
            [(WR, "环境状况", None, "县政府"), (WR, "县本级预算执行的审计工作报告", None, "县审计局")],
            note="a report list continued after a comma; an audit report keeps its name"),
    Example("围绕优化营商环境，听取审议县政府专项工作报告，开展专题询问。",
            [(WR, "优化营商环境", None, "县政府"), (SI, "优化营商环境", None, None)],
            note="the lead's subject for the organ's report and the inquiry"),
    Example("会议对县住建局、县交通局工作进行满意度测评。",
            [(WA, "县住建局", None, "县住建局"), (WA, "县交通局工作", None, "县交通局")],
            note="an organ's work appraised is the organ"),
    Example("针对农村饮水安全问题，县人大常委会组成人员联名提出质询案，县水利局局长到会答复。",
            [(IP, "农村饮水安全", None, "县水利局")]),
    Example("对全县贯彻执行《宗教事务条例》情况进行调研。",
            [(IR, "贯彻执行《宗教事务条例》", "宗教事务条例", None)],
            note="a law named in the subject is the row's law_title"),
    Example("2013年至今，常委会累计开展执法检查30次。", [(LE, None, None, None, 30)],
            period="multi_year"),
    Example("监督法实施以来，常委会共开展专题询问18次。", [(SI, None, None, None, 18)],
            period="multi_year"),
    Example("近年来，常委会共开展专题询问9次。", [(SI, None, None, None, 9)], period="multi_year"),
    Example("今年以来，常委会开展专题询问2次。", [(SI, None, None, None, 2)], period="annual"),
    Example("党的十八大以来，市人大常委会共对40部法律法规开展执法检查。",
            [(LE, None, None, None, 40)], period="multi_year"),
    Example("听取和审议了县政府关于县本级预算执行的审计工作报告，以及审计查出问题整改情况的报告。",
            [(WR, "县本级预算执行的审计工作报告", None, "县政府"), (WR, "审计查出问题整改情况", None, None)],
            note="以及 one more report"),
    Example("会议听取了副县长受县人民政府委托所作的关于全县乡村振兴工作情况的报告。",
            [(WR, "乡村振兴工作情况", None, "县人民政府")], note="the organ that entrusted"),
    Example("会议听取了副县长李某代表县政府所作的全县脱贫攻坚工作情况报告。",
            [(WR, "脱贫攻坚工作情况", None, "县政府")], note="the speaker of a report"),
    Example("会议听取并审议了县审计局局长受县人民政府委托所作的审计工作报告。",
            [(WR, "审计工作报告", None, "县人民政府")]),
    Example("会议听取了县人大常委会副主任李某所作的执法检查报告。", [],
            note="an inspection report naming no law: the inspection is told elsewhere"),
    Example("会议审议了县人民政府关于提请审议2023年县本级预算调整方案（草案）的议案。",
            [(BR, "2023年县本级预算调整方案（草案）", None, None)]),
    Example("县人大常委会对县政府落实城区停车难问题审议意见的情况进行了跟踪检查。",
            [(TS, "县政府落实城区停车难问题审议意见", None, None)], note="跟踪检查 is tracking"),
    Example("全年共接收报备规范性文件48件，审查48件，纠正1件。", [(FR, None, None, None, 48)]),
    Example("全年共审查报备的地方性法规、政府规章和规范性文件186件，对发现问题的3件予以纠正。",
            [(FR, None, None, None, 186)], note="政府规章 is an object, not the actor"),
    Example("审议县政府专项工作报告46个，对其中12个报告开展满意度测评。",
            [(WR, None, None, "县政府", 46), (WA, None, None, None, 12)]),
    Example("组织对《中华人民共和国畜牧法》开展执法检查，并对检查中发现的问题进行跟踪监督。",
            [(LE, None, "中华人民共和国畜牧法", None)], note="a subject pointing back"),
    Example("对县教育局、县卫健局、县住建局等3个部门开展工作评议。",
            [(WA, "县教育局", None, "县教育局"), (WA, "县卫健局", None, "县卫健局"),
             (WA, "县住建局等3个部门", None, "县住建局")]),
    Example("县人大常委会会议听取和审议了县监委关于开展群众身边腐败问题整治工作情况的报告。",
            [(WR, "开展群众身边腐败问题整治工作情况", None, "县监委")],
            note="a discipline body reporting, not acting"),
    Example("市人大常委会就建筑工地扬尘治理不力对市住建局开展质询。",
            [(IP, "建筑工地扬尘治理不力", None, "市住建局")], note="the subject, then the organ"),
    Example("镇人大主席团对全镇20个职能部门的工作情况进行了民主测评。",
            [(WA, "20个职能部门的工作", None, "20个职能部门")], ctx=TOWNSHIP),
    Example("副县长王某陪同县人大常委会视察组对全县安全生产工作进行视察。",
            [(IR, "安全生产工作", None, None)], note="the congress is named in the actor"),
    Example("主任会议听取了县政府关于全县防汛工作情况的汇报。",
            [(WR, "防汛工作情况", None, "县政府")], note="a briefing heard by a meeting"),
    Example("常委会聚焦乡村振兴开展专题调研。", [(IR, "乡村振兴", None, None)]),
    Example("围绕乡村振兴，县人大常委会开展了为期一周的专题调研。", [(IR, "乡村振兴", None, None)],
            note="为期一周的 between the particle and the verb"),
    Example("热点聚焦市人大督办代表建议办理。", [], note="page chrome; the congress is no subject"),
    Example("会议认真听取审议了《政府工作报告》、《人大工作报告》、《财政工作报告》。", [],
            note="a session's annual reports: no subject"),
    Example("一是督查重点工程项目。", [(IR, "重点工程项目", None, None)], ctx=TOWNSHIP,
            note="督查 of a thing visited"),
    Example("镇人大主席团听取了农业站、财政所等5个单位负责人的述职报告。",
            [(WR, "述职报告", None, None, 5)], ctx=TOWNSHIP, note="reports of a kind, counted"),
    Example("对每月的“办实事,解难题”代表建议办理情况，开展满意度测评。",
            [(WA, "每月的“办实事,解难题”代表建议办理", None, None)],
            note="a lead with 对; a comma inside quotes splits nothing"),
    Example("县人大常委会会同县政府办公室就代表建议办理情况，对县公安局、县交通局等承办单位进行督查。",
            [(IR, "代表建议办理", None, "县公安局、县交通局")],
            note="organs overseen on the lead's subject: one activity"),
    Example("从第十届常委会至十二届常委会共听取120多项工作汇报。",
            [(WR, None, None, None, 120)], period="multi_year", note="several terms"),
]

# Texts that are not the congress's activities: laws, rules, plans, other bodies, aims.
SCOPE_TRAPS = [
    Example("第十条 常务委员会应当听取和审议本级人民政府关于环境状况和环境保护目标完成情况的报告。",
            [], note="an article of a law"),
    Example("常务委员会可以组织执法检查组对法律法规实施情况进行检查。", [], note="a power"),
    Example("执法检查前，有关专门委员会可以对重点问题开展专题调查研究。", [], note="a power"),
    Example("县级人民代表大会常务委员会组成人员三人以上联名，有权提出对本级人民政府的质询案。", [],
            note="a right"),
    Example("会议审议通过了《县人大常委会2023年工作要点》《2023年监督工作计划》。", [],
            note="the committee's own plans"),
    Example("会议表决通过了县人大常委会2023年代表工作计划。", [], note="a work plan"),
    Example("2024年工作要点：计划听取和审议县政府关于农村供水工作情况的报告，对《中华人民共和国水法》"
            "开展执法检查。", [], note="a work plan"),
    Example("拟于6月听取和审议县人民法院关于执行工作情况的报告。", [], note="planned"),
    Example("下半年，常委会还将对全县文物保护工作开展视察。", [], note="planned"),
    Example("会议建议议程有：听取和审议市政府关于旅游发展情况的报告。", [],
            note="a proposed agenda"),
    Example("县政府自觉接受县人大及其常委会的监督，认真办理人大代表建议。", [],
            note="a government accepting oversight"),
    Example("县政协组织委员对全县乡村振兴工作进行了民主监督视察。", [], note="CPPCC"),
    Example("县纪委监委对全县作风建设情况开展专项督查。", [], note="discipline inspection"),
    Example("质询是指人大常委会对被质询机关的工作提出质问。", [], note="a definition"),
    Example("《条例》规定，县级以上人民代表大会常务委员会对法律法规的实施情况进行执法检查。", [],
            note="a rule quoted"),
    Example("根据监督法第九条规定，常务委员会有计划地安排听取和审议本级人民政府的专项工作报告。", [],
            note="a rule quoted"),
    Example("执法检查是人大常委会的一项重要职权，是监督法律实施的重要形式。", [],
            note="a general statement"),
    Example("2022年，常委会备案审查工作情况如何？", [], note="a question"),
    Example("依法履行备案审查职责，做到有件必备、有备必审。", [], note="a duty, no activity"),
    Example("制定了《县人大常委会执法检查办法》和《县人大常委会专题询问办法》。", [], note="rules"),
    Example("会议听取了市人大常委会关于开展《中华人民共和国食品安全法》执法检查的工作方案。", [],
            note="the plan of an inspection"),
    Example("二是加强了对政府和司法机关的监督检查。", [], note="an aim"),
    Example("近几年来，常委会每年对执法检查进行全面部署。", [], note="the method is an object"),
    Example("现结合工作实践，就进一步提高专题询问实效谈谈认识。", [], note="improving the method"),
    Example("询问前，调研组围绕询问内容开展调查研究。", [], note="a subject pointing back"),
    Example("1988年，代表们广泛开展持证视察，视察和检查了300个单位的工作。", [],
            note="deputies are the actor"),
    Example("国家发改委在办理代表建议过程中开展专题调研14次。", [],
            note="an organ handling suggestions"),
    Example("会议听取和审议了县十七届人大代表资格变动情况的审查报告。", [],
            note="the congress's own personnel"),
    Example("县人大常委会第一视察组深入企业、社区、农贸市场实地查看食品安全工作。", [],
            note="the itinerary of a visit (视察组 is no verb)"),
    Example("县委书记张某就乡村振兴工作进行调研。", [], note="the party's work"),
    Example("县检察院对全县看守所开展专项检查。", [], note="an organ's own work"),
    Example("村务监督委员会对村级财务开展专项监督。", [], note="a village's oversight"),
    Example("建议县人大常委会对全县农村道路建设情况开展专题调研。", [], note="a suggestion"),
    Example("明年，常委会对全县养老服务工作开展视察。", [], note="planned"),
    Example("常委会党组深入开展主题教育，大兴调查研究，班子成员开展专题调研12次。", [],
            note="party study"),
    Example("县政府主动向县人大常委会报告重大事项，配合县人大常委会开展执法检查和专题视察5次。", [],
            note="a government's speech on being overseen"),
]

ALL = [
    *[("web-style", e) for e in WEB_STYLES],
    *[("scope-trap", e) for e in SCOPE_TRAPS],
    *[("annual", e) for e in ANNUAL_WORK_REPORTS],
    *[("five-year", e) for e in FIVE_YEAR_REPORTS],
    *[("news", e) for e in INSPECTION_NEWS],
    *[("provincial", e) for e in PROVINCIAL_REPORTS],
    *[("lists-and-leads", e) for e in LISTS_AND_LEADS],
    *[("new-styles", e) for e in NEW_STYLES],
    *[("trap", e) for e in TRAPS],
    *[("new-style-trap", e) for e in NEW_STYLE_TRAPS],
]


def _check_rows(text: str, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        assert set(row) == set(SUPERVISION.column_names)
        assert text[row["char_start"]:row["char_end"]] == row["evidence"]
        assert row["method"] in SUPERVISION_METHODS and row["period"] in PERIODS
        assert row["count"] >= 1
        for col in ("topic", "law_title", "target_organ"):
            assert row[col] != ""
        assert not (row["law_title"] or "").startswith("《")
    to_arrow(SUPERVISION, rows)


def _key(row: dict[str, Any], width: int) -> Row:
    full = (row["method"], row["topic"], row["law_title"], row["target_organ"], row["count"])
    return full[:width]


@pytest.mark.parametrize("origin,example", ALL, ids=[f"{o}-{i}" for i, (o, _) in enumerate(ALL)])
def test_examples(origin: str, example: Example) -> None:
    rows = supervision.extract(example.text, example.ctx)
    _check_rows(example.text, rows)
    got = [_key(r, len(w)) for r, w in zip(rows, example.rows)]
    assert len(rows) == len(example.rows), (example.note, [_key(r, 5) for r in rows])
    assert got == example.rows, example.note
    for row, want in zip(rows, example.rows):
        if len(want) == 4:
            assert row["count"] == 1
    if example.period is not None:
        assert {r["period"] for r in rows} == {example.period}


def test_plans_are_cut_off() -> None:
    text = ("听取审议了县政府关于食品安全工作情况的报告，提出要加强监管；明年要对《食品安全法》开展执法"
            "检查。\n2022年，常委会将对农村供水工作进行调研，并听取县政府关于教育工作情况的报告。")
    rows = supervision.extract(text, COUNTY)
    assert [_key(r, 4) for r in rows] == [(WR, "食品安全工作情况", None, "县政府")]


def test_sections_on_coming_work_are_skipped() -> None:
    text = ("一、2021年工作回顾\n对全县农村供水工作进行调研。\n二、2022年工作安排\n"
            "一是对全县义务教育工作进行视察。\n二是听取审议县政府关于养老服务工作情况的报告。")
    rows = supervision.extract(text, COUNTY)
    assert [_key(r, 4) for r in rows] == [(IR, "农村供水工作", None, None)]


def test_paragraph_opening_sets_multi_year() -> None:
    text = "五年来，常委会依法开展监督。对全县农村供水工作进行调研。\n对全县教育工作进行视察。"
    rows = supervision.extract(text, COUNTY)
    assert [(r["topic"], r["period"]) for r in rows] == [("农村供水工作", "multi_year"),
                                                        ("教育工作", "annual")]


def test_approximate_count() -> None:
    rows = supervision.extract("五年来，组织视察调研60余次。", COUNTY)
    assert [(r["count"], r["approximate"]) for r in rows] == [(60, True)]


def test_documents_out_of_scope_give_no_rows() -> None:
    law = ("第一条 为了保障常务委员会依法行使监督职权，制定本法。\n第二条 常务委员会依法行使监督职权。\n"
           "第三条 常务委员会应当听取和审议专项工作报告。\n各级人民代表大会常务委员会对法律实施情况"
           "组织执法检查。")
    assert supervision.extract(law, NEWS) == []
    cppcc = "县政协组织委员对全县多种经营情况进行视察。\n1999年8月，部分委员视察计划生育工作。"
    assert supervision.extract(cppcc, NEWS) == []
    cppcc_page = ("县政协召开常委会议，县人大常委会副主任应邀出席。\n县政协组织委员开展民主监督。"
                  "\n县政协主席带领委员视察项目建设。\n政协委员提出提案120件，县政协办公室督办。"
                  "\n组织委员对全县农村公路建设情况进行视察。")
    assert supervision.extract(cppcc_page, NEWS) == []
    speech = ("各位代表：\n现在，我代表县人民政府向大会报告工作。\n我们配合县人大常委会对全县"
              "农村公路建设情况进行视察，认真听取和审议了人大代表的意见。")
    assert supervision.extract(speech, NEWS) == []


def test_one_activity_one_row() -> None:
    text = ("县人大常委会对全县食品安全工作进行视察\n5月20日，县人大常委会对全县食品安全工作进行视察。"
            "视察组深入超市、学校食堂实地查看，对食品安全工作开展调研。\n"
            "3月，对全县贯彻执行《宗教事务条例》情况进行调研。听取县人大民族委关于全县贯彻执行"
            "《宗教事务条例》情况的调研报告。")
    rows = supervision.extract(text, NEWS)
    assert [(r["method"], r["topic"]) for r in rows] == [
        (IR, "食品安全工作"), (IR, "贯彻执行《宗教事务条例》")]
    assert all(text[r["char_start"]:r["char_end"]] == r["evidence"] for r in rows)


def test_a_subject_reworded_is_one_activity() -> None:
    text = ("2019年，常委会首次对加快学前教育发展情况开展专题询问。\n"
            "常委会围绕加快发展学前教育、城乡供水一体化，开展专题询问。")
    rows = supervision.extract(text, NEWS)
    assert [r["topic"] for r in rows] == ["加快学前教育", "城乡供水一体化"]


def test_an_inspection_told_over_sentences() -> None:
    text = ("9月10日，县人大常委会执法检查组对《甲省河道管理条例》贯彻实施情况进行执法检查。"
            "检查组深入企业、社区、河道沿线实地查看，听取了县水利局的汇报。"
            "检查组对照《条例》逐条检查，对《条例》贯彻落实情况进行了检查。")
    rows = supervision.extract(text, NEWS)
    assert [(r["method"], r["law_title"]) for r in rows] == [(LE, "甲省河道管理条例")]


def test_links_to_other_stories_give_no_rows() -> None:
    text = ("5月20日，县人大常委会对全县食品安全工作进行视察。视察组深入超市、学校食堂实地查看。"
            "\n相关阅读：县人大常委会对全县农村公路建设情况进行调研")
    rows = supervision.extract(text, NEWS)
    assert [r["topic"] for r in rows] == ["食品安全工作"]


def test_article_opening_on_several_years() -> None:
    text = ("自2019年常委会首次开展专题询问以来，共开展专题询问6次。\n"
            "一、工作实践\n围绕学前教育、回迁安置房建设，开展专题询问。")
    rows = supervision.extract(text, NEWS)
    assert [(r["topic"], r["count"], r["period"]) for r in rows] == [
        (None, 6, "multi_year"), ("学前教育", 1, "multi_year"), ("回迁安置房建设", 1, "multi_year")]


def test_vocabulary_values_are_contract_methods() -> None:
    vocab = yaml.safe_load((files("renda.extract") / "vocab" / "supervision.yml")
                           .read_text(encoding="utf-8"))
    methods: set[str] = set()
    for name in ("topic_verbs", "object_verbs", "method_words"):
        methods |= set(vocab[name].values())
    methods |= {k["method"] for k in vocab["counted_kinds"]}
    assert methods <= set(SUPERVISION_METHODS)


# --------------------------------------------------------------------------------------
# The real seed report
# --------------------------------------------------------------------------------------


# (method, topic, law_title, target_organ) the seed report must give.
SEED_ROWS: list[tuple[str, str | None, str | None, str | None]] = [
    (IR, "名特优功能食品产业", None, None),
    (IR, "农村饮用水安全", None, None),
    (IR, "学前教育普惠性发展", None, None),
    (TS, "传染病防治", None, None),
    (TS, "城乡居民基本医疗保险一体化运行", None, None),
    (IR, "红色旅游资源保护及利用", None, None),
    (WR, "大气、水、土壤", None, None),
    (BR, "财政预算调整方案", None, None),
    (BR, "财政存量资金盘活方案", None, None),
    (BR, "直达资金分配使用方案", None, None),
    (BR, "统筹整合使用财政资金巩固脱贫成果衔接乡村振兴实施方案", None, None),
    (WR, "审计工作报告", None, None),
    (IR, "村（居）民委员会换届选举工作", None, None),
    (IR, "安全生产", None, None),
    (WR, "科技创新工作情况", None, "县政府"),
    *[(WR, "队伍建设及教育整顿情况", None, organ)
      for organ in ("公安局", "法院", "检察院", "司法局", "交警大队")],
    (LE, None, "山西省汾河保护条例", None),
    (LE, None, "山西省开发区条例", None),
    (LE, None, "政府投资条例", None),
    (FR, "规范性文件备案审查", None, None),
]


@pytest.fixture(scope="module")
def seed(seed_document: tuple[str, DocContext]) -> tuple[str, list[dict[str, Any]]]:
    text, ctx = seed_document  # skips, saying why, without ../shared/corpus
    return text, supervision.extract(text, ctx)


@pytest.mark.integration
def test_seed_report(seed: tuple[str, list[dict[str, Any]]]) -> None:
    text, rows = seed
    _check_rows(text, rows)
    got = [_key(r, 4) for r in rows]
    assert got == SEED_ROWS
    assert all(r["count"] == 1 and r["period"] == "annual" for r in rows)
    assert len({r["record_id"] for r in rows}) == len(rows)
    # Traps of the seed report: leadership's guidance of liaison stations, deputies'
    # inspection, a caption of a visit, and the revision of a rule on filing review.
    for phrase in ("调研指导", "组织省市县人大代表视察", "洪相镇调研"):
        assert not any(phrase in r["evidence"] for r in rows), phrase
    revision = [r for r in rows if "修订《规范性文件备案审查暂行办法》" in r["evidence"]]
    assert [(r["method"], r["law_title"]) for r in revision] == [(FR, None)]
