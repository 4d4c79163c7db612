"""Shared fixtures: an isolated Prefect home, one Prefect test harness per session, and the
path of the real corpus (tests that need it skip, saying why, when it is absent)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

# Before Prefect is imported anywhere: no analytics, no telemetry, a throw-away home.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="renda-prefect-"))
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["DO_NOT_TRACK"] = "1"
os.environ["GX_ANALYTICS_ENABLED"] = "false"

REPO = Path(__file__).resolve().parents[1]
PREFECT = str(Path(sys.executable).with_name("prefect"))
CORPUS = (REPO.parent / "shared" / "corpus").resolve()
SEED = "jiaocheng/000_8ce6929504822e66.txt"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / SEED).is_file():
        pytest.skip(f"real corpus not found at {CORPUS}: clone the project with ../shared beside it "
                    "to run the integration tests")
    return CORPUS


@pytest.fixture(scope="session")
def seed_document(corpus: Path):
    """The seed report (Jiaocheng 2021), normalized, with the context the pipeline gives it."""
    import hashlib

    from renda.extract.base import DocContext
    from renda.normalize import normalize

    raw = (corpus / SEED).read_bytes()
    ctx = DocContext(hashlib.sha256(raw).hexdigest()[:16], "congress_report", 2021, "county",
                     "山西省", "吕梁市", "交城县")
    return normalize(raw.decode("utf-8")), ctx


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect backend for the whole session (starting one costs seconds)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def corpus_run(corpus: Path, prefect_harness, tmp_path_factory) -> dict:
    """The release flow run once over the real corpus as ``renda eval --addresses`` reads it
    (each web page with the sidecar of its address, as a fetch gives it; shared by the
    integration tests)."""
    from flows.release import release_flow
    from renda.evaluate import assemble_eval_raw
    from tests.release_checks import only_notes_rejected

    raw = assemble_eval_raw(corpus, None, tmp_path_factory.mktemp("corpus-raw") / "raw",
                            addresses=True)
    curated = tmp_path_factory.mktemp("corpus-curated")
    summary = release_flow(raw_dir=raw, curated_dir=curated)
    assert only_notes_rejected(Path(summary["path"])) == []
    return {**summary, "curated": curated}


@pytest.fixture(scope="session")
def corpus_release(corpus_run: dict) -> Path:
    return Path(corpus_run["path"])


# --- a real Prefect server on loopback (session-wide, started only by tests that ask) ------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"Prefect server at {url} not healthy after {timeout} s")


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A `prefect server start` on a free loopback port with SQLite; yields its environment."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_API_HOST": "127.0.0.1", "PREFECT_SERVER_API_PORT": str(port),
           "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home}/prefect.db",
           "PREFECT_SERVER_UI_ENABLED": "false", "RENDA_HOME": str(REPO)}
    log = open(home / "server.log", "w")
    proc = subprocess.Popen([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port),
                             "--no-ui"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(api)
        yield env
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


