"""The public data contract, version 1, as code.

One source of truth for ``../shared/design/DATA_CONTRACT.md``: table names, columns, types,
vocabularies and the English/Chinese descriptions. The release writer builds its Arrow
schemas from here, ``datapackage.json`` is generated from here, and the vocabularies used by
the extractors are checked against here by a test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pyarrow as pa

CONTRACT_VERSION = "1"

ColumnType = Literal["string", "int", "float", "bool", "date"]

PERIODS = ("annual", "multi_year", "unspecified")
FORMATS = ("txt", "html", "pdf", "docx")
SCRIPTS = ("hans", "hant")
DOC_TYPES = (
    "congress_report",
    "election_report",
    "oversight_report",
    "deputy_work_report",
    "government_report",
    "news",
    "other",
)
LEVELS = ("national", "province", "city", "county", "township")
ELECTION_METHODS = ("direct", "indirect")
ELECTION_STATUSES = ("held", "planned")
DATE_PRECISIONS = ("day", "month", "year")
SUPERVISION_METHODS = (
    "work_report_review",
    "budget_review",
    "law_enforcement_inspection",
    "inspection_research",
    "tracking_supervision",
    "special_inquiry",
    "interpellation",
    "special_investigation",
    "filing_review",
    "work_appraisal",
    "other",
)
ACTOR_TYPES = ("leadership", "deputies", "standing_committee", "government", "unspecified")
METRICS = (
    "liaison_stations",
    "liaison_points",
    "online_liaison_stations",
    "station_visits",
    "people_received",
    "problems_collected",
    "problems_resolved",
    "resolution_rate_pct",
    "motions_received",
    "suggestions_received",
    "suggestions_handled",
    "suggestions_resolved",
    "response_rate_pct",
    "satisfaction_rate_pct",
    "key_suggestions",
    "trainings",
    "trainees",
    "inspections_attended",
    "sessions_attended",
)


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    en: str
    zh: str
    nullable: bool = True
    enum: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Table:
    name: str
    en: str
    zh: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    csv: bool = True
    foreign_keys: tuple[tuple[str, str, str], ...] = field(default=())  # (column, table, column)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")


def _c(name: str, type: ColumnType, en: str, zh: str, *, nullable: bool = True,
       enum: tuple[str, ...] | None = None) -> Column:
    return Column(name, type, en, zh, nullable, enum)


# Columns shared by every fact table, in contract order.
_FACT_HEAD = (
    _c("record_id", "string", "Stable hash of (doc_id, table, char_start, char_end, key fields); "
       "the same input gives the same id in every release.",
       "记录标识：由文档、表名、字符位置和关键字段计算的稳定哈希。", nullable=False),
    _c("doc_id", "string", "The document the row was read from (documents.doc_id).",
       "来源文档标识（对应 documents.doc_id）。", nullable=False),
)
_FACT_TAIL = (
    _c("evidence", "string", "The passage of the normalized text the row was read from: a "
       "sentence or clause, or, for an event reported over several sentences (an election's "
       "constituencies, deputies and voters), the span from the first to the last sentence used.",
       "证据：该行数据所依据的规范化文本片段：一个句子或分句；一次事件分几句报道时（如选区、代表、"
       "选民数分句写出），为所用第一句至最后一句的连续片段。", nullable=False),
    _c("char_start", "int", "Start offset of the evidence in document_text.text (Python string index).",
       "证据在 document_text.text 中的起始字符位置。", nullable=False),
    _c("char_end", "int", "End offset (exclusive) of the evidence in document_text.text.",
       "证据在 document_text.text 中的结束字符位置（不含）。", nullable=False),
    _c("period", "string", "annual: one year's figures; multi_year: totals over a term or since "
       "an earlier year; unspecified: stocks and undated events.",
       "时期：annual 为年度数据；multi_year 为届内或多年累计；unspecified 为存量或未注明时间。",
       nullable=False, enum=PERIODS),
    _c("extractor", "string", "Name and version of the rule set that produced the row.",
       "生成该行的规则集名称与版本。", nullable=False),
)

DOCUMENTS = Table(
    "documents", "One row per raw report.", "原始报告，每份一行。",
    (
        _c("doc_id", "string", "First 16 hex digits of the SHA-256 of the raw bytes.",
           "文档标识：原始字节 SHA-256 的前 16 位十六进制。", nullable=False),
        _c("source_file", "string", "Path relative to the raw root, with / separators.",
           "相对于原始数据根目录的路径。", nullable=False),
        _c("source_url", "string", "Where the report was published, from its metadata.",
           "报告发布网址（来自元数据）。"),
        _c("sha256", "string", "SHA-256 of the raw bytes, 64 hex digits.",
           "原始字节的 SHA-256（64 位十六进制）。", nullable=False),
        _c("encoding", "string", "Encoding the bytes were decoded with.",
           "解码所用字符编码。", nullable=False),
        _c("format", "string", "File format of the raw report.", "原始文件格式。",
           nullable=False, enum=FORMATS),
        _c("script", "string", "Script of the raw text; all published text is Simplified.",
           "原文字体（简体 hans / 繁体 hant）；发布文本均为简体。", nullable=False, enum=SCRIPTS),
        _c("doc_type", "string", "Kind of report.", "报告类型。", nullable=False, enum=DOC_TYPES),
        _c("title", "string", "Title of the report.", "报告标题。"),
        _c("body", "string", "The congress body the report speaks for, e.g. 交城县人大常委会.",
           "报告所代表的人大机构，如交城县人大常委会。"),
        _c("level", "string", "Administrative level of that body.", "该机构的行政层级。",
           enum=LEVELS),
        _c("province", "string", "Province of the body's region.", "所在省级行政区。"),
        _c("city", "string", "City (prefecture) of the body's region.", "所在地级行政区。"),
        _c("county", "string", "County (district) of the body's region.", "所在县级行政区。"),
        _c("admin_code", "string", "Six-digit GB/T 2260 code of the body's region.",
           "所在行政区的六位 GB/T 2260 行政区划代码。"),
        _c("report_year", "int", "The year whose work the report covers.", "报告所述工作的年份。"),
        _c("published_date", "date", "Date the report was published or delivered.",
           "报告发布或作出的日期。"),
        _c("n_chars", "int", "Length of the normalized text in characters.",
           "规范化文本的字符数。", nullable=False),
    ),
    primary_key=("doc_id",),
)

DOCUMENT_TEXT = Table(
    "document_text", "The normalized text every char_start/char_end points into.",
    "规范化全文，所有字符位置均指向此文本。",
    (
        _c("doc_id", "string", "The document (documents.doc_id).", "文档标识。", nullable=False),
        _c("text", "string", "Normalized text of the report.", "报告的规范化全文。",
           nullable=False),
    ),
    primary_key=("doc_id",),
    csv=False,
    foreign_keys=(("doc_id", "documents", "doc_id"),),
)

ELECTIONS = Table(
    "elections", "One row per body elected in one election.", "换届选举：每次选举的每一级代表一行。",
    _FACT_HEAD + (
        _c("level", "string", "Level of the congress whose deputies were elected.",
           "所选代表所属人大的层级。", nullable=False, enum=LEVELS),
        _c("method", "string", "direct: by voters; indirect: by a congress session.",
           "选举方式：direct 为选民直接选举；indirect 为由人民代表大会间接选举。",
           nullable=False, enum=ELECTION_METHODS),
        _c("status", "string", "held, or planned (将选举产生 and similar).",
           "状态：held 已举行；planned 计划中。", nullable=False, enum=ELECTION_STATUSES),
        _c("scope", "string", "The area the totals are for when it is not the report's own.",
           "数据所属范围（非本地区时注明，如全省）。"),
        _c("election_date", "string", "ISO date, possibly partial (2021-03-18, 2021-12, 2021).",
           "选举日期（ISO 格式，可为部分日期）。"),
        _c("date_precision", "string", "Precision of election_date.", "日期精度。",
           enum=DATE_PRECISIONS),
        _c("congress_term", "int", "Term (届) of the congress, e.g. 17 for 县十七届.",
           "人大届次。"),
        _c("constituencies", "int", "Number of constituencies (选区).", "选区数。"),
        _c("voters_registered", "int", "Registered voters (登记选民).", "登记选民数。"),
        _c("voters_participating", "int", "Voters who took part (参加投票).", "参加投票选民数。"),
        _c("turnout_pct", "float", "Turnout (参选率), 0–100.", "参选率（0–100）。"),
        _c("deputies_elected", "int", "Deputies elected.", "选出代表人数。"),
        _c("avg_vote_share_pct", "float", "Average vote share (平均得票率), 0–100.",
           "平均得票率（0–100）。"),
        _c("approximate", "bool", "A figure was given as 多/余/近/约/左右.",
           "是否为约数（多、余、近、约、左右）。", nullable=False),
    ) + _FACT_TAIL,
    primary_key=("record_id",),
    foreign_keys=(("doc_id", "documents", "doc_id"),),
)

SUPERVISION = Table(
    "supervision", "One row per oversight activity, or per counted group of them.",
    "监督工作：每项监督活动（或一组计数活动）一行。",
    _FACT_HEAD + (
        _c("method", "string", "Oversight method.", "监督方式。", nullable=False,
           enum=SUPERVISION_METHODS),
        _c("topic", "string", "Subject as written, trimmed (null for a bare count).",
           "监督议题（原文）。"),
        _c("law_title", "string", "Law or regulation inspected, without 《》.",
           "执法检查的法律法规名称（不含书名号）。"),
        _c("target_organ", "string", "Organ reporting or overseen (县政府, 法院, …).",
           "报告或被监督机关。"),
        _c("count", "int", "1 for one activity; N for a counted group.", "活动次数。",
           nullable=False),
        _c("approximate", "bool", "The count was given as approximate.", "是否为约数。",
           nullable=False),
    ) + _FACT_TAIL,
    primary_key=("record_id",),
    foreign_keys=(("doc_id", "documents", "doc_id"),),
)

DEPUTY_ACTIVITY = Table(
    "deputy_activity", "Long format: one row per reported figure on deputies' work.",
    "代表工作：每个数字一行（长表）。",
    _FACT_HEAD + (
        _c("actor", "string", "Who, as written (党组成员, 全县各级人大代表, …).", "主体（原文）。"),
        _c("actor_type", "string", "Kind of actor.", "主体类型。", nullable=False,
           enum=ACTOR_TYPES),
        _c("metric", "string", "What was counted.", "指标。", nullable=False, enum=METRICS),
        _c("value", "float", "The figure.", "数值。", nullable=False),
        _c("unit", "string", "Unit as written: 个, 次, 人次, 件, %.", "单位（原文）。"),
        _c("approximate", "bool", "The figure was given as approximate.", "是否为约数。",
           nullable=False),
        _c("detail", "string", "Details, e.g. titles of key suggestions, ；-separated.",
           "补充说明，如重点建议标题（以；分隔）。"),
    ) + _FACT_TAIL,
    primary_key=("record_id",),
    foreign_keys=(("doc_id", "documents", "doc_id"),),
)

TABLES: dict[str, Table] = {
    t.name: t for t in (DOCUMENTS, DOCUMENT_TEXT, ELECTIONS, SUPERVISION, DEPUTY_ACTIVITY)
}
FACT_TABLES = ("elections", "supervision", "deputy_activity")

_ARROW_TYPES: dict[ColumnType, pa.DataType] = {
    "string": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
}


def arrow_schema(table: Table) -> pa.Schema:
    """The Arrow schema of a contract table, with the descriptions as field metadata."""
    return pa.schema(
        [
            pa.field(c.name, _ARROW_TYPES[c.type], nullable=c.nullable,
                     metadata={"description": c.en, "description_zh": c.zh})
            for c in table.columns
        ],
        metadata={"contract_version": CONTRACT_VERSION, "table": table.name},
    )


def to_arrow(table: Table, rows: list[dict[str, object]]) -> pa.Table:
    """Rows (dicts keyed by column name) to an Arrow table in contract column order.

    Unknown keys are an error: a typo in an extractor must not silently drop a column.
    """
    names = set(table.column_names)
    for row in rows:
        extra = set(row) - names
        if extra:
            raise ValueError(f"{table.name}: unknown columns {sorted(extra)}")
    columns = {c.name: [row.get(c.name) for row in rows] for c in table.columns}
    return pa.Table.from_pydict(columns, schema=arrow_schema(table))
