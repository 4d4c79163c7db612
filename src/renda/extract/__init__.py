"""Rule-based extraction of the three fact tables from normalized text.

One module per table (``elections``, ``supervision``, ``deputy_activity``), each exposing
``extract(text: str, ctx: DocContext) -> list[dict]``; :func:`extract_facts` runs them all.
"""

from __future__ import annotations

from typing import Any

from renda.extract.base import DocContext, Sentence, clauses, fact_row, record_id, sentences


def extract_facts(text: str, ctx: DocContext) -> dict[str, list[dict[str, Any]]]:
    """Rows of every fact table; none for a document that states no facts (``ctx.fact_free``:
    a law or regulation, a template, spam)."""
    from renda.extract import deputy_activity, elections, supervision

    if ctx.fact_free:
        return {"elections": [], "supervision": [], "deputy_activity": []}
    return {
        "elections": elections.extract(text, ctx),
        "supervision": supervision.extract(text, ctx),
        "deputy_activity": deputy_activity.extract(text, ctx),
    }


__all__ = ["DocContext", "Sentence", "clauses", "extract_facts", "fact_row", "record_id",
           "sentences"]
