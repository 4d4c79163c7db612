"""The corpus release as the public gets it: a valid Frictionless package, honest checksums,
its README and CHANGES, a self-contained validation report."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from renda.contract import TABLES

pytestmark = pytest.mark.integration


def test_frictionless_validate_passes(corpus_release: Path) -> None:
    from frictionless import validate

    report = validate(str(corpus_release / "datapackage.json"))
    errors = [(task.name, e.type, e.note) for task in report.tasks for e in task.errors]
    assert report.valid, errors


def test_every_checksum_matches(corpus_release: Path) -> None:
    sums = {}
    for line in (corpus_release / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
        assert hashlib.sha256((corpus_release / name).read_bytes()).hexdigest() == digest, name
    package = json.loads((corpus_release / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        data = (corpus_release / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest(), resource["path"]
        assert resource["bytes"] == len(data)
        assert sums[resource["path"]] == resource["hash"].split(":", 1)[1]
    for name, spec in TABLES.items():
        described = next(r for r in package["resources"] if r["name"] == name)
        fields = described["schema"]["fields"]
        assert [f["name"] for f in fields] == spec.column_names
        assert all(f["description"] and f["description_zh"] for f in fields)
    assert {"version", "created", "licenses", "sources", "resources"} <= set(package)


def test_readme_changes_and_validation_report(corpus_release: Path) -> None:
    readme = (corpus_release / "README.md").read_text(encoding="utf-8")
    assert "## Data dictionary" in readme and "## How to cite" in readme
    assert "jiaocheng/000_8ce6929504822e66.txt" in readme  # rows per document
    assert "First release" in (corpus_release / "CHANGES.md").read_text(encoding="utf-8")
    page = (corpus_release / "validation" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"https?://", page)
    results = json.loads((corpus_release / "validation" / "results.json").read_text(encoding="utf-8"))
    assert all(results[t]["success"] for t in TABLES)
