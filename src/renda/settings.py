"""Defaults in one place. Environment variables are for deployment only (see README)."""

from __future__ import annotations

from pathlib import Path

RULESET_NAME = "rules"
RULESET_VERSION = "1.0.0"
EXTRACTOR = f"{RULESET_NAME}/{RULESET_VERSION}"

# Documents per Prefect task: large enough that Prefect's per-task cost (~7 ms plus a few
# database writes) is small against the work, small enough to spread over workers.
BATCH_SIZE = 200

DATASET_NAME = "renda"
DATASET_TITLE = "renda: work of China's local people's congresses"
DATASET_LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                   "title": "Creative Commons Attribution 4.0"}

# Great Expectations suites, one JSON file per table (reviewed like code).
SUITES_DIR = Path(__file__).resolve().parents[2] / "expectations"
