"""Crashes and concurrent runs: the last good release and LATEST always survive."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from renda.layout import CuratedLayout
from renda.locking import LockTimeout, exclusive_lock

pytestmark = pytest.mark.integration

# A child process that publishes a release of N documents; with PAUSE it signals READY from
# inside the publish step (files half-written in staging) and sleeps until killed.
CHILD = textwrap.dedent("""
    import datetime as dt, sys, time
    from pathlib import Path
    from renda.contract import DOCUMENTS, DOCUMENT_TEXT, to_arrow
    from renda.layout import CuratedLayout
    from renda.release import publish_release

    curated, n, tag, pause = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    docs = [{"doc_id": f"{tag}{i:012x}", "source_file": f"{tag}/{i}.txt", "sha256": "0" * 64,
             "encoding": "utf-8", "format": "txt", "script": "hans", "doc_type": "news",
             "n_chars": 10} for i in range(n)]
    texts = [{"doc_id": d["doc_id"], "text": "人大代表" * 200} for d in docs]
    tables = {"documents": to_arrow(DOCUMENTS, docs), "document_text": to_arrow(DOCUMENT_TEXT, texts)}

    def reports(folder):
        if pause != "-":
            Path(pause).write_text("ready")
            time.sleep(600)

    publish_release(CuratedLayout(curated), tables, [], today=dt.date(2030, 1, 1),
                    created="2030-01-01T00:00:00+00:00", reports=reports, lock_timeout=float(sys.argv[5]))
""")


def _child(curated: Path, n: int, tag: str, pause: str = "-", lock_timeout: float = 60) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(curated), str(n), tag, pause, str(lock_timeout)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def _assert_intact(layout: CuratedLayout, version: str) -> None:
    """LATEST names ``version`` and every published release is whole (checksums match)."""
    assert layout.latest() == version
    assert version in layout.published_versions()
    for v in layout.published_versions():
        release = layout.release(v)
        for line in (release / "SHA256SUMS").read_text().splitlines():
            digest, name = line.split("  ")
            assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest


def test_kill_9_mid_publish_leaves_last_good_release(tmp_path: Path) -> None:
    curated = tmp_path / "curated"
    layout = CuratedLayout(curated)
    first = _child(curated, 5, "a")
    assert first.wait(timeout=120) == 0, first.stderr.read()
    good = layout.latest()

    ready = tmp_path / "ready"
    victim = _child(curated, 2000, "b", pause=str(ready))
    _wait_for(ready)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    _assert_intact(layout, good)
    assert any(p.name.startswith(".tmp-") for p in layout.releases.iterdir())  # the debris

    # Killed at random moments while writing a large release: never a half release.
    for delay in (0.3, 0.6, 0.9, 1.2):
        victim = _child(curated, 20000, "c")
        time.sleep(delay)
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
        latest = layout.latest()
        assert latest in layout.published_versions()
        if latest != good:  # it finished before the kill: then it is whole
            _assert_intact(layout, latest)
            good = latest

    # The next run cleans the debris and publishes normally; the lock was not left held.
    after = _child(curated, 3, "d", lock_timeout=5)
    assert after.wait(timeout=120) == 0, after.stderr.read()
    assert not any(p.name.startswith(".tmp-") for p in layout.releases.iterdir())
    assert layout.latest() != good


def test_second_run_waits_for_the_lock_or_says_why(tmp_path: Path) -> None:
    curated = tmp_path / "curated"
    layout = CuratedLayout(curated)
    ready = tmp_path / "ready"
    holder = _child(curated, 3, "a", pause=str(ready))
    _wait_for(ready)
    try:
        with pytest.raises(LockTimeout, match="another renda run is publishing"):
            with exclusive_lock(layout.lock_file, timeout=0.5):
                pass
        blocked = _child(curated, 3, "b", lock_timeout=1)
        assert blocked.wait(timeout=60) != 0
        assert "another renda run is publishing" in blocked.stderr.read()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    # A waiting run goes ahead once the holder is gone, and nothing interleaved.
    waiting = _child(curated, 3, "c", lock_timeout=60)
    assert waiting.wait(timeout=120) == 0, waiting.stderr.read()
    assert len(layout.published_versions()) == 1
