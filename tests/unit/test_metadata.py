"""Metadata inference and sidecars, from fixture strings."""

import datetime as dt

import pytest

from renda.ingest import MetadataError, parse_sidecar
from renda.ingest.gazetteer import load_gazetteer
from renda.ingest.metadata import (
    infer_body,
    infer_doc_type,
    infer_fact_free,
    infer_metadata,
    infer_report_year,
    date_from_url,
)

TODAY = dt.date(2026, 11, 28)

# (name, text, report_year, published_date)
YEARS = [
    ("year of work named", "刚刚过去的2022年，是换届之年。2023年要继续努力。", 2022, None),
    ("delivered in spring covers the year before",
     "政府工作报告\n——2015年2月10日在某区第十届人民代表大会第三次会议上\n2014年，全区…", 2014,
     dt.date(2015, 2, 10)),
    ("most frequent year", "2019年换届。2019年选举。2020年总结。", 2019, None),
    ("no year", "本届常委会依法履职。", None, None),
    ("implausible years ignored", "3021年的设想；1850年的旧址；2020年工作。", 2020, None),
]


@pytest.mark.parametrize("name,text,year,published", YEARS, ids=[y[0] for y in YEARS])
def test_report_year(name, text, year, published) -> None:
    assert infer_report_year(text, TODAY) == (year, published)


# (name, text, doc_type)
DOC_TYPES = [
    ("government report title", "政府工作报告\n各位代表：", "government_report"),
    ("government report without title", "各位代表：\n现在，我代表某某区人民政府向大会作工作报告。",
     "government_report"),
    ("standing committee report", "某县人民代表大会常务委员会工作报告\n各位代表：", "congress_report"),
    ("election summary", "某县换届选举工作总结\n选举依法进行。", "election_report"),
    ("inspection report", "关于检查《某条例》实施情况的执法检查报告", "oversight_report"),
    ("news", "本报讯（记者 张三）某县人大常委会召开会议。", "news"),
]


@pytest.mark.parametrize("name,text,doc_type", DOC_TYPES, ids=[d[0] for d in DOC_TYPES])
def test_doc_type(name, text, doc_type) -> None:
    assert infer_doc_type(text, None) == doc_type


def test_body_is_most_frequent_standing_committee() -> None:
    text = "平遥县人大常委会召开会议。平遥县人大常委会听取报告。晋中市人大常委会调研。"
    assert infer_body(text) == "平遥县人大常委会"
    assert infer_body("某县人大常委会只出现一次。") is None


@pytest.mark.parametrize("text,prefer,code,names", [
    ("平遥县人大常委会在晋中市、山西省的指导下工作。平遥县", "平遥县人大常委会", "140728",
     ("山西省", "晋中市", "平遥县")),
    # 城区 is a district name in several provinces and an ordinary word: no parent, no match.
    ("城区道路改造，城区绿化。", None, None, None),
    ("山西省人大常委会工作报告。", "山西省人大常委会", "140000", ("山西省", None, None)),
])
def test_gazetteer_locate(text, prefer, code, names) -> None:
    region = load_gazetteer().locate(text, prefer=prefer)
    if code is None:
        assert region is None
    else:
        assert region is not None
        assert region.admin_code == code
        assert (region.province, region.city, region.county) == names


def test_sidecar_wins_even_when_null() -> None:
    text = "平遥县人大常委会工作报告。平遥县人大常委会在晋中市。2022年工作。"
    meta = infer_metadata(text, {"county": None, "city": None, "province": None,
                                 "admin_code": None, "report_year": 2021}, TODAY)
    assert (meta.county, meta.admin_code, meta.report_year, meta.level) == (None, None, 2021, None)
    inferred = infer_metadata(text, {}, TODAY)
    assert (inferred.county, inferred.admin_code, inferred.level) == ("平遥县", "140728", "county")
    assert inferred.body == "平遥县人大常委会"


@pytest.mark.parametrize("text,message", [
    ("title: [unclosed", "not valid YAML"),
    ("- a list", "expected a mapping"),
    ("colour: red", "unknown fields"),
    ("doc_type: memo", "doc_type 'memo'"),
    ("published_date: 2021-13-45", "not an ISO date"),
])
def test_bad_sidecars(text, message) -> None:
    with pytest.raises(MetadataError, match=message):
        parse_sidecar(text, "x.meta.yml")


# --- documents that state no facts -------------------------------------------------------
# Written for these tests: a law, a regulation, a work plan template, templates with blanks
# and with the numbers removed; and the pages that must stay fact-bearing.
LAW = ("某省乡镇人民代表大会工作条例\n"
       "第一条 为了保障乡镇人民代表大会依法行使职权，根据有关法律，制定本条例。\n"
       "第二条 乡镇人民代表大会主席团应当每年听取代表意见。\n"
       "第三条 主席团应当组织代表开展视察。\n"
       "第四条 代表建议应当在三个月内办复。\n"
       "第五条 本条例自2019年1月1日起施行。\n")
MEASURES = ("某市人大代表联络站管理办法\n" + "".join(
    f"第{n}条 联络站应当按月接待群众，并记录所收集的意见。\n" for n in "一二三四五六") +
    "本办法由市人大常委会负责解释。\n")
WORK_PLAN_TEMPLATE = ("20XX年工作要点\n一、XX县人大常委会将听取和审议县政府专项工作报告。\n"
                      "二、组织代表开展视察活动X次。\n")
BLANK_TEMPLATE = ("关于xx镇第x届人民代表大会代表选举情况的报告\n"
                  "（20xx年x月x日在xx镇人民代表大会上）\n全镇共划分选区x个。")
EMPTIED_NUMBERS = ("全县总人口为人，比上届增加人；十八周岁以上人口为人，比上届减少人；"
                   "依法登记选民人，共划分选区个。")

FACT_FREE = [
    ("a regulation: articles, 本条例, 应当", LAW, "law"),
    ("measures: articles, 本办法", MEASURES, "law"),
    ("a work-plan template", WORK_PLAN_TEMPLATE, "template"),
    ("a report with blanks for places, terms and dates", BLANK_TEMPLATE, "template"),
    ("a report with its numbers removed", EMPTIED_NUMBERS, "template"),
    ("a real work plan: nothing has happened yet",
     "2022年工作要点\n一、县人大常委会将听取审议县政府专项工作报告6项。\n二、组织执法检查2次。", "plan"),
    ("an activity plan", "代表联络站活动方案\n一、活动目标\n每月组织代表进站接待群众。", "plan"),
    ("an amending decision",
     "某省人民代表大会常务委员会关于修改《某省代表建议办理规定》的决定\n"
     "（2022年5月26日通过）\n一、将第三条修改为：……\n二、将第五条修改为：……", "law"),
]
FACT_BEARING = [
    ("a report quoting one article",
     "根据《中华人民共和国各级人民代表大会常务委员会监督法》第九条的规定，常委会听取了县政府关于"
     "教育工作的报告。第十条规定的程序应当遵守。"),
    ("news about studying a law",
     "本报讯 3月5日，县人大常委会组织学习《监督法》。与会人员表示，应当依法履职。"),
    ("an anonymous but real summary (某镇)", "某镇人大年度工作总结\n一年来，镇人大主席团召开会议6次。"),
    ("a person's name masked (王某某)", "选民王某某说，投票站就设在村委会。共有选民1200人参加投票。"),
    ("bold type is no blank", "**县人大常委会**召开第十次会议。**县人大常委会**听取报告。"),
    ("news of adopting a plan", "县人大常委会审议通过换届选举工作方案\n3月2日，县人大常委会召开第十次会议。"),
    ("a report on how a plan went", "关于2023年监督工作计划执行情况的报告\n常委会听取专项工作报告8项。"),
    ("a title naming a law inside 《》", "县人大常委会检查《中华人民共和国农业法》\n检查组走访了3个乡镇。"),
    ("a web address with xx in it", "来源：http://www.xx.gov.cn/xxgk/ 2021年县人大常委会听取报告。"),
]


@pytest.mark.parametrize("name,text,reason", FACT_FREE, ids=[f[0] for f in FACT_FREE])
def test_fact_free(name, text, reason) -> None:
    found = infer_fact_free(text)
    assert found is not None and found.startswith(reason)


@pytest.mark.parametrize("name,text", FACT_BEARING, ids=[f[0] for f in FACT_BEARING])
def test_fact_bearing(name, text) -> None:
    assert infer_fact_free(text) is None


def test_a_national_law_is_other_and_national() -> None:
    text = "中华人民共和国某某法\n" + LAW.split("\n", 1)[1].replace("本条例", "本法")
    meta = infer_metadata(text, {}, TODAY)
    assert (meta.doc_type, meta.level, meta.province) == ("other", "national", None)
    assert meta.fact_free is not None
    assert meta.report_year is None  # 2019年1月1日起施行 is its adoption, not a year's work


# --- doc_type: more kinds, and body words that must not decide ---------------------------
DOC_TYPES_MORE = [
    ("dateline of a paper", "县人大代表进站接待选民\n某某日报讯（通讯员 李四）12月3日上午，代表进站。",
     "news"),
    ("source line", "首页 > 工作动态\n发布时间：2020-05-06 来源：县人大办\n5月5日，县人大常委会召开会议。",
     "news"),
    ("a lead that opens with the day", "镇人大开展代表述职\n11月8日，某镇人大主席团组织代表述职。", "news"),
    ("news that mentions a government report",
     "本网讯 6月9日，某乡召开人民代表大会，会议听取审议了《政府工作报告》。", "news"),
    ("news that mentions an inspection report",
     "12月2日，县人大常委会召开会议，会议听取了执法检查组的执法检查报告。", "news"),
    ("a work plan", "某省人大常委会2024年监督工作计划\n一、听取和审议专项工作报告", "other"),
    ("a notice", "关于办理市人大代表建议的通知\n各承办单位：", "other"),
    ("an announcement of a by-election", "某县人民代表大会常务委员会公告\n第3号\n根据选举法，补选代表1名。",
     "election_report"),
    ("an announcement of another kind", "某县人民代表大会常务委员会公告\n第4号\n某某同志辞去职务的请求已被接受。",
     "other"),
    ("an inspection report by its title",
     "某市人大常委会执法检查组关于检查《某法》实施情况的报告\n——2022年8月30日在某次会议上", "oversight_report"),
    ("a deputy-work report by its title", "某区人大常委会关于2020年代表工作情况的报告\n主任、各位副主任：",
     "deputy_work_report"),
    ("a government's report on suggestions",
     "某市人民政府关于2021年市人大代表建议和市政协提案办理情况的报告\n主任、各位副主任：", "government_report"),
    ("an election bulletin", "某区换届选举工作简报\n第6期\n全区选民登记工作圆满结束", "election_report"),
    ("a journal abstract", "摘要\n<正>今年以来，某县人大常委会建设代表联络站。", "other"),
    ("a qualification report to the standing committee",
     "主任、各位副主任、各位委员：\n各选举单位选举产生了省人民代表大会代表350名，代表资格审查委员会进行了审查。",
     "election_report"),
    ("a qualification report by its title",
     "某县人大常委会代表资格审查委员会关于某县第十届人民代表大会代表资格的审查报告（2021年11月2日通过）",
     "election_report"),
    ("a summary", "某镇人大年度工作总结\n今年以来，镇人大主席团组织代表视察3次。", "other"),
    ("a congress speech", "各位代表：\n现在，我受县人大常委会委托，向大会报告工作。", "congress_report"),
    ("a lead sentence is no title",
     "3月9日，全国人大委员长在大会上作全国人大常委会工作报告。报告显示，一年来……", "news"),
    ("nothing says", "人大代表联络站是代表联系群众的平台。", "other"),
    ("the budget's report", "关于某县2021年预算执行情况和2022年预算草案的报告\n各位代表：", "government_report"),
    ("the court's report", "某县人民法院工作报告\n各位代表：", "other"),
    ("an inspection report to the standing committee",
     "主任、各位副主任、各位委员：\n根据年度工作安排，常委会执法检查组对《某法》实施情况进行了检查。",
     "oversight_report"),
    ("a news desk's sign-off", "县人大代表进站履职\n代表们认真听取群众意见。\n（责任编辑：王五）", "news"),
    ("a headline on hearing a government report",
     "和县人大常委会听取审议县政府工作报告\n12月5日，和县第十七届人大常委会第十次会议召开。", "news"),
    ("a headline that opens with the committee is no congress report",
     "宜兴市人大常委会开展代表活动月\n4月，宜兴市人大常委会组织全市人大代表开展活动。", "other"),
]


@pytest.mark.parametrize("name,text,doc_type", DOC_TYPES_MORE, ids=[d[0] for d in DOC_TYPES_MORE])
def test_doc_type_more(name, text, doc_type) -> None:
    assert infer_doc_type(text, infer_body(text)) == doc_type


# --- level and region of the body -------------------------------------------------------
# (name, text, level, province, city, county)
LEVELS = [
    ("a municipality's standing committee is province level",
     "天津市人大常委会召开第十次会议。天津市人大常委会听取了市政府的报告。", "province", "天津市", None,
     None),
    ("a township presidium", "某镇人大主席团召开会议。镇人大主席团听取了镇政府的报告，全镇代表参加。",
     "township", None, None, None),
    ("the national congress has no region",
     "全国人大常委会召开会议，委员长主持。全国人大常委会听取了国务院的报告。北京市代表列席。",
     "national", None, None, None),
    ("a county standing committee named", "12月1日，寿县人大常委会召开会议。县人大常委会主任主持。",
     "county", "安徽省", "淮南市", "寿县"),
    ("a township election under its county",
     "12月20日，射阳县某镇选民投票，选举产生新一届县、镇两级人大代表。镇人大主席团组织选举，全镇选民参加。",
     "township", "江苏省", "盐城市", "射阳县"),
    ("a district of a municipality has no city",
     "闵行区人大常委会召开会议。闵行区人大常委会听取了区政府的报告。", "county", "上海市", None,
     "闵行区"),
    ("a short form of an autonomous county",
     "秀山县人大常委会组织代表视察。秀山县人大常委会主任参加。", "county", "重庆市", None,
     "秀山土家族苗族自治县"),
    ("a county under its former name",
     "凤翔县人大常委会组织代表视察。凤翔县人大常委会主任参加。", "county", "陕西省", "宝鸡市", "凤翔县"),
    ("a provincial committee named, national words in passing",
     "广东省人大常委会开展执法检查。全国人大代表参加。广东省人大常委会听取了报告。", "province",
     "广东省", None, None),
    ("an autonomous region's 全区 is the region",
     "各位代表：\n现在，我代表自治区人民政府向大会报告工作。广西壮族自治区经济增长。全区上下齐心，全区粮食丰收。",
     "province", "广西壮族自治区", None, None),
    ("a district's 全区 is the district",
     "海珠区人大常委会召开会议。全区代表参加，全区选民满意。", "county", "广东省", "广州市", "海珠区"),
    ("a city's paper in the page head",
     "据镇江日报报道，11月1日，某街道人大工委组织代表接待群众。", "township", "江苏省", "镇江市", None),
]


@pytest.mark.parametrize("name,text,level,province,city,county", LEVELS, ids=[x[0] for x in LEVELS])
def test_level_and_region(name, text, level, province, city, county) -> None:
    meta = infer_metadata(text, {}, TODAY)
    assert (meta.level, meta.province, meta.city, meta.county) == (level, province, city, county)


def test_sidecar_county_fills_its_parents() -> None:
    text = "县人大常委会召开会议。朝阳区代表列席。朝阳县人大代表视察。"
    meta = infer_metadata(text, {"county": "朝阳县"}, TODAY)
    assert (meta.province, meta.city, meta.county, meta.level) == ("辽宁省", "朝阳市", "朝阳县", "county")


def test_sidecar_province_stops_a_misread_region() -> None:
    # A provincial government report whose text happens to hold names of places elsewhere
    # (or pieces of ordinary words that are district names) keeps the sidecar's province.
    text = "各位代表：\n现在，我代表自治区人民政府向大会报告工作。集中区域发展，台中市中区来宾参观。"
    meta = infer_metadata(text, {"province": "西藏自治区", "level": "province"}, TODAY)
    assert (meta.province, meta.city, meta.county, meta.admin_code) == ("西藏自治区", None, None,
                                                                        "540000")


# --- report_year: more rules ------------------------------------------------------------
YEARS_MORE = [
    ("year in the title", "某省人大常委会2024年监督工作计划\n一、听取2023年度报告。2023年的问题。2023年。",
     2024),
    ("a government report's title year is its delivery", "2026年某省政府工作报告\n各位代表：", 2025),
    ("the page's date", "首页 > 动态\n发布时间：2019-05-06 10:00 来源：县人大\n5月5日，县人大常委会召开会议。",
     2019),
    ("a January page on a December day", "发布时间：2022-01-05 来源：县人大\n12月30日，县人大常委会召开会议。",
     2021),
    ("a January page on a January day", "发布时间：2022-01-05 来源：县人大\n1月4日，县人大常委会召开会议。", 2022),
    ("an NPC session", "3月5日，十四届全国人大二次会议在北京开幕，代表们审议议案。", 2024),
    ("the work report at an NPC session covers the year before",
     "3月9日，十四届全国人大二次会议举行全体会议，听取全国人大常委会工作报告。", 2023),
    ("years in quoted titles do not count",
     "会议学习了《某省2010年代表工作规定》《2010年选举实施细则》。2021年，常委会听取报告。", 2021),
    ("a starting year does not count", "2013年以来累计检查15次；2017年，常委会开展执法检查。", 2017),
    ("a founding year is background, not the year of the news",
     "本报讯 3月18日，区人大常委会主任调研联络站。该联络站自2019年建成以来接待群众1200人次，"
     "代表之家建成于2020年。", None),
    ("accounts are reviewed the year after",
     "会议审议了2012年县本级财政决算的报告和2012年度审计工作报告。", 2013),
    ("a periodical's issue", "首页 > 杂志 > 2025年 > 第12期\n文章回顾了2019年以来的做法，2019年首次询问。",
     2025),
]


@pytest.mark.parametrize("name,text,year", YEARS_MORE, ids=[y[0] for y in YEARS_MORE])
def test_report_year_more(name, text, year) -> None:
    doc_type = infer_doc_type(text)
    assert infer_report_year(text, TODAY, doc_type)[0] == year


# Addresses of the shapes CMSs and newspapers give their pages (made up for the test).
URL_DATES = [
    ("http://www.xx-rd.gov.cn/xwzx/201905/t20190521_1234.html", (2019, dt.date(2019, 5, 21))),
    ("https://news.example.cn/c/2024-12-23/100.shtml", (2024, dt.date(2024, 12, 23))),
    ("http://www.example.com/2016/0629/3.shtml", (2016, dt.date(2016, 6, 29))),
    ("http://rd.example.gov.cn/art/2019/1/31/art_1_2.html", (2019, dt.date(2019, 1, 31))),
    ("http://paper.example.cn/shtml/rb/20110711/77.shtml", (2011, dt.date(2011, 7, 11))),
    ("http://www.example.gov.cn/html/2018/news_1101/5.html", (2018, None)),
    ("http://www.example.gov.cn/jyjd/201812/", (2018, None)),
    # ids, counters, the host and the query are no dates; nor is a year to come
    ("https://rd.example.gov.cn/content/detail/5c2080c8dc9b5e65ddadef95.html", None),
    ("https://www.example.com/p/2019051211/abc.html", None),
    ("http://www2018.example.com/index.php?date=2018-01-02", None),
    ("http://www.example.com/2031/0101/1.html", None),
    ("pages corpus (no address)", None),
    (None, None),
]


@pytest.mark.parametrize("url,expected", URL_DATES)
def test_date_from_url(url, expected) -> None:
    assert date_from_url(url, TODAY) == expected


def test_report_year_from_the_address_only_when_the_text_dates_nothing() -> None:
    url = "http://www.xx-rd.gov.cn/xwzx/201905/t20190521_1234.html"
    assert infer_report_year("代表们走进联络站，接待群众。", TODAY, "news", url) == (
        2019, dt.date(2019, 5, 21))
    assert infer_report_year("发布时间：2017-03-02\n代表们走进联络站。", TODAY, "news", url)[0] == 2017
    meta = infer_metadata("代表们走进联络站，接待群众。", {"source_url": url}, TODAY)
    assert (meta.report_year, meta.published_date) == (2019, dt.date(2019, 5, 21))


@pytest.mark.parametrize("url,region", [
    ("http://hunan.example.com.cn/news/1.html", ("湖南省", None, None)),
    ("https://shandong-chorography.example.org/db/1/", ("山东省", None, None)),
    ("http://www.tangshan.gov.cn/zhuzhan/1.html", ("河北省", "唐山市", None)),
    ("http://rd.shouxian.gov.cn/content/1.html", ("安徽省", "淮南市", "寿县")),
    ("http://xiuzhourd.gov.cn/1.html", ("浙江省", "嘉兴市", "秀洲区")),
    ("http://www.hunanese.example.com/1.html", None),     # a longer word
    ("http://shanxi.example.com/1.html", None),           # 山西 or 陕西: both read shanxi
    ("http://hlj.example.org/1.html", None),              # abbreviations are not read
    ("http://news.example.com/hunan/1.html", None),       # the path is not the site
    ("pages corpus (no address)", None),
])
def test_region_from_the_site_s_name(url, region) -> None:
    found = load_gazetteer().by_address(url)
    assert (found and (found.province, found.city, found.county)) == region or (
        found is None and region is None)


def test_the_address_names_the_region_only_when_the_text_names_no_place() -> None:
    url = "http://rd.shouxian.gov.cn/content/1.html"
    meta = infer_metadata("代表们走进联络站。", {"source_url": url}, TODAY)
    assert (meta.province, meta.city, meta.county, meta.level) == ("安徽省", "淮南市", "寿县", "county")
    meta = infer_metadata("交城县人大常委会组织代表走进联络站。", {"source_url": url}, TODAY)
    assert meta.county == "交城县"
    meta = infer_metadata("代表们走进联络站。", {"source_url": url, "province": "山西省"}, TODAY)
    assert (meta.province, meta.county) == ("山西省", None)


@pytest.mark.parametrize("value,ok", [
    ("retrieved: 2026-12-02T03:04:05Z", True),      # as renda fetch writes it (YAML: a time)
    ('retrieved: "2026-12-02T03:04:05Z"', True),    # quoted: a string, read as a time
    ("retrieved: 2026-12-02", True),
    ('retrieved: "yesterday"', False),
    ("retrieved: 20261202", False),
])
def test_sidecar_retrieved_is_a_date_or_a_time(value, ok) -> None:
    if ok:
        assert isinstance(parse_sidecar(value, "r.meta.yml")["retrieved"], dt.date)
    else:
        with pytest.raises(MetadataError, match="retrieved"):
            parse_sidecar(value, "r.meta.yml")
