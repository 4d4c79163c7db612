"""The `elections` extractor: tables of example sentences (written for these tests, in the
styles of the reports they are named after), traps that must give no row, the vocabulary's
integrity, and the real seed report."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

import pytest
import yaml

from renda.contract import ELECTIONS, LEVELS, PERIODS, to_arrow
from renda.extract import elections
from renda.extract.base import DocContext

COUNTY = DocContext("test-county", "congress_report", 2021, "county", "山西省", "样例市", "样例县")
PROVINCE = DocContext("test-province", "congress_report", 2021, "province", "山西省")
NEWS = DocContext("test-news", "news", 2021, "county", "山西省", "样例市", "样例县")
CITY_COUNTY = DocContext("test-ccity", "congress_report", 2021, "county", "山西省", "样例市", "孝义市")
CITY = DocContext("test-city", "congress_report", 2021, "city", "湖南省", "长沙市")


@dataclass
class Example:
    text: str
    rows: list[dict[str, Any]]          # expected rows, in order: only the fields given
    ctx: DocContext = COUNTY
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _direct(level: str, **fields: Any) -> dict[str, Any]:
    return {"level": level, "method": "direct", "status": "held", **fields}


def _indirect(level: str, **fields: Any) -> dict[str, Any]:
    return {"level": level, "method": "indirect", "status": "held", **fields}


# Annual work reports of a county standing committee.
ANNUAL_WORK_REPORTS = [
    Example("2021年10月15日，全区18.6万名选民参加投票，选举产生区人大代表210名、镇人大代表430名，"
            "参选率92.3%。",
            [_direct("county", deputies_elected=210, voters_participating=186000, turnout_pct=92.3,
                     election_date="2021-10-15", date_precision="day", approximate=False,
                     avg_vote_share_pct=None, period="annual"),
             _direct("township", deputies_elected=430, voters_participating=186000,
                     turnout_pct=92.3, election_date="2021-10-15")]),
    Example("选举产生县人大代表185名、乡人大代表520名，县人大代表平均得票率96.1%。",
            [_direct("county", deputies_elected=185, avg_vote_share_pct=96.1),
             _direct("township", deputies_elected=520, avg_vote_share_pct=None)],
            note="a figure introduced by a level is that level's only"),
    Example("共划分选区96个，登记选民12.4万人，参选率达97.2%，选出县人大代表185名、乡人大代表520名。",
            [_direct("county", constituencies=96, voters_registered=124000, turnout_pct=97.2,
                     deputies_elected=185),
             _direct("township", constituencies=96, voters_registered=124000, turnout_pct=97.2,
                     deputies_elected=520)]),
    Example("11月下旬召开区十八届人大三次会议，依法选举产生市六届人大代表32名。",
            [_indirect("city", congress_term=6, deputies_elected=32, election_date="2021-11",
                       date_precision="month", voters_participating=None, turnout_pct=None)],
            note="the session's term (18) is not the elected body's (6)"),
    Example("选举产生186名县人大代表，平均得票率95%。",
            [_direct("county", deputies_elected=186, avg_vote_share_pct=95.0)],
            note="count before the deputies"),
    Example("县第十七届人民代表大会代表186名已全部依法选举产生。",
            [_direct("county", congress_term=17, deputies_elected=186)]),
    Example("全县约15万名选民参加投票，选出县人大代表近200名。",
            [_direct("county", voters_participating=150000, deputies_elected=200,
                     approximate=True)]),
    Example("明年初将选举产生新一届县人大代表185名。",
            [{"level": "county", "method": "direct", "status": "planned", "deputies_elected": 185}]),
    Example("全县共划分县人大代表选区98个、乡镇人大代表选区265个，登记选民21.3万人，参选率96.8%。",
            [_direct("county", constituencies=98, voters_registered=213000, turnout_pct=96.8,
                     deputies_elected=None),
             _direct("township", constituencies=265, voters_registered=213000, turnout_pct=96.8)],
            note="constituencies per level; voters and turnout for both"),
    Example("本次选举应选县人大代表180名，实际选出180名。",
            [_direct("county", deputies_elected=180)], note="应选 in a held election"),
    Example("2022年1月，区人大常委会依法补选区十八届人大代表3名。",
            [_direct("county", congress_term=18, deputies_elected=3, election_date="2022-01")],
            note="补选区 is 补选 + 区, not 选区"),
]

# Reports on a five-year term.
FIVE_YEAR_REPORTS = [
    Example("2016年11月，全县共划分选区176个，登记选民18.2万人，选举产生县十六届人大代表195名、"
            "乡镇人大代表480名。",
            [_direct("county", congress_term=16, constituencies=176, voters_registered=182000,
                     deputies_elected=195, election_date="2016-11", period="annual"),
             _direct("township", congress_term=None, deputies_elected=480)]),
    Example("本届以来，依法补选县人大代表9名。",
            [_direct("county", deputies_elected=9, period="multi_year")]),
    Example("五年来，县人大常委会补选市人大代表3名。",
            [_indirect("city", deputies_elected=3, period="multi_year")],
            note="city deputies are always elected by a congress"),
]

# News on an election.
ELECTION_NEWS = [
    Example("5月20日，全镇4.2万余名选民参加投票，直接选举产生镇第十九届人大代表68名。",
            [_direct("township", congress_term=19, voters_participating=42000, approximate=True,
                     deputies_elected=68, election_date="2021-05-20")], ctx=NEWS),
    Example("县十八届人大一次会议选举产生出席市第五届人民代表大会代表21名。",
            [_indirect("city", congress_term=5, deputies_elected=21)], ctx=NEWS),
    Example("全县选民直接选举产生县人大代表186名、乡镇人大代表512名，参选率分别为95.2%、96.4%。",
            [_direct("county", deputies_elected=186, turnout_pct=95.2),
             _direct("township", deputies_elected=512, turnout_pct=96.4)], ctx=NEWS,
            note="分别 spreads the figures over the rows in order"),
    Example("全市共登记选民310万人，选举产生县级人大代表4120名。",
            [_direct("county", scope="全市", voters_registered=3100000, deputies_elected=4120)],
            ctx=NEWS, note="another area's totals in a county report"),
    Example("选民投票选举产生新一届孝义市人大代表230名。",
            [_direct("county", deputies_elected=230)], ctx=CITY_COUNTY,
            note="a county-level city named by itself"),
]

# Provincial reports.
PROVINCIAL_REPORTS = [
    Example("全省共选举产生县级人大代表4.5万余名、乡级人大代表12万余名。",
            [_direct("county", deputies_elected=45000, approximate=True, scope=None),
             _direct("township", deputies_elected=120000, approximate=True, scope=None)],
            ctx=PROVINCE),
    Example("省十四届人大一次会议选举产生第十四届全国人民代表大会代表72名。",
            [_indirect("national", congress_term=14, deputies_elected=72)], ctx=PROVINCE),
    Example("共划分县级人大代表选区20100个，登记选民8012万人，参加投票6630万人，参选率达到82.7%；"
            "乡级人大代表选区51200个，登记选民6120万人，参加投票5011万人，参选率达到81.9%。",
            [_direct("county", constituencies=20100, voters_registered=80120000,
                     voters_participating=66300000, turnout_pct=82.7),
             _direct("township", constituencies=51200, voters_registered=61200000,
                     voters_participating=50110000, turnout_pct=81.9)], ctx=PROVINCE,
            note="each clause's figures belong to the level it names"),
    Example("市五届人大一次会议选举产生省十四届人大代表65名。",
            [_indirect("province", congress_term=14, deputies_elected=65)], ctx=PROVINCE),
]

# Election summaries: lead-ins, clauses per level, subjects before their verb, other areas.
ELECTION_SUMMARIES = [
    Example("全县登记选民28.6万人，12月5日投票选举：县人大代表选区划分为102个，参选率95.1%，"
            "选出县人大代表210名；乡镇人大代表选区划分为310个，参选率94.8%，选出乡镇人大代表890名。",
            [_direct("county", voters_registered=286000, constituencies=102, turnout_pct=95.1,
                     deputies_elected=210, election_date="2021-12-05"),
             _direct("township", voters_registered=286000, constituencies=310, turnout_pct=94.8,
                     deputies_elected=890, election_date="2021-12-05")],
            note="a lead-in's registered voters are every direct row's"),
    Example("全县登记选民30万人，同日投票：县人大代表选区110个，登记选民29.8万人，选出县人大代表200名；"
            "乡镇人大代表选区300个，选出乡镇人大代表800名。",
            [_direct("county", voters_registered=298000, constituencies=110, deputies_elected=200),
             _direct("township", voters_registered=300000, constituencies=300,
                     deputies_elected=800)],
            note="a clause's own figure wins over the lead-in's"),
    Example("参加县人大代表选举投票的选民27.1万人，参加乡镇人大代表选举投票的选民26.8万人，"
            "选出县人大代表210名、乡镇人大代表890名。",
            [_direct("county", voters_participating=271000, deputies_elected=210),
             _direct("township", voters_participating=268000, deputies_elected=890)],
            note="a level named inside the figure's words"),
    Example("据通报，全市约620万名选民参加了县级人大代表选举投票，参选率为90.8%。",
            [_direct("county", scope="全市", voters_participating=6200000, turnout_pct=90.8,
                     approximate=True, deputies_elected=None)],
            note="the election voted in, written between 参加 and 投票"),
    Example("将近20万名选民参加投票，选出县人大代表210名。",
            [_direct("county", voters_participating=200000, deputies_elected=210,
                     approximate=True)], note="将近 is nearly, not the future"),
    Example("出席市人民代表大会的代表30名，将在明年2月召开的县十八届人大一次会议上选举产生。",
            [{"level": "city", "method": "indirect", "status": "planned", "deputies_elected": 30,
              "election_date": "2022-02"}],
            note="deputies as the subject, a future verb after them"),
    Example("县人大代表210名已于11月由选民直接选举产生，县十八届人大一次会议将于明年1月召开。",
            [_direct("county", deputies_elected=210, election_date="2021-11")],
            note="the future is the session's, not the election's"),
    Example("县人大代表3名，由原选区选民补选产生。",
            [_direct("county", deputies_elected=3)],
            note="a by-election by voters written after the subject"),
    Example("市人大代表6名，在县十八届人大三次会议上补选产生。",
            [_indirect("city", deputies_elected=6)],
            note="elected by a session written after the subject"),
]

# Reports of a county-level city (孝义市, level county): its own 市 is a county-level body.
COUNTY_LEVEL_CITY_REPORTS = [
    Example("全市登记选民62.4万人，11月20日投票：市人大代表选举划分选区150个，参选率95.3%，"
            "选出市人大代表318名；乡镇人大代表选举划分选区420个，参选率94.6%，选出乡镇人大代表1490名。",
            [_direct("county", voters_registered=624000, constituencies=150, turnout_pct=95.3,
                     deputies_elected=318, scope=None),
             _direct("township", voters_registered=624000, constituencies=420, turnout_pct=94.6,
                     deputies_elected=1490)], ctx=CITY_COUNTY,
            note="bare 市人大代表 in a county-level city's report"),
    Example("选民直接选举产生市第十届人大代表318名，平均得票率93.2%。",
            [_direct("county", congress_term=10, deputies_elected=318, avg_vote_share_pct=93.2)],
            ctx=CITY_COUNTY),
    Example("选出市人大代表318名、乡镇人大代表1490名，市人大代表的平均得票率为93.2%。",
            [_direct("county", deputies_elected=318, avg_vote_share_pct=93.2),
             _direct("township", deputies_elected=1490, avg_vote_share_pct=None)],
            ctx=CITY_COUNTY, note="a figure introduced by the county-level 市"),
    Example("市十届人大一次会议选举产生出席样例市第五届人民代表大会的代表40名。",
            [_indirect("city", congress_term=5, deputies_elected=40)], ctx=CITY_COUNTY,
            note="the prefecture named: city level"),
    Example("宁乡市选民直接选举产生宁乡市人大代表350名。",
            [_direct("county", deputies_elected=350)], ctx=CITY,
            note="a county-level city the gazetteer knows, in its prefecture's report; "
                 "乡 in 宁乡 is no level of a list"),
    Example("全市选举产生长沙市人大代表480名。",
            [_indirect("city", deputies_elected=480)], ctx=CITY),
]

BANNER = DocContext("test-banner", "congress_report", 2021, "county", "内蒙古自治区", "样例市",
                    "样例旗")
DISTRICT = DocContext("test-district", "election_report", 2022, "county", "江苏省", "样例市",
                      "样例区")

# Styles first met in later reports: table-like figures (label, colon, figure), Inner
# Mongolia's 苏木镇, by-elections naming the elected before their body.
NEW_STYLES = [
    Example("选区：120个；登记选民：35.2万人；参加投票：33.9万人；参选率：96.3%；应选代表：210名；"
            "选出县第十八届人大代表：210名；当选代表平均得票率：94.1%。",
            [_direct("county", congress_term=18, constituencies=120, voters_registered=352000,
                     voters_participating=339000, turnout_pct=96.3, deputies_elected=210,
                     avg_vote_share_pct=94.1)],
            note="label：figure; 应选 with the seats filled later in the sentence is held"),
    Example("选区：40个；登记选民：8.6万人；参选率：95.0%；选出乡镇人大代表：150名。",
            [_direct("township", constituencies=40, voters_registered=86000, turnout_pct=95.0,
                     deputies_elected=150)]),
    Example("应选县人大代表：200名，将于12月依法选出。",
            [{"level": "county", "method": "direct", "status": "planned",
              "deputies_elected": 200}], note="应选 with the seats still to fill"),
    Example("苏木镇人大代表选举同步完成，共选出苏木镇人大代表320名。",
            [_direct("township", deputies_elected=320)], ctx=BANNER,
            note="苏木镇 is one township level"),
    Example("12月20日，区十八届人大四次会议补选张某、李某2人为样例市第十七届人民代表大会代表。",
            [_indirect("city", congress_term=17, deputies_elected=2, election_date="2022-12-20",
                       date_precision="day")], ctx=DISTRICT,
            note="the elected named before 为 and their body"),
    Example("会议选举王某等3名同志为出席省第十四届人民代表大会代表。",
            [_indirect("province", congress_term=14, deputies_elected=3)], ctx=DISTRICT),
]

# Sentences of the new styles that must give no row.
NEW_STYLE_TRAPS = [
    Example("应选代表：210名；正式代表候选人：315名。", [], note="a quota and candidates"),
    Example("旗、苏木镇两级人大代表选举共登记选民9.2万人。", [], ctx=BANNER,
            note="two levels counted together"),
    Example("新当选的乡镇人大代表中，有15人为县人大代表。", [],
            note="a share of a body, not an election of deputies"),
]

# Sentences that must give no row.
TRAPS = [
    Example("新当选的县人大代表中，妇女代表51名，占27.4%，连任代表占35%。", [],
            note="composition shares are not turnout"),
    Example("当选的186名县人大代表中，基层代表比例为56%。", [], note="composition"),
    Example("依法选举产生了新一届县人大常委会主任、副主任、委员，县政府县长、副县长。", [],
            note="officials, not deputies"),
    Example("共确定县人大代表候选人280名。", [], note="candidates"),
    Example("县乡两级人大代表选举共登记选民20万名。", [], note="two levels counted together"),
    Example("选举产生县、乡两级人大代表698名。", [], note="two levels counted together"),
    Example("全县各级人大代表累计深入代表联络站（点）701人次。", [], note="deputy activity"),
    Example("全县现有县人大代表186名、乡镇人大代表512名。", [], note="a stock, no election"),
    Example("选民投票选举县十七届人大代表", [], note="a caption with no figure"),
    Example("选举产生出席市第五次党代会代表25名。", [], note="party congress"),
    Example("开展直选代表向原选区选民述职活动。", [], note="reporting to voters"),
    Example("出席会议的县人大代表186名参加投票表决。", [], note="a vote on a motion"),
    Example("县人大常委会选举委员会指导选民登记工作，县人大代表名额为186名。", [],
            note="a quota, and 选举委员会 is no election"),
    Example("会议决定，终止2名县人大代表的代表资格。", [],
            note="credentials ended: no election"),
    Example("本届以来，共有12名县人大代表因工作调动辞去代表职务，依法补选县人大代表10名。",
            [_direct("county", deputies_elected=10, period="multi_year")],
            note="deputies leaving office are not the deputies elected"),
    Example("组织52名县人大代表深入选区，走访选民1200余人次。", [],
            note="deputies visiting voters: no election"),
    Example("全县共有省人大代表3名、市人大代表25名、县人大代表198名。", [],
            note="deputies in office"),
    Example("改革开放以来，全国已经进行了12次乡级人大代表选举、11次县级人大代表选举，选民参选率都在"
            "90%左右。", [], ctx=PROVINCE, note="counts of elections, no figure of one"),
    Example("全国共有各级人大代表262万，其中县乡两级人大代表247万，都是由选民直接选举产生的。", [],
            ctx=PROVINCE, note="stocks of mixed levels"),
    Example("全区选民参加投票，选举产生区人大代表210名。", [],
            ctx=DocContext("gov", "government_report", 2021, "county"),
            note="a government report gives no election rows"),
    Example("全市约860万名选民参加了县乡两级人大代表选举投票，参选率为90.2%。", [],
            note="two levels counted together"),
    Example("当选的市人大代表中，妇女代表占28.1%。", [], ctx=CITY_COUNTY,
            note="composition in a county-level city's report"),
    Example("选举产生省、市、县人大代表356名。", [], note="a list of levels"),
]

# Rule 1a. Changed from a trap: the real gold (qualification reports) takes the confirmation
# of credentials as evidence of the election it restates.
CONFIRMATIONS = [
    Example("县人大常委会依法确认新选出的县人大代表186名代表资格有效。",
            [_direct("county", deputies_elected=186)],
            note="credentials confirmed: the deputies elected"),
    Example("会议听取了代表资格审查委员会的报告，确认补选的2名县人大代表资格有效。",
            [_direct("county", deputies_elected=2)],
            note="the by-elected deputies' credentials confirmed"),
    Example("全县共有县人大代表198名，其中连任代表56名，新当选代表142名。", [],
            note="deputies in office, with their make-up"),
    Example("全县共有县人大代表198名，其中新当选代表142名。", [],
            note="a share of the deputies in office"),
]

# Rules 2a-2d: counts written apart from the deputies' words.
COUNTS = [
    Example("本次选举共选举产生了52名出席样例省第十四届人民代表大会代表。",
            [_indirect("province", congress_term=14, deputies_elected=52)],
            note="出席 and the province's name between the count and the level"),
    Example("此次选举将选举产生4名样例县第八届人民代表大会代表和3名城关镇第九届人民代表大会代表。",
            [{"level": "county", "status": "planned", "deputies_elected": 4, "congress_term": 8},
             {"level": "township", "status": "planned", "deputies_elected": 3,
              "congress_term": 9}],
            note="a place name between the count and the level"),
    Example("全县18万名选民投票选举县人大代表。",
            [_direct("county", voters_participating=180000, deputies_elected=None)],
            note="the voters before a level are the voters, not a count of deputies"),
    Example("会议以无记名投票方式补选李某为样例市第六届人民代表大会代表。",
            [_indirect("city", congress_term=6, deputies_elected=1)],
            note="one name, one deputy"),
    Example("会议补选张某、刘某为出席省第十四届人民代表大会代表。",
            [_indirect("province", congress_term=14, deputies_elected=2)],
            note="two names"),
    Example("王某等15人当选为县第十九届人民代表大会代表。",
            [_direct("county", congress_term=19, deputies_elected=15)],
            note="当选为 after the count"),
    Example("第十四届全国人大代表由35个选举单位选举产生，共2977名。",
            [_indirect("national", congress_term=14, deputies_elected=2977)],
            note="the count after the verb; 选举单位 are no constituencies"),
    Example("在出缺的第3选区、第9选区各补选县十七届人大代表1名，共计2名。",
            [_direct("county", congress_term=17, deputies_elected=2, constituencies=None)],
            note="a total after a count for each; constituency labels are no count"),
]

# Rule 5: label variants.
LABELS = [
    Example("全县共划分146个县人大代表选区、402个乡镇人大代表选区，选出县人大代表230名、"
            "乡镇人大代表880名。",
            [_direct("county", constituencies=146, deputies_elected=230),
             _direct("township", constituencies=402, deputies_elected=880)],
            note="the level named after the constituencies figure"),
    Example("全县共划分98个县级选区、265个乡级选区，选出县人大代表200名、乡镇人大代表800名。",
            [_direct("county", constituencies=98, deputies_elected=200),
             _direct("township", constituencies=265, deputies_elected=800)],
            note="县级选区: a level word with 级 labels the constituencies"),
    Example("全县36 743名选民参加投票,选出县人大代表203名。",
            [_direct("county", voters_participating=36743, deputies_elected=203)],
            note="a space grouping thousands; an ASCII comma between clauses"),
    Example("全县投票人数26.9万人，选出县人大代表203名。",
            [_direct("county", voters_participating=269000, deputies_elected=203)],
            note="投票人数 are the voters who voted"),
    Example("全县共有选民16.2万人，投票率达95.4%，选出县人大代表190名。",
            [_direct("county", voters_registered=162000, turnout_pct=95.4,
                     deputies_elected=190)],
            note="共有选民 are the registered; 投票率 is the turnout"),
    Example("全省选出县级人大代表4.2万名，参加投票的选民占登记选民的92.6%。",
            [_direct("county", turnout_pct=92.6, deputies_elected=42000)], ctx=PROVINCE,
            note="a share of the registered who voted is the turnout"),
    Example("全镇2.1万名选民直接或委托他人参加投票，选出镇人大代表65名。",
            [_direct("township", voters_participating=21000, deputies_elected=65)],
            ctx=NEWS, note="words between 选民 and 参加投票"),
    Example("全县共划分选区150个(其中2个选区推迟选举)，选出县人大代表198名。",
            [_direct("county", constituencies=150, deputies_elected=198)],
            note="constituencies where the vote was put off are no count"),
    Example("全市共设立选区160个，其中市级人大代表选区58个，镇级人大代表选区102个；"
            "将选举产生市人大代表210名、镇人大代表560名。",
            [{"level": "county", "status": "planned", "constituencies": 58,
              "deputies_elected": 210},
             {"level": "township", "status": "planned", "constituencies": 102,
              "deputies_elected": 560}],
            ctx=CITY_COUNTY,
            note="市级 of a county-level city is county; the total of both levels goes nowhere"),
    Example("县选举委员会将选举结果向社会公布，全县共选出县人大代表200名。",
            [_direct("county", deputies_elected=200)],
            note="将 taking the result as its object is no plan"),
    Example("全县共划分县区级人大代表选区310个，将通过投票选举产生新一届县区级人大代表680名。",
            [{"level": "county", "status": "planned", "constituencies": 310,
              "deputies_elected": 680}], ctx=NEWS,
            note="县区级 is one level; 将通过投票选举产生 is a plan"),
]

# Level words and figures naming several levels.
LEVEL_WORDS = [
    Example("全省共选出县(市、区)人大代表3.5万名、乡(镇)人大代表9.8万名。",
            [_direct("county", deputies_elected=35000), _direct("township",
                                                              deputies_elected=98000)],
            ctx=PROVINCE, note="the county level spelled with its kinds"),
    Example("共选出县人大代表215名、乡镇人大代表856名，县乡人大代表平均得票率分别为93.6%和95.1%。",
            [_direct("county", deputies_elected=215, avg_vote_share_pct=93.6),
             _direct("township", deputies_elected=856, avg_vote_share_pct=95.1)],
            note="a figure naming two levels, 分别: spread over both"),
]

LEVEL_WORDS.append(
    Example("香港特别行政区第十四届全国人大代表选举会议选举产生36名港区全国人大代表。",
            [_indirect("national", deputies_elected=36)], ctx=PROVINCE,
            note="港区 before 全国 is a place, not a list of levels"))

# Rule 2c: seats written after the deputies.
SEATS = [
    Example("全省县级人大代表应选3.6万名，实选3.6万名；乡级人大代表应选9.8万名，实选9.7万名。",
            [_direct("county", deputies_elected=36000), _direct("township",
                                                              deputies_elected=97000)],
            ctx=PROVINCE, note="the seats filled; 全省 before 县级 is the area, not a list"),
    Example("县人大代表应选210名，将于11月选举产生。",
            [{"level": "county", "status": "planned", "deputies_elected": 210}],
            note="seats with none filled yet"),
]

# Rules 9-10: elections as events, assembled from the sentences of a passage.
PASSAGES = [
    Example("此次全乡共登记选民8204名，参加投票7566人，投票率92.22%。"
            "经过投票，全乡选举产生县人大代表11名、乡人大代表46名。",
            [_direct("county", voters_registered=8204,
                     voters_participating=7566, turnout_pct=92.22, deputies_elected=11),
             _direct("township", voters_registered=8204, voters_participating=7566,
                     turnout_pct=92.22, deputies_elected=46)], ctx=NEWS,
            note="joint voter figures of the sentence before go on both rows"),
    Example("全县共划分县人大代表选区132个、乡镇人大代表选区418个。当天，26.9万名选民参加投票。"
            "选举产生县人大代表225名、乡镇人大代表980名。",
            [_direct("county", constituencies=132, voters_participating=269000,
                     deputies_elected=225),
             _direct("township", constituencies=418, voters_participating=269000,
                     deputies_elected=980)], ctx=NEWS,
            note="constituencies, voters and deputies in three sentences"),
    Example("全省共选出县级人大代表3.4万名、乡级人大代表9.7万名。"
            "全省共划分县级人大代表选区1.8万个，乡级人大代表选区6.4万个；"
            "选出县级人大代表3.4万名，乡级人大代表9.7万名。",
            [_direct("county", deputies_elected=34000, constituencies=18000),
             _direct("township", deputies_elected=97000, constituencies=64000)],
            ctx=PROVINCE, note="a summary restated: one row per level"),
    Example("全县选出县人大代表210名。其中，城关镇登记选民1.2万人，参选率95%；"
            "河西乡登记选民0.8万人，参选率93%。",
            [_direct("county", deputies_elected=210, voters_registered=None,
                     turnout_pct=None)],
            note="figures of parts of the area are not the whole's"),
    Example("全县选出县人大代表200名。全省共有4000万名选民参加投票。",
            [_direct("county", deputies_elected=200, voters_participating=None)],
            note="another area's figures are not the county's"),
    Example("全镇共设立选区30个，其中县人大代表选区8个，镇人大代表选区22个。"
            "全镇1.2万名选民参加投票，将选举产生县人大代表8名、镇人大代表45名。",
            [_direct("county", constituencies=8, voters_participating=12000,
                     deputies_elected=None),
             _direct("township", constituencies=22, voters_participating=12000,
                     deputies_elected=None),
             {"level": "county", "status": "planned", "deputies_elected": 8},
             {"level": "township", "status": "planned", "deputies_elected": 45}], ctx=NEWS,
            note="the vote held, the deputies to come: held rows without the seats, "
                 "planned rows with them"),
    Example("全镇有选民1.3万人，划分县人大代表选区7个、镇人大代表选区21个，"
            "将于11月20日选举产生县人大代表7名、镇人大代表40名。",
            [{"level": "county", "status": "planned", "constituencies": 7,
              "deputies_elected": 7},
             {"level": "township", "status": "planned", "constituencies": 21,
              "deputies_elected": 40}], ctx=NEWS,
            note="nothing but registration and constituencies held: planned rows"),
    Example("县人大常委会决定，在第3选区、第17选区各补选县人大代表1名，共计2名。"
            "投票定于6月18日进行。",
            [{"level": "county", "status": "planned", "deputies_elected": 2}],
            note="a scheduled vote makes the seats planned"),
    Example("根据安排，全县选举日定于11月18日，当天共选出县人大代表200名。",
            [_direct("county", deputies_elected=200)],
            note="a scheduled day with the deputies said elected: held"),
    Example("2019年，补选县人大代表3名。2020年，补选县人大代表3名。",
            [_direct("county", deputies_elected=3, election_date="2019"),
             _direct("county", deputies_elected=3, election_date="2020")],
            note="two dates, two elections"),
    Example("甲镇选出县人大代表8名，登记选民1.1万人。乙镇选出县人大代表6名，登记选民0.9万人。",
            [_direct("county", deputies_elected=8, voters_registered=11000),
             _direct("county", deputies_elected=6, voters_registered=9000)],
            note="figures that differ: two elections"),
    Example("东莞市某镇4.1万名选民投票选举产生东莞市第十七届人大代表6名、某镇第十八届人大代表70名。",
            [_direct("city", congress_term=17, voters_participating=41000, deputies_elected=6),
             _direct("township", congress_term=18, voters_participating=41000,
                     deputies_elected=70)],
            ctx=DocContext("test-dg", "news", 2021, "township", "广东省", "东莞市"),
            note="a city without counties elects its deputies directly"),
]

# Rule 9d: deputies counted with no level take the level the passage names.
BARE_COUNTS = [
    Example("样例镇第十九届人大代表选举工作圆满完成。本次选举共选出代表45名，参选率达96.1%。",
            [_direct("township", deputies_elected=45, turnout_pct=96.1)], ctx=NEWS,
            note="the one level named in the sentence before"),
    Example("县人大常委会依法组织对出缺的6名人大代表进行了补选。当天，5个选区的4210名选民参加投票，"
            "补选样例县第十八届人民代表大会代表。",
            [_direct("county", deputies_elected=6, constituencies=5, voters_participating=4210,
                     congress_term=18)], note="a by-election told over two sentences"),
    Example("第十四届全国人民代表大会代表选举工作已经完成，共选出代表2977名。",
            [_indirect("national", congress_term=14, deputies_elected=2977)], ctx=PROVINCE,
            note="the one level of the sentence, named before the count"),
    Example("县乡两级人大代表选举工作圆满完成。本次选举共选出代表45名。", [],
            note="two levels named: the count is no one's"),
    Example("会议选举产生了出席县第十五次党代会代表120名。", [], note="a party congress"),
    Example("村民代表会议选举产生村民代表35名。选出县人大代表5名。",
            [_direct("county", deputies_elected=5)], note="villagers' representatives"),
]

PASSAGE_TRAPS = [
    Example("要严格依法办事，确保选民参选率达到90%以上，选举产生县人大代表200名。",
            [_direct("county", deputies_elected=200, turnout_pct=None)],
            note="a target is no turnout"),
    Example("村委会换届选举中，全镇登记选民1.8万人，参选率92%。选出镇人大代表52名。",
            [_direct("township", deputies_elected=52, voters_registered=None,
                     turnout_pct=None)],
            note="a village committee's voters are not the congress's"),
    Example("本届登记选民7321人，实际参加选举6102人，参选率83%。经依法选举产生村委会成员38人。", [],
            note="no congress's deputies in sight: the joint figures give nothing"),
    Example("阅读次数:318 全镇5000余名选民参加投票，选出镇人大代表52名。",
            [_direct("township", voters_participating=5000, deputies_elected=52,
                     approximate=True)], ctx=NEWS, note="page chrome is no figure"),
    Example("每个代表小组安排2- 3名镇人大代表向原选区选民报告履职情况，并接受选民无记名投票测评。", [],
            note="a range, a report to voters, a vote of appraisal"),
    Example("全镇县乡人大代表和村委会换届选举同步进行，选出县人大代表8名、镇人大代表40名，"
            "村委会选举参选率92%。",
            [_direct("county", deputies_elected=8, turnout_pct=None),
             _direct("township", deputies_elected=40, turnout_pct=None)],
            note="a village committee's turnout in a clause of its own"),
    Example("来自维则村委会等9个选区的6108名选民参加投票，补选县人大代表9名。",
            [_direct("county", constituencies=9, voters_participating=6108,
                     deputies_elected=9)],
            note="a village committee naming a constituency is a place, not another vote"),
    Example("上届换届选举中，全县选民参选率达96.3%，选出县人大代表200名；"
            "本届选出县人大代表210名，参选率95.1%。",
            [_direct("county", deputies_elected=210, turnout_pct=95.1)],
            note="an earlier election's figures are not this one's"),
    Example("选出县人大代表210名，比上届增加10名，参选率95.1%，较上届提高1.2个百分点。",
            [_direct("county", deputies_elected=210, turnout_pct=95.1)],
            note="a comparison with the earlier election is about this one"),
    Example("来自13个选举单位的80余名全国人大代表参加了研讨班。", [],
            note="选举单位 is no election"),
]

CITY_TOWN = DocContext("test-ctown", "news", 2021, "township", "山西省", "吕梁市", "孝义市")

# Rules widened to the family of expressions after the metamorphic tests of the tune pages
# (tests/elections_metamorphic.py): other fillers between a label and its figure, other
# labels of a turnout and of a constituency, other counters, other words of seats to fill,
# other orders; each with sentences that share the words and state no such fact.
WIDENED = [
    Example("全镇划分选区数为42个，登记选民达到了2.36万人，参选率达到了93.6%，选出镇人大代表61名。",
            [_direct("township", constituencies=42, voters_registered=23600, turnout_pct=93.6,
                     deputies_elected=61)],
            note="为, 达到了 between a label and its figure"),
    Example("选区共计58个，参加投票的选民总数为3.12万人，选举产生县人大代表133名。",
            [_direct("county", constituencies=58, voters_participating=31200,
                     deputies_elected=133)], note="共计, 总数为"),
    Example("选民参选比例为91.7%，选举产生县人大代表203名。",
            [_direct("county", turnout_pct=91.7, deputies_elected=203)],
            note="参选比例 is a turnout"),
    Example("全区投票比率达88.2%，选出区人大代表176名。",
            [_direct("county", turnout_pct=88.2, deputies_elected=176)],
            note="投票比率 is a turnout"),
    Example("全县共设选举区105个，选出县人大代表199名。",
            [_direct("county", constituencies=105, deputies_elected=199)],
            note="选举区 is a constituency"),
    Example("全县划分为87个选举区，选出县人大代表166名。",
            [_direct("county", constituencies=87, deputies_elected=166)]),
    Example("全乡共有登记选民8360位，参加投票7912位，选举产生乡人大代表48名。",
            [_direct("township", voters_registered=8360, voters_participating=7912,
                     deputies_elected=48)], note="位 counts voters too"),
    Example("1.2万位选民参加了投票，选出镇人大代表57名。",
            [_direct("township", voters_participating=12000, deputies_elected=57)]),
    Example("此次应依法选举产生镇人大代表73名。",
            [{"level": "township", "method": "direct", "status": "planned",
              "deputies_elected": 73}], note="应依法选举产生: seats to fill"),
    Example("本次应差额选举产生县人大代表36名，各选区已完成候选人提名。",
            [{"level": "county", "method": "direct", "status": "planned",
              "deputies_elected": 36}], note="应差额选举"),
    Example("在出缺的4个选区各补选1名区人大代表，共计4名。",
            [_direct("county", deputies_elected=4)],
            note="a count for each before the deputies, then the total"),
    Example("补选1名县人大代表，共计投票选民2100人。",
            [_direct("county", deputies_elected=1, voters_participating=2100)],
            note="a total of something else after the count"),
    Example("县人大代表选举中，选区3个暂缓选举，选出县人大代表190名。",
            [_direct("county", constituencies=None, deputies_elected=190)],
            note="constituencies put off, the label first"),
    Example("全县设选区95个，其中有选区2个延期选举，选出县人大代表190名。",
            [_direct("county", constituencies=95, deputies_elected=190)],
            note="the subset put off is no total; the total is"),
    Example("县人大常委会依法组织对出缺的5名人大代表进行了补选。\n同日，全镇村民委员会换届选举同步"
            "完成。\n来自4个选区的3210名选民参加投票，补选样例县第十八届人民代表大会代表。",
            [_direct("county", deputies_elected=5, constituencies=4,
                     voters_participating=3210)],
            note="the level of a bare count named two sentences on, past another matter"),
    Example("发布时间：2021-11-23 10:00 来源：本站 全县选民投票选举产生县人大代表186名。",
            [_direct("county", deputies_elected=186, election_date=None)], ctx=NEWS,
            note="a page's publication date is not the vote's"),
    Example("选举时间：2021年12月18日，全县选出县人大代表186名。",
            [_direct("county", deputies_elected=186, election_date="2021-12-18")], ctx=NEWS,
            note="the vote's own date label"),
    Example("全镇设市人大代表选区12个，选出市人大代表15名。",
            [_direct("county", deputies_elected=15, constituencies=12)], ctx=CITY_TOWN,
            note="a township of a county-level city: its 市 is that city"),
    Example("分别选举产生县、乡镇人大代表186名、512名。",
            [_direct("county", deputies_elected=186), _direct("township", deputies_elected=512)],
            note="levels listed before one 人大代表, their counts after it in order"),
    Example("全县选民投票选举产生县乡两级人大代表分别为214名和786名，参选率分别为95.1%、94.3%。",
            [_direct("county", deputies_elected=214, turnout_pct=95.1),
             _direct("township", deputies_elected=786, turnout_pct=94.3)]),
    Example("共选出市、镇两级人大代表分别8名、75名。",
            [_direct("county", deputies_elected=8), _direct("township", deputies_elected=75)],
            ctx=CITY_COUNTY, note="a county-level city and its towns"),
    Example("将选举产生县、乡两级人大代表分别为214名、786名。",
            [{"level": "county", "method": "direct", "status": "planned",
              "deputies_elected": 214},
             {"level": "township", "method": "direct", "status": "planned",
              "deputies_elected": 786}]),
    Example("选民12.3万人参加投票，选出县人大代表201名。",
            [_direct("county", voters_participating=123000, deputies_elected=201)],
            note="voters named before the figure, the vote after it"),
    Example("全县共有选民26.2万人参加投票，选出县人大代表201名。",
            [_direct("county", voters_participating=262000, voters_registered=None,
                     deputies_elected=201)], note="共有选民…参加投票: those who voted"),
    Example("十届全国人大代表由35个选举单位选举出，共2985名。",
            [_indirect("national", congress_term=10, deputies_elected=2985)], ctx=PROVINCE,
            note="选举出, the count after the verb"),
    Example("各选区共产生县人大代表186名。", [_direct("county", deputies_elected=186)],
            note="产生 said of deputies is their election"),
    Example("依法产生新一届乡镇人大代表512名。", [_direct("township", deputies_elected=512)]),
    Example("186名新当选的县人大代表全部由选民直接选举产生。",
            [_direct("county", deputies_elected=186)],
            note="新当选的 between the count and the level"),
    Example("全乡选民总数7508人，参加投票6768人，选出乡人大代表55名。",
            [_direct("township", voters_registered=7508, voters_participating=6768,
                     deputies_elected=55)], note="选民总数: the voters of the area"),
    Example("参加投票的选民人数为6768人，选出乡人大代表55名。",
            [_direct("township", voters_registered=None, voters_participating=6768)],
            note="…投票的选民人数 is not 选民总数"),
    Example("选出县人大代表186名，代表得票率平均为95.7%。",
            [_direct("county", deputies_elected=186, avg_vote_share_pct=95.7)]),
    Example("选举产生县人大代表和乡镇人大代表分别为186名、512名。",
            [_direct("county", deputies_elected=186), _direct("township", deputies_elected=512)],
            note="bodies listed, then 分别 and their counts"),
    Example("投票选举产生县人大代表、乡镇人大代表共计698名，其中县人大代表186名、乡镇人大代表512名。",
            [_direct("county", deputies_elected=186), _direct("township", deputies_elected=512)],
            note="the total of listed bodies is none's; the parts are"),
    Example("此次全乡共登记选民7508名。参加投票6768人，投票率90.14%。选举产生县人大代表14名、"
            "乡人大代表55名。",
            [_direct("county", voters_registered=7508, voters_participating=6768,
                     turnout_pct=90.14, deputies_elected=14),
             _direct("township", voters_registered=7508, voters_participating=6768,
                     turnout_pct=90.14, deputies_elected=55)],
            note="joint figures over two sentences before the deputies"),
    Example("11月18日是全县选举日，选出县人大代表213名。\n7月开始，全县划分县人大代表选区130个，"
            "完成选民登记。",
            [_direct("county", deputies_elected=213, constituencies=130,
                     election_date="2021-11-18")], ctx=NEWS,
            note="constituencies drawn months before the vote: one election"),
    Example("县人大常委会于10月28日审查，全县县人大代表投票选举工作于10月15日结束，依法选举产生"
            "县人大代表211名。",
            [_direct("county", deputies_elected=211, election_date="2021-10-15")], ctx=NEWS,
            note="the date the sentence gives the vote, not another date before the count"),
    Example("选出县人大代表213名。当天全县41万选民在各自选区参加了投票选举。",
            [_direct("county", deputies_elected=213, voters_participating=410000)],
            note="投票选举 is no poll (票选)"),
    Example("选举产生县人大代表186名；乡镇人大代表512名，参选率85.5%。",
            [_direct("county", deputies_elected=186, turnout_pct=85.5),
             _direct("township", deputies_elected=512, turnout_pct=85.5)],
            note="a figure after every body of a ；-list, no other clause's: a tail"),
    Example("县人大代表选区98个，选出县人大代表185名；乡镇人大代表选区265个，参选率96.8%，"
            "选出乡镇人大代表520名。",
            [_direct("county", constituencies=98, turnout_pct=None),
             _direct("township", constituencies=265, turnout_pct=96.8)],
            note="inside the last clause, before its count: that clause's"),
    Example("选出县人大代表185名，参选率95.1%；选出乡镇人大代表520名，参选率96.8%。",
            [_direct("county", turnout_pct=95.1), _direct("township", turnout_pct=96.8)],
            note="a label every clause writes: each clause's own"),
    Example("市人大常委会代表资格审查委员会关于补选的市人大代表代表资格的审查报告县人大常委会第二十次"
            "会议于2022年3月10日补选李某、王某为市第十五届人民代表大会代表。",
            [_indirect("city", deputies_elected=2, congress_term=15)],
            note="a report's title run into its text: the by-election after it is reported"),
    Example("在全县换届选举工作会议上的讲话\n同志们：本次换届，全县将选举产生县人大代表200名。"
            "上届全县选出县人大代表198名。", [],
            note="a speech: the seats a speaker announces are a plan, no row"),
    Example("在全县换届选举工作会议上的讲话\n同志们：2021年11月，全县选民投票选举产生县人大代表"
            "198名。", [_direct("county", deputies_elected=198)],
            note="an election held, recounted in a speech"),
    Example("全县应选县人大代表240名，实选240名；应选乡镇人大代表1050名，实选1048名。",
            [_direct("county", deputies_elected=240), _direct("township", deputies_elected=1048)],
            note="seats named before the deputies, the count filled after"),
    Example("应选乡镇人大代表1050名，将于11月20日投票选举。",
            [{"level": "township", "status": "planned", "deputies_elected": 1050}],
            note="seats before the deputies, none filled yet"),
    Example("全区共选出区人大代表230名，镇（街道）人大代表589名。",
            [_direct("county", deputies_elected=230), _direct("township", deputies_elected=589)],
            ctx=DISTRICT, note="镇（街道）: the towns' deputies"),
    Example("选出县人大代表186名，参选率95.1%，上届参选率为93.2%。",
            [_direct("county", deputies_elected=186, turnout_pct=95.1)],
            note="only the figures after 上届 are the earlier election's"),
    Example("此次将选举产生3名样例县第七届人民代表大会代表，上届选举时，全县登记选民11.2万人，"
            "参选率为89.4%，选出代表203名。",
            [{"level": "county", "status": "planned", "deputies_elected": 3,
              "voters_registered": None, "turnout_pct": None}],
            note="an earlier election's figures run on in the same sentence"),
]

# Sentences sharing the widened words that state no fact of an election.
WIDENED_TRAPS = [
    Example("县人大代表提出的建议产生了良好效果，共156件。", [], note="产生 of effects"),
    Example("选举产生县人大代表、乡镇人大代表698名。", [], note="one total of listed bodies"),
    Example("新当选的186名县人大代表中，妇女代表52名。", [], note="composition"),
    Example("全镇14个村（社区）“两委”换届选举工作圆满完成，选民参选率达91.5%，共选出“两委”成员98名。"
            "同日选出镇人大代表60名。", [_direct("township", deputies_elected=60, turnout_pct=None)],
            note="the village committees' vote next to the congress's"),
    Example("县人大常委会代表资格审查委员会对选举产生的211名代表的代表资格进行了审查。", [],
            note="credentials reviewed after the election verb: a restatement"),
    Example("全县县、乡两级人大代表共698名。", [], note="the levels together, no election"),
    Example("选举产生县、乡两级人大代表698名。", [], note="one count of two levels"),
    Example("县乡两级人大代表中，妇女代表分别为52名、160名。", [], note="composition"),
    Example("选出县人大代表201名。上届选举时，全县登记选民11.2万人，参选率为89.4%，选出代表203名。",
            [_direct("county", deputies_elected=201, voters_registered=None, turnout_pct=None)],
            note="the earlier election's figures and bare count"),
    Example("在“美丽乡村”网络评选活动中，共有2.3万人参与投票，投票率达67.8%。", [],
            note="a poll is no election"),
    Example("全镇选出镇人大代表61名。在“最美庭院”评选中，共有3120人参与投票，投票率达71.2%。",
            [_direct("township", deputies_elected=61, voters_participating=None,
                     turnout_pct=None)], note="a poll next to an election"),
    Example("要确保参选率达到了95%以上。", [], note="a target, with 达到了"),
    Example("新当选的县人大代表中，妇女代表比例为27.5%。", [], note="a composition share"),
    Example("全村登记选民达到了1260人，参选比例为92.3%，选举产生村委会成员5名。", [],
            note="a village committee's vote"),
    Example("应选县人大代表候选人数为名额的1.2倍。", [], note="candidates, not seats"),
]

ALL = [
    *[("confirmation", e) for e in CONFIRMATIONS],
    *[("count", e) for e in COUNTS],
    *[("label", e) for e in LABELS],
    *[("level-word", e) for e in LEVEL_WORDS],
    *[("seats", e) for e in SEATS],
    *[("passage", e) for e in PASSAGES],
    *[("bare-count", e) for e in BARE_COUNTS],
    *[("passage-trap", e) for e in PASSAGE_TRAPS],
    *[("annual", e) for e in ANNUAL_WORK_REPORTS],
    *[("five-year", e) for e in FIVE_YEAR_REPORTS],
    *[("news", e) for e in ELECTION_NEWS],
    *[("provincial", e) for e in PROVINCIAL_REPORTS],
    *[("summary", e) for e in ELECTION_SUMMARIES],
    *[("county-level-city", e) for e in COUNTY_LEVEL_CITY_REPORTS],
    *[("new-styles", e) for e in NEW_STYLES],
    *[("trap", e) for e in TRAPS],
    *[("new-style-trap", e) for e in NEW_STYLE_TRAPS],
    *[("widened", e) for e in WIDENED],
    *[("widened-trap", e) for e in WIDENED_TRAPS],
]


def _check_rows(text: str, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        assert set(row) == set(ELECTIONS.column_names)
        assert text[row["char_start"]:row["char_end"]] == row["evidence"]
        assert row["period"] in PERIODS
        for col in ("scope", "election_date", "date_precision", "congress_term"):
            assert row[col] != "" and row[col] != 0
    to_arrow(ELECTIONS, rows)


@pytest.mark.parametrize("origin,example", ALL, ids=[f"{o}-{i}" for i, (o, _) in enumerate(ALL)])
def test_examples(origin: str, example: Example) -> None:
    rows = elections.extract(example.text, example.ctx)
    _check_rows(example.text, rows)
    assert len(rows) == len(example.rows), (example.note, rows)
    for got, want in zip(rows, example.rows):
        assert {k: got[k] for k in want} == want, example.note


def test_new_term_from_paragraph() -> None:
    text = ("2021年3月18日，全县选民参加投票，选举产生新一届县人大代表186名、乡镇人大代表512名。"
            "县十七届人大一次会议于4月中旬召开。\n县十六届人大常委会圆满完成任期。")
    rows = elections.extract(text, COUNTY)
    assert [(r["level"], r["congress_term"]) for r in rows] == [("county", 17), ("township", None)]
    alone = elections.extract("选举产生新一届县人大代表186名。", COUNTY)
    assert alone[0]["congress_term"] is None
    outgoing = elections.extract("县十六届人大常委会依法组织换届选举，选举产生新一届县人大代表186名。",
                                 COUNTY)
    assert outgoing[0]["congress_term"] is None


# Rule 6a: the day of the vote stated in an earlier sentence of the section.
VOTE_DAY_CASES = [
    ("根据统一部署，全县县乡两级人大代表换届选举于11月18日顺利完成。全县划分县人大代表选区90个，"
     "选举产生县人大代表200名。", ("2021-11-18", "day"), "the same paragraph"),
    ("县乡两级人大换届选举工作于11月中旬圆满完成。共选出县人大代表200名、乡镇人大代表500名。",
     ("2021-11", "month"), "中旬: month precision, the report year"),
    ("样例县换届选举工作总结\n本次县乡两级人大代表换届选举，投票选举于11月29日在全县集中进行。\n一、主要数据\n（一）县人大代表选举\n"
     "选区：90个；选出县人大代表：200名。", ("2021-11-29", "day"),
     "a statement before any heading holds for the whole document"),
    ("11月20日，全县县乡两级人大代表选举投票顺利进行。全县选出县人大代表200名、乡镇人大代表500名。",
     ("2021-11-20", "day"), "a date opening the sentence, the vote in the next clause"),
    ("全县于11月下旬同步进行县乡两级人大代表选举投票。选举产生县人大代表200名。",
     ("2021-11", "month"), "于 a date, then the vote"),
    ("县乡两级人大换届选举工作于7月启动，12月基本结束。选举产生县人大代表200名。", (None, None),
     "the start of the work and its end are no day of a vote"),
    ("2021年，全县县乡两级人大换届选举工作于11月上旬圆满完成。选举产生县人大代表200名。",
     ("2021-11", "month"), "the most precise date of the statement"),
    ("（一）换届选举\n县乡两级人大代表换届选举于11月18日顺利完成。\n（二）代表结构\n"
     "全县共选出县人大代表200名。", (None, None), "a new section of the same rank"),
    ("县乡两级人大换届选举将于11月18日进行。全县选出县人大代表200名。", (None, None),
     "将于: a plan, no day of a vote"),
    ("村民委员会换届选举于11月18日完成。全县选出县人大代表200名。", (None, None),
     "not a congress's election"),
    ("县乡两级人大换届选举于11月18日顺利完成。五年来，补选县人大代表9名。", (None, None),
     "a total over a term, and a by-election"),
    ("县乡两级人大换届选举于11月18日顺利完成。依法补选县人大代表3名。", (None, None),
     "a by-election is not dated by the general election"),
]


@pytest.mark.parametrize("text,date,note", VOTE_DAY_CASES)
def test_vote_day_from_an_earlier_sentence(text: str, date: tuple[str | None, str | None],
                                           note: str) -> None:
    rows = elections.extract(text, COUNTY)
    _check_rows(text, rows)
    assert rows, note
    assert all((r["election_date"], r["date_precision"]) == date for r in rows), (note, rows)


def test_vote_day_not_for_other_areas() -> None:
    text = "县乡两级人大换届选举于11月18日顺利完成。全市共登记选民310万人，选举产生县级人大代表4120名。"
    rows = elections.extract(text, NEWS)
    assert [(r["scope"], r["election_date"]) for r in rows] == [("全市", None)]


@pytest.mark.parametrize("origin,example", ALL, ids=[f"{o}-{i}" for i, (o, _) in enumerate(ALL)])
def test_record_ids_unique_in_a_document(origin: str, example: Example) -> None:
    rows = elections.extract(example.text + "\n" + example.text, example.ctx)
    assert len({r["record_id"] for r in rows}) == len(rows)


def test_vocabulary_values_are_contract_levels() -> None:
    vocab = yaml.safe_load((files("renda.extract") / "vocab" / "elections.yml")
                           .read_text(encoding="utf-8"))
    assert set(vocab["level_words"].values()) <= set(LEVELS)
    assert set(vocab["scope_words"].values()) <= set(LEVELS)


def test_record_ids_are_stable_and_unique() -> None:
    text = ANNUAL_WORK_REPORTS[0].text
    a, b = elections.extract(text, COUNTY), elections.extract(text, COUNTY)
    assert [r["record_id"] for r in a] == [r["record_id"] for r in b]
    assert len({r["record_id"] for r in a}) == len(a)


# --------------------------------------------------------------------------------------
# The real seed report
# --------------------------------------------------------------------------------------



@pytest.fixture(scope="module")
def seed(seed_document: tuple[str, DocContext]) -> tuple[str, list[dict[str, Any]]]:
    text, ctx = seed_document  # skips, saying why, without ../shared/corpus
    return text, elections.extract(text, ctx)


@pytest.mark.integration
def test_seed_report(seed: tuple[str, list[dict[str, Any]]]) -> None:
    text, rows = seed
    _check_rows(text, rows)
    by_level = {r["level"]: r for r in rows}
    assert len(rows) == 3 and set(by_level) == {"county", "township", "city"}
    county, township, city = by_level["county"], by_level["township"], by_level["city"]
    for row, deputies in ((county, 186), (township, 512)):
        assert (row["method"], row["status"], row["deputies_elected"]) == ("direct", "held",
                                                                           deputies)
        assert (row["election_date"], row["date_precision"]) == ("2021-03-18", "day")
        assert (row["voters_participating"], row["turnout_pct"]) == (155900, 85.5)
        assert row["period"] == "annual"
    assert county["avg_vote_share_pct"] == 95.7 and township["avg_vote_share_pct"] is None
    assert county["congress_term"] == 17 and township["congress_term"] is None
    assert (city["method"], city["status"], city["congress_term"], city["deputies_elected"]) == (
        "indirect", "held", 4, 25)
    assert (city["election_date"], city["date_precision"]) == ("2021-12", "month")
    assert city["voters_participating"] is None and city["turnout_pct"] is None
    assert not any(r["approximate"] for r in rows)
