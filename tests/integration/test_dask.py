"""The Dask task runner (prefect-dask, a local cluster of 2 workers, a real Prefect server)
gives the same release, byte for byte, as the default runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.server]

RENDA = str(Path(sys.executable).with_name("renda"))
# Files whose bytes depend only on the inputs (datapackage.json, README.md and SHA256SUMS
# carry the creation time and so differ between any two runs).
DATA_FILES = ["documents.parquet", "documents.csv", "document_text.parquet", "elections.parquet",
              "elections.csv", "supervision.parquet", "supervision.csv", "deputy_activity.parquet",
              "deputy_activity.csv", "rejects.csv", "CHANGES.md"]


def _run(env: dict, raw: Path, curated: Path, *extra: str) -> Path:
    result = subprocess.run([RENDA, "run", "--raw", str(raw), "--curated", str(curated),
                             "--batch-size", "3", "--no-cache", *extra],
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    version = (curated / "LATEST").read_text().strip()
    return curated / "releases" / version


def test_dask_release_is_byte_identical(corpus: Path, server: dict, tmp_path: Path) -> None:
    default = _run(server, corpus, tmp_path / "default")
    dask = _run(server, corpus, tmp_path / "dask", "--task-runner", "dask", "--dask-workers", "2")
    for name in DATA_FILES:
        assert (dask / name).read_bytes() == (default / name).read_bytes(), name


def test_dask_without_server_is_refused(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    result = subprocess.run([RENDA, "run", "--raw", str(tmp_path), "--curated", str(tmp_path / "c"),
                             "--task-runner", "dask"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    assert "needs a Prefect server" in result.stderr
