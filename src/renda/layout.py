"""The one place that knows where files live under ``curated/``.

```
curated/
  LATEST                    name of the newest release (one line)
  releases/<version>/       a published release (never modified after the rename)
  releases/.tmp-*/          a release being written (removed or renamed, never published)
```
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CuratedLayout:
    root: Path

    @property
    def releases(self) -> Path:
        return self.root / "releases"

    @property
    def latest_file(self) -> Path:
        return self.root / "LATEST"

    def release(self, version: str) -> Path:
        return self.releases / version

    def staging(self, version: str, token: str) -> Path:
        return self.releases / f".tmp-{version}-{token}"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    def work(self, run_id: str) -> Path:
        """Scratch folder of one run (processed parts); removed when the run ends."""
        return self.root / ".work" / run_id

    def failed_validation(self, stamp: str) -> Path:
        """Reports of a run blocked by a critical validation failure (nothing published)."""
        return self.root / "validation-failures" / stamp

    @property
    def lock_file(self) -> Path:
        return self.root / ".lock"

    def latest(self) -> str | None:
        try:
            name = self.latest_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name or None

    def published_versions(self) -> list[str]:
        if not self.releases.is_dir():
            return []
        return sorted(
            (p.name for p in self.releases.iterdir() if p.is_dir() and not p.name.startswith(".")),
            key=version_key,
        )


def version_key(version: str) -> tuple[int, ...]:
    """Sort key for calendar versions ``YYYY.MM.DD`` and ``YYYY.MM.DD.N``."""
    parts = version.split(".")
    nums = tuple(int(p) for p in parts if p.isdigit())
    return nums + (1,) if len(nums) == 3 else nums
