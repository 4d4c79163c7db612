"""Metadata inference and sidecars, from fixture strings."""

import datetime as dt

import pytest

from renda.ingest import MetadataError, parse_sidecar
from renda.ingest.gazetteer import load_gazetteer
from renda.ingest.metadata import infer_body, infer_doc_type, infer_metadata, infer_report_year

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
