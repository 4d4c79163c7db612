"""The gazetteer: which names in a text are divisions, and where the text is.

Sentences written for these tests, grouped by the rule they exercise; each with the names
that must be found (in order) and negatives that must find nothing.
"""

import pytest

from renda.ingest.gazetteer import load_gazetteer

# (name, text, names found)
FIND = [
    # Full names, longest first.
    ("a county with its city", "淮南市寿县人大常委会", ["淮南市", "寿县"]),
    ("an autonomous county in full", "秀山土家族苗族自治县人大常委会", ["秀山土家族苗族自治县"]),
    # Rule 5: a one-character name reads as a place only after a boundary, its parent, or
    # before an organ.
    ("after a preposition", "代表们在寿县调研", ["寿县"]),
    ("after a copula", "2月22日是郏县选举日", ["郏县"]),
    ("at the start", "凤县第十七届人大常委会召开会议", ["凤县"]),
    ("after its city", "陇南市成县人大常委会", ["陇南市", "成县"]),
    ("before an organ", "欢迎访问寿县人大常委会网站", ["寿县"]),
    ("inside 完成县乡两级", "全县圆满完成县乡两级人大换届选举", []),
    ("a conjunction before 县", "省、市和县人大常委会联合调研", []),
    ("inside a word (集中区域)", "集中区域优势，发展中区块经济", []),
    # Rule 3: short forms and former names.
    ("short form of an autonomous county", "景东县举行选举", ["景东县"]),
    ("short form of an autonomous prefecture", "迪庆州人大常委会", ["迪庆州"]),
    ("a former 县 name of a district", "凤翔县人大常委会", ["凤翔县"]),
    # Rule 4: a name without its level word, in the page head, before a paper, site or organ.
    ("a city's paper", "镇江日报讯 11月1日", ["镇江"]),
    ("a county's site", "秀山网讯 6月22日", ["秀山"]),
    ("an autonomous region's paper", "广西日报讯 新疆日报消息", ["广西", "新疆"]),
    ("a stem alone is no place", "游客参观石林景区，登上黄山。", []),
    ("a stem before a place word is no place", "镇江高新区某街道", []),
    ("national media are not their places", "新华网北京3月5日电 光明日报评论", []),
    # Rule 1: Taiwan's, Hong Kong's and Macao's subdivisions have no congress.
    ("Taiwan's cities and districts", "来自台中市和中区的客人", []),
    ("Hong Kong itself", "香港特别行政区选举委员会", ["香港特别行政区"]),
]


@pytest.mark.parametrize("name,text,names", FIND, ids=[f[0] for f in FIND])
def test_find(name, text, names) -> None:
    assert [m.name for m in load_gazetteer().find(text)] == names


def test_a_stem_counts_only_in_the_page_head() -> None:
    text = "某镇人大代表接待选民。" * 30 + "组织代表到绍兴人大培训中心学习。"
    assert load_gazetteer().find(text) == []


# (name, text, (province, city, county, admin_code))
LOCATE = [
    ("municipality district: no city", "闵行区人大常委会听取报告。闵行区代表视察。",
     ("上海市", None, "闵行区", "310112")),
    ("short form reported by its full name", "秀山县人大常委会。秀山县人民政府。",
     ("重庆市", None, "秀山土家族苗族自治县", "500241")),
    ("a former name reported as written", "凤翔县人大常委会召开会议，凤翔县政府列席。",
     ("陕西省", "宝鸡市", "凤翔县", "610305")),
    ("a list of one city's districts is the city", "昆明市人大常委会检查了五华区、盘龙区、官渡区、安宁市。昆明市",
     ("云南省", "昆明市", None, "530100")),
    ("a prefecture-level city without counties", "东莞市某镇人大代表接待选民。东莞市人大常委会",
     ("广东省", "东莞市", None, "441900")),
]


@pytest.mark.parametrize("name,text,expected", LOCATE, ids=[x[0] for x in LOCATE])
def test_locate(name, text, expected) -> None:
    region = load_gazetteer().locate(text)
    assert region is not None
    assert (region.province, region.city, region.county, region.admin_code) == expected


def test_one_unsupported_mention_is_no_region() -> None:
    # A province's report that names one county of another province in passing (or holds a
    # county's name inside other words) is about its province.
    text = "广东省人民政府向大会报告工作。广东省经济稳定增长。" + "人民生活持续改善。" * 20 + "浮山县"
    region = load_gazetteer().locate(text)
    assert region is not None and (region.province, region.county) == ("广东省", None)


def test_municipality_is_one_division() -> None:
    # 北京市 is the province; its "city" row of the package's table is dropped.
    assert [d.level for d in load_gazetteer().by_name["北京市"]] == ["province"]
