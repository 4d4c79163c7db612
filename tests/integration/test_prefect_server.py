"""A real Prefect server on loopback: deploy from prefect.yaml, trigger through the API, run
with a worker, and see a release published. Marked `server`; runs in CI (about a minute)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.server]

REPO = Path(__file__).resolve().parents[2]
PREFECT = str(Path(sys.executable).with_name("prefect"))


def _prefect(env: dict, *args: str, timeout: float = 180) -> str:
    result = subprocess.run([PREFECT, *args], env=env, cwd=REPO, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"prefect {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_deploy_trigger_and_run_with_a_worker(server: dict, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "r.txt").write_text("甲县人大常委会召开会议。甲县人大常委会听取报告。", encoding="utf-8")
    curated = tmp_path / "curated"

    _prefect(server, "work-pool", "create", "renda-pool", "--type", "process")
    _prefect(server, "--no-prompt", "deploy", "--all", "--prefect-file", str(REPO / "prefect.yaml"))
    inspect = _prefect(server, "deployment", "inspect", "renda-release/renda-nightly", "--output", "json")
    deployment = json.loads(inspect)
    schedule = deployment["schedules"][0]["schedule"]
    assert (schedule["cron"], schedule["timezone"]) == ("0 2 * * *", "Asia/Shanghai")

    # Trigger a run through the API, with this test's folders as parameters.
    out = _prefect(server, "deployment", "run", "renda-release/renda-nightly",
                   "--param", f"raw_dir={raw}", "--param", f"curated_dir={curated}")
    assert "Created flow run" in out

    worker = subprocess.Popen([PREFECT, "worker", "start", "--pool", "renda-pool", "--type", "process"],
                              env=server, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and not (curated / "LATEST").exists():
            time.sleep(1)
        state = ""
        while time.monotonic() < deadline:
            runs = json.loads(_api(server, "/flow_runs/filter", {"limit": 5}))
            state = runs[0]["state_type"] if runs else ""
            if state in ("COMPLETED", "FAILED", "CRASHED"):
                break
            time.sleep(1)
    finally:
        worker.terminate()
        try:
            output = worker.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            worker.kill()
            output = worker.communicate()[0]
    assert state == "COMPLETED", output[-4000:]
    version = (curated / "LATEST").read_text().strip()
    assert (curated / "releases" / version / "documents.parquet").exists()


def _api(env: dict, path: str, body: dict) -> str:
    request = urllib.request.Request(env["PREFECT_API_URL"] + path, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as r:
        return r.read().decode()


def test_serve_registers_the_schedule_and_stopping_does_not_pause_it(server: dict, tmp_path: Path) -> None:
    import signal

    renda = str(Path(sys.executable).with_name("renda"))
    proc = subprocess.Popen([renda, "serve", "--raw", str(tmp_path), "--curated", str(tmp_path / "c"),
                             "--name", "renda-served"], env=server, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        found = []
        while time.monotonic() < deadline and not found:
            deployments = json.loads(_api(server, "/deployments/filter", {"limit": 50}))
            found = [d for d in deployments if d["name"] == "renda-served"]
            time.sleep(1)
        assert found, "renda serve did not register its deployment"
        schedule = found[0]["schedules"][0]["schedule"]
        assert (schedule["cron"], schedule["timezone"]) == ("0 2 * * *", "Asia/Shanghai")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
    after = [d for d in json.loads(_api(server, "/deployments/filter", {"limit": 50}))
             if d["name"] == "renda-served"][0]
    assert after["paused"] is False
    assert all(s["active"] for s in after["schedules"])
