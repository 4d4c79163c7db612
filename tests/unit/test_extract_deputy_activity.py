"""Tables of examples for the ``deputy_activity`` extractor, grouped by the kind of report
they imitate, plus a test over the real seed and Hailar reports.

The sentences are written for these tests in the style of the reports; they are not copied
from the corpus. An expected row is ``(actor_type, metric, value, period)``; an example
lists every row its text must give, in any order, and nothing else. ``TRAPS`` give no row.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from renda.contract import (
    ACTOR_TYPES,
    DEPUTY_ACTIVITY,
    DOC_TYPES,
    METRICS,
    PERIODS,
    to_arrow,
)
from renda.extract import deputy_activity
from renda.extract.base import DocContext
from renda.normalize import normalize

Row = tuple[str, str, float, str]  # (actor_type, metric, value, period)


class Example(NamedTuple):
    text: str
    expected: list[Row]
    doc_type: str = "congress_report"
    actors: dict[tuple[str, float], str | None] | None = None  # (metric, value) -> actor


def _ctx(doc_type: str, report_year: int | None = 2022) -> DocContext:
    return DocContext("testdoc", doc_type, report_year, "county", "某省", "某市", "某县")


# --------------------------------------------------------------------------------------
# Annual work reports of a county standing committee (常委会工作报告)
# --------------------------------------------------------------------------------------

ANNUAL_WORK_REPORT = [
    Example(
        "一年来，全县共建成乡镇人大代表联络站12个，联络点63个。",
        [("unspecified", "liaison_stations", 12, "unspecified"),
         ("unspecified", "liaison_points", 63, "unspecified")],
    ),
    Example(
        "全市各级人大代表之家达到36个、代表联络站210个、代表联络点1,250个，开通网上代表联络站18个。",
        [("unspecified", "liaison_stations", 36, "unspecified"),
         ("unspecified", "liaison_stations", 210, "unspecified"),
         ("unspecified", "liaison_points", 1250, "unspecified"),
         ("unspecified", "online_liaison_stations", 18, "unspecified")],
    ),
    Example(
        "今年新建6个人大代表联络站和40个代表联络点。",
        [("unspecified", "liaison_stations", 6, "annual"),
         ("unspecified", "liaison_points", 40, "annual")],
    ),
    Example(
        "一年来，主任会议成员带头深入代表联络站48次，接待来访群众260余人次，"
        "收集问题61个，推动解决问题47个，解决率77%。",
        [("leadership", "station_visits", 48, "annual"),
         ("leadership", "people_received", 260, "annual"),
         ("leadership", "problems_collected", 61, "annual"),
         ("leadership", "problems_resolved", 47, "annual"),
         ("leadership", "resolution_rate_pct", 77, "annual")],
        actors={("station_visits", 48): "主任会议成员"},
    ),
    Example(
        "全年各乡镇人大代表联络站共接待选民1860人次，征集意见建议420条，办结360条，办结率85.7%。",
        [("unspecified", "people_received", 1860, "annual"),
         ("unspecified", "problems_collected", 420, "annual"),
         ("unspecified", "problems_resolved", 360, "annual"),
         ("unspecified", "resolution_rate_pct", 85.7, "annual")],
    ),
    Example(
        "常委会组成人员累计进站履职152人次，帮助解决群众反映的困难和问题86个。",
        [("standing_committee", "station_visits", 152, "annual"),
         ("standing_committee", "problems_resolved", 86, "annual")],
    ),
    Example(
        "县十九届人大二次会议期间，代表共提出建议、批评和意见138件，会后及时交县政府及有关部门办理。",
        [("deputies", "suggestions_received", 138, "annual")],
    ),
    Example(
        "截至11月底，138件建议已全部办复，办复率100%，代表满意和基本满意率达97.1%。",
        [("unspecified", "suggestions_handled", 138, "annual"),
         ("unspecified", "response_rate_pct", 100, "annual"),
         ("unspecified", "satisfaction_rate_pct", 97.1, "annual")],
    ),
    Example(
        "主任会议确定“关于加强农村饮水安全的建议”“关于改善城区交通秩序的建议”两件建议为重点督办建议。",
        [("unspecified", "key_suggestions", 2, "annual")],
    ),
    Example(
        "常委会将代表反映集中的4件建议列为重点建议，由主任会议成员分别领衔督办。",
        [("standing_committee", "key_suggestions", 4, "annual")],
    ),
    Example(
        "举办代表履职培训班2期，培训代表310余人次。",
        [("unspecified", "trainings", 2, "annual"),
         ("deputies", "trainees", 310, "annual")],
    ),
    Example(
        "组织代表参加执法检查、视察调研等活动520人次，邀请基层代表列席常委会会议64人次。",
        [("deputies", "inspections_attended", 520, "annual"),
         ("deputies", "sessions_attended", 64, "annual")],
        actors={("sessions_attended", 64): "基层代表"},
    ),
    Example(
        # 参加… opening a segment: its subject is the deputies named before it.
        "常委会组织代表培训6期；邀请代表列席常委会会议48人次，参加视察和专题调研等活动210多人次。",
        [("standing_committee", "trainings", 6, "annual"),
         ("deputies", "sessions_attended", 48, "annual"),
         ("deputies", "inspections_attended", 210, "annual")],
        actors={("inspections_attended", 210): "代表"},
    ),
    Example(
        # 参与代表 counts the deputies taking part in the activity named before it.
        "全年组织代表开展集中视察和专题调研等活动，参与代表630余人次；举办履职学习班2期，"
        "参加代表190人次。",
        [("deputies", "inspections_attended", 630, "annual"),
         ("unspecified", "trainings", 2, "annual"),
         ("deputies", "trainees", 190, "annual")],
    ),
    Example(  # a meeting is no activity with an attendance metric
        "召开代表座谈会3次，参加代表75人次。",
        [],
    ),
    Example(  # members of the committee, not deputies
        "开展执法检查4次，参加执法检查的常委会组成人员85人次。",
        [],
    ),
    Example(
        # 代表联络站 names a station, not deputies: 80 is the members' attendance.
        "常委会组成人员深入代表联络站40次，参加执法检查和视察80人次。",
        [("standing_committee", "station_visits", 40, "annual")],
    ),
    Example(
        "大会期间共收到代表议案3件、建议156件。",
        [("deputies", "motions_received", 3, "annual"),
         ("deputies", "suggestions_received", 156, "annual")],
    ),
]

# --------------------------------------------------------------------------------------
# Reports on deputies' work and on the handling of suggestions (代表工作/建议办理情况报告)
# --------------------------------------------------------------------------------------

DEPUTY_WORK_REPORT = [
    Example(
        "县政府及各承办单位共办理代表建议126件，其中A类（已解决或采纳）建议78件，"
        "按期办复率100%，代表满意率98.4%。",
        [("government", "suggestions_handled", 126, "annual"),
         ("government", "suggestions_resolved", 78, "annual"),
         ("government", "response_rate_pct", 100, "annual"),
         ("government", "satisfaction_rate_pct", 98.4, "annual")],
        doc_type="deputy_work_report",
    ),
    Example(
        "所提建议中，已经解决或基本解决的92件，列入计划逐步解决的21件，尚未解决的7件，"
        "因条件限制留作参考的5件。",
        [("unspecified", "suggestions_resolved", 92, "annual")],
        doc_type="deputy_work_report",
    ),
    Example(
        "共收到代表建议118件，目前已办结116件，办结率98.3%，满意和基本满意率96%。",
        [("deputies", "suggestions_received", 118, "annual"),
         ("unspecified", "suggestions_handled", 116, "annual"),
         ("unspecified", "response_rate_pct", 98.3, "annual"),
         ("unspecified", "satisfaction_rate_pct", 96, "annual")],
        doc_type="deputy_work_report",
    ),
    Example(
        "代表们积极进站履职，全年进站720人次，接待群众3100多人次，收集群众意见建议640件。",
        [("deputies", "station_visits", 720, "annual"),
         ("deputies", "people_received", 3100, "annual"),
         ("deputies", "problems_collected", 640, "annual")],
        doc_type="deputy_work_report",
        actors={("station_visits", 720): "代表们"},
    ),
    Example(
        "选择十件涉及民生的代表建议作为重点建议，由常委会领导领衔督办。",
        [("unspecified", "key_suggestions", 10, "annual")],
        doc_type="deputy_work_report",
    ),
    Example(
        "举办3期代表专题学习班，参加学习的代表420人次。",
        [("unspecified", "trainings", 3, "annual"),
         ("deputies", "trainees", 420, "annual")],
        doc_type="deputy_work_report",
    ),
    Example(
        "一年来，有95人次代表列席常委会会议，130多人次代表参加执法检查。",
        [("deputies", "sessions_attended", 95, "annual"),
         ("deputies", "inspections_attended", 130, "annual")],
        doc_type="deputy_work_report",
    ),
]

# --------------------------------------------------------------------------------------
# Government work reports (政府工作报告): only the deputies' suggestions the government
# handled; CPPCC proposals and mixed counts give nothing.
# --------------------------------------------------------------------------------------

GOVERNMENT_REPORT = [
    Example(
        "自觉接受人大法律监督和政协民主监督，全年办理人大代表建议91件、政协委员提案137件，办复率100%。",
        [("government", "suggestions_handled", 91, "annual")],
        doc_type="government_report",
    ),
    Example(
        "全年共办复政协委员提案88件、人大代表建议73件，办结率达100%。",
        [("government", "suggestions_handled", 73, "annual")],
        doc_type="government_report",
    ),
    Example(
        "全年共办理区人大代表建议64件、政协提案109件，办复率均达100%。",
        [("government", "suggestions_handled", 64, "annual"),
         ("government", "response_rate_pct", 100, "annual")],
        doc_type="government_report",
    ),
    Example(
        "过去五年，累计办理人大代表议案建议412件，政协委员提案655件。",
        [("government", "suggestions_handled", 412, "multi_year")],
        doc_type="government_report",
    ),
    Example(
        "区政府共办理人大代表建议90件，代表建议办复率100%，政协提案办复率98%。",
        [("government", "suggestions_handled", 90, "annual"),
         ("government", "response_rate_pct", 100, "annual")],
        doc_type="government_report",
        actors={("suggestions_handled", 90): "区政府"},
    ),
    Example(
        "我们始终坚持依法行政，共办理人大代表建议57件。",
        [("government", "suggestions_handled", 57, "annual")],
        doc_type="government_report",
        actors={("suggestions_handled", 57): "我们"},
    ),
]

# --------------------------------------------------------------------------------------
# Five-year term reports (本届工作报告): totals over the term are multi_year
# --------------------------------------------------------------------------------------

TERM_REPORT = [
    Example(
        "五年来，共收到代表议案15件、建议批评和意见1320件，已全部办理完毕。",
        [("deputies", "motions_received", 15, "multi_year"),
         ("deputies", "suggestions_received", 1320, "multi_year")],
    ),
    Example(
        "本届以来，常委会党组成员累计深入代表之家230次，收集问题318个，推动解决286个，解决率89.9%。",
        [("leadership", "station_visits", 230, "multi_year"),
         ("leadership", "problems_collected", 318, "multi_year"),
         ("leadership", "problems_resolved", 286, "multi_year"),
         ("leadership", "resolution_rate_pct", 89.9, "multi_year")],
        actors={("station_visits", 230): "常委会党组成员"},
    ),
    Example(
        "2018年以来，全县代表累计提出建议610件。",
        [("deputies", "suggestions_received", 610, "multi_year")],
        actors={("suggestions_received", 610): "全县代表"},
    ),
    Example(
        "2022年换届以来，代表共提出建议92件。",  # since a year: multi_year, as in the gold
        [("deputies", "suggestions_received", 92, "multi_year")],
    ),
    Example(
        "换届以来，全县五级人大代表进站履职3600余人次。",
        [("deputies", "station_visits", 3600, "multi_year")],
    ),
    Example(
        "十二届人大代表共提出120件议案、2350件建议。",
        [("deputies", "motions_received", 120, "annual"),
         ("deputies", "suggestions_received", 2350, "annual")],
    ),
]

# --------------------------------------------------------------------------------------
# Carrying the actor and the period across clauses and sentences of one paragraph
# --------------------------------------------------------------------------------------

CARRY = [
    Example(
        "县人大常委会领导班子成员带头进站接待群众。一年来共进站44次，收集问题39个。\n"
        "全县各级人大代表累计进站860人次，收集问题512件，解决问题430件，解决率84%。",
        [("leadership", "station_visits", 44, "annual"),
         ("leadership", "problems_collected", 39, "annual"),
         ("deputies", "station_visits", 860, "annual"),
         ("deputies", "problems_collected", 512, "annual"),
         ("deputies", "problems_resolved", 430, "annual"),
         ("deputies", "resolution_rate_pct", 84, "annual")],
        actors={("station_visits", 44): "县人大常委会领导班子成员"},
    ),
    Example(
        "五年来，各级代表深入联络站2400人次。全县各级代表收集问题1650个。",
        [("deputies", "station_visits", 2400, "multi_year"),
         ("deputies", "problems_collected", 1650, "multi_year")],
    ),
    Example(
        # A new paragraph forgets the actor of the last one.
        "常委会党组成员深入联络站调研指导。\n收集问题25个。",
        [],
    ),
]

# --------------------------------------------------------------------------------------
# Figures that lean on the sentences before them: a bare 建议 right after deputies'
# suggestions were named, 其中所提问题…解决的N件 (a share of those suggestions, not problems
# collected at a station), 该站 right after a station was named
# --------------------------------------------------------------------------------------

FOLLOW_UP = [
    Example(
        "县十八届人大三次会议期间，代表们提出建议一百七十二件。\n"
        "截至9月底，一百七十二件建议全部办理完毕，其中所提问题已经得到解决的九十四件。",
        [("deputies", "suggestions_received", 172, "annual"),
         ("unspecified", "suggestions_handled", 172, "annual"),
         ("unspecified", "suggestions_resolved", 94, "annual")],
    ),
    Example(
        "本届以来，各级代表累计提出建议960件，均已按时答复，其中所提出的问题得到解决的603件。",
        [("deputies", "suggestions_received", 960, "multi_year"),
         ("unspecified", "suggestions_resolved", 603, "multi_year")],
    ),
    Example(
        # What was counted is carried to the next paragraph while its topic is in reach.
        "闭会期间收到代表建议64件。\n目前已办结61件，其中已解决的37件。",
        [("deputies", "suggestions_received", 64, "annual"),
         ("unspecified", "suggestions_handled", 61, "annual"),
         ("unspecified", "suggestions_resolved", 37, "annual")],
    ),
    Example(
        "全镇人大代表联络站于2021年投入使用。\n今年以来，该站共接待来访群众52人次。",
        [("unspecified", "people_received", 52, "annual")],
        doc_type="news",
    ),
    Example(
        # 群众所提问题 are problems brought to a station, not deputies' suggestions.
        "各联络站共接待群众420人次，群众所提问题已解决的150个。",
        [("unspecified", "people_received", 420, "annual"),
         ("unspecified", "problems_resolved", 150, "annual")],
    ),
    Example(
        # Suggestions put to the congress's session are deputies'.
        "大会期间收到建议97件，闭会期间收到建议11件。",
        [("unspecified", "suggestions_received", 97, "annual"),
         ("unspecified", "suggestions_received", 11, "annual")],
    ),
    Example(
        # In a congress's report, suggestions handed over for handling are deputies'; so are
        # the bare 建议 of the next sentence.
        "闭会后，县人大常委会将143件建议分别交有关部门办理。截至10月底，143件建议全部办复，"
        "其中已解决的88件。",
        [("standing_committee", "suggestions_handled", 143, "annual"),
         ("standing_committee", "suggestions_resolved", 88, "annual")],
    ),
    # Traps: the next sentence is not about deputies' suggestions.
    Example(  # the committee's deliberation opinions
        "代表共提出建议88件。\n常委会向县政府提出审议意见建议26条。",
        [("deputies", "suggestions_received", 88, "annual")],
    ),
    Example(  # the committee's own suggestions
        "代表共提出建议88件。\n常委会就全县教育工作向县政府提出建议9条。",
        [("deputies", "suggestions_received", 88, "annual")],
    ),
    Example(  # the committee's deliberation opinions handed over are no deputies' topic
        "常委会将审议意见建议交县政府研究办理。\n县政府已办结14条。",
        [],
    ),
    Example(  # a meeting of the standing committee is not the congress's session
        "县人大常委会第五次会议期间，常委会组成人员提出建议15条。",
        [],
    ),
    Example(  # a heading ends the reach of what was named before it
        "代表共提出建议88件。\n三、加强常委会自身建设\n全年办理建议40件。",
        [("deputies", "suggestions_received", 88, "annual")],
    ),
]

# --------------------------------------------------------------------------------------
# Since a year (自2019年建成以来, 自2019年6月启用至今): multi_year when the year is before the
# report year, annual when it is the report year
# --------------------------------------------------------------------------------------

SINCE_A_YEAR = [
    Example(
        "据了解，该代表之家自2020年挂牌以来，累计接待选民750余人次，收集群众反映的问题180多个，"
        "推动解决近150个。",
        [("unspecified", "people_received", 750, "multi_year"),
         ("unspecified", "problems_collected", 180, "multi_year"),
         ("unspecified", "problems_resolved", 150, "multi_year")],
        doc_type="news",
    ),
    Example(
        "该联络站自2019年6月启用至今，代表进站履职共计410人次。",
        [("deputies", "station_visits", 410, "multi_year")],
        doc_type="news",
    ),
    Example(
        # Since a year, even the report year, is multi_year (the gold's convention: the
        # count runs on to the time of writing); 今年以来 is annual.
        "该联络站2022年建成以来，接待群众130人次。",
        [("unspecified", "people_received", 130, "multi_year")],
        doc_type="news",
    ),
    Example(
        "去年以来，全镇代表进站履职280人次。今年以来，代表进站履职96人次。",
        [("deputies", "station_visits", 280, "multi_year"),
         ("deputies", "station_visits", 96, "annual")],
        doc_type="news",
    ),
    Example(
        "全区代表联络站自2017年建成以来累计接待群众5600余人次。今年以来，各站接待群众620人次。",
        [("unspecified", "people_received", 5600, "multi_year"),
         ("unspecified", "people_received", 620, "annual")],
        doc_type="news",
    ),
]


# --------------------------------------------------------------------------------------
# Since an event without a year (自建成以来, 自揭牌以来, 投入使用以来): the station's whole
# life, multi_year, unless the report dates the event in the report year
# --------------------------------------------------------------------------------------

SINCE_AN_EVENT = [
    Example(
        "该代表之家自揭牌以来，累计接待群众1300余人次。",
        [("unspecified", "people_received", 1300, "multi_year")],
        doc_type="news",
    ),
    Example(
        # the report dates the event before the report year
        "该代表之家建成于2021年。自建成以来，该代表之家共接待群众900人次。",
        [("unspecified", "people_received", 900, "multi_year")],
        doc_type="news",
    ),
    Example(
        # … or in the report year
        "该代表之家建成于2022年5月。自建成以来，该代表之家共接待群众90人次。",
        [("unspecified", "people_received", 90, "annual")],
        doc_type="news",
    ),
    Example(
        "今年3月建成的代表联络站投入使用以来，已接待选民150人次。",
        [("unspecified", "people_received", 150, "annual")],
        doc_type="news",
    ),
    Example(  # a month without a year is a month of the report year
        "该代表之家自3月启用以来，接待群众260人次。",
        [("unspecified", "people_received", 260, "annual")],
        doc_type="news",
    ),
    Example(
        "该代表之家去年建成，自建成以来接待群众260人次。",
        [("unspecified", "people_received", 260, "multi_year")],
        doc_type="news",
    ),
]

# --------------------------------------------------------------------------------------
# Township presidium reports (乡镇人大主席团工作报告): deputies on duty at the township's
# 代表活动室; opinions raised at inspections and appraisals of offices are no rows
# --------------------------------------------------------------------------------------

TOWNSHIP_PRESIDIUM_REPORT = [
    Example(
        # 进活动室值班: deputies' turns of duty at a station are station visits; the deputies
        # named in the sentence stay the actor of its later figures.
        "一年来，主席团安排代表轮流进代表活动室值班共计64人次，接待来访村民210人次。",
        [("deputies", "station_visits", 64, "annual"),
         ("deputies", "people_received", 210, "annual")],
        actors={("people_received", 210): "代表"},
    ),
    Example(
        # an appraisal that measures the handling of suggestions is the suggestions' rate
        "对镇政府办理代表建议情况进行满意度测评，满意率95%。",
        [("unspecified", "satisfaction_rate_pct", 95, "annual")],
    ),
    Example(
        # between sessions, suggestions drawn from inspections are still formal suggestions
        "闭会期间，代表通过视察、调研等形式提出建议18件。",
        [("deputies", "suggestions_received", 18, "annual")],
    ),
    Example(
        # opinions gathered on a visit to a station are the station's problems
        "常委会组成人员深入代表联络站开展调研，收集意见建议40条。",
        [("standing_committee", "problems_collected", 40, "annual")],
    ),
    Example(
        # an inspection in another clause of the sentence (after ；) says nothing of these
        "常委会开展执法检查3次；代表共提出建议80件。",
        [("deputies", "suggestions_received", 80, "annual")],
    ),
    Example(
        # an appraisal in a clause of its own leaves the suggestions' figures alone
        "代表提出建议50件，已全部办结，代表满意率98%；对县民政局开展工作评议，满意率90%。",
        [("deputies", "suggestions_received", 50, "annual"),
         ("unspecified", "satisfaction_rate_pct", 98, "annual")],
    ),
    # Traps
    Example(  # opinions raised during an inspection: not formal suggestions
        "组织代表视察全镇农田水利设施建设，代表们共提出意见和建议14条。",
        [],
    ),
    Example(  # the same, gathered by a committee's inspection team
        "检查组召开座谈会4次，深入执法检查现场，听取意见建议35条。",
        [],
    ),
    Example(  # an appraisal of two offices, after a sentence on suggestions
        "代表共提出建议30件。\n对镇司法所、镇卫生院开展工作评议，代表测评满意率分别为93%和91%。",
        [("deputies", "suggestions_received", 30, "annual")],
    ),
]

# --------------------------------------------------------------------------------------
# News items on a 代表之家 / 代表联络站: 进家值班, a station's alias in brackets, the actor
# of every figure of a sentence
# --------------------------------------------------------------------------------------

STATION_NEWS = [
    Example(
        "今年以来，共有230人次代表进家履职值班，接待群众760余人次，收集群众诉求190条。",
        [("deputies", "station_visits", 230, "annual"),
         ("deputies", "people_received", 760, "annual"),
         ("deputies", "problems_collected", 190, "annual")],
        doc_type="news",
    ),
    Example(
        "区人大代表每月到联络站值班，全年到站值班180人次。",
        [("deputies", "station_visits", 180, "annual")],
        doc_type="news",
    ),
    Example(
        # a station word, then its alias in brackets, then the count
        "全区建成人大代表之家（联络站）27个、代表联络点（站）112个。",
        [("unspecified", "liaison_stations", 27, "unspecified"),
         ("unspecified", "liaison_points", 112, "unspecified")],
        doc_type="news",
    ),
    Example(
        # the deputies organised in the first figure's clause do the later ones too
        "本届以来，组织各级人大代表进站接待选民5600余人次，收集意见建议980多条，推动解决760多条。",
        [("deputies", "people_received", 5600, "multi_year"),
         ("deputies", "problems_collected", 980, "multi_year"),
         ("deputies", "problems_resolved", 760, "multi_year")],
        actors={("problems_collected", 980): "各级人大代表",
                ("problems_resolved", 760): "各级人大代表"},
    ),
    # Traps
    Example("代表进家入户走访困难群众150人次。", []),  # a household visit, not a station
    Example("今年代表进家（站）见面率达100%。", [], doc_type="news"),  # no metric
    Example("社区网格员每月进家入户值班巡查，全年巡查420人次。", [], doc_type="news"),
]


# --------------------------------------------------------------------------------------
# Traps: no row
# --------------------------------------------------------------------------------------

TRAPS = [
    Example("全年办理人大代表建议和政协提案210件，办复率100%。", [], doc_type="government_report"),
    Example("认真办理人大代表建议和政协委员提案。", [], doc_type="government_report"),
    Example("办理人大代表建议和政协提案共186件。办复率100%，满意率98%。", [],
            doc_type="government_report"),
    Example("政务服务水平大幅提升，全年办件6200件，办结率100%。", [], doc_type="government_report"),
    Example("信访积案化解率达到95%，群众满意率98%。", [], doc_type="government_report"),
    Example("新一届县人大代表中，妇女代表占28.6%，基层代表比例达到56%。", []),
    Example("下一步，我们将新建代表联络站20个，力争问题解决率达到80%以上。", []),
    Example("计划明年建成网上代表联络站8个。", []),
    Example("2023年，常委会将继续组织代表参加视察活动300人次。", []),
    Example("确保代表建议办复率达到100%。", []),
    Example("组织部分人大代表对县卫健局工作进行满意度测评，满意率92.5%。", []),
    Example("全县8个乡镇实现人大代表联络站全覆盖。", []),
    Example("建成党群服务中心14个、民情联络站30个。", [], doc_type="government_report"),
    Example("本届以来，共召开常委会会议42次，听取审议专项工作报告36个。", []),
    Example("开展执法检查5次，发现问题32个。", []),
    Example("常委会审议意见建议12条已全部交办。", []),
    Example("依法选举产生县人大代表186名、乡镇人大代表512名。", []),
    Example("实现基层代表任期内至少列席一次常委会会议。", []),
    Example("代表所提议案中，26件议案涉及的9个立法项目已审议通过。", []),
    Example("二、2023年工作安排\n全年新建代表联络站10个，培训代表500人次。", []),
    Example("今年以来，该站接待群众45人次。", [], doc_type="news"),  # no station named before
    Example("某派出所推行便民举措。\n今年以来，该所接待群众45人次。", [], doc_type="news"),
    Example("常委会开展执法检查5次，参加视察调研80人次。", []),  # no deputies named
]


# --------------------------------------------------------------------------------------
# Web pages: news items, yearbook entries and articles on deputies' work (the shapes of the
# real pages in shared/corpus/web, written anew for these tests)
# --------------------------------------------------------------------------------------

WEB_PAGES = [
    # A news item reports events: a figure no word dates is unspecified (a report on a
    # year's work dates its undated figures to the year).
    Example(
        # local names of a station
        "全镇建成代表联系站5个、民情驿站12个、代表联络工作站3个。",
        [("unspecified", "liaison_stations", 5, "unspecified"),
         ("unspecified", "liaison_stations", 12, "unspecified"),
         ("unspecified", "liaison_stations", 3, "unspecified")],
        doc_type="news",
    ),
    Example(
        # stations counted through a modifier (已建成的)
        "两名市人大代表前往四个已建成的代表联系站开展联系选民活动。",
        [("unspecified", "liaison_stations", 4, "unspecified")],
        doc_type="news",
    ),
    Example(
        # one station in each of the units counted
        "该镇以9个社区为单元，在每个社区都设立了人大代表联络站。",
        [("unspecified", "liaison_stations", 9, "unspecified")],
        doc_type="news",
    ),
    Example(
        # the points of a congress's stations, in the next sentence
        "全区建成人大代表联络站6个。联络站下设联络点20个。",
        [("unspecified", "liaison_stations", 6, "unspecified"),
         ("unspecified", "liaison_points", 20, "unspecified")],
        doc_type="news",
    ),
    Example(
        "截至目前，各代表联络站共接访群众560余人次。",
        [("unspecified", "people_received", 560, "unspecified")],
        doc_type="news",
    ),
    Example(
        # deputies taking part in receptions are visits; the voters' opinions are collected
        "参与接待活动的市、区两级代表96人次，接待选民130人次，提出意见建议58条，解决率达90%。",
        [("deputies", "station_visits", 96, "unspecified"),
         ("deputies", "people_received", 130, "unspecified"),
         ("deputies", "problems_collected", 58, "unspecified"),
         ("unspecified", "resolution_rate_pct", 90, "unspecified")],
        doc_type="news",
    ),
    Example(
        "代表们在联络站共接待群众20人，收集群众建议6项。",
        [("deputies", "people_received", 20, "unspecified"),
         ("deputies", "problems_collected", 6, "unspecified")],
        doc_type="news",
    ),
    Example(
        "代表们与23名选民面对面交流，收集意见建议9条。",
        [("deputies", "people_received", 23, "unspecified"),
         ("deputies", "problems_collected", 9, "unspecified")],
        doc_type="news",
    ),
    Example(
        # a long modifier ending in 的 between the count and the opinions
        "代表联络站收集300余条涉及教育、医疗等方面的意见、建议。",
        [("unspecified", "problems_collected", 300, "unspecified")],
        doc_type="news",
    ),
    Example(
        # counted, then sent to key oversight in the same clause
        "常委会将代表反映集中的45件建议归并为12项，交由各专门委员会重点督办。",
        [("standing_committee", "key_suggestions", 45, "annual")],
    ),
    Example(
        # 除…外，其余的…: the number left out gives no row; the rest is counted
        "除3件闭会期间建议外，其余的88件代表建议已全部办结。",
        [("unspecified", "suggestions_handled", 88, "unspecified")],
        doc_type="news",
    ),
    Example(
        # 除了…外，还…: besides, counted
        "承办单位除了办理确定的6件重点督办建议外，还推动解决了其他问题。",
        [("unspecified", "key_suggestions", 6, "unspecified")],  # chosen by the congress, not the unit
        doc_type="news",
    ),
    Example(
        # the lead / co-handled split of a count is not a count of its own
        "今年由我局承办的代表建议共21件，其中主办建议15件、协办建议6件。",
        [("unspecified", "suggestions_handled", 21, "annual")],
        doc_type="news",
    ),
    Example(
        # the share rated satisfied is the satisfaction rate; the basic share is a part
        "从代表反馈看，满意的52件，占86.7%；基本满意8件，占13.3%。",
        [("unspecified", "satisfaction_rate_pct", 86.7, "unspecified")],
        doc_type="news",
    ),
    Example(
        # the handler named in the segment: the government, not the committee
        "县人大常委会交由县人民政府办理的64件代表建议已全部办复。",
        [("government", "suggestions_handled", 64, "unspecified")],
        doc_type="news",
        actors={("suggestions_handled", 64): "县人民政府"},
    ),
    Example(
        # the committee asked to review (提请市人大常委会审议) is not the subject: the
        # government speaking in its report handles the suggestions
        "全年共提请市人大常委会审议地方性法规草案6项，办理市人大代表议案建议692件。",
        [("government", "suggestions_handled", 692, "annual")],
        doc_type="government_report",
    ),
    Example(
        # the same count restated in a later sentence is one row
        "大会期间代表共提出建议64件。会后，64件建议全部转交有关部门研究。",
        [("deputies", "suggestions_received", 64, "unspecified")],
        doc_type="news",
    ),
    Example(
        "所提建议中，已解决的40件，因条件限制难以解决的6件。",
        [("unspecified", "suggestions_resolved", 40, "annual")],
        doc_type="deputy_work_report",
    ),
    Example(
        # named deputies attending a meeting (列席); 旁听 is not 列席
        "组织36名省、市人大代表列席常委会会议、20余人次旁听庭审。",
        [("deputies", "sessions_attended", 36, "unspecified")],
        doc_type="news",
    ),
    Example(
        # the deputies counted in a clause that has them attend a training; not everyone
        "来自各选举单位的60余名全国人大代表和有关部门的同志，共90余人参加了这期履职学习班。",
        [("deputies", "trainees", 60, "unspecified")],
        doc_type="news",
    ),
    Example(
        # 将…作为: 将 as 把, not a plan
        "各承办单位将推动解决群众关切问题作为工作的重点，全年办结代表建议120件。",
        [("government", "suggestions_handled", 120, "annual")],
        doc_type="news",
    ),
    Example(
        # bills put to the standing committee are not motions; the government handles
        "提请省人大常委会审议法规议案4件，办理省人大代表建议520件。",
        [("government", "suggestions_handled", 520, "annual")],
        doc_type="government_report",
    ),
]

WEB_PAGES += [
    Example(
        # quoted station names are counted (quoted titles of suggestions are blanked)
        "全县建成“人大代表之家”15个、“代表联络站”86个。",
        [("unspecified", "liaison_stations", 15, "unspecified"),
         ("unspecified", "liaison_stations", 86, "unspecified")],
        doc_type="news",
    ),
    Example(
        # deputies taking part in the stations' activities are visits
        "全年各代表联络站共开展活动120余场次，参与代表860人次。",
        [("deputies", "station_visits", 860, "annual")],
        doc_type="news",
    ),
    Example(
        # activities organised are not attendance; the deputies taking part are
        "先后组织代表开展集中视察、专题调研等活动25次，参加代表380人次。",
        [("deputies", "inspections_attended", 380, "annual")],
    ),
]

WEB_PAGES += [
    Example(
        # the deputies' part of a count handled with CPPCC proposals is handled
        "县政府共承办人大代表建议和政协委员提案326件，其中人大代表建议142件。",
        [("government", "suggestions_handled", 142, "annual")],
        doc_type="government_report",
    ),
    Example(
        # a part of the total, of the same metric (其中…), is not a count of its own
        "本次会议共收到代表建议215件，其中闭会期间建议15件。",
        [("deputies", "suggestions_received", 215, "annual")],
    ),
]

WEB_PAGES += [
    Example(
        # on duty at a station (值守), the station named in the clause before
        "今年以来，全镇人大代表轮流到联络站值守接待，累计值守136人次，接待选民420人次。",
        [("deputies", "station_visits", 136, "annual"),
         ("deputies", "people_received", 420, "annual")],
        doc_type="news",
    ),
    Example(
        # the deputies taking part in the training named before
        "5月20日，市人大常委会举办代表履职培训班。本次培训为期3天，共有代表156人参加。",
        [("deputies", "trainees", 156, "unspecified")],
        doc_type="news",
    ),
]

WEB_PAGES += [
    Example(
        # figures given respectively (分别) belong to their items in order; was a trap (no
        # row) before lists were read in order: the 84 are unambiguously the deputies'
        "共办复人大代表建议、政协委员提案分别为84件和65件。",
        [("government", "suggestions_handled", 84, "annual")],
        doc_type="government_report",
    ),
    Example(
        "大会期间代表提出议案和建议分别为5件和120件。",
        [("deputies", "motions_received", 5, "annual"),
         ("unspecified", "suggestions_received", 120, "annual")],
    ),
    Example(
        "全年代表进站履职和接待选民分别达1200人次、3400人次。",
        [("deputies", "station_visits", 1200, "annual"),
         ("deputies", "people_received", 3400, "annual")],
    ),
    Example(
        "代表建议办复率、满意率分别达到100%和98.5%。",
        [("unspecified", "response_rate_pct", 100, "annual"),
         ("unspecified", "satisfaction_rate_pct", 98.5, "annual")],
    ),
    Example(
        # the public's satisfaction with problems solved at stations is not the suggestions'
        "联络站收集问题120个，解决98个，问题解决率和群众满意率分别为81.7%和96%。",
        [("unspecified", "problems_collected", 120, "annual"),
         ("unspecified", "problems_resolved", 98, "annual"),
         ("unspecified", "resolution_rate_pct", 81.7, "annual")],
    ),
]

WEB_PAGES += [
    Example(
        # the deputies a body organises did the receiving, not the body
        "县人大常委会组织代表进站接待群众560人次，收集意见建议180条。",
        [("deputies", "people_received", 560, "annual"),
         ("deputies", "problems_collected", 180, "annual")],
    ),
    Example(
        # a body's members going themselves stay the actor
        "常委会党组成员带头进站接待群众86人次。",
        [("leadership", "people_received", 86, "annual")],
    ),
    Example(
        # stations are nobody's, even in a clause about deputies
        "全县人大代表全部编入126个代表联络站（点）。",
        [("unspecified", "liaison_stations", 126, "unspecified")],
    ),
]

WEB_PAGES += [
    Example(
        # the whole the clause goes on to break down is a count
        "县政府办理的145件代表建议中，A类建议96件，B类建议41件，C类建议8件。",
        [("government", "suggestions_handled", 145, "annual"),
         ("government", "suggestions_resolved", 96, "annual")],
        doc_type="government_report",
    ),
    Example(
        # the figure a rate rose to is the year's, the one it rose from is not
        "代表建议办理满意率由上年的92%提高到98%。",
        [("unspecified", "satisfaction_rate_pct", 98, "annual")],
    ),
    Example(
        "常委会将代表反映强烈的6件建议确定为重点督办件，由主任会议成员领衔督办。",
        [("standing_committee", "key_suggestions", 6, "annual")],
    ),
]

WEB_PAGES += [
    Example(
        "举办新任人大代表培训班，对全县216名新当选代表进行集中培训。",
        [("deputies", "trainees", 216, "annual")],
    ),
    Example(
        "全年共开展代表学习培训活动12场次，受训代表1500余人次。",
        [("unspecified", "trainings", 12, "annual"),
         ("deputies", "trainees", 1500, "annual")],
    ),
    Example("组织代表旁听庭审6次，参加代表78人次。", []),  # 旁听 is not 列席 nor an inspection
]

WEB_PAGES += [
    Example(
        # a PDF's text layer: spaces around the numbers
        "自觉接受人大监督，办理市人大代表议案建议 692 件、市政协提案 1054 件。",
        [("government", "suggestions_handled", 692, "annual")],
        doc_type="government_report",
    ),
]

WEB_PAGES += [
    Example(
        "县人大常委会组织20余名省市县人大代表开展集中视察。",
        [("deputies", "inspections_attended", 20, "unspecified")],
        doc_type="news",
    ),
    Example(
        "本次执法检查共有12名人大代表参加。",
        [("deputies", "inspections_attended", 12, "unspecified")],
        doc_type="news",
    ),
    Example("会议共有51名人大代表参加。", [], doc_type="news"),  # a session: no metric
]

WEB_PAGES += [
    Example(
        # a congress's station named in the sentence before gives the station's context
        "镇人大代表联络站开展集中接待活动。截至目前，已办结群众诉求136件，办结率90.7%。",
        [("unspecified", "problems_resolved", 136, "unspecified"),
         ("unspecified", "resolution_rate_pct", 90.7, "unspecified")],
        doc_type="news",
    ),
    Example("12345热线运行平稳。截至目前，已办结群众诉求136件，办结率90.7%。", [],
            doc_type="news"),  # nobody's station
]

WEB_PAGES += [
    Example(
        # the part sent to key oversight is the key count, not the total before it
        "共收到代表建议156件，其中5件由主任会议成员重点督办。",
        [("deputies", "suggestions_received", 156, "annual"),
         ("unspecified", "key_suggestions", 5, "annual")],
    ),
]

WEB_PAGES += [
    # The same rules, other wordings: Chinese numerals, ；-lists, the fact split over two
    # sentences, synonyms of the verbs.
    Example(
        "全区共建成代表联系站二十三个；民情驿站一百零五个。",
        [("unspecified", "liaison_stations", 23, "unspecified"),
         ("unspecified", "liaison_stations", 105, "unspecified")],
        doc_type="news",
    ),
    Example(
        "该街道依托12个社区，在每个社区均建立了人大代表之家。",
        [("unspecified", "liaison_stations", 12, "unspecified")],
        doc_type="news",
    ),
    Example(
        "参加接待的区、街道两级人大代表共计64人次；接待来访群众210人次；收集意见和建议73条。",
        [("deputies", "station_visits", 64, "unspecified"),
         ("deputies", "people_received", 210, "unspecified"),
         ("deputies", "problems_collected", 73, "unspecified")],
        doc_type="news",
    ),
    Example(
        "代表们在接待站共接访来访群众一千二百余人次。",
        [("deputies", "people_received", 1200, "unspecified")],
        doc_type="news",
    ),
    Example(
        "代表们通过联络站收集涉及交通出行、环境整治、养老服务等方面的意见建议95条。",
        [("deputies", "problems_collected", 95, "unspecified")],
        doc_type="news",
    ),
    Example(
        "将代表们反映集中的38件建议整合为9个重点督办事项，由常委会领导领衔督办。",
        [("unspecified", "key_suggestions", 38, "unspecified")],
        doc_type="news",
    ),
    Example(
        "共收到代表建议一百二十件。除2件因涉密不予公开外，其余118件已全部办结答复。",
        [("deputies", "suggestions_received", 120, "unspecified"),
         ("unspecified", "suggestions_handled", 118, "unspecified")],
        doc_type="news",
    ),
    Example(
        "经统计，省人大常委会交由省政府研究处理的712件代表建议，已全部办复。",
        [("government", "suggestions_handled", 712, "unspecified")],
        doc_type="news",
        actors={("suggestions_handled", 712): "省政府"},
    ),
    Example(
        "代表满意的有105件，占87.5%；基本满意的15件，占12.5%。",
        [("unspecified", "satisfaction_rate_pct", 87.5, "unspecified")],
        doc_type="news",
    ),
    Example(
        "联络站收集问题120个，其中80个已解决。",
        [("unspecified", "problems_collected", 120, "unspecified"),
         ("unspecified", "problems_resolved", 80, "unspecified")],
        doc_type="news",
    ),
    Example(
        "共收到代表建议215件，已全部交由34个承办单位办理。",  # assigned, not yet handled
        [("deputies", "suggestions_received", 215, "unspecified")],
        doc_type="news",
    ),
]

WEB_PAGES += [
    Example(
        # figures in 万
        "全市各级人大代表进站履职达3.6万人次，收集意见建议1.2万条。",
        [("deputies", "station_visits", 36000, "annual"),
         ("deputies", "problems_collected", 12000, "annual")],
    ),
]

WEB_PAGES += [
    Example(
        # the same figure of two actors is two facts
        "一年来，党组成员共深入代表联络站136次。\n全县各级人大代表累计深入代表联络站136人次。",
        [("leadership", "station_visits", 136, "annual"),
         ("deputies", "station_visits", 136, "annual")],
    ),
]

WEB_PAGES += [
    Example(
        # a thousands group set off by a space (a hard-wrapped chronicle page)
        "代表进站接待群众1 954人次。",
        [("deputies", "people_received", 1954, "unspecified")],
        doc_type="news",
    ),
]

WEB_PAGES += [
    Example(
        # issues raised with the deputies (交流问题) are collected, as are the public's
        # suggestions; the release's check resolved <= collected then holds
        "代表们在联络站接待群众12人，与群众交流问题13项，现场解决问题13项，收集群众建议3项。",
        [("deputies", "people_received", 12, "unspecified"),
         ("deputies", "problems_collected", 13, "unspecified"),
         ("deputies", "problems_resolved", 13, "unspecified"),
         ("deputies", "problems_collected", 3, "unspecified")],
        doc_type="news",
    ),
]

WEB_TRAPS = [
    Example("全县建成民情驿站12个。", [], doc_type="government_report"),  # nobody's congress
    Example("全镇9个社区，每个社区都有2名代表联系群众。", [], doc_type="news"),
    Example("全国人大常委会法工委设立基层立法联系点5个。3个联系点运行良好。", [],
            doc_type="news"),
    Example("市交通局将涉及农村公路的8件代表建议作为重点，逐件研究办理。", [],
            doc_type="news"),  # a unit's own emphasis
    Example("会议表彰了优秀人大代表20名、优秀代表建议15件，命名8个代表联络站为星级代表联络站。",
            [], doc_type="news"),
    Example("评定5个代表联络站为优秀人大代表联络站。", [], doc_type="news"),
    Example("承办单位须在收到代表建议后15个工作日内与代表联系。", [], doc_type="news"),
    Example("有9名镇人大代表向选民进行了述职和评议。", [], doc_type="news"),
    Example("代表们对县交通局提出4个方面的问题和建议。", [], doc_type="news"),
    Example("全镇48名人大代表、12名列席代表出席会议。", [], doc_type="news"),
    Example("推动一批群众关心的问题得到解决。", [], doc_type="news"),
    Example("12345热线共受理群众诉求5800件，直接办结率98%。", [], doc_type="news"),
    Example("组织机关党员开展党史学习教育专题培训3期，参训党员120人次。", [], doc_type="news"),
    Example("市政协共收到委员提案420件，立案380件，办复率100%。", [], doc_type="news"),
    Example("加强联络站建设。通过代表反映社情民意。已答复14件。", [], doc_type="news"),
    Example("组织开展代表建议办理情况“回头看”，对12件建议进行跟踪督办。", []),  # a follow-up
    Example("市财政局把涉及预算管理的6件代表建议作为重点，专题研究。", [], doc_type="news"),
    Example("评选表彰“优秀代表之家”6个、“优秀代表建议”12件。", [], doc_type="news"),
    Example("对群众反映的问题，承办单位须在10个工作日内答复。", [], doc_type="news"),
    # norms, duties and other bodies share the trigger words but state no fact
    Example("代表应当每年至少到联络站接待群众2次。", []),
    Example("承办单位必须在3个月内办结代表建议。", []),
    Example("全县建成政协委员工作室12个、委员联络站8个。", []),
    Example("政协委员视察调研活动120人次。", []),
    Example("全县共有县人大代表236名、乡镇人大代表1280名。", []),
    # a hotline's figures after a sentence on stations are the hotline's
    Example("全县建成人大代表联络站12个。12345热线受理群众诉求5.6万件，办结率99%。",
            [("unspecified", "liaison_stations", 12, "unspecified")], doc_type="government_report"),
    # party study is the party's, not deputies' training
    Example("县人大常委会机关深入开展党史学习教育，举办专题读书班3期，参训党员干部120余人次。", [],
            doc_type="news"),
    Example("组织代表参加党史学习教育专题培训2期，参训代表260人次。", [], doc_type="news"),
]

# --------------------------------------------------------------------------------------
# Rules widened by the metamorphic tests of the tune pages (tests/deputy_metamorphic.py):
# each written here in other words, with the negatives that share its trigger words.
# --------------------------------------------------------------------------------------

ROBUSTNESS = [
    # A station named after 代表 with a modifier between (代表民情联络站, 代表履职服务站) is
    # a station, not the deputies as the subject.
    Example("截至目前，人大代表民情联络站共接待来访群众320余人次，收集意见建议150余条。",
            [("unspecified", "people_received", 320, "unspecified"),
             ("unspecified", "problems_collected", 150, "unspecified")], doc_type="news"),
    Example("该镇代表履职服务站接待选民96人次。",
            [("unspecified", "people_received", 96, "unspecified")], doc_type="news"),
    # ... but deputies going to a station are the deputies
    Example("全县各级人大代表定期到联络站接待群众1200人次。",
            [("deputies", "people_received", 1200, "unspecified")], doc_type="news"),
    Example("代表们深入站所接待群众45人次。",
            [("deputies", "people_received", 45, "unspecified")], doc_type="news"),
    # Opinions alone, collected at a station, are problems collected.
    Example("代表联络站征集意见45条。",
            [("unspecified", "problems_collected", 45, "unspecified")], doc_type="news"),
    Example("通过代表之家收集到各类意见62条。",
            [("unspecified", "problems_collected", 62, "unspecified")], doc_type="news"),
    Example("代表们走访选民，征集到意见三十条。",
            [("deputies", "problems_collected", 30, "unspecified")], doc_type="news"),
    # ... not opinions on a draft law taken by the committee, nor its deliberation opinions
    Example("常委会就两部法规草案公开征求意见，收到意见30条。", [], doc_type="news"),
    Example("常委会对专项工作报告提出审议意见8条。", [], doc_type="news"),
    # ... nor the last word of 建议、批评和意见 (the deputies'), in either order
    Example("大会期间共收到建议、批评和意见81件。",
            [("unspecified", "suggestions_received", 81, "unspecified")], doc_type="news"),
    Example("大会期间共收到81件建议、批评和意见。",
            [("unspecified", "suggestions_received", 81, "unspecified")], doc_type="news"),
    # Handled in the next segment, the figure after the noun as before it.
    Example("交由县政府办理的代表建议48件，均已办复。",
            [("government", "suggestions_handled", 48, "annual")]),
    Example("交由县政府办理的48件代表建议，均已办复。",
            [("government", "suggestions_handled", 48, "annual")]),
    # A Chinese numeral after a word ending in 点 (联络点, 站点) is read.
    Example("全镇建成代表联络点十二个。",
            [("unspecified", "liaison_points", 12, "unspecified")], doc_type="news"),
    Example("一年来，党组成员深入代表联络站点二十六次。",
            [("leadership", "station_visits", 26, "annual")]),
    # A page's dateline (a full date at the head of a line) is no period ...
    Example("2022年05月18日 10:30\n代表联络站接待群众36人次。",
            [("unspecified", "people_received", 36, "unspecified")], doc_type="news"),
    Example("2022年5月18日，代表联络站接待群众36人次。",
            [("unspecified", "people_received", 36, "unspecified")], doc_type="news"),
    # ... a year is
    Example("2022年，代表联络站接待群众36人次。",
            [("unspecified", "people_received", 36, "annual")], doc_type="news"),
    # The deputies counted in one sentence received the people counted in the next one.
    Example("参加接待的县、镇两级代表42人次。接待选民130人次，收集意见建议58条。",
            [("deputies", "station_visits", 42, "unspecified"),
             ("deputies", "people_received", 130, "unspecified"),
             ("deputies", "problems_collected", 58, "unspecified")], doc_type="news"),
    # ... not across a paragraph
    Example("全县共有人大代表356名。\n联络站接待群众130人次。",
            [("unspecified", "people_received", 130, "unspecified")], doc_type="news"),
    # Opinions collected from the people received after an appraisal was named are theirs.
    Example("代表们向选民述职并接受评议，共接待选民25人，收集意见建议12条。",
            [("deputies", "people_received", 25, "unspecified"),
             ("deputies", "problems_collected", 12, "unspecified")], doc_type="news"),
    Example("代表们视察了县医院，提出意见建议11条。", [], doc_type="news"),
    # The share of suggestions rated satisfied after an approximate count (满意60多件，占…).
    Example("从代表反馈看，对办理结果满意60多件，占85.7%。",
            [("unspecified", "satisfaction_rate_pct", 85.7, "unspecified")], doc_type="news"),
    Example("从代表反馈看，基本满意10余件，占14.3%。", [], doc_type="news"),
    # Figures told respectively: the items before a figure's own item come before it (the
    # voters received, then their opinions raised: collected, not deputies' suggestions).
    Example("代表们进站接待选民、提出意见建议分别为120人次和65件。",
            [("deputies", "people_received", 120, "unspecified"),
             ("deputies", "problems_collected", 65, "unspecified")], doc_type="news"),
    Example("联络站接待群众、收集问题分别达86人次和42个。",
            [("unspecified", "people_received", 86, "unspecified"),
             ("unspecified", "problems_collected", 42, "unspecified")], doc_type="news"),
    Example("大会期间，代表提出议案、建议分别为5件和120件。",
            [("deputies", "motions_received", 5, "unspecified"),
             ("deputies", "suggestions_received", 120, "unspecified")], doc_type="news"),
]

ALL_TABLES = {
    "annual_work_report": ANNUAL_WORK_REPORT,
    "deputy_work_report": DEPUTY_WORK_REPORT,
    "government_report": GOVERNMENT_REPORT,
    "term_report": TERM_REPORT,
    "carry": CARRY,
    "follow_up": FOLLOW_UP,
    "since_a_year": SINCE_A_YEAR,
    "since_an_event": SINCE_AN_EVENT,
    "township_presidium_report": TOWNSHIP_PRESIDIUM_REPORT,
    "station_news": STATION_NEWS,
    "traps": TRAPS,
    "web_pages": WEB_PAGES,
    "web_traps": WEB_TRAPS,
    "robustness": ROBUSTNESS,
}
ALL_EXAMPLES = [(name, ex) for name, table in ALL_TABLES.items() for ex in table]


def _key(row: dict[str, Any]) -> Row:
    return (row["actor_type"], row["metric"], row["value"], row["period"])


def _check_row_invariants(text: str, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        assert set(row) == set(DEPUTY_ACTIVITY.column_names)
        assert text[row["char_start"]:row["char_end"]] == row["evidence"]
        assert row["actor_type"] in ACTOR_TYPES
        assert row["metric"] in METRICS
        assert row["period"] in PERIODS
        assert isinstance(row["value"], float)
        assert row["actor"] != "" and row["unit"] != "" and row["detail"] != ""
    ids = [row["record_id"] for row in rows]
    assert len(ids) == len(set(ids)), "record ids must be unique within a document"


def _check(example: Example) -> None:
    rows = deputy_activity.extract(example.text, _ctx(example.doc_type))
    _check_row_invariants(example.text, rows)
    got = sorted(_key(r) for r in rows)
    expected = sorted((a, m, float(v), p) for a, m, v, p in example.expected)
    assert got == expected
    for (metric, value), actor in (example.actors or {}).items():
        assert {r["actor"] for r in rows if (r["metric"], r["value"]) == (metric, value)} == {actor}


@pytest.mark.parametrize("example", ANNUAL_WORK_REPORT)
def test_annual_work_report(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", DEPUTY_WORK_REPORT)
def test_deputy_work_report(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", GOVERNMENT_REPORT)
def test_government_report(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", WEB_PAGES)
def test_web_pages(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", WEB_TRAPS)
def test_web_traps(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", ROBUSTNESS)
def test_rules_widened_by_the_metamorphic_tests(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", TERM_REPORT)
def test_term_report(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", CARRY)
def test_carry_actor_and_period(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", FOLLOW_UP)
def test_follow_up_sentences(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", SINCE_A_YEAR)
def test_since_a_year(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", SINCE_AN_EVENT)
def test_since_an_event(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", TOWNSHIP_PRESIDIUM_REPORT)
def test_township_presidium_report(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", STATION_NEWS)
def test_station_news(example: Example) -> None:
    _check(example)


@pytest.mark.parametrize("example", TRAPS)
def test_traps_give_no_row(example: Example) -> None:
    assert not example.expected
    _check(example)


def test_approximate_unit_and_detail() -> None:
    text = ("全年代表进站履职1200余人次，接待群众近3000人次。\n"
            "将“关于修缮乡村道路的建议”“关于增设公交线路的建议”两件建议列为重点建议。")
    rows = {r["metric"]: r for r in deputy_activity.extract(text, _ctx("congress_report"))}
    assert rows["station_visits"]["approximate"] is True
    assert rows["station_visits"]["unit"] == "人次"
    assert rows["people_received"]["approximate"] is True
    assert rows["key_suggestions"]["value"] == 2.0
    assert rows["key_suggestions"]["unit"] == "件"
    assert rows["key_suggestions"]["detail"] == "关于修缮乡村道路的建议；关于增设公交线路的建议"
    assert rows["station_visits"]["detail"] is None


def test_titles_in_book_marks_fill_detail() -> None:
    text = ("主任会议确定重点督办建议3件，分别为：《关于完善乡村客运网络的建议》"
            "《关于加强中小学心理健康教育的议案》《关于提升社区养老服务水平的建议》。\n"
            "代表提出的重点建议2件，均依照《中华人民共和国代表法》办理。")
    rows = deputy_activity.extract(text, _ctx("congress_report"))
    details = {r["value"]: r["detail"] for r in rows if r["metric"] == "key_suggestions"}
    assert details == {
        3.0: "关于完善乡村客运网络的建议；关于加强中小学心理健康教育的议案；关于提升社区养老服务水平的建议",
        2.0: None,  # a law in 《》 is not a suggestion's title
    }


def test_place_names_of_the_document_are_modifiers_of_the_actor() -> None:
    ctx = DocContext("testdoc", "government_report", 2022, "county", "内蒙古自治区", "包头市",
                     "青山区")
    text = ("包头市青山区人民政府共办理人大代表建议73件。\n"
            "青山区各级人大代表进站履职560人次。\n"
            "邀请青山区人大代表列席会议30人次。")
    rows = deputy_activity.extract(text, ctx)
    _check_row_invariants(text, rows)
    assert {(r["actor"], r["actor_type"], r["metric"]) for r in rows} == {
        ("包头市青山区人民政府", "government", "suggestions_handled"),
        ("青山区各级人大代表", "deputies", "station_visits"),
        ("青山区人大代表", "deputies", "sessions_attended"),
    }


def test_no_pattern_is_compiled_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every pattern is compiled once, at import: new place names must not compile anything
    # (re.compile, re.search(str, …) and the like all go through re._compile).
    def no_compile(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"pattern compiled during extraction: {args[:1]!r}")

    monkeypatch.setattr(re, "_compile", no_compile)
    for i, (_, ex) in enumerate(ALL_EXAMPLES):
        ctx = DocContext(f"doc{i}", ex.doc_type, 2022, "county", f"省{i}", f"市{i}", f"县{i}")
        deputy_activity.extract(ex.text, ctx)


def test_evidence_is_the_clause() -> None:
    text = "代表进站履职320人次；收集问题86个，解决问题70个。"
    rows = deputy_activity.extract(text, _ctx("congress_report"))
    evidence = {r["metric"]: r["evidence"] for r in rows}
    assert evidence["station_visits"] == "代表进站履职320人次；"
    assert evidence["problems_collected"] == "收集问题86个，解决问题70个。"


def test_rows_fit_the_contract() -> None:
    rows: list[dict[str, object]] = []
    for name, ex in ALL_EXAMPLES:
        ctx = DocContext(f"doc-{name}-{len(rows)}", ex.doc_type, 2022)
        rows.extend(deputy_activity.extract(ex.text, ctx))
    table = to_arrow(DEPUTY_ACTIVITY, rows)
    assert table.num_rows == len(rows) > 40
    assert table.column_names == DEPUTY_ACTIVITY.column_names


def test_the_same_figure_twice_in_a_clause_gives_two_rows() -> None:
    text = "全镇建成代表之家12个、代表联络站12个。"
    rows = deputy_activity.extract(text, _ctx("congress_report"))
    assert [(r["metric"], r["value"]) for r in rows] == [("liaison_stations", 12.0)] * 2
    assert len({r["record_id"] for r in rows}) == 2


def test_same_input_same_ids() -> None:
    text = ANNUAL_WORK_REPORT[3].text
    first = deputy_activity.extract(text, _ctx("congress_report"))
    second = deputy_activity.extract(text, _ctx("congress_report"))
    assert [r["record_id"] for r in first] == [r["record_id"] for r in second]


def test_undated_figures_by_kind_of_report() -> None:
    # A report on a year's work dates its undated figures to the year; a news item or an
    # article reports events (unspecified); a report on a whole term, with no year in it,
    # speaks of the term.
    def periods(text: str, doc_type: str) -> set[str]:
        return {r["period"] for r in deputy_activity.extract(text, _ctx(doc_type))}

    assert periods("代表进站履职320人次。", "congress_report") == {"annual"}
    assert periods("代表进站履职320人次。", "news") == {"unspecified"}
    term = "五年来，代表共提出议案320件。\n组织代表列席常委会会议860人次。"
    assert periods(term, "congress_report") == {"multi_year"}
    dated = "2021年，代表共提出议案32件。\n组织代表列席常委会会议86人次。"
    assert periods(dated, "congress_report") == {"annual"}
    # a page's date is no period; 近年来 said in passing makes no term report
    page = "2018年03月11日 来源：人大网\n五年来，代表共提出议案320件。\n组织代表列席会议860人次。"
    assert periods(page, "news") == {"multi_year"}
    in_passing = "近年来，我镇高度重视代表工作。\n本次活动代表共接待群众20人次。"
    assert periods(in_passing, "news") == {"unspecified"}


def test_no_report_year_leaves_undated_figures_unspecified() -> None:
    rows = deputy_activity.extract("代表进站履职320人次。", _ctx("congress_report", None))
    assert [r["period"] for r in rows] == ["unspecified"]


# --------------------------------------------------------------------------------------
# The vocabulary against the contract
# --------------------------------------------------------------------------------------


def test_vocabulary_values_are_in_the_contract() -> None:
    vocab = deputy_activity.load_vocab()
    assert set(vocab["actor_heads"]) <= set(ACTOR_TYPES)
    assert set(vocab["speaker_by_doc_type"]) <= set(DOC_TYPES)
    assert set(vocab["speaker_by_doc_type"].values()) <= set(ACTOR_TYPES)
    assert set(vocab["period_markers"]) <= set(PERIODS)
    assert set(vocab["rates"]) <= set(METRICS)
    for rule in deputy_activity.RULES:
        assert rule.metric is None or rule.metric in METRICS or rule.metric.startswith("family:")
    covered = {r.metric for r in deputy_activity.RULES} | set(vocab["rates"])
    assert set(METRICS) <= covered, "every metric has a rule"


def test_vocabulary_patterns_compile_and_words_are_unique() -> None:
    vocab = deputy_activity.load_vocab()
    for key in ("plan_markers", "plan_headings", "review_headings", "actor_not_followed_by"):
        for pattern in vocab[key]:
            re.compile(pattern)
    heads = [h for heads in vocab["actor_heads"].values() for h in heads]
    assert not [h for h, n in Counter(heads).items() if n > 1], "a head has one actor type"
    for words in vocab["words"].values():
        assert len(words) == len(set(words))


def test_cheap_prefilters_cover_the_words_they_guard() -> None:
    # The extractor tests a few characters before its longer patterns: every station word
    # must hold one of the station hint's, every numeral character of renda.numbers one of
    # the numeral hint's.
    from renda import numbers

    vocab = deputy_activity.load_vocab()
    for word in vocab["words"]["station"] + vocab["words"]["point"]:
        assert deputy_activity._STATION_HINT.search(word), word
    for char in numbers._CN_NUM_CHARS + "0123456789":
        assert deputy_activity._NUMERAL.search(char), char
    from renda.extract import _deputy_rules as rules

    words = (vocab["words"]["opinion"] + vocab["words"]["suggestion"] + vocab["words"]["problem"]
             + vocab["words"]["cppcc"] + ["议案", "所提问题"])
    for word in words:
        assert rules._FAMILY_HINT.search(word), word
    # a percentage is tried against the table only beside one of the percent hint's words
    for rule in rules.RULES:
        if rule.metric and rule.units and "%" in rule.units:
            for pattern in rule.patterns:
                assert rules._PERCENT_HINT.search(pattern.pattern), (rule.name, pattern.pattern)


# --------------------------------------------------------------------------------------
# The real reports
# --------------------------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
SEED = CORPUS / "jiaocheng" / "000_8ce6929504822e66.txt"
HAILAR = CORPUS / "hailaer"

needs_corpus = pytest.mark.skipif(
    not SEED.exists() or not HAILAR.exists(),
    reason=f"real reports not found at {CORPUS} (../shared/corpus beside the repo)",
)


def _real(path: Path, encoding: str, ctx_args: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    raw = path.read_bytes()
    text = normalize(raw.decode(encoding))
    ctx = DocContext(hashlib.sha256(raw).hexdigest()[:16], **ctx_args)
    rows = deputy_activity.extract(text, ctx)
    _check_row_invariants(text, rows)
    to_arrow(DEPUTY_ACTIVITY, list(rows))
    return text, rows


@pytest.mark.integration
@needs_corpus
def test_seed_report() -> None:
    _, rows = _real(SEED, "utf-8", {"doc_type": "congress_report", "report_year": 2021,
                                    "level": "county", "province": "山西省", "city": "吕梁市",
                                    "county": "交城县"})
    got = {(r["actor"], r["actor_type"], r["metric"], r["value"], r["period"]) for r in rows}
    expected = {
        (None, "unspecified", "liaison_stations", 8.0, "unspecified"),
        (None, "unspecified", "liaison_points", 56.0, "unspecified"),
        ("党组成员", "leadership", "station_visits", 136.0, "annual"),
        ("党组成员", "leadership", "problems_collected", 74.0, "annual"),
        ("党组成员", "leadership", "problems_resolved", 53.0, "annual"),
        ("党组成员", "leadership", "resolution_rate_pct", 71.6, "annual"),
        ("全县各级人大代表", "deputies", "station_visits", 701.0, "annual"),
        ("全县各级人大代表", "deputies", "problems_collected", 455.0, "annual"),
        ("全县各级人大代表", "deputies", "problems_resolved", 266.0, "annual"),
        ("全县各级人大代表", "deputies", "resolution_rate_pct", 58.5, "annual"),
    }
    assert expected <= got
    by_metric = {r["metric"]: r for r in rows}
    assert by_metric["suggestions_received"]["value"] == 100.0
    assert by_metric["suggestions_received"]["actor_type"] == "deputies"
    visits = [r for r in rows if r["metric"] == "station_visits" and r["actor_type"] == "deputies"]
    assert visits[0]["unit"] == "人次"
    key = by_metric["key_suggestions"]
    assert key["value"] == 3.0
    assert key["detail"] is not None
    titles = key["detail"].split("；")
    assert len(titles) == 3 and titles[0] == "关于加快实施农村道路硬化的建议"
    assert all(t.startswith("关于") and t.endswith("的建议") for t in titles)
    assert len(rows) == 12, sorted(_key(r) for r in rows)


# Deputies' suggestions handled, by report: (value, period) rows expected, and the
# response rate only where it is stated for each kind (办复率均达100%).
HAILAR_EXPECTED: dict[int, set[tuple[str, float, str]]] = {
    2012: set(),
    2013: {("suggestions_handled", 84.0, "annual")},
    2014: set(),
    2015: set(),
    2016: {("suggestions_handled", 405.0, "multi_year"),
           ("response_rate_pct", 100.0, "multi_year"),
           ("suggestions_handled", 68.0, "annual")},
    2017: {("suggestions_handled", 68.0, "annual")},
    2018: {("suggestions_handled", 72.0, "annual")},
    2019: {("suggestions_handled", 95.0, "annual"),
           ("response_rate_pct", 100.0, "annual")},
}


@pytest.mark.integration
@needs_corpus
@pytest.mark.parametrize("year", sorted(HAILAR_EXPECTED))
def test_hailar_government_reports(year: int) -> None:
    text, rows = _real(HAILAR / f"hailaer-gov-{year}.txt", "gb18030",
                       {"doc_type": "government_report", "report_year": year - 1,
                        "level": "county", "province": "内蒙古自治区", "city": "呼伦贝尔市",
                        "county": "海拉尔区"})
    assert {(r["metric"], r["value"], r["period"]) for r in rows} == HAILAR_EXPECTED[year]
    assert {r["actor_type"] for r in rows} <= {"government"}
    for row in rows:
        assert row["value"] not in (65.0, 590.0, 118.0, 101.0, 130.0, 136.0), "a CPPCC count"
        assert "建议" in row["evidence"]
