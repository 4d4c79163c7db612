"""Shared fixtures: an isolated Prefect home, one Prefect test harness per session, and the
path of the real corpus (tests that need it skip, saying why, when it is absent)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before Prefect is imported anywhere: no analytics, no telemetry, a throw-away home.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="renda-prefect-"))
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["DO_NOT_TRACK"] = "1"
os.environ["GX_ANALYTICS_ENABLED"] = "false"

REPO = Path(__file__).resolve().parents[1]
CORPUS = (REPO.parent / "shared" / "corpus").resolve()
SEED = "jiaocheng/000_8ce6929504822e66.txt"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / SEED).is_file():
        pytest.skip(f"real corpus not found at {CORPUS}: clone the project with ../shared beside it "
                    "to run the integration tests")
    return CORPUS


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect backend for the whole session (starting one costs seconds)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def corpus_run(corpus: Path, prefect_harness, tmp_path_factory) -> dict:
    """The release flow run once over the real corpus (shared by the integration tests)."""
    from flows.release import release_flow

    curated = tmp_path_factory.mktemp("corpus-curated")
    summary = release_flow(raw_dir=corpus, curated_dir=curated)
    assert summary["rejected"] == 0
    return {**summary, "curated": curated}


@pytest.fixture(scope="session")
def corpus_release(corpus_run: dict) -> Path:
    return Path(corpus_run["path"])
