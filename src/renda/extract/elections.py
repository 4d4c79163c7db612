"""Extractor for the `elections` table: one row per body of deputies elected in one election.

Three layers: quantities with their labels (the words written next to each number), the
fragments each sentence gives (rules 1-8, here; the level words and the 市 of three levels in
:mod:`renda.extract.elections_levels`, the count beside deputies in
:mod:`renda.extract.elections_counts`), and the events those fragments are assembled into,
one row per (election, level) of a passage (rules 9-10,
:mod:`renda.extract.elections_events`).  What a sentence gives:

1. A sentence is about an election when it names deputies of a congress with a level
   (县人大代表, 市四届人大代表, 第十七届县人大代表, 出席市第四届人民代表大会代表, 全国人大代表,
   县(市、区)人大代表; 市人代表 is a typo of 市人大代表) and holds an election verb (选举产生,
   选出, 当选, 补选, 投票, ...; not 选举单位, 投票测评, 当选代表以来).  Deputies of several
   levels counted together (县乡两级人大代表, 各级人大代表), candidates (人大代表候选人),
   composition statements (当选的186名县人大代表中, 妇女代表占27.5%), deputies in office
   (全县共有县人大代表198名), deputies leaving office (12名县人大代表辞去代表职务) and credentials ended or reviewed (终止…代表资格,
   代表资格审查委员会) give no count; nor does a level named with no
   figure at all (a caption such as 选民投票选举县十七届人大代表).
   a. Credentials confirmed (确认…县人大代表186名代表资格有效) restate the election: the
      count is the deputies elected (the events layer merges it with the report of the vote).
   b. A sentence naming no deputies is still read for the figures of a vote (选民, 选区,
      参选率, 投票率: 此次全乡共登记选民7508名，参加投票6768人), unless it speaks of another
      body's election (村委会, 居委会, 政协, 村代表) or a vote that is no election (评选,
      网络投票, 测评: a poll's turnout); its figures naming no level form a joint fragment
      (rule 9).
2. Each level named gives one row; the count written beside it (代表186名, 186名…代表) is
   ``deputies_elected``; 县十七届 / 第十七届 beside it is ``congress_term``.
   a. 市 (and 市级) is read with the place before it: a division the gazetteer knows (孝义市
      and 宁乡市 are county-level, 长沙市 a prefecture, 北京市 province-level); a bare 市 (or
      the report's own name) in the report of a county-level city or of one of its
      townships (``ctx.county`` ends in 市, own level county or township) is that city's
      own congress, so county level.  A place name ending in a level character (宁乡市)
      is not a list of levels; 苏木镇 (Inner Mongolia)
      is one township level, not 苏木 + 镇.  Between a count and its level may stand 出席
      and a place name (394名出席青海省第十一届…代表, 3名孝昌县第七届…代表), not words of
      the deputies' make-up or of the vote (12名妇女…, 15万名选民投票选举…).
   b. When the elected are named before their body (补选张某、李某2人为市人大代表), the
      count before 为 is the count, if an election verb of the same clause governs the
      names (not a share: 当选的代表中，有12人为县人大代表) or the count is said elected
      (15人当选为县人大代表); names with no count (补选张某为市人大代表) count one each.
   c. Deputies written as the subject with the count after the verb (全国人大代表由35个选举
      单位选举产生，共2985名); a count for each followed by a total (各补选县人大代表1名，
      共计5名; 各补选1名县人大代表，共计5名) is the total; seats written after the deputies
      (县级人大代表应选3.6万名, 应依法选举产生) are
      planned unless a clause says they were filled (，实选3.6万名: that count, held).
   d. Deputies counted with no level (本次选举共选出代表45名, 对出缺的9名人大代表进行了
      补选), never another body's representatives (村民代表, 党代会代表), give a row of no
      level yet: the events layer gives it the level the passage names (rule 9a); not a
      count of an earlier election (上届选举时…选出代表203名).
   e. Levels listed before one 人大代表 and as many counts after it (选举产生县、乡镇人大代表
      分别为186名、512名; 县乡两级人大代表分别选出214名和786名) give a body per level with
      its count, in order; one count of the levels together (县乡两级人大代表698名) none.
3. Method: deputies of a city, province or the nation are elected by a congress (Electoral
   Law art. 2), so ``indirect``, except the deputies of a city with no counties (东莞, 中山:
   voters elect them); county and township deputies are elected by voters (``direct``)
   unless the sentence names a congress session as the electing body (a standing
   committee's meeting only decides a county by-election).
4. Status ``planned`` when the text before the count says 将选举产生, 将差额选举产生, 将通过
   投票选举产生, 将于…会议上选举, 拟, 应选, 应依法选举, ... unless the sentence says the seats were
   filled (应选180名，实际选出180名).
   a. Deputies written as the subject before their verb (出席市人民代表大会的代表52名，将于
      1月召开的…会议上选举产生): the words between them and the verb are read too, for a
      future (将, 拟, 计划, not 将近) and for a session electing them (indirect).
   b. 应选 (the seats) with a later clause that says they were filled, with no 将/拟 in it
      (应选代表：265名；选出县人大代表：265名), is held.
   c. A speech (在…会议上的讲话 in its head, 同志们： addressed) gives no planned row: the
      seats a speaker says will be filled are a plan, not a fact of an election.
5. Figures of the sentence fill the other columns by the words written next to them:
   选区 / 选举区 N → constituencies, 登记选民 N / 共有选民 N → voters_registered, N名选民(…)
   参加投票 / 选民N人参加投票 / 选民投票 → voters_participating (a figure followed by the vote
   is never the registered voters), 参选率 / 投票率 / 参选比例 / 占登记选民的 N% → turnout_pct,
   平均得票率 → avg_vote_share_pct; between a label and its figure may stand a total, a
   copula and a particle (选区数为, 登记选民共计, 参选率达到了); voters are counted in 名, 人
   or 位.  Voter figures belong to the direct rows only; a figure introduced
   by a level (县人大代表的平均得票率) or naming one in its words (参加县人大代表选举投票的
   选民) belongs to that level's row only (to the levels listed, in order, for 县乡人大代表
   平均得票率分别为…); in a sentence of ；-clauses each naming a level, a clause's figures
   belong to its level (but a figure after every body and its count, whose label no earlier
   clause writes, is every row's: 县人大代表186名；乡镇人大代表512名，参选率85.5%), and the figures of a lead-in written before every level (全县登记
   选民N人，…：县…；乡镇…) belong to all rows of the sentence unless a clause states its own;
   分别 spreads a list of figures over the rows in order.  Composition shares (妇女代表占
   27.5%) sit next to none of these words and are never read; nor are the end of a range
   (2- 3名), a number after page chrome (阅读次数:506), a target (确保参选率达到90%以上), a
   figure of another body's vote in its clause (村委会选举参选率92%), a figure or count of
   an earlier election (上届 before it in its ；-clause or in its comma clause: 上届…参选率
   96.3%) or constituencies where the vote was put off (2个选区推迟选举, 选区2个推迟选举).
   Numbers after an ASCII comma between clauses and thousands set off by a space (2 985名)
   are read by renda.numbers.
   a. Table-like figures written after a label and a colon (选区：186个；登记选民：72.36万人；
      参加投票：69.67万人；参选率：96.28%) are read with the label as their words.
   b. A level in the label of a constituencies figure (县人大代表选区98个, 176个县人大代表
      选区, 130个县代表选区) makes the figure that level's, with a row of its own when the
      sentence names no such deputies; such figures are read first, so that a total of the
      levels (全镇共设立选区80个，其中…) finds their rows filled and goes nowhere.
6. The date is the one the sentence states as the day of the vote (投票选举工作于10月15日
   结束, as in rule 6a), else the last date written before the first count (else the first of
   the sentence), never the date of page chrome (发布时间：2021-11-23); a month and day with no
   year take the report year.  ``scope`` is set when the totals are for an area above the
   report's own body (全省 in a county report; 全国人民代表大会 names no area).
   a. A sentence with no date of its own takes the day of the vote stated earlier in its
      section (换届选举于11月18日顺利完成。全镇划分选区…; 投票选举于11月29日在全区集中进行;
      11月16日是…选举日): held direct rows of the report's own area only, not totals over a
      term, and a by-election (补选) only from a statement on a by-election (and the
      reverse).  A statement holds until the next heading of the same or a higher rank (一、
      > （一） > 1. > （1）); one written before any heading holds for the whole document
      (:class:`renda.extract.elections_events.VoteDays`).
7. Congress term from context: when the sentence speaks of 新一届 deputies of a level and
   gives no term, the term is that of the level's congress whose first session is named in
   the same paragraph (县十七届人大一次会议: the congress the new deputies form).  Only that
   rule is used: other rows without a term keep ``None``.
8. Period: ``multi_year`` for totals over a term (五年来, 本届以来); ``annual`` for a dated
   election or one in an annual report; ``unspecified`` otherwise.

Elections of officials (选举产生主任、副主任, 县长) are not rows: only deputies are.  A
government work report yields no rows (its elections are not the congress's own account).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from renda.extract.base import DocContext, Sentence, fact_row, sentences
from renda.extract.elections_counts import COUNT_UNITS as _COUNT_UNITS
from renda.extract.elections_counts import count_after as _count_after
from renda.extract.elections_counts import count_after_verb as _count_after_verb
from renda.extract.elections_counts import count_before as _count_before
from renda.extract.elections_counts import filled_after as _filled_after
from renda.extract.elections_counts import seats_after as _seats_after
from renda.extract.elections_counts import total_after as _total_after
from renda.extract.elections_events import VoteDays, assemble, states_vote_day
from renda.extract.elections_levels import LEVEL_RANK as _LEVEL_RANK
from renda.extract.elections_levels import LEVEL_WORDS, SCOPE_WORDS
from renda.extract.elections_levels import LEVELS_RE as _LEVELS_RE
from renda.extract.elections_levels import NUM_CN as _NUM_CN
from renda.extract.elections_levels import VOCAB as _VOCAB
from renda.extract.elections_levels import alternation as _alternation
from renda.extract.elections_levels import city_level as _city_level
from renda.extract.elections_levels import division_levels as _division_levels
from renda.extract.elections_levels import own_level as _own_level
from renda.numbers import PartialDate, Quantity, find_dates, find_quantities, parse_chinese_numeral

TABLE = "elections"

# Doc types whose undated events are the report year's (period 'annual').
_ANNUAL_DOC_TYPES = frozenset({"congress_report", "election_report", "oversight_report",
                               "deputy_work_report"})


# Deputies of a congress: 人大代表, 人民代表大会代表, 人民代表大会的代表.
_RE_DEPUTIES = re.compile(r"(?:人大|人民代表大会|(?<=[县市区镇乡])人)的?代表")  # 市人代表: a typo

# The level (and term) written right before 人大代表, read on the text before it.
_RE_LEVEL_BEFORE = re.compile(
    r"""
    (?:
        (?P<lvl>""" + _LEVELS_RE + r""")            # 县 / 市 / 乡镇 / 全国 ...
        (?:第?(?P<term>[""" + _NUM_CN + r"""]+)届)?  # optional term after it: 县十七届, 市第四届
      |
        (?<![新上下本历])第?                          # not 新一届 / 上一届 (no number)
        (?P<term2>[""" + _NUM_CN + r"""]+)届          # term first: 第十七届县, 十七届县
        (?P<lvl2>""" + _LEVELS_RE + r""")
    )
    $                                                # right before 人大代表
    """,
    re.VERBOSE,
)

# A level word (or 、/和 and a level word) ending the text before a matched level: the level
# is the last of a list (省市县人大代表, 市、县人大代表), not one body; 全省/全县 before it is
# the area (全省县级人大代表, 全县乡镇人大代表), not a list.
_RE_LEVEL_LIST_TAIL = re.compile(r"(?:(?<!全)(?:" + _LEVELS_RE + r"))[、和及与]?$")
_RE_FALSE_FRIEND = re.compile("|".join(f"(?:{p})$" for p in _VOCAB["level_false_friends"]))
_RE_COMBINED = re.compile(r"(?:" + _alternation(_VOCAB["combined_level_words"]) + r")$")
_RE_NOT_A_BODY = re.compile(r"(?:" + _alternation(_VOCAB["not_a_body_after"]) + r")")
_RE_ELECTION_VERB = re.compile("|".join(f"(?:{p})" for p in _VOCAB["election_verbs"]))
_RE_INDIRECT = re.compile("|".join(f"(?:{p})" for p in _VOCAB["indirect_markers"]))
_RE_PLANNED = re.compile("|".join(f"(?:{p})" for p in _VOCAB["planned_markers"]))
_RE_RESTATEMENT = re.compile("|".join(f"(?:{p})" for p in _VOCAB["restatement_markers"]))
# Rule 1a: credentials confirmed (确认211名县人大代表的代表资格有效) restate an election held:
# the count is the deputies elected.  Credentials ended or refused are no election.
# An earlier election than the one reported (上届, 历次): its figures are not this one's.
# A comparison with one (比上届提高1.2个百分点, 与上届相比) is about this election.
_RE_EARLIER_VOTE = re.compile(r"(?<![比较与同])(?:上届|上一届|上次|历届|历次|以往|往届|上一次)"
                              r"(?!相比|同期)")

# Deputies in office (全县共有县人大代表198名, 现有): a stock, not an election's count.
_RE_STOCK_BEFORE = re.compile(r"(?:共有|现有|拥有|目前有|尚有)$")

# Deputies leaving office (辞去代表职务, 罢免, 去世): their count is not of deputies elected.
_RE_LEFT_OFFICE = re.compile("|".join(_VOCAB["left_office"]))
_RE_CONFIRMED = re.compile(r"确认[^。；;]*资格(?:全部|均)?有效")
_RE_NOT_CONFIRMED = re.compile(r"终止|停止|罢免|辞去|辞职|撤销|无效|暂停")
_RE_PLANNED_AFTER = re.compile("|".join(f"(?:{p})" for p in _VOCAB["planned_before_verb"]))
_RE_HELD = re.compile("|".join(f"(?:{p})" for p in _VOCAB["held_markers"]))
_RE_SCOPE = re.compile(r"(?:" + _alternation(list(SCOPE_WORDS)) + r")(?!人民代表大会|人大)")

# The first session of a level's congress named with its term, anywhere in a paragraph:
# 县十七届人大一次会议, 县第十七届人民代表大会第一次会议 (for the 新一届 rule: new deputies
# form the congress whose first session this is; 县十六届人大常委会 names the outgoing one).
_RE_CONGRESS_TERM = re.compile(
    r"""
    (?:
        (?P<lvl>""" + _LEVELS_RE + r""")第?(?P<term>[""" + _NUM_CN + r"""]+)届   # 县十七届
      | (?<![新上下本历])第?(?P<term2>[""" + _NUM_CN + r"""]+)届       # 十七届县 (not 新一届)
        (?P<lvl2>""" + _LEVELS_RE + r""")
    )
    (?:人大|人民代表大会)                                                      # 人大 / 人民代表大会
    第?一次(?:会议|全体会议)                                                   # 一次会议
    """,
    re.VERBOSE,
)

# Totals over several years (the row is then 'multi_year').
_RE_MULTI_YEAR = re.compile(r"五年来|过去五年|近五年|本届以来|本届任期|任期内|(?:19|20)\d{2}年以来")

# The words between a figure's label and the figure: a total (共, 合计), a copula or verb
# (为, 是, 达, 达到, 高达, 有, 计, 在) and an aspect particle (达到了), in that order.
_FILL = (r"(?:总数|人数|数量|数)?(?:共|共计|合计|总计|累计|总共)?"
         r"(?:为|是|达到|高达|达|有|计|在|已达|超过了?)?(?:了)?")
# Labels of a turnout: 参选率, 投票率, 参选比例 / 参选比率 (and 投票比例).
_TURNOUT = r"(?:参选率|投票率|(?:参选|投票)(?:比例|比率))"
# A constituency: 选区, in some summaries 选举区.
_CONSTITUENCY = r"选(?:举)?区"
_SUBSET_AFTER = r"(?!推迟|暂缓|延期|未|另行|重新)"  # 2个选区推迟选举: where no vote took place
_RE_SUBSET_AFTER = re.compile(r"\s*(?:推迟|暂缓|延期|未|另行|重新)")   # 选区2个推迟选举

# Figures beside words, in order. Each entry: (column, regex the text before the number
# must end with, regex the text after the number must start with, units accepted).
# The text before is cut at the previous comma, the text after at the next one.
_SLOTS: tuple[tuple[str, str | None, str | None, frozenset[str | None]], ...] = (
    # 参选率85.5% / 参选率分别为92%、95% / 参选率均在90%以上 (approximate) / 参选率达到了85.5%
    # 参加投票的选民占登记选民的93.5%
    ("turnout_pct", r"(?:" + _TURNOUT + r"|占(?:登记)?选民(?:总数|人数)?的?)"
     r"(?:分别|均)?" + _FILL + r"$", None, frozenset({"%"})),
    # 平均得票率达95.7%
    ("avg_vote_share_pct", r"(?:平均得票率|得票率平均)(?:分别|均)?" + _FILL + r"$", None, frozenset({"%"})),
    # 登记选民15.8万名 / 选民登记15.8万人 / 共有登记选民 / 登记的选民达到了7508位
    # 共有选民23889人, 全乡选民总数7508人 (the voters of the area: those registered)
    ("voters_registered",
     r"(?:登记(?:的)?选民|选民登记|(?:共有|现有)选民|(?<![票选的])选民(?:总数|人数))" + _FILL
     + r"$",
     r"^(?:的)?登记选民", frozenset({"名", "人", "位", None})),
    # 参加投票的选民15.59万名 / 参选选民 / 15.59万名选民参加投票
    ("voters_participating",
     r"(?:(?:参加|参与)了?(?:[^，,；;]{0,16}?选举)?投票|参选|投票(?=人数|选民))"  # 参加(…选举)投票
     r"(?:的)?(?:选民)?" + _FILL + r"$",
     # …了县级人大代表选举投票; 选民直接或以委托方式参加投票; 选民在80个投票点有序进行投票
     r"^(?:的)?选民(?:共同)?(?:[^，,；;。]{0,16}?(?:参加|参与|进行)了?)?"
     r"(?:投票|选举|[^，,；;]{0,16}?投票(?!站|点|箱))",
     frozenset({"名", "人", "位", None})),
    # 划分选区176个 / 176个选区 / 选区数为176个 / 选举区176个
    # 176个县人大代表选区 / 130个县代表选区 (the level named in the label: rule 5b); not
    # 2个选区推迟选举, 选区2个推迟选举 (constituencies where the vote did not take place: a subset)
    ("constituencies", _CONSTITUENCY + r"(?:划分|设立|设置|设)?" + _FILL + r"$",
     r"^(?:(?:" + _LEVELS_RE + r")(?:第?[" + _NUM_CN + r"]+届)?(?:人大|人民代表大会|人)?的?代表"
     r"|[县乡镇市区旗]级)?" + _CONSTITUENCY + _SUBSET_AFTER,
     frozenset({"个", None})),
)
_SLOT_RES = tuple(
    (col, re.compile(before) if before else None, re.compile(after) if after else None, units)
    for col, before, after, units in _SLOTS
)
_INT_COLUMNS = frozenset({"voters_registered", "voters_participating", "constituencies"})
# Voters named before their figure and the vote after it (选民15.59万人参加投票): those who
# voted; a figure followed by the vote is never the registered voters (共有选民N人参加投票).
_RE_VOTERS_NOUN = re.compile(r"选民" + _FILL + r"$")
_RE_VOTED_AFTER = re.compile(r"(?:参加|参与)了?(?:[^，,；;。]{0,16}?选举)?投票(?!站|点|箱)")

# A level named before a figure's keyword (县人大代表的平均得票率): the figure is that level's.
_RE_FIGURE_LEVEL = re.compile(r"(?P<lvl>" + _LEVELS_RE + r")(?:第?[" + _NUM_CN + r"]+届)?"
                              r"(?:人大|人民代表大会)?的?代表(?:选举)?的?$")

# A level named inside a figure's keyword: 参加县人大代表选举投票 (the voters of that level).
_RE_LEVEL_IN_KEYWORD = re.compile(r"(?P<lvl>" + _LEVELS_RE + r")(?:第?[" + _NUM_CN + r"]+届)?"
                                  r"(?:人大|人民代表大会)的?代表")

_RE_CUT_BEFORE = re.compile(r"[，,；;：:。]")  # a figure's words do not cross these

# Rule 5b: a level in the label of a constituencies figure, after it (176个县人大代表选区,
# 130个县代表选区) or before it (县人大代表选区98个, 市人代表选区: a typo of 人大).
_LABEL = (r"(?:(?P<lvl>" + _LEVELS_RE + r")(?:第?[" + _NUM_CN + r"]+届)?"
          r"(?:人大|人民代表大会|人)?的?代表(?:选举)?(?:的)?"
          r"|(?P<lvl_ji>[县乡镇市区旗]级))")  # 县级选区98个: a level word with 级 needs no 代表
_RE_LABEL_AFTER = re.compile(_LABEL + _CONSTITUENCY + _SUBSET_AFTER)
_RE_LABEL_BEFORE = re.compile(_LABEL + r"(?:共)?(?:划分|设立|设)?" + _CONSTITUENCY
                              + r"(?:划分|设立|设置|设)?" + _FILL + r"$")

# A figure that ends a range (2- 3名, 2至3名) is no count.
# Rule 2e: levels listed before one 人大代表 (县、乡镇 / 县乡两级 / 市、镇两级), not the area
# before a level (全县乡镇人大代表), and the words between the deputies and their counts.
_RE_LEVEL_LIST = re.compile(r"(?<![全各本该])(?P<list>(?:(?:" + _LEVELS_RE + r")[、和及与]?){2,4})"
                            r"(?:两级|三级|四级)?(?:新一届)?$")
_RE_LEVEL_WORD = re.compile(_LEVELS_RE)
# Seats named before the deputies (应选乡镇人大代表1050名), read with the clause after them.
_RE_SEATS_BEFORE = re.compile(r"应(?:依法|差额|等额)?选(?:举)?(?:产生)?(?:新一届)?"
                              r"(?:" + _LEVELS_RE + r")[^，,；;。]{0,8}$")
_RE_RUN_SEP = re.compile(r"[、和及与，,]")
_RE_BODY_SEP = re.compile(r"[、和及与]|以及")  # 县人大代表和乡镇人大代表 (bodies listed)
_RE_LIST_FILLER = re.compile(r"[，,]?(?:分别|各)(?:为|是|有|选出|选举产生|产生|当选)?了?"
                             r"|(?:共|共计)?(?=[0-9一二三四五六七八九十][^、和及与，,。；;]*[、和及与])")

# Rule 2d: deputies counted with no level: after an election verb (选出代表45名, 选举产生人大
# 代表45名) or before deputies governed by one in the clause (对出缺的9名人大代表进行了补选).
_BARE_VERB = r"(?:选出|选举产生|选举出|产生|当选|补选)"
_RE_BARE_VERB = re.compile(_BARE_VERB)
# Deputies of another kind than a congress's (村民代表, 党代会代表, 职工代表): no bare count.
_RE_OTHER_DEPUTIES = re.compile("|".join(_VOCAB["other_deputies"]))
_RE_BARE_BEFORE = re.compile(_BARE_VERB + r"(?:了)?(?:新一届)?(?:人大|人民代表大会)?代表"
                             r"(?:共|共计|为)?$")
_RE_BARE_AFTER = re.compile(r"(?:的)?(?:人大|人民代表大会)?代表(?!团|小组|候选人|资格|名额|联络|之家"
                            r"|建议|议案|中|里)")

# A target set for a vote (确保选民参选率达到90%以上, 力争…): read in a figure's words.
_RE_TARGET = re.compile("|".join(_VOCAB["target_words"]))

_RE_RANGE_BEFORE = re.compile(r"[0-9一二三四五六七八九十]\s*[-－—~～至到]\s*$")

# Rule 9: words of the figures of a vote; a sentence holding them is read even when it names
# no deputies (此次全乡共登记选民7508名，参加投票6768人，投票率90.14%), unless it is about
# an election of another body (村委会, 居委会, 政协, Hong Kong's 村代表).
_RE_FIGURE_WORDS = re.compile(r"选民|" + _CONSTITUENCY + "|" + _TURNOUT)
_RE_NOT_CONGRESS = re.compile("|".join(_VOCAB["other_bodies"] + _VOCAB["other_votes"]))
_RE_OTHER_VOTE = re.compile(r"(?:" + "|".join(_VOCAB["other_bodies"]) + r")[^，,；;。]{0,4}?"
                            r"(?:选举|换届|" + _TURNOUT + r")")

# Prefecture-level cities with no counties (东莞, 中山): voters elect their deputies (rule 3).
_CITIES_WITHOUT_COUNTIES = frozenset(_VOCAB["cities_without_counties"])
_RE_CITY_WITHOUT_COUNTIES = re.compile(_alternation([c[:-1] for c in _CITIES_WITHOUT_COUNTIES])
                                       + r"市")

# Page chrome before a number (阅读次数:506): never a figure.
_RE_CHROME_BEFORE = re.compile(r"(?:" + _alternation(_VOCAB["chrome_before_number"])
                               + r")(?:次数|数)?\s*[:：]?\s*$")
# Rule 4c: a speech (在…会议上的讲话, 同志们：) announces plans, not facts: its seats to fill
# give no row (what it recounts of an election held does).
_SPEECH_HEAD = 200
_RE_SPEECH = re.compile("|".join(_VOCAB["speech_markers"]))
_RE_ADDRESS = re.compile(r"同志们[：:，,！!]")
_RE_CHROME_DATE = re.compile(r"(?:" + "|".join(_VOCAB["chrome_before_date"]) + r")\s*[:：]?\s*$")
_RE_SCHEDULED = re.compile("|".join(f"(?:{p})" for p in _VOCAB["scheduled_markers"]))
_RE_DONE = re.compile(r"已|完成|顺利|圆满|结束|成功|选出|当选|了")  # the vote said to be over


_RE_CLAUSE_CUT = re.compile(r"[，,；;：:]")


@dataclass
class _Body:
    """Deputies of one level named in a sentence."""

    level: str
    start: int                      # offset of the deputies' words in the sentence
    end: int                        # end of those words, or of the count written after them
    term: int | None = None
    count: Quantity | None = None
    new_term: bool = False          # 新一届 was written before it
    seats: bool = False             # the count is of seats to fill (县人大代表应选200名)


@dataclass
class _Row:
    level: str
    method: str
    status: str
    start: int
    end: int = 0                    # end of its counted body (and count) in the sentence
    term: int | None = None
    new_term: bool = False
    values: dict[str, float | int] = field(default_factory=dict)
    approximate: bool = False
    bare: bool = False              # deputies counted with no level (rule 2d)
    listed: set[str] = field(default_factory=set)  # joint columns given twice (rule 9)


def extract(text: str, ctx: DocContext) -> list[dict[str, Any]]:
    """Election rows of a normalized text (see the module docstring for the rules)."""
    if ctx.doc_type == "government_report":
        return []
    fragments: list[dict[str, Any]] = []
    vote_days = VoteDays()
    scheduled: set[int] = set()
    named: dict[int, set[str]] = {}
    direct_city = ctx.city in _CITIES_WITHOUT_COUNTIES
    for index, sentence in enumerate(sentences(text)):
        vote_days.enter(text, sentence)
        s = sentence.text
        about_deputies = bool(_RE_DEPUTIES.search(s) and _RE_ELECTION_VERB.search(s))
        about_voters = bool(_RE_FIGURE_WORDS.search(s)) and not _RE_NOT_CONGRESS.search(s)
        if _RE_SCHEDULED.search(s):
            scheduled.add(index)
        about_bare = "代表" in s and _RE_BARE_VERB.search(s) is not None \
            and not _RE_NOT_CONGRESS.search(s)
        if about_deputies or about_voters or about_bare:
            found, named[index] = _rows_of_sentence(text, sentence, ctx, about_deputies,
                                                    direct_city)
            for row in found:
                if row["level"] is not None:
                    vote_days.date_row(row, s)
                row["_sentence"] = index
            fragments.extend(found)
        vote_days.read(s, ctx)
    rows = assemble(text, fragments, ctx, scheduled, named)
    if _RE_SPEECH.search(text[:_SPEECH_HEAD]) or _RE_ADDRESS.search(text):
        rows = [r for r in rows if r["status"] != "planned"]  # a speaker's plans (rule 4c)
    return rows


def _rows_of_sentence(text: str, sentence: Sentence, ctx: DocContext, about_deputies: bool,
                      direct_city: bool) -> tuple[list[dict[str, Any]], set[str]]:
    """The fragments of one sentence: a row per level named (rules 1-5), and a joint row
    (level None) holding the figures that name no level (rule 9); and the levels whose
    deputies the sentence names, with a figure or not (for rule 9a)."""
    s = sentence.text
    quantities = [q for q in find_quantities(s)
                  if not _RE_RANGE_BEFORE.search(s, 0, q.start)
                  and not _RE_CHROME_BEFORE.search(s, max(0, q.start - 8), q.start)]
    bodies = _bodies(s, quantities, ctx) if about_deputies else []
    # One row per (level, method, status); a level named twice (县人大代表186名 … 县人大代表的
    # 平均得票率) is one body.
    by_key: dict[tuple[str, str, str], _Row] = {}
    for body in bodies:
        before = s[:body.start]
        verb_after = _verb_after_subject(s, body)
        elected_by_voters = body.level == "city" and (
            direct_city or _RE_CITY_WITHOUT_COUNTIES.search(s, max(0, body.start - 4), body.start + 1)
            is not None)
        method = "indirect" if ((_LEVEL_RANK[body.level] >= _LEVEL_RANK["city"]
                                 and not elected_by_voters)
                                or _RE_INDIRECT.search(before)
                                or _RE_INDIRECT.search(verb_after)) else "direct"
        planned = body.seats or ((_RE_PLANNED.search(before) is not None
                                  or _RE_PLANNED_AFTER.search(verb_after) is not None)
                                 and not _RE_HELD.search(s))
        status = "planned" if planned else "held"
        key = (body.level, method, status)
        row = by_key.get(key)
        if row is None:
            row = by_key[key] = _Row(body.level, method, status, body.start)
        if body.count is not None or not row.end:
            row.end = max(row.end, body.end)  # not 县人大代表的平均得票率 named after
        if body.term is not None:
            row.term = body.term
        row.new_term = row.new_term or body.new_term
        if body.count is not None and "deputies_elected" not in row.values:
            row.values["deputies_elected"] = int(body.count.value)
            row.approximate = row.approximate or body.count.approximate
    named = {b.level for b in bodies}
    ordered = sorted(by_key.values(), key=lambda r: r.start)
    if not _RE_OTHER_DEPUTIES.search(s):
        if not ordered:
            ordered = _bare_rows(s, quantities)
        elif len(ordered) == 1 and "deputies_elected" not in ordered[0].values:
            # one level named with no count: 第十四届全国人大代表选举工作完成，选出代表2977名
            bare = _bare_rows(s, quantities)
            if bare and bare[0].start > ordered[0].start:
                ordered[0].values.update(bare[0].values)
                ordered[0].approximate = ordered[0].approximate or bare[0].approximate
    if not ordered:  # figures of no body: a joint row, and rows of the levels labels name
        ordered = [_Row("", "direct", "held", 0)]
    _fill_figures(s, quantities, ordered, ctx)
    _share_joint(ordered, s.lstrip().startswith("其中"))
    ordered = sorted((r for r in ordered if r.values),  # a row needs a figure
                     key=lambda r: r.start)
    if not ordered:
        return [], named

    date = _date_of(s, ordered[0].start, ctx)
    scope = _scope_of(s, ctx)
    period = _period_of(s, date, ctx)
    out: list[dict[str, Any]] = []
    by_election = "补选" in s
    for row in ordered:
        term = row.term
        if term is None and row.new_term:
            term = _term_from_paragraph(text, sentence, row.level)
        out.append(fact_row(
            TABLE, ctx, sentence, period,
            {"level": row.level or None, "method": row.method, "status": row.status},
            scope=scope,
            election_date=date.iso if date else None,
            date_precision=date.precision if date else None,
            congress_term=term,
            constituencies=row.values.get("constituencies"),
            voters_registered=row.values.get("voters_registered"),
            voters_participating=row.values.get("voters_participating"),
            turnout_pct=row.values.get("turnout_pct"),
            deputies_elected=row.values.get("deputies_elected"),
            avg_vote_share_pct=row.values.get("avg_vote_share_pct"),
            approximate=row.approximate,
            _basis=_basis(row), _by_election=by_election,
            _done=_RE_DONE.search(s) is not None, _bare=row.bare,
        ))
    return out, named


def _bare_rows(s: str, quantities: list[Quantity]) -> list[_Row]:
    """Rule 2d: deputies counted with no level, governed by an election verb (本次选举共选出
    代表45名, 对出缺的9名人大代表进行了补选): a row of no level yet, which takes the level
    of the deputies the passage names (rule 9a)."""
    for q in quantities:
        if q.unit not in _COUNT_UNITS:
            continue
        clause = _comma_clause(s, q.start)
        if "中" in s[q.end:q.end + 8] or _RE_RESTATEMENT.search(clause) \
                or clause.lstrip().startswith("其中"):
            continue  # composition: 当选代表中…, 其中新当选代表142名
        if _earlier_vote(s, q.start):
            continue  # 上届选举时…选出代表203名: an earlier election's count
        counted = _RE_BARE_BEFORE.search(s, max(0, q.start - 24), q.start)
        if counted is None and _RE_BARE_AFTER.match(s, q.end) \
                and _RE_BARE_VERB.search(clause):
            counted = _RE_BARE_AFTER.match(s, q.end)
        if counted is None:
            continue
        status = "planned" if _RE_PLANNED.search(s, 0, q.start) and not _RE_HELD.search(s) \
            else "held"
        row = _Row("", "direct", status, q.start, bare=True)
        row.values["deputies_elected"] = int(q.value)
        row.approximate = q.approximate
        return [row]
    return []


def _share_joint(rows: list[_Row], part: bool) -> None:
    """Rule 9: in a sentence naming no deputies, the figures of no level go to the direct rows
    its labels named (全镇登记选民1.2万人，划分县人大代表选区8个、镇人大代表选区22个), not
    a kind of figure those rows state for themselves (全镇共设立选区30个，其中县人大代表选区
    8个…: a total of the levels); with no such rows they stay joint (rule 9c).  A kind of
    figure given twice with different values (甲镇登记选民1.2万人，乙镇登记选民0.8万人) is
    of several areas, not joint; so are the figures of a sentence opening with 其中 (a part
    of the whole just reported: 其中，城关镇登记选民1.2万人)."""
    joint = next((r for r in rows if not r.level and not r.bare), None)
    leveled = [r for r in rows if r.level]
    if joint is None:
        return
    if part:
        joint.values.clear()
    for column in joint.listed:  # figures of several areas, none the whole's
        joint.values.pop(column, None)
    if not leveled:
        return
    own = {c for r in leveled for c in r.values}
    for column, value in list(joint.values.items()):
        if column not in own:
            for r in leveled:
                if r.method == "direct":
                    r.values[column] = value
                    r.approximate = r.approximate or joint.approximate
    joint.values.clear()


def _basis(row: _Row) -> str:
    """What a fragment says of the vote (rule 9): ``planned`` (seats still to fill), ``voted``
    (deputies elected, voters who voted, a turnout), or ``neutral`` (constituencies and
    registered voters only, true of a vote held or to come)."""
    if row.status == "planned":
        return "planned"
    if any(c in row.values for c in ("deputies_elected", "voters_participating", "turnout_pct",
                                     "avg_vote_share_pct")):
        return "voted"
    return "neutral"


def _bodies(s: str, quantities: list[Quantity], ctx: DocContext) -> list[_Body]:
    """The deputies of one level named in the sentence, in order."""
    bodies: list[_Body] = []
    for m in _RE_DEPUTIES.finditer(s):
        after = s[m.end():]
        clause = _comma_clause(s, m.start())
        confirmed = _RE_CONFIRMED.search(clause) is not None \
            and not _RE_NOT_CONFIRMED.search(clause)
        if (_RE_NOT_A_BODY.match(after) and not (confirmed and after.startswith("资格有效"))) \
                or after.startswith(("中", "里")):
            continue  # candidates, delegations, ...; 当选的N名代表中 (composition)
        if _restates(s, m.start()) and not confirmed:
            continue  # 代表资格终止, 资格审查委员会: no election reported
        listed_bodies = _listed_bodies(s, m, quantities, ctx)
        if listed_bodies:
            bodies.extend(listed_bodies)  # 县、乡镇人大代表分别为186名、512名
            continue
        before = s[max(0, m.start() - 16):m.start()]
        lm = _RE_LEVEL_BEFORE.search(before)
        if lm is None:
            continue
        word = lm.group("lvl") or lm.group("lvl2")
        head = before[:lm.start()]
        if _RE_FALSE_FRIEND.search(before[:lm.start() + len(word)] if lm.group("lvl") else before):
            continue  # 选区人大代表, 社区: not a level
        listed = _RE_LEVEL_LIST_TAIL.search(head)
        if listed and word == "全国" and not listed.group().endswith(("、", "和", "及", "与")):
            listed = None  # 港区全国人大代表: 全国 is listed with a separator (省、全国)
        if _RE_COMBINED.search(before) or (listed and not _division_levels(head, word)):
            continue  # 县乡两级人大代表, 省市县人大代表, 市、县人大代表 (not 宁乡市: a place)
        level = LEVEL_WORDS[word]
        if word in ("市", "市级") and lm.group("lvl"):
            level = _city_level(head, ctx)   # 浏阳市 / 长沙市 / 市 in a county-level city
        term_s = lm.group("term") or lm.group("term2")
        term = parse_chinese_numeral(term_s) if term_s else None
        seats = _seats_after(s, m.end(), quantities)
        count = seats[0] if seats else _count_after(s, m.end(), quantities)
        if count is not None and not seats and _RE_SEATS_BEFORE.search(s, 0, m.start()):
            count = _filled_after(s, count, quantities) or count  # 应选…1050名，实选1048名
        body_start = m.start() - (len(before) - lm.start())
        if count is None:
            count = _count_before(s, body_start, quantities)
            if count is not None and s[m.end():].startswith(("中", "里")):
                count = None
            if count is not None:  # 各补选1名县人大代表，共计5名: the total
                count = _total_after(s, m.end(), count, quantities)
        if count is None:
            count = _count_after_verb(s, m.end(), quantities)
        if count is not None and s[count.end:].lstrip().startswith(("中", "里")):
            continue  # 县人大代表186名中, 妇女代表51名
        if count is not None and _RE_LEFT_OFFICE.search(_comma_clause(s, count.start)):
            count = None  # 12名县人大代表因工作调动辞去代表职务: deputies leaving, not elected
        if count is not None and _RE_STOCK_BEFORE.search(s, max(0, body_start - 4), body_start):
            count = None  # 全县共有县人大代表198名: deputies in office
        if count is not None and _earlier_vote(s, count.start):
            count = None  # 上届选出县人大代表200名: an earlier election's count
        prev = bodies[-1] if bodies else None
        if prev is not None and prev.count is None \
                and _RE_BODY_SEP.fullmatch(s[prev.end:body_start]):
            # bodies listed, then their counts: 县人大代表和乡镇人大代表分别为186名、512名
            # (each its own), 县人大代表、乡镇人大代表共计698名 (one total: none's)
            run = _count_run(s, m.end(), quantities, 2)
            if run is not None and "分别" in s[m.end():run[0].start]:
                prev.count, count = run
            elif count is not None and count.start >= m.end():
                count = None
        bodies.append(_Body(
            level=level, start=body_start,
            end=count.end if count is not None and count.start >= m.end() else m.end(),
            term=int(term) if isinstance(term, (int, float)) else None,
            count=count, new_term="新一届" in s[:m.start()],
            seats=bool(seats and seats[1]),
        ))
    return bodies


def _restates(s: str, pos: int) -> bool:
    """Does the comma clause of the deputies at ``pos`` restate an election (代表资格,
    资格审查) rather than report one?  Not when an election verb stands between an earlier
    marker and the deputies: a report's title run into its text (…代表资格的审查报告县人大
    常委会…补选李某为市人大代表) reports the by-election after it."""
    start = max((c.end() for c in _RE_CLAUSE_CUT.finditer(s, 0, pos)), default=0)
    cut = _RE_CLAUSE_CUT.search(s, pos)
    end = cut.start() if cut else len(s)
    for mk in _RE_RESTATEMENT.finditer(s, start, end):
        if mk.start() >= pos or not _RE_ELECTION_VERB.search(s, mk.end(), pos):
            return True
    return False


def _listed_bodies(s: str, m: re.Match[str], quantities: list[Quantity],
                   ctx: DocContext) -> list[_Body]:
    """Rule 2e: levels listed before one 人大代表 and as many counts after it, in order
    (选举产生县、乡镇人大代表分别为186名、512名; 县乡两级人大代表分别选出214名和786名): one
    body per level, with its count; a single count of the levels together gives none."""
    lm = _RE_LEVEL_LIST.search(s, max(0, m.start() - 20), m.start())
    if lm is None:
        return []
    words = [w.group() for w in _RE_LEVEL_WORD.finditer(lm.group("list"))]
    if len(words) < 2 or len(set(words)) < len(words):
        return []
    run = _count_run(s, m.end(), quantities, len(words))
    if run is None:
        return []
    start = lm.start("list")
    bodies = []
    for i, (word, count) in enumerate(zip(words, run)):
        level = _city_level(s[:start], ctx) if word in ("市", "市级") and i == 0 \
            else LEVEL_WORDS[word]
        bodies.append(_Body(level=level, start=start + i, end=run[-1].end, count=count,
                            new_term="新一届" in s[:m.start()]))
    return bodies


def _count_run(s: str, pos: int, quantities: list[Quantity], n: int) -> list[Quantity] | None:
    """Rule 2e: ``n`` counts written in a run from ``pos`` (分别为186名、512名; 214名和786名),
    after 分别/各 or with a separator after the first; None when there are not ``n``."""
    filler = _RE_LIST_FILLER.match(s, pos)
    pos = filler.end() if filler else pos
    run: list[Quantity] = []
    for q in quantities:
        if q.start < pos or q.unit not in _COUNT_UNITS:
            continue
        if q.start != pos:
            break
        run.append(q)
        sep = _RE_RUN_SEP.match(s, q.end)
        if sep is None or len(run) == n:
            break
        pos = sep.end()
    return run if len(run) == n else None


def _earlier_vote(s: str, pos: int) -> bool:
    """Is the figure at ``pos`` an earlier election's: 上届 (历次, 以往…) written before it in
    its ；-clause, or anywhere in its comma clause (选出县人大代表186名，上届选举时…选出代表
    203名: only the figures after 上届 are the earlier election's)."""
    start = max(s.rfind("；", 0, pos), s.rfind(";", 0, pos)) + 1
    return bool(_RE_EARLIER_VOTE.search(s, start, pos)
                or _RE_EARLIER_VOTE.search(_comma_clause(s, pos)))


def _semicolon_clause(s: str, pos: int) -> str:
    """The clause (between semicolons) holding ``pos``."""
    start = max(s.rfind("；", 0, pos), s.rfind(";", 0, pos)) + 1
    ends = [e for e in (s.find("；", pos), s.find(";", pos)) if e >= 0]
    return s[start:min(ends) if ends else len(s)]


def _comma_clause(s: str, pos: int) -> str:
    """The clause (between commas, semicolons, colons) holding ``pos``."""
    start = max((m.end() for m in _RE_CLAUSE_CUT.finditer(s, 0, pos)), default=0)
    cut = _RE_CLAUSE_CUT.search(s, pos)
    return s[start:cut.start() if cut else len(s)]


def _verb_after_subject(s: str, body: _Body) -> str:
    """Rule 4a: the words between deputies written as the subject and their election verb
    (出席市人民代表大会的代表52名，将于1月召开的…会议上选举产生 -> "，将于1月召开的…会议上"),
    or "" when the clause already names the verb before them (选举产生县人大代表186名) or
    names none after them."""
    clause_start = max(s.rfind("；", 0, body.start), s.rfind(";", 0, body.start)) + 1
    if _RE_ELECTION_VERB.search(s, clause_start, body.start):
        return ""
    vm = _RE_ELECTION_VERB.search(s, body.end)
    if vm is None:
        return ""
    between = s[body.end:vm.start()]
    return "" if re.search(r"[；;。]", between) else between


def _fill_figures(s: str, quantities: list[Quantity], rows: list[_Row],
                  ctx: DocContext) -> None:
    """Give each figure beside its words to the rows it belongs to (rule 5)."""
    used: set[int] = set()
    # Figures of a lead-in written before every body (全市登记选民N人，…：县人大代表选举…；
    # 乡镇人大代表选举…) are the whole sentence's: they are read last, so that a figure of
    # the same kind in a clause of its own wins for that clause's rows.
    # Figures whose words name their level (县人大代表选区98个, 176个县人大代表选区) are read
    # first, so that a total of every level (全镇共设立选区80个，其中…) finds their rows filled.
    first = min((r.start for r in rows if r.level), default=0)
    order = ([i for i, q in enumerate(quantities) if q.start >= first]
             + [i for i, q in enumerate(quantities) if q.start < first])
    labelled = [i for i in order if _label_level(s, quantities[i], ctx) is not None]
    order = labelled + [i for i in order if i not in labelled]
    for i in order:
        q = quantities[i]
        if i in used:
            continue
        before = _words_before(s, q.start)
        if _RE_TARGET.search(before):
            continue  # 确保参选率达到90%以上: a target, not a figure of a vote
        if _RE_OTHER_VOTE.search(_comma_clause(s, q.start)):
            continue  # 村委会选举参选率92%: another body's vote (not 维则村委会选区: a place)
        if _earlier_vote(s, q.start):
            continue  # 上届选民参选率96.3%: an earlier election's figure
        after_full = s[q.end:]
        after = _RE_CUT_BEFORE.split(after_full, maxsplit=1)[0]
        for column, before_re, after_re, units in _SLOT_RES:
            if q.unit not in units:
                continue
            bm = before_re.search(before) if before_re else None
            am = after_re.match(after) if after_re else None
            voted_after = _RE_VOTED_AFTER.match(after) is not None
            if column == "voters_registered" and voted_after:
                continue  # 共有选民2.6万人参加投票: those who voted
            if bm is None and am is None and not (column == "voters_participating"
                                                  and voted_after
                                                  and _RE_VOTERS_NOUN.search(before)):
                continue  # not 选民1.2万人参加投票: the noun before, the verb after
            if column == "constituencies" and _RE_SUBSET_AFTER.match(s, q.end):
                break  # 选区2个推迟选举: constituencies where no vote took place
            level = _label_level(s, q, ctx) if column == "constituencies" else None
            if level is not None:
                targets = _rows_of_level(rows, level, q.start)
            else:
                targets = _targets(_rows_of_clause(s, q.start, rows, bm.group() if bm else ""),
                                   column,
                                   before[:bm.start()] if bm else "", bm.group() if bm else "",
                                   ctx, rows)
            if bm is not None and "分别" in bm.group():
                run = _respectively(s, quantities, i, q.unit)
                for row, (j, qq) in zip(targets, run):
                    _put(row, column, qq)
                    used.add(j)
            else:
                for row in targets:
                    _put(row, column, q)
            break


def _label_level(s: str, q: Quantity, ctx: DocContext) -> str | None:
    """Rule 5b: the level a constituencies figure's label names, before it (县人大代表选区98个,
    市人大代表选区81个) or after it (176个县人大代表选区, 130个县代表选区)."""
    if q.unit not in (None, "个"):
        return None
    before = _words_before(s, q.start)
    am = _RE_LABEL_AFTER.match(s, q.end)
    if am is not None:
        word, head = am.group("lvl") or am.group("lvl_ji"), ""
    else:
        bm = _RE_LABEL_BEFORE.search(before)
        if bm is None:
            return None
        word, head = bm.group("lvl") or bm.group("lvl_ji"), before[:bm.start()]
        if _RE_COMBINED.search(head) or _RE_LEVEL_LIST_TAIL.search(head):
            return None  # 两级选区, 市、镇两级…: levels together
    if word in ("市", "市级"):
        return _city_level(head, ctx)
    return LEVEL_WORDS[word]


def _rows_of_level(rows: list[_Row], level: str, pos: int) -> list[_Row]:
    """The rows of a level, a new one (held, direct) when the sentence has none yet."""
    found = [r for r in rows if r.level == level]
    if not found:
        method = "indirect" if _LEVEL_RANK[level] >= _LEVEL_RANK["province"] else "direct"
        found = [_Row(level, method, "held", pos)]
        rows.append(found[0])
    return found


def _words_before(s: str, pos: int) -> str:
    """The words a figure at ``pos`` is read with: the text since the previous comma,
    semicolon or colon (登记选民15.8万人 -> "登记选民"); for a table-like figure, written
    after its label and a colon (选区：186个；登记选民：72.36万人), the label."""
    cuts = list(_RE_CUT_BEFORE.finditer(s, 0, pos))
    if not cuts:
        return s[:pos]
    last = cuts[-1]
    if last.group() in "：:" and not s[last.end():pos].strip():
        label_start = cuts[-2].end() if len(cuts) > 1 else 0
        return s[label_start:last.start()].strip()
    return s[last.end():pos]


def _rows_of_clause(s: str, pos: int, rows: list[_Row], keyword: str) -> list[_Row]:
    """The rows named in the clause (；-delimited) holding ``pos``, else all rows: in
    县级人大代表选区N个，…参选率X%；乡级人大代表选区M个，… each clause has its own figures.
    A figure after every body and its count, in the last clause, whose label no other clause
    writes (县人大代表186名；乡镇人大代表512名，参选率85.5%), is every row's: a tail."""
    if all(pos < r.start for r in rows):
        return rows  # a lead-in before every body
    start = max(s.rfind("；", 0, pos), s.rfind(";", 0, pos)) + 1
    ends = [e for e in (s.find("；", pos), s.find(";", pos)) if e >= 0]
    end = min(ends) if ends else len(s)
    named = [r for r in rows if start <= r.start < end]
    if named and not ends and keyword and all(pos >= r.end for r in rows) \
            and keyword not in s[:start]:
        return rows  # a tail of the whole sentence
    return named or rows


def _targets(rows: list[_Row], column: str, words_before: str, keyword: str,
             ctx: DocContext, all_rows: list[_Row]) -> list[_Row]:
    """Rows a figure belongs to: the level named before its keyword (县人大代表的平均得票率)
    or inside it (参加县人大代表选举投票的选民), else the direct rows for voter figures, else
    every row."""
    lm = _RE_FIGURE_LEVEL.search(words_before) or _RE_LEVEL_IN_KEYWORD.search(keyword)
    if lm is not None:
        word = lm.group("lvl")
        text = words_before if lm.re is _RE_FIGURE_LEVEL else keyword
        if _RE_LEVEL_LIST_TAIL.search(text[:lm.start()]):
            return list(rows)  # 县乡人大代表平均得票率分别为…: the levels listed, in order
        level = (_city_level(text[:lm.start()], ctx) if word in ("市", "市级")
                 else LEVEL_WORDS[word])
        return [r for r in rows if r.level == level] or _rows_of_level(all_rows, level, 0)
    if column in ("voters_registered", "voters_participating", "constituencies", "turnout_pct"):
        return [r for r in rows if r.method == "direct"]
    return list(rows)


def _respectively(s: str, quantities: list[Quantity], i: int,
                  unit: str | None) -> list[tuple[int, Quantity]]:
    """The figure at ``i`` and those listed after it with 、/和 (参选率分别为92%、95%)."""
    run = [(i, quantities[i])]
    for j in range(i + 1, len(quantities)):
        prev, q = run[-1][1], quantities[j]
        if q.unit != unit or s[prev.end:q.start] not in ("、", "和", "及", "，", ","):
            break
        run.append((j, q))
    return run


def _put(row: _Row, column: str, q: Quantity) -> None:
    if column in row.values:
        if not row.level and row.values[column] != q.value:
            row.listed.add(column)  # 甲镇登记选民1.2万人，乙镇0.8万人: figures of several areas
        return
    row.values[column] = int(q.value) if column in _INT_COLUMNS else q.value
    row.approximate = row.approximate or q.approximate


def _date_of(s: str, first_body: int, ctx: DocContext) -> PartialDate | None:
    """The date the sentence states as the day of the vote (rule 6a's words), else the last
    date before the first body, else the first date of the sentence; never the date of page
    chrome (发布时间：2021-11-23)."""
    dates = [d for d in find_dates(s, ctx.report_year)
             if not _RE_CHROME_DATE.search(s, max(0, d.start - 12), d.start)]  # 发布时间：
    if not dates:
        return None
    voted = [d for d in dates if states_vote_day(s, d)]
    if voted:  # 投票选举工作于2021年10月15日结束: the day the sentence gives the vote
        return voted[0]
    before = [d for d in dates if d.start < first_body]
    return before[-1] if before else dates[0]


def _scope_of(s: str, ctx: DocContext) -> str | None:
    """全省 / 全市 / ... when the totals are for an area above the report's own body."""
    m = _RE_SCOPE.search(s)
    own = _own_level(ctx)
    if m is None or own is None:
        return None
    word = m.group()
    if word == "全市" and own in ("county", "township") and ctx.county \
            and ctx.county.endswith("市"):
        return None  # 全市 in a county-level city's report is its own area
    return word if _LEVEL_RANK[SCOPE_WORDS[word]] > _LEVEL_RANK[own] else None


def _period_of(s: str, date: PartialDate | None, ctx: DocContext) -> str:
    if _RE_MULTI_YEAR.search(s):
        return "multi_year"
    if date is not None or (ctx.report_year is not None and ctx.doc_type in _ANNUAL_DOC_TYPES):
        return "annual"
    return "unspecified"


def _term_from_paragraph(text: str, sentence: Sentence, level: str) -> int | None:
    """Rule 7: the term of the level's congress whose first session the paragraph names
    (the highest, should several be named)."""
    start = text.rfind("\n", 0, sentence.start) + 1
    end = text.find("\n", sentence.end)
    paragraph = text[start:end if end >= 0 else len(text)]
    terms: list[int] = []
    for m in _RE_CONGRESS_TERM.finditer(paragraph):
        word = m.group("lvl") or m.group("lvl2")
        if LEVEL_WORDS[word] != level:
            continue
        value = parse_chinese_numeral(m.group("term") or m.group("term2"))
        if isinstance(value, int):
            terms.append(value)
    return max(terms) if terms else None
