"""Checks on a release made from the real corpus, shared by the integration tests."""

from __future__ import annotations

import csv
from pathlib import Path


def only_notes_rejected(release: Path) -> list[list[str]]:
    """The rejects of a release of ``../shared/corpus`` that are not the corpus's own notes
    (its README.md and SOURCES.tsv files are no report format): an empty list when all is well."""
    with (release / "rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    return [r for r in rows
            if not (r[0].endswith(("README.md", "SOURCES.tsv"))
                    and "not a report format" in r[1])]
