"""What every extractor shares: the document context, sentences with offsets, row ids.

Extractors read the *normalized* text and return rows (dicts keyed by contract columns).
Every row's ``evidence`` is a slice of that text: ``text[char_start:char_end] == evidence``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, Iterator

from renda.settings import EXTRACTOR


@dataclass(frozen=True)
class DocContext:
    doc_id: str
    doc_type: str
    report_year: int | None
    level: str | None = None     # level of the report's body (county, city, ...)
    province: str | None = None
    city: str | None = None
    county: str | None = None
    # Set (to the reason) when the document states no facts: a law, a template, spam.
    fact_free: str | None = None


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


# A sentence ends at 。！？ or a line break; a closing quote or bracket right after the mark
# belongs to the sentence. Semicolons end clauses, not sentences: extractors that need
# clauses split sentences further with :func:`clauses`.
_RE_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[”’」』）)]*)?")
_RE_CLAUSE = re.compile(r"[^；;。！？!?\n]+(?:[；;。！？!?]+[”’」』）)]*)?")


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences of the text with their offsets, surrounding spaces trimmed."""
    yield from _spans(_RE_SENTENCE, text, 0)


def clauses(sentence: Sentence) -> Iterator[Sentence]:
    """Clauses of a sentence split at ；, with offsets in the document."""
    yield from _spans(_RE_CLAUSE, sentence.text, sentence.start)


def _spans(pattern: re.Pattern[str], text: str, offset: int) -> Iterator[Sentence]:
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield Sentence(text[s:e], offset + s, offset + e)


def record_id(doc_id: str, table: str, start: int, end: int, key: dict[str, Any]) -> str:
    """Stable id: the same document, table, span and key fields give the same id in every
    release (first 16 hex digits of a SHA-256 over a canonical JSON form)."""
    payload = json.dumps([doc_id, table, start, end, key], ensure_ascii=False, sort_keys=True,
                         default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def fact_row(table: str, ctx: DocContext, sentence: Sentence, period: str,
             key: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A fact-table row with the shared columns filled in.

    ``key`` holds the fields that tell this row apart from other rows read from the same
    sentence (e.g. level and method for elections, metric and actor for deputy activity);
    they go into the record id and into the row.
    """
    row: dict[str, Any] = {
        "record_id": record_id(ctx.doc_id, table, sentence.start, sentence.end, key),
        "doc_id": ctx.doc_id,
        **key,
        **fields,
        "evidence": sentence.text,
        "char_start": sentence.start,
        "char_end": sentence.end,
        "period": period,
        "extractor": EXTRACTOR,
    }
    return row
