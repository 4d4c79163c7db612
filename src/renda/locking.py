"""One publisher at a time per curated folder.

An exclusive ``flock`` on ``curated/.lock``: the kernel releases it when the holder exits,
even by ``kill -9``, so a crashed run never leaves a stale lock behind. A second run waits up
to ``timeout`` seconds, then fails with a message saying who holds the lock.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class LockTimeout(RuntimeError):
    pass


@contextmanager
def exclusive_lock(path: Path, timeout: float = 600.0, poll: float = 0.2) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "unknown"
                    raise LockTimeout(
                        f"another renda run is publishing into {path.parent} (lock {path}, held "
                        f"by {holder}); waited {timeout:.0f} s. Try again when it has finished."
                    ) from None
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%dT%H:%M:%S%z')}".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
