"""The per-document cache and the inputs fingerprint."""

import datetime as dt
from pathlib import Path

import pytest

from renda import cache, pipeline

TODAY = dt.date(2022, 5, 1)
TEXT = "样例县人大常委会召开会议。全县建成代表联络站12个，联络点40个。"


def _raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    (raw / "b.txt").write_text("乙" + TEXT, encoding="utf-8")
    return raw


def test_second_batch_comes_from_the_cache_and_equals_the_first(tmp_path: Path) -> None:
    raw = _raw(tmp_path)
    first = pipeline.process_batch(raw, ["a.txt", "b.txt"], TODAY, tmp_path / "cache")
    second = pipeline.process_batch(raw, ["a.txt", "b.txt"], TODAY, tmp_path / "cache")
    assert (first.cache_hits, second.cache_hits) == (0, 2)
    assert [d.document for d in first.documents] == [d.document for d in second.documents]
    assert [d.facts for d in first.documents] == [d.facts for d in second.documents]


def test_changed_report_is_processed_alone(tmp_path: Path) -> None:
    raw = _raw(tmp_path)
    pipeline.process_batch(raw, ["a.txt", "b.txt"], TODAY, tmp_path / "cache")
    (raw / "b.txt").write_text("丙" + TEXT, encoding="utf-8")
    again = pipeline.process_batch(raw, ["a.txt", "b.txt"], TODAY, tmp_path / "cache")
    assert again.cache_hits == 1


def test_new_rules_miss_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _raw(tmp_path)
    pipeline.process_batch(raw, ["a.txt"], TODAY, tmp_path / "cache")
    monkeypatch.setattr(cache, "ruleset_fingerprint", lambda: "other-rules")
    assert pipeline.process_batch(raw, ["a.txt"], TODAY, tmp_path / "cache").cache_hits == 0


def test_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    raw = _raw(tmp_path)
    pipeline.process_batch(raw, ["a.txt"], TODAY, tmp_path / "cache")
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    result = pipeline.process_batch(raw, ["a.txt"], TODAY, tmp_path / "cache")
    assert result.cache_hits == 0 and len(result.documents) == 1


def test_inputs_fingerprint_tracks_bytes_sidecars_suites_and_paths(tmp_path: Path) -> None:
    raw = _raw(tmp_path)
    suites = tmp_path / "suites"
    suites.mkdir()
    (suites / "documents.json").write_text("{}", encoding="utf-8")
    base = cache.inputs_fingerprint(raw, ["a.txt", "b.txt"], suites, TODAY)
    assert base == cache.inputs_fingerprint(raw, ["a.txt", "b.txt"], suites, TODAY)
    assert base != cache.inputs_fingerprint(raw, ["a.txt"], suites, TODAY)
    (raw / "a.meta.yml").write_text("report_year: 2021\n", encoding="utf-8")
    with_sidecar = cache.inputs_fingerprint(raw, ["a.txt", "b.txt"], suites, TODAY)
    assert with_sidecar != base
    (suites / "documents.json").write_text('{"x": 1}', encoding="utf-8")
    assert cache.inputs_fingerprint(raw, ["a.txt", "b.txt"], suites, TODAY) != with_sidecar
    remembered = cache.PublishedInputs(tmp_path / "c")
    assert remembered.version_for(base) is None
    remembered.remember(base, "2022.05.01")
    assert remembered.version_for(base) == "2022.05.01"
    assert remembered.version_for(with_sidecar) is None


def test_entries_of_other_rule_sets_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _raw(tmp_path)
    pipeline.process_batch(raw, ["a.txt"], TODAY, tmp_path / "cache")
    old_folder = cache.DocumentCache(tmp_path / "cache").folder
    cache.PublishedInputs(tmp_path / "cache").remember("f", "2022.05.01")
    monkeypatch.setattr(cache, "ruleset_fingerprint", lambda: "other-rules")
    current = cache.DocumentCache(tmp_path / "cache")
    assert current.prune_other_rulesets() == [old_folder]
    assert not old_folder.exists()
    assert cache.PublishedInputs(tmp_path / "cache").version_for("f") == "2022.05.01"
