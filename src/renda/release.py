"""Publishing a release: compare with the latest, describe the changes, write atomically.

``publish_release`` is what the flow's publish task calls. It publishes nothing when the
tables equal the latest release's, and otherwise writes the tables, ``rejects.csv``,
``quarantine.csv``, ``README.md``, ``CHANGES.md`` and the validation reports into one release.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pyarrow as pa
import pyarrow.csv as pacsv

from renda.changes import changes_markdown, diff_releases, read_release_tables, tables_equal
from renda.ingest import Reject
from renda.layout import CuratedLayout
from renda.locking import exclusive_lock
from renda.publish import PublishedRelease, clean_staging, next_version, write_release
from renda.release_docs import release_readme


@dataclass(frozen=True)
class PublishOutcome:
    published: bool
    version: str
    path: Path
    row_counts: dict[str, int]
    n_rejects: int
    n_quarantined: int
    previous: str | None


def _write_quarantine(quarantine: pa.Table | None, path: Path) -> None:
    if quarantine is None:
        path.write_bytes(b"\xef\xbb\xbftable,record_id,doc_id,expectation,column,evidence\r\n")
        return
    buffer = io.BytesIO()
    pacsv.write_csv(quarantine, buffer, pacsv.WriteOptions(quoting_style="needed"))
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue())


def publish_release(
    layout: CuratedLayout,
    tables: dict[str, pa.Table],
    rejects: list[Reject],
    *,
    today: dt.date,
    created: str,
    quarantine: pa.Table | None = None,
    reports: Callable[[Path], None] | None = None,
    lock_timeout: float = 600.0,
) -> PublishOutcome:
    """Publish ``tables`` as a new release unless they equal the latest release's.

    Holds the curated folder's lock throughout, so two runs never interleave releases.
    """
    with exclusive_lock(layout.lock_file, timeout=lock_timeout):
        return _publish_locked(layout, tables, rejects, today=today, created=created,
                               quarantine=quarantine, reports=reports)


def _publish_locked(
    layout: CuratedLayout,
    tables: dict[str, pa.Table],
    rejects: list[Reject],
    *,
    today: dt.date,
    created: str,
    quarantine: pa.Table | None,
    reports: Callable[[Path], None] | None,
) -> PublishOutcome:
    clean_staging(layout)
    previous = layout.latest()
    old = read_release_tables(layout.release(previous)) if previous else {}
    n_quarantined = quarantine.num_rows if quarantine is not None else 0
    counts = {name: t.num_rows for name, t in tables.items()}
    if previous is not None and tables_equal(old, tables):
        return PublishOutcome(False, previous, layout.release(previous), counts, len(rejects),
                              n_quarantined, previous)
    version = next_version(layout, today)
    changes = diff_releases(old, tables)

    def extra(staging: Path) -> None:
        _write_quarantine(quarantine, staging / "quarantine.csv")
        (staging / "README.md").write_text(
            release_readme(version, created, tables, len(rejects)), encoding="utf-8")
        (staging / "CHANGES.md").write_text(
            changes_markdown(version, previous, changes, old, tables), encoding="utf-8")
        if reports is not None:
            reports(staging / "validation")

    release: PublishedRelease = write_release(layout, tables, rejects, version=version,
                                              created=created, extra=extra)
    return PublishOutcome(True, release.version, release.path, release.row_counts,
                          release.n_rejects, n_quarantined, previous)
