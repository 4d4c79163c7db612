"""The HTML reader, one table of examples per behaviour: charset, article and chrome, title
/ date / canonical address, tables, paragraph lines, pages with no article, bounds.

Pages are the fixtures of ``tests/fixtures/html`` (shapes of real CMS pages, text written for
renda; each file says where its shape comes from) and small pages built here."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
from functools import cache
from pathlib import Path

import lxml.html
import pytest

from renda.ingest.formats import Extracted, FormatError, Limits
from renda.ingest.html import decode_html, read_html
from renda.ingest.html_tables import is_data_table, table_lines
from renda.normalize import normalize

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
GBK = "county_trs_election_gbk.html"
UTF8 = "city_congress_utf8_canonical.html"
BIG5 = "province_big5_mirror.html"
NO_CHARSET = "township_nocharset_gb18030.html"
SHORT = "county_short_item_utf8.html"
ARTICLES = [GBK, UTF8, BIG5, NO_CHARSET, SHORT]

BODY = ("本次换届选举，全县共划分选区186个，登记选民72360人，参加投票选民69670人，"
        "参选率96.28%，依法选举产生县人民代表大会代表195名。")
TRAP = "人大代表" * 10  # its UTF-8 bytes are valid GB18030 too
BODY_BIG5 = ("本次換屆選舉，全縣共劃分選區186個，登記選民72360人，參加投票選民69670人，"
             "參選率96.28%，依法選舉產生縣人民代表大會代表195名。")


@cache
def fixture(name: str) -> Extracted:
    return read_html((FIXTURES / name).read_bytes())


def page(body: str = f"<p>{BODY}</p>", head: str = "", title: str = "换届选举工作圆满完成") -> str:
    return (f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head>"
            f"<body><div class=\"article\">{body}</div></body></html>")


def test_every_fixture_says_where_its_shape_comes_from() -> None:
    for path in sorted(FIXTURES.glob("*.html")):
        first = path.read_bytes().split(b"\n", 1)[0]
        assert first.startswith(b"<!-- shape of ") and first.endswith(b"-->"), path.name


# --- charset ----------------------------------------------------------------------------
# (case, bytes, codec recorded, a string the text must hold: decoded right)
CHARSETS = [
    ("gb2312 declared, GBK bytes (王堃 is outside GB2312)",
     (FIXTURES / GBK).read_bytes(), "gb18030", "王堃"),
    ("utf-8 in <meta charset>", (FIXTURES / UTF8).read_bytes(), "utf-8", "周立新"),
    ("big5 declared", (FIXTURES / BIG5).read_bytes(), "big5", "代表共提出建議512件"),
    ("no declaration, GB18030 four-byte character",
     (FIXTURES / NO_CHARSET).read_bytes(), "gb18030", "刘䶮"),
    ("a byte-order mark wins over a gb2312 declaration",
     codecs.BOM_UTF8 + page(head='<meta charset="gb2312">').encode("utf-8"), "utf-8", "登记选民"),
    ("UTF-16 with a byte-order mark", page().encode("utf-16"), "utf-16", "登记选民"),
    ("big5 declared, 恒 only in cp950",
     page(f"<p>{BODY_BIG5}恒常</p>", '<meta http-equiv="Content-Type" content="text/html; charset=big5">',
          "換屆選舉").encode("cp950"), "cp950", "恒常"),
    ("big5 declared, a character only in Big5-HKSCS",
     page(f"<p>{BODY_BIG5}东</p>", '<meta charset="big5">', "換屆選舉").encode("big5hkscs"),
     "big5hkscs", "东"),
    ("gbk declared in <?xml encoding>",
     ('<?xml version="1.0" encoding="gbk"?>' + page()).encode("gbk"), "gb18030", "登记选民"),
    ("utf-8 declared but GBK bytes: the declaration fails, GB18030 reads it",
     page(head='<meta charset="utf-8">').encode("gbk"), "gb18030", "登记选民"),
    ("gb2312 declared but UTF-8 bytes (GB18030 would read mojibake)",
     page(f"<p>{TRAP}</p>", '<meta charset="gb2312">', "人大代表").encode("utf-8"), "utf-8", TRAP),
    ("iso-8859-1 declared (a template default), GBK bytes",
     page(head='<meta charset="iso-8859-1">').encode("gbk"), "gb18030", "登记选民"),
]


@pytest.mark.parametrize("case,data,codec,sample", CHARSETS, ids=[c[0] for c in CHARSETS])
def test_charset(case: str, data: bytes, codec: str, sample: str) -> None:
    text, used = decode_html(data)
    assert used == codec
    assert sample in text
    assert read_html(data).encoding == codec


def test_utf8_bytes_under_a_gb2312_declaration_are_a_real_trap() -> None:
    data = page(f"<p>{TRAP}</p>", '<meta charset="gb2312">', "人大代表").encode("utf-8")
    assert TRAP not in data.decode("gb18030")  # strict GB18030 reads these bytes, as mojibake


# --- article kept, chrome dropped -------------------------------------------------------
# (fixture, text the article must hold: short paragraphs included)
ARTICLE_TEXT = [
    (GBK, "登记选民72360人，参加投票选民69670人，参选率96.28%"),
    (GBK, "各乡镇同步选举产生乡镇人大代表1104名。"),
    (GBK, "下一步，县人大常委会将做好代表资格审查工作。"),
    (UTF8, "会议共收到审议意见46条。"),
    (UTF8, "会议经表决，通过了关于批准2020年市级决算的决议。"),
    (BIG5, "常委會副主任、代表工作委員會負責同志出席會議。"),
    (NO_CHARSET, "会议应到代表52名，实到代表49名，符合法定人数。"),
    (NO_CHARSET, "会议号召全镇人民团结一致，为建设美丽丁家桥而努力奋斗。"),
    (SHORT, "调研组查看了站点台账，全镇今年已接待群众42人次。"),
    (SHORT, "调研组要求进一步规范代表进站履职。"),
]

# (fixture, a string of the page's chrome that must not reach the text)
CHROME = [
    *[(GBK, s) for s in ("首页", "机构设置", "您当前的位置", "新闻中心", "字号", "打印本页",
                         "关闭窗口", "分享到", "上一篇", "下一篇", "县人大常委会召开换届选举工作推进会",
                         "主办单位", "ICP备", "浏览次数", "设为首页", "搜索")],
    *[(UTF8, s) for s in ("欢迎访问", "无障碍浏览", "立法工作", "当前位置", "字号", "打印",
                          "分享到", "QQ空间", "上一篇", "下一篇", "扫一扫", "网站标识码",
                          "公网安备", "ICP备")],
    *[(BIG5, s) for s in ("簡體", "無障礙閱讀", "當前位置", "列印本頁", "關閉窗口", "上一篇",
                          "下一篇", "省人大代表開展集中視察活動", "主辦單位", "ICP備")],
    *[(NO_CHARSET, s) for s in ("网站首页", "留言板", "栏目导航", "工作研究", "您现在的位置",
                                "打印本页", "关闭窗口", "上一篇", "蔡村镇", "版权所有", "ICP备",
                                "分辨率", "点击")],
    *[(SHORT, s) for s in ("政策法规", "新闻中心", "字号", "打印本页", "分享到", "上一篇",
                           "最新动态", "县人大代表开展集中视察活动", "通知公告", "主办单位", "ICP备")],
]


@pytest.mark.parametrize("name,expected", ARTICLE_TEXT)
def test_article_text_is_kept(name: str, expected: str) -> None:
    assert expected in fixture(name).text


@pytest.mark.parametrize("name,chrome", CHROME)
def test_page_chrome_is_dropped(name: str, chrome: str) -> None:
    assert chrome not in fixture(name).text


def test_scripts_and_styles_are_dropped() -> None:
    for name in ARTICLES:
        text = fixture(name).text
        assert "function" not in text and "document." not in text and "font-size" not in text


# --- title, published date, canonical address --------------------------------------------
# (fixture, title, published date, canonical address)
FIXTURE_METADATA = [
    (GBK, "我县县乡两级人大代表换届选举投票工作圆满完成", dt.date(2016, 12, 21), None),
    (UTF8, "市五届人大常委会举行第三十一次会议", dt.date(2021, 6, 30),
     "http://rd.xuancheng.gov.cn/xwzx/cwhgz/202106/t20210630_3412.html"),
    (BIG5, "省人大常委會召開代表建議辦理工作座談會", dt.date(2019, 11, 26), None),
    (NO_CHARSET, "丁家桥镇第十八届人民代表大会第一次会议胜利召开", dt.date(2016, 12, 28), None),
    (SHORT, "县人大常委会开展代表联络站工作调研", dt.date(2022, 3, 15), None),
]


@pytest.mark.parametrize("name,title,date,url", FIXTURE_METADATA, ids=[m[0] for m in FIXTURE_METADATA])
def test_fixture_metadata(name: str, title: str, date: dt.date, url: str | None) -> None:
    got = fixture(name)
    assert (got.title, got.published_date, got.source_url) == (title, date, url)
    assert got.text.split("\n", 1)[0] == title  # the headline opens the text


# (case, <title>, head, body before the article, title read)
TITLES = [
    ("site after _", "换届选举工作圆满完成_中国政府网", "", "", "换届选举工作圆满完成"),
    ("column and site after _", "换届选举工作圆满完成__2016年第3期_某某县人大网", "", "",
     "换届选举工作圆满完成"),
    ("site after ' - '", "换届选举工作圆满完成 - 某某网", "", "", "换届选举工作圆满完成"),
    ("site after |", "换届选举工作圆满完成|某某人大", "", "", "换届选举工作圆满完成"),
    ("site after a full-width ｜", "换届选举工作圆满完成｜某某人大", "", "", "换届选举工作圆满完成"),
    ("site after - without spaces", "换届选举工作圆满完成-泾县人大网", "", "", "换届选举工作圆满完成"),
    ("a hyphen inside the title stays", "2021-2025年代表工作规划", "", "", "2021-2025年代表工作规划"),
    ("layout spaces beside Han characters go", "调整2007　年末余额_中国政府网", "", "", "调整2007年末余额"),
    ("og:title wins", "网站首页", '<meta property="og:title" content="县人大召开会议">', "",
     "县人大召开会议"),
    ("the article's h1 wins over <title>", "网站首页", "", "<h1>县人大常委会召开第五次会议</h1>",
     "县人大常委会召开第五次会议"),
    ("a masthead h1 is the site's name", "县人大召开会议_某某网", "",
     '<div class="header"><h1>某某县人大常委会网站</h1></div>', "县人大召开会议"),
    ("a linked h1 is a logo", "县人大召开会议_某某网", "", '<h1><a href="/">某某县人民代表大会</a></h1>',
     "县人大召开会议"),
]


@pytest.mark.parametrize("case,title,head,before,expected", TITLES, ids=[t[0] for t in TITLES])
def test_title(case: str, title: str, head: str, before: str, expected: str) -> None:
    html = (f"<html><head>{head}<title>{title}</title></head><body>{before}"
            f"<div class=\"article\"><p>{BODY}</p></div></body></html>")
    assert read_html(html.encode("utf-8")).title == expected


# (case, head, body, published date)
DATES = [
    ("PubDate meta", '<meta name="PubDate" content="2016-12-21 10:30">', "", dt.date(2016, 12, 21)),
    ("article:published_time", '<meta property="article:published_time" content="2021-06-30T08:00:00+08:00">',
     "", dt.date(2021, 6, 30)),
    ("TRS firstpublishedtime", '<meta name="firstpublishedtime" content="2007-08-20-23:59:59">', "",
     dt.date(2007, 8, 20)),
    ("a page's generation time is not its date", '<meta name="others" content="页面生成时间 2023-10-23">',
     "", None),
    ("date line 发布时间：", "", "<div>发布时间：2016-12-21 来源：县人大</div>", dt.date(2016, 12, 21)),
    ("date line 2016年12月21日 under the headline", "", "<div>2016年12月21日 09:30</div>",
     dt.date(2016, 12, 21)),
    ("no date", "", "<div>来源：县人大常委会办公室</div>", None),
    ("an impossible date is none", "", "<div>发布时间：2016-13-45</div>", None),
]


@pytest.mark.parametrize("case,head,line,date", DATES, ids=[d[0] for d in DATES])
def test_published_date(case: str, head: str, line: str, date: dt.date | None) -> None:
    html = (f"<html><head>{head}<title>县人大召开会议_某某网</title></head><body>"
            f"<h1>县人大召开会议</h1>{line}<div class=\"article\"><p>{BODY}</p></div></body></html>")
    assert read_html(html.encode("utf-8")).published_date == date


def test_a_listed_date_before_the_headline_is_not_the_pages() -> None:
    html = ("<html><head><title>县人大召开会议</title></head><body>"
            "<ul><li>县人大常委会召开主任会议 2016-11-02</li></ul>"
            "<h1>县人大召开会议</h1><div>时间：2016-12-21</div>"
            f"<div class=\"article\"><p>{BODY}</p></div></body></html>")
    assert read_html(html.encode("utf-8")).published_date == dt.date(2016, 12, 21)


# (case, head, canonical address)
CANONICAL = [
    ("link rel=canonical", '<link rel="canonical" href="http://rd.example.gov.cn/a/t1.html">',
     "http://rd.example.gov.cn/a/t1.html"),
    ("og:url", '<meta property="og:url" content="https://rd.example.gov.cn/b.html">',
     "https://rd.example.gov.cn/b.html"),
    ("canonical before og:url", '<meta property="og:url" content="https://x.gov.cn/og.html">'
     '<link rel="canonical" href="https://x.gov.cn/canonical.html">', "https://x.gov.cn/canonical.html"),
    ("a relative canonical is no address", '<link rel="canonical" href="/a/t1.html">', None),
    ("none", "", None),
]


@pytest.mark.parametrize("case,head,url", CANONICAL, ids=[c[0] for c in CANONICAL])
def test_canonical_address(case: str, head: str, url: str | None) -> None:
    assert read_html(page(head=head).encode("utf-8")).source_url == url


# --- tables -------------------------------------------------------------------------------
def _table(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html)


# (case, table, lines)
TABLES = [
    ("label / value, two columns",
     "<table><tr><td>选区</td><td>186个</td></tr><tr><td>登记选民</td><td>72360人</td></tr>"
     "<tr><td>参选率</td><td>96.28%</td></tr></table>",
     ["选区：186个；", "登记选民：72360人；", "参选率：96.28%。"]),
    ("a label already ending in a colon",
     "<table><tr><td>选区：</td><td>186个</td></tr><tr><td>选民：</td><td>72360人</td></tr></table>",
     ["选区：186个；", "选民：72360人。"]),
    ("a header naming nothing (项目 | 数量) is dropped",
     "<table><tr><th>项目</th><th>数量</th></tr><tr><td>选区</td><td>186个</td></tr>"
     "<tr><td>登记选民</td><td>72360人</td></tr></table>",
     ["选区：186个；", "登记选民：72360人。"]),
    ("header row in <th>",
     "<table><tr><th>报告名称</th><th>报告机关</th></tr><tr><td>关于决算的报告</td><td>市财政局</td></tr>"
     "<tr><td>关于审计的报告</td><td>市审计局</td></tr></table>",
     ["报告名称：关于决算的报告；报告机关：市财政局；", "报告名称：关于审计的报告；报告机关：市审计局。"]),
    ("header row known by its digitless cells over digits (three columns, plain td)",
     "<table><tr><td>乡镇</td><td>选区</td><td>登记选民</td></tr><tr><td>蓉城镇</td><td>32个</td>"
     "<td>15230人</td></tr><tr><td>木镇</td><td>18个</td><td>8120人</td></tr></table>",
     ["乡镇：蓉城镇；选区：32个；登记选民：15230人；", "乡镇：木镇；选区：18个；登记选民：8120人。"]),
    ("bold first row is a header",
     "<table><tr><td><b>姓名</b></td><td><b>职务</b></td></tr><tr><td>王堃</td><td>主任</td></tr>"
     "<tr><td>李明</td><td>副主任</td></tr></table>",
     ["姓名：王堃；职务：主任；", "姓名：李明；职务：副主任。"]),
    ("a caption spanning the table opens it",
     "<table><tr><td colspan=\"2\">全县选举结果</td></tr><tr><td>选区</td><td>186个</td></tr>"
     "<tr><td>登记选民</td><td>72360人</td></tr></table>",
     ["全县选举结果", "选区：186个；", "登记选民：72360人。"]),
    ("a rowspan repeats its cell",
     "<table><tr><th>级别</th><th>项目</th><th>数量</th></tr>"
     "<tr><td rowspan=\"2\">县级</td><td>选区</td><td>186个</td></tr><tr><td>代表</td><td>195名</td></tr>"
     "</table>",
     ["级别：县级；项目：选区；数量：186个；", "级别：县级；项目：代表；数量：195名。"]),
    ("empty cells left out",
     "<table><tr><th>序号</th><th>报告名称</th><th>备注</th></tr><tr><td>1</td><td>关于决算的报告</td>"
     "<td></td></tr><tr><td>2</td><td>关于审计的报告</td><td>&nbsp;</td></tr></table>",
     ["序号：1；报告名称：关于决算的报告；", "序号：2；报告名称：关于审计的报告。"]),
    ("a section row across the table stands alone",
     "<table><tr><th>乡镇</th><th>选区</th><th>登记选民</th></tr><tr><td colspan=\"3\">一、城区</td></tr>"
     "<tr><td>蓉城镇</td><td>32个</td><td>15230人</td></tr></table>",
     ["一、城区", "乡镇：蓉城镇；选区：32个；登记选民：15230人。"]),
    ("a figure split by inline tags stays whole, a <br> sets cells' lines apart",
     "<table><tr><td>登记选民</td><td><b>72</b>360人</td></tr><tr><td>主任</td><td>王堃<br>李明</td></tr></table>",
     ["登记选民：72360人；", "主任：王堃 李明。"]),
]


@pytest.mark.parametrize("case,html,lines", TABLES, ids=[t[0] for t in TABLES])
def test_table_lines(case: str, html: str, lines: list[str]) -> None:
    table = _table(html)
    assert is_data_table(table)
    assert table_lines(table) == lines


# (case, table) that are layout, not data
LAYOUT = [
    ("holds a table", "<table><tr><td><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td>"
     "</tr></table></td><td>右栏</td></tr><tr><td>页脚</td><td>版权</td></tr></table>"),
    ("one row", "<table><tr><td>栏目</td><td>正文</td></tr></table>"),
    ("one column", "<table><tr><td>标题</td></tr><tr><td>正文</td></tr></table>"),
    ("a cell holds a paragraph", "<table><tr><td>正文</td><td>" + BODY * 2 + "</td></tr>"
     "<tr><td>日期</td><td>2016</td></tr></table>"),
    ("a menu grid of links", "<table><tr><td><a href=\"/\">首页</a></td><td><a href=\"/a\">人大要闻</a></td>"
     "</tr><tr><td><a href=\"/b\">监督工作</a></td><td><a href=\"/c\">代表工作</a></td></tr></table>"),
]


@pytest.mark.parametrize("case,html", LAYOUT, ids=[t[0] for t in LAYOUT])
def test_layout_tables_are_not_data(case: str, html: str) -> None:
    assert not is_data_table(_table(html))


def test_a_huge_rowspan_is_capped() -> None:
    table = _table("<table><tr><td rowspan=\"1000000\">县级</td><td>选区186个</td></tr>"
                   "<tr><td>代表195名</td></tr></table>")
    assert len(table_lines(table)) == 2


# (fixture, lines of its table)
FIXTURE_TABLES = [
    (GBK, ["选区：186个；", "登记选民：72360人；", "参加投票选民：69670人；", "参选率：96.28%；",
           "选出县人大代表：195名。"]),
    (UTF8, ["序号：2；报告名称：关于2020年市级决算的报告；报告机关：市财政局；",
            "序号：4；报告名称：关于检查《中华人民共和国安全生产法》实施情况的报告；报告机关：市人大常委会执法检查组。"]),
]


@pytest.mark.parametrize("name,lines", FIXTURE_TABLES)
def test_fixture_tables_become_lines(name: str, lines: list[str]) -> None:
    text_lines = fixture(name).text.split("\n")
    for line in lines:
        assert line in text_lines
    assert "|" not in fixture(name).text


def test_layout_tables_do_not_become_lines() -> None:
    text = fixture(NO_CHARSET).text
    assert "：" not in text.split("\n", 1)[1]  # no label：value line made of the layout's cells


# --- paragraph lines -----------------------------------------------------------------------
# (fixture, lines that stand alone: a <p>, a <br>-separated line)
LINES = [
    (UTF8, "列席会议的有："),
    (UTF8, "市人民政府副市长吴海波"),
    (UTF8, "市人民检察院检察长沈卫东"),
    (NO_CHARSET, "会议应到代表52名，实到代表49名，符合法定人数。"),
    (GBK, "各乡镇同步选举产生乡镇人大代表1104名。"),
]


@pytest.mark.parametrize("name,line", LINES)
def test_one_line_per_paragraph(name: str, line: str) -> None:
    assert line in fixture(name).text.split("\n")


@pytest.mark.parametrize("name", ARTICLES)
def test_no_blank_or_padded_lines(name: str) -> None:
    for line in fixture(name).text.split("\n"):
        assert line and line == line.strip() and "\u3000" not in line


# (fixture, lines that must come out of the normalizer as they went in)
NORMALIZED = [
    (GBK, ["我县县乡两级人大代表换届选举投票工作圆满完成", "选区：186个；", "参选率：96.28%；",
           "下一步，县人大常委会将做好代表资格审查工作。"]),
    (UTF8, ["市五届人大常委会举行第三十一次会议", "序号：2；报告名称：关于2020年市级决算的报告；报告机关：市财政局；",
            "市人民政府副市长吴海波"]),
    (BIG5, ["省人大常委会召开代表建议办理工作座谈会",  # Traditional converted by the normalizer
            "省十三届人大二次会议期间，代表共提出建议512件，交由83家承办单位办理，目前已全部办结，"
            "代表对办理工作表示满意和基本满意的占98.6%。"]),
    (NO_CHARSET, ["丁家桥镇第十八届人民代表大会第一次会议胜利召开", "会议应到代表52名，实到代表49名，符合法定人数。"]),
    (SHORT, ["县人大常委会开展代表联络站工作调研", "调研组要求进一步规范代表进站履职。"]),
]


@pytest.mark.parametrize("name,lines", NORMALIZED, ids=[n[0] for n in NORMALIZED])
def test_normalizer_keeps_the_lines(name: str, lines: list[str]) -> None:
    normalized = normalize(fixture(name).text).split("\n")
    for line in lines:
        assert line in normalized


# --- pages with no article, and bounds -----------------------------------------------------
TINY = page("<p>欢迎访问本站。</p>")
# (case, bytes, limits, what the reason must say)
BAD = [
    ("frameset", (FIXTURES / "frameset.html").read_bytes(), None,
     "HTML page with no article: a frameset"),
    ("login page", (FIXTURES / "login.html").read_bytes(), None, "HTML page with no article: a login form"),
    ("404 page with site chrome", (FIXTURES / "error_404.html").read_bytes(), None,
     "HTML page with no article: an error page (404)"),
    ("nginx 404", b"<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>"
     b"<hr><center>nginx</center></body></html>", None, "an error page (404)"),
    ("找不到页面 heading", page("<h2>对不起，找不到页面</h2>", title="提示").encode("utf-8"), None,
     "an error page (404)"),
    ("HTTP 500", page(title="500 Internal Server Error").encode("utf-8"), None, "an error page (500)"),
    ("tiny article", TINY.encode("utf-8"), None, "HTML page with no article: no article text found"),
    ("empty body", b"<html><head><title>x</title></head><body></body></html>", None,
     "no article text found"),
    ("PDF bytes", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", None, "not HTML: a PDF file"),
    ("DOCX bytes", b"PK\x03\x04\x14\x00\x06\x00", None, "not HTML: a ZIP archive"),
    ("PNG bytes", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "not HTML: a PNG image"),
    ("a gzip-compressed page", gzip.compress(page().encode("utf-8")), None, "not HTML: gzip"),
    ("binary with NUL bytes", b"<html>\x00\x01\x02\x00" * 20, None, "not HTML: binary data"),
    ("plain text", "本次换届选举，全县共划分选区186个。".encode("utf-8"), None, "not HTML: no HTML tag"),
    ("undecodable", b"<html><body><p>" + b"\x80\xff\xfe" * 30 + b"</p></body></html>", None,
     "not valid utf-8, gb18030"),
    ("empty file", b"", None, "empty file"),
    ("over the size limit", (FIXTURES / GBK).read_bytes(), Limits(max_bytes=1000), "over the limit"),
    ("over the time limit", (FIXTURES / GBK).read_bytes(), Limits(max_seconds=0), "took longer than"),
]


@pytest.mark.parametrize("case,data,limits,reason", BAD, ids=[b[0] for b in BAD])
def test_rejects(case: str, data: bytes, limits: Limits | None, reason: str) -> None:
    with pytest.raises(FormatError) as info:
        read_html(data, limits) if limits else read_html(data)
    assert reason in info.value.reason


# (case, page) that look like a bad page at a glance and are articles
NOT_BAD = [
    ("404 as a figure in the title", page(title="全县404个选区完成投票_某某网")),
    ("a login box beside a long article",
     page("<div class=\"side\">会员登录<form><input type=\"text\" name=\"u\">"
          f"<input type=\"password\" name=\"p\"></form></div><p>{BODY}</p><p>{BODY}</p>"
          f"<p>{BODY}</p>")),
    ("an article nested 300 elements deep (unclosed <font> tags)",
     page("<font>" * 300 + f"<p>{BODY}</p>")),
    ("a stray </html> after a TRS header include",
     "<html><head><title>县人大召开会议</title></head><body><div class=\"header\">首页</div></html>"
     f"<div class=\"article\"><p>{BODY}</p></div></body></html>"),
]


@pytest.mark.parametrize("case,html", NOT_BAD, ids=[n[0] for n in NOT_BAD])
def test_articles_that_look_bad_are_read(case: str, html: str) -> None:
    assert "登记选民72360人" in read_html(html.encode("utf-8")).text
