"""Layout repairs, one table of examples per rule (fixture strings written for these tests)."""

import pytest

from renda.normalize import detect_script, normalize
from renda.normalize import rules

# (damage, raw text, normalized text)
WHOLE_TEXT = [
    ("line broken mid-sentence with blank lines",
     "本届常委会坚持依法\n\n履职，圆满完成各项\n\n任务。\n\n第二段开始了。",
     "本届常委会坚持依法履职，圆满完成各项任务。\n第二段开始了。"),
    ("spaced-out characters and digits",
     "工作依 法 有 序 进 行 。 2022 年 5 月 6 日 ，全 镇 选民投票。",
     "工作依法有序进行。2022年5月6日，全镇选民投票。"),
    ("spaced number before a unit",
     "选举产生代表 186名，参选率 91.5%。",
     "选举产生代表186名，参选率91.5%。"),
    ("full-width digits and percent",
     "参选率９１．５％，满意率９８℅。",
     "参选率91.5%，满意率98%。"),
    ("CRLF, CR and ideographic indentation",
     "\u3000\u3000第一段。\r\n\u3000\u3000第二段。\r第三段。",
     "第一段。\n第二段。\n第三段。"),
    ("vertical caption",
     "正文结束。\n\n县\n人\n大\n代\n表\n视\n察\n\n另一行。",
     "正文结束。\n县人大代表视察\n另一行。"),
    ("caption printed twice on one line",
     "正文结束。\n\n代表集中学习培训代表集中学习培训\n\n下一段。",
     "正文结束。\n代表集中学习培训\n下一段。"),
    ("caption printed three times",
     "正文结束。\n\n样例县人大常委会样例县人大常委会样例县人大常委会\n\n下一段。",
     "正文结束。\n样例县人大常委会\n下一段。"),
    ("headings kept apart after a finished sentence",
     "工作完成。\n\n砥砺前行\n\n在新时代展现新作为\n\n继往开来\n\n谱写新篇章",
     "工作完成。\n砥砺前行\n在新时代展现新作为\n继往开来\n谱写新篇章"),
    ("numbered heading in a one-paragraph-per-line text",
     "一、过去一年工作回顾\n2022年，全区经济平稳运行。\n二、今年工作安排\n今年要做好三件事。",
     "一、过去一年工作回顾\n2022年，全区经济平稳运行。\n二、今年工作安排\n今年要做好三件事。"),
    ("title and dateline stay apart from the salutation",
     "某县人大常委会工作报告\n\n——2022年1月5日在某县第十八届人民代表大会\n第一次会议上\n\n各位代表：\n\n现在，我代表县人大常委会\n\n向大会报告工作，请予审议，并\n\n请县政协委员和列席会议的\n\n同志提出意见。",
     "某县人大常委会工作报告\n——2022年1月5日在某县第十八届人民代表大会第一次会议上\n各位代表：\n"
     "现在，我代表县人大常委会向大会报告工作，请予审议，并请县政协委员和列席会议的同志提出意见。"),
    ("a broken sentence right under a heading is joined",
     "上一段结束。\n\n一、依法开展监督\n\n全年共听取和审议县政府专项工作\n\n报告8项，开展执法检查3次。",
     "上一段结束。\n一、依法开展监督\n全年共听取和审议县政府专项工作报告8项，开展执法检查3次。"),
    ("title on the first line of a wrapped text",
     "某县人大常委会2023年上半年工作总结\n\n今年以来，县人大常委会依法\n\n履行各项职权，工作进展顺\n\n利。现将情况总结如下。",
     "某县人大常委会2023年上半年工作总结\n今年以来，县人大常委会依法履行各项职权，工作进展顺利。现将情况总结如下。"),
    ("headline over a paragraph written on one line",
     "某区选举工作简报\n第3期\n全区选民登记工作结束\n按照统一安排，全区选民登记工作自9月1日开始，至9月30日结束，历时30天，登记选民12万人。\n一、基本情况\n全区共划分选区\n\n90个。",
     "某区选举工作简报\n第3期\n全区选民登记工作结束\n按照统一安排，全区选民登记工作自9月1日开始，至9月30日结束，历时30天，登记选民12万人。\n一、基本情况\n全区共划分选区90个。"),
    ("a spaced-out line with numbers",
     "群 众 留 言 2 3 0 余 条 ， 已 办 结 。",
     "群众留言230余条，已办结。"),
    ("decoration lines dropped",
     "正文结束。\n\n•\n\n编者按",
     "正文结束。\n编者按"),
    ("number broken across lines",
     "本届常委会于20\n\n21年召开会议，听取报告十\n\n二项。",
     "本届常委会于2021年召开会议，听取报告十二项。"),
    ("Latin words keep their space", "推进 PM 2.5 治理。", "推进 PM 2.5治理。"),
]


@pytest.mark.parametrize("name,raw,expected", WHOLE_TEXT, ids=[w[0] for w in WHOLE_TEXT])
def test_normalize(name: str, raw: str, expected: str) -> None:
    assert normalize(raw) == expected


# (name, raw, normalized) for Traditional script and inserted pinyin
SCRIPT = [
    ("traditional to simplified", "鄉鎮人民代表大會選舉產生代表。", "乡镇人民代表大会选举产生代表。"),
    ("pinyin with tone marks removed", "鄉(xiāng)鎮人大代表選舉。", "乡镇人大代表选举。"),
    ("pinyin in full-width brackets", "選舉（xuǎn jǔ）工作順利完成。", "选举工作顺利完成。"),
    ("upper-case abbreviation kept", "国内生产总值(GDP)增长。", "国内生产总值(GDP)增长。"),
]


@pytest.mark.parametrize("name,raw,expected", SCRIPT, ids=[s[0] for s in SCRIPT])
def test_script(name: str, raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize("text,script", [
    ("人民代表大会常务委员会依法履职", "hans"),
    ("人民代表大會常務委員會依法履職", "hant"),
    ("2022", "hans"),
])
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_simplified_text_is_not_rewritten() -> None:
    # Words OpenCC's t2s would touch in Simplified text must survive (no blind conversion).
    text = "县人大常委会听取审议了关于乡村振兴的报告。"
    assert normalize(text) == text


def test_is_hard_wrapped() -> None:
    wrapped = [rules.Line(s) for s in ("依法履", "职，完成", "任务。")]
    flowing = [rules.Line(s) for s in ("第一段。", "第二段。", "标题")]
    assert rules.is_hard_wrapped(wrapped)
    assert not rules.is_hard_wrapped(flowing)
