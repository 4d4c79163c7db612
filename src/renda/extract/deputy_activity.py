"""Extractor for the `deputy_activity` table (rules arrive with the extraction issue)."""

from __future__ import annotations

from typing import Any

from renda.extract.base import DocContext


def extract(text: str, ctx: DocContext) -> list[dict[str, Any]]:
    return []
