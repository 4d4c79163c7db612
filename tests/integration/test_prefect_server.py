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
    inspect = _prefect(server, "deployment", "inspect", "renda-nightly/renda-nightly", "--output", "json")
    deployment = json.loads(inspect)
    schedule = deployment["schedules"][0]["schedule"]
    assert (schedule["cron"], schedule["timezone"]) == ("0 2 * * *", "Asia/Shanghai")

    # Trigger a run through the API, with this test's folders as parameters, and run it
    # with a worker.
    _run_deployment(server, {"raw_dir": str(raw), "curated_dir": str(curated)})
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


def _run_deployment(server: dict, params: dict[str, str], timeout: float = 240) -> str:
    """Trigger the nightly deployment with ``params`` and run it with a process worker until
    its flow run ends; returns the run's final state type."""
    args = [a for k, v in params.items() for a in ("--param", f"{k}={v}")]
    out = _prefect(server, "deployment", "run", "renda-nightly/renda-nightly", *args)
    import re

    run_id = re.search(r"UUID: *([0-9a-f-]{36})", out).group(1)  # type: ignore[union-attr]
    # No proxy for the flow's requests: they go to the loopback server, and nowhere else.
    env = {k: v for k, v in server.items() if "proxy" not in k.lower()}
    worker = subprocess.Popen([PREFECT, "worker", "start", "--pool", "renda-pool", "--type", "process"],
                              env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    state = ""
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            request = urllib.request.Request(f"{server['PREFECT_API_URL']}/flow_runs/{run_id}")
            with urllib.request.urlopen(request, timeout=10) as r:
                state = json.loads(r.read().decode())["state_type"]
            if state in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
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
    return state


def test_a_nightly_run_fetches_then_publishes_and_a_quiet_night_publishes_nothing(
        server: dict, tmp_path: Path) -> None:
    """Through the deployment and a worker, against a real HTTP server on loopback: the
    first night fetches the listed page and publishes it with the night's fetch log; the
    second night gets a 304 and publishes nothing."""
    import csv

    import pyarrow.parquet as pq
    from pytest_httpserver import HTTPServer
    from werkzeug import Request, Response

    from tests.same_report import html_bytes

    etag = '"v1"'
    seen: list[str] = []

    def report(request: Request) -> Response:
        seen.append(request.headers.get("If-None-Match", ""))
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(html_bytes(), status=200, headers={"ETag": etag},
                        content_type="text/html; charset=gb2312")

    site = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    site.start()
    try:
        site.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
        site.expect_request("/rdyw/202401/t20240115_2.html").respond_with_handler(report)
        url = site.url_for("/rdyw/202401/t20240115_2.html")
        sources = tmp_path / "sources.yml"
        sources.write_text(f"sources:\n  - url: {url}\n    kind: page\n    body: 云溪县人大常委会\n"
                           "    licence: as published by the site\n", encoding="utf-8")
        raw, curated = tmp_path / "raw", tmp_path / "curated"
        raw.mkdir()
        _prefect(server, "work-pool", "create", "renda-pool", "--type", "process", "--overwrite")
        _prefect(server, "--no-prompt", "deploy", "--all", "--prefect-file", str(REPO / "prefect.yaml"))
        params = {"sources_file": str(sources), "raw_dir": str(raw), "curated_dir": str(curated)}

        _run_deployment(server, params)
        first = (curated / "LATEST").read_text().strip()
        release = curated / "releases" / first
        docs = pq.read_table(release / "documents.parquet").to_pylist()
        assert [(d["format"], d["source_url"]) for d in docs] == [("html", url)]
        log = list(csv.DictReader((release / "fetch_log.csv").open(encoding="utf-8-sig")))
        assert [(r["url"], r["outcome"], r["status"]) for r in log] == [(url, "new", "200")]
        assert "fetch_log.csv" in (release / "SHA256SUMS").read_text()
        snapshots = sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file()
                           and not p.name.startswith("."))
        assert len(snapshots) == 2 and snapshots[0].startswith("127.0.0.1")  # report + sidecar

        _run_deployment(server, params)
        assert seen == ["", etag]                     # the second night asked conditionally
        assert (curated / "LATEST").read_text().strip() == first   # nothing published
        assert sorted(p.name for p in (curated / "releases").iterdir()) == [first]
        assert sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file()
                      and not p.name.startswith(".")) == snapshots   # nothing written
    finally:
        site.clear()
        site.stop()
