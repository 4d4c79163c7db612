"""The release flow: discover -> process in batches -> assemble -> publish.

Tasks are thin wrappers around :mod:`renda` library functions. Documents are processed in
batches (``batch_size`` reports per task) so that Prefect's per-task cost stays small
against the work; only I/O tasks retry.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from renda import cache, catalog, pipeline, publish, release, validate
from renda.ingest import Reject, discover
from renda.layout import CuratedLayout
from renda.settings import BATCH_SIZE, SUITES_DIR


class StrictModeError(RuntimeError):
    """Raised by a ``strict`` run when any input was rejected."""


@task(name="discover-reports", retries=2, retry_delay_seconds=[1, 5])
def discover_reports(raw_dir: Path) -> tuple[list[str], list[Reject]]:
    """Every file below ``raw_dir`` to process, and the older snapshots of fetched addresses
    set aside (a release holds the newest version of each page; see
    :func:`renda.fetch.snapshots.superseded_snapshots`)."""
    from renda.fetch.snapshots import superseded_snapshots

    superseded = superseded_snapshots(raw_dir)
    files = [f for f in discover(raw_dir) if f not in superseded]
    return files, [Reject(old, f"an older snapshot of its address, superseded by {new} "
                               "(kept in raw/ for the releases made from it)")
                   for old, new in sorted(superseded.items())]


@task(name="fingerprint-inputs", retries=2, retry_delay_seconds=[1, 5])
def fingerprint_inputs(raw_dir: Path, files: list[str], suites_dir: Path, today: dt.date) -> str:
    return cache.inputs_fingerprint(raw_dir, files, suites_dir, today)


@task(name="prune-cache", retries=2, retry_delay_seconds=[1, 5])
def prune_cache(cache_dir: Path) -> int:
    return len(cache.DocumentCache(cache_dir).prune_other_rulesets())


@task(name="process-batch")
def process_batch(raw_dir: Path, source_files: list[str], today: dt.date, part_dir: Path,
                  cache_dir: Path | None) -> pipeline.PartSummary:
    return pipeline.process_part(raw_dir, source_files, today, part_dir, cache_dir)


@task(name="validate-and-publish")
def validate_and_publish(curated_dir: Path, parts: list[pipeline.PartSummary], today: dt.date,
                         created: str, suites_dir: Path,
                         fetch_log: Path | None = None,
                         set_aside: list[Reject] | None = None) -> release.PublishOutcome:
    return release.publish_parts(CuratedLayout(curated_dir), parts, today=today,
                                 created=created, suites_dir=suites_dir, fetch_log=fetch_log,
                                 set_aside=set_aside or [])


@task(name="build-catalog", retries=2, retry_delay_seconds=[1, 5])
def build_catalog(curated_dir: Path, raw_dir: Path | None = None) -> Path:
    return catalog.build_catalog(CuratedLayout(curated_dir), raw_root=raw_dir)


def _batches(items: list[str], size: int) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


# Batches are CPU-bound Python: threads would only contend for the GIL and hold several
# batches in memory at once. One at a time here; `--task-runner dask` runs them in parallel.
@flow(name="renda-release", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=1))
def release_flow(raw_dir: Path, curated_dir: Path, strict: bool = False,
                 batch_size: int = BATCH_SIZE, use_cache: bool = True,
                 suites_dir: Path = SUITES_DIR, fetch_log: Path | None = None) -> dict[str, Any]:
    """Build and publish a release of every report below ``raw_dir`` into ``curated_dir``
    (with ``fetch_log``, the fetch report of the night published beside it).

    With ``use_cache`` (the default), reports processed before with the same bytes and rule
    set are taken from ``curated_dir/cache`` instead of being processed again.
    """
    logger = get_run_logger()
    raw_dir, curated_dir = Path(raw_dir), Path(curated_dir)
    now = dt.datetime.now(dt.timezone.utc)
    files, set_aside = discover_reports(raw_dir)
    logger.info("discover: %d reports below %s (%d older snapshots set aside)", len(files),
                raw_dir, len(set_aside))
    batches = _batches(files, max(1, batch_size))
    layout = CuratedLayout(curated_dir)
    cache_dir = layout.cache if use_cache else None
    fingerprint = fingerprint_inputs(raw_dir, files, Path(suites_dir), now.date())
    remembered = cache.PublishedInputs(layout.cache)
    latest = layout.latest()
    if use_cache and not strict and latest is not None \
            and remembered.version_for(fingerprint) == latest \
            and layout.release(latest).is_dir():
        logger.info("inputs unchanged since release %s (fingerprint %s): nothing to do",
                    latest, fingerprint[:12])
        create_markdown_artifact(key="renda-release", markdown=f"# renda: inputs unchanged\n\n"
                                 f"Release {latest} stays LATEST; nothing processed.\n",
                                 description="Nothing new to publish")
        return {"published": False, "version": latest, "path": str(layout.release(latest)),
                "row_counts": publish.row_counts(layout.release(latest)), "rejected": None,
                "quarantined": None, "reports": len(files), "cache_hits": len(files)}
    if cache_dir is not None:
        pruned = prune_cache(cache_dir)
        if pruned:
            logger.info("cache: dropped %d folder(s) of entries made by other rule sets", pruned)
    work = layout.work(now.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6])
    try:
        futures = [process_batch.submit(raw_dir, b, now.date(), work / f"part-{i:05d}", cache_dir)
                   for i, b in enumerate(batches)]
        parts: list[pipeline.PartSummary] = []
        done = 0
        for i, fut in enumerate(futures, 1):
            part = fut.result()
            parts.append(part)
            done += len(batches[i - 1])
            logger.info("process: batch %d/%d, %d/%d reports (%d rejected in batch)",
                        i, len(batches), done, len(files), len(part.rejects))
        rejected = [r for p in parts for r in p.rejects]
        hits = sum(p.cache_hits for p in parts)
        logger.info("process: %d documents, %d from cache, %d rejected",
                    sum(len(p.documents) for p in parts), hits, len(rejected))
        for reject in rejected:
            logger.warning("rejected %s: %s", reject.source_file, reject.reason)
        if strict and rejected:
            raise StrictModeError(f"{len(rejected)} report(s) rejected; nothing published (--strict)")
        try:
            outcome = validate_and_publish(curated_dir, parts, now.date(),
                                           now.isoformat(timespec="seconds"), Path(suites_dir),
                                           Path(fetch_log) if fetch_log else None, set_aside)
        except validate.CriticalValidationError as exc:
            outcome_blocked = getattr(exc, "outcome", None)
            if outcome_blocked is not None:
                create_markdown_artifact(key="renda-validation", markdown=outcome_blocked.summary_markdown(),
                                         description="Great Expectations: the release was blocked")
            logger.error("validation: critical failures, nothing published\n%s", exc)
            raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    create_markdown_artifact(key="renda-validation", markdown=outcome.validation_summary,
                             description="Great Expectations: expectations run, failed, rows quarantined")
    if outcome.published:
        logger.info("publish: release %s at %s; rows %s; %d rejected, %d quarantined",
                    outcome.version, outcome.path, outcome.row_counts, outcome.n_rejects,
                    outcome.n_quarantined)
    else:
        logger.info("publish: nothing new; tables equal release %s, which stays LATEST",
                    outcome.version)
    if use_cache:
        remembered.remember(fingerprint, outcome.version)
    index = build_catalog(curated_dir, raw_dir)
    logger.info("catalog: %s", index)
    summary = {
        "published": outcome.published,
        "version": outcome.version,
        "path": str(outcome.path),
        "row_counts": outcome.row_counts,
        "rejected": outcome.n_rejects,
        "quarantined": outcome.n_quarantined,
        "reports": len(files),
        "cache_hits": hits,
        "flow_run_id": str(flow_run.get_id()),
    }
    create_table_artifact(key="renda-rows-by-doc-type", table=release.rows_by_doc_type(outcome.path),
                          description=f"Documents and rows per document type, release {outcome.version}")
    rows = "\n".join(f"| {k} | {v} |" for k, v in outcome.row_counts.items())
    status = "published" if outcome.published else "unchanged (nothing published)"
    create_markdown_artifact(
        key="renda-release",
        markdown=f"# renda release {outcome.version}: {status}\n\n| table | rows |\n|---|---|\n"
                 f"{rows}\n\nReports: {len(files)}, rejected: {outcome.n_rejects}\n",
        description="Rows per table of the published release",
    )
    return summary


def with_task_runner(kind: str, address: str | None = None, workers: int = 2) -> Any:
    """The release flow with the task runner asked for: ``default`` or ``dask``.

    ``dask`` runs the per-document batches on a Dask cluster through prefect-dask: the one at
    ``address`` (``tcp://host:8786``), or a local cluster of ``workers`` processes. Dask
    workers report to the Prefect API, so a real server (PREFECT_API_URL) is required;
    without one each worker would start its own temporary server.
    """
    if kind == "default":
        return release_flow
    if kind != "dask":
        raise ValueError(f"unknown task runner {kind!r}: use 'default' or 'dask'")
    import os

    if not os.environ.get("PREFECT_API_URL"):
        raise RuntimeError(
            "--task-runner dask needs a Prefect server: Dask workers report their task runs to "
            "the Prefect API, and without PREFECT_API_URL each worker would start its own "
            "temporary server. Start one (`prefect server start`) and set PREFECT_API_URL, "
            "e.g. http://127.0.0.1:4200/api")
    from prefect_dask import DaskTaskRunner

    runner = (DaskTaskRunner(address=address) if address else
              DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                             "processes": True, "dashboard_address": None}))
    return release_flow.with_options(task_runner=runner)
