"""The release writer: atomic, deterministic, self-describing."""

import datetime as dt
import hashlib
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from renda import publish
from renda.contract import DOCUMENTS, DOCUMENT_TEXT, to_arrow
from renda.ingest import Reject
from renda.layout import CuratedLayout

DOC = {
    "doc_id": "0123456789abcdef", "source_file": "a/b.txt", "source_url": None,
    "sha256": "0" * 64, "encoding": "utf-8", "format": "txt", "script": "hans",
    "doc_type": "news", "title": "标题，含逗号", "body": None, "level": None, "province": None,
    "city": None, "county": None, "admin_code": None, "report_year": 2021,
    "published_date": dt.date(2021, 3, 18), "n_chars": 4,
}


def _tables():
    return {
        "documents": to_arrow(DOCUMENTS, [DOC]),
        "document_text": to_arrow(DOCUMENT_TEXT, [{"doc_id": DOC["doc_id"], "text": "人大代表"}]),
    }


def _write(layout: CuratedLayout, version: str, **kw):
    return publish.write_release(layout, _tables(), [Reject("x.txt", "empty file")],
                                 version=version, created="2021-01-01T00:00:00+00:00", **kw)


def test_release_files_and_latest(tmp_path: Path) -> None:
    layout = CuratedLayout(tmp_path)
    release = _write(layout, "2021.03.18")
    names = sorted(p.name for p in release.path.iterdir())
    assert names == ["SHA256SUMS", "datapackage.json", "document_text.parquet", "documents.csv",
                     "documents.parquet", "rejects.csv", "renda.sqlite"]
    assert layout.latest() == "2021.03.18"
    csv_bytes = (release.path / "documents.csv").read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbf\"doc_id\"")
    assert "标题，含逗号".encode() in csv_bytes
    assert ",," in csv_bytes.decode("utf-8-sig")  # nulls are empty fields, never 'None'/'NaN'
    assert (release.path / "rejects.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "source_file,reason", "x.txt,empty file"]
    table = pq.read_table(release.path / "documents.parquet")
    assert table.schema.field("report_year").type == "int64"
    assert table.to_pylist()[0]["published_date"] == dt.date(2021, 3, 18)


def test_checksums_match_files(tmp_path: Path) -> None:
    release = _write(CuratedLayout(tmp_path), "2021.03.18")
    lines = (release.path / "SHA256SUMS").read_text().splitlines()
    assert len(lines) == 6
    for line in lines:
        digest, name = line.split("  ")
        assert hashlib.sha256((release.path / name).read_bytes()).hexdigest() == digest
    package = json.loads((release.path / "datapackage.json").read_text())
    for resource in package["resources"]:
        data = (release.path / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert resource["bytes"] == len(data)
    documents = next(r for r in package["resources"] if r["name"] == "documents")
    assert documents["schema"]["primaryKey"] == ["doc_id"]
    doc_type = next(f for f in documents["schema"]["fields"] if f["name"] == "doc_type")
    assert "government_report" in doc_type["constraints"]["enum"]
    assert doc_type["description"] and doc_type["description_zh"]


def test_same_tables_give_identical_bytes(tmp_path: Path) -> None:
    a = _write(CuratedLayout(tmp_path / "a"), "2021.03.18")
    b = _write(CuratedLayout(tmp_path / "b"), "2021.03.18")
    for name in ("documents.parquet", "documents.csv", "document_text.parquet", "SHA256SUMS"):
        assert (a.path / name).read_bytes() == (b.path / name).read_bytes(), name


def test_crash_while_writing_leaves_previous_release(tmp_path: Path) -> None:
    layout = CuratedLayout(tmp_path)
    _write(layout, "2021.03.18")

    def crash(staging: Path) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        _write(layout, "2021.03.19", extra=crash)
    assert layout.latest() == "2021.03.18"
    assert layout.published_versions() == ["2021.03.18"]
    assert [p.name for p in layout.releases.iterdir()] == ["2021.03.18"]  # no staging left


def test_existing_release_is_never_overwritten(tmp_path: Path) -> None:
    layout = CuratedLayout(tmp_path)
    _write(layout, "2021.03.18")
    with pytest.raises(FileExistsError):
        _write(layout, "2021.03.18")


def test_next_version(tmp_path: Path) -> None:
    layout = CuratedLayout(tmp_path)
    day = dt.date(2021, 3, 18)
    assert publish.next_version(layout, day) == "2021.03.18"
    for v in ("2021.03.18", "2021.03.18.2"):
        (layout.releases / v).mkdir(parents=True)
    assert publish.next_version(layout, day) == "2021.03.18.3"
    (layout.releases / "2021.03.18.10").mkdir()
    assert layout.published_versions()[-1] == "2021.03.18.10"


def test_clean_staging_removes_only_staging(tmp_path: Path) -> None:
    layout = CuratedLayout(tmp_path)
    _write(layout, "2021.03.18")
    (layout.releases / ".tmp-2021.03.19-dead").mkdir()
    publish.clean_staging(layout)
    assert sorted(p.name for p in layout.releases.iterdir()) == ["2021.03.18"]
