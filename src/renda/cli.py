"""The ``renda`` command line: parses arguments and calls the library or a flow."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from renda import __version__

app = typer.Typer(
    name="renda",
    help="renda: an open dataset of the work of China's local people's congresses.\n\n"
         "Ingest raw reports, repair their layout, extract elections, supervision and deputy "
         "activity, and publish versioned releases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


# The curated folder, as every command that reads or writes releases takes it.
CURATED = typer.Option(Path("curated"), "--curated", help="Folder that holds releases/ and LATEST.")


def _quiet_prefect() -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@app.command()
def run(
    raw: Path = typer.Option(Path("raw"), "--raw", help="Folder of raw reports (.txt, .html/.htm/"
                             ".shtml, .pdf, .docx, each with an optional <name>.meta.yml "
                             "sidecar), searched recursively; other files are listed as rejects."),
    curated: Path = typer.Option(Path("curated"), "--curated",
                                 help="Folder that holds releases/ and LATEST."),
    strict: bool = typer.Option(False, "--strict", help="Publish nothing and exit 1 when any "
                                "report is rejected (default: publish the rest, exit 0)."),
    batch_size: int = typer.Option(200, "--batch-size", min=1,
                                   help="Reports per Prefect task."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Process every report again instead "
                                  "of reusing CURATED/cache (the cache is left as it is)."),
    task_runner: str = typer.Option("default", "--task-runner",
                                    help="default (threads in this process) or dask (needs "
                                    "PREFECT_API_URL: a real Prefect server)."),
    dask_address: Optional[str] = typer.Option(None, "--dask-address",
                                               help="Scheduler of an existing Dask cluster "
                                               "(tcp://host:8786); default: a local cluster."),
    dask_workers: int = typer.Option(2, "--dask-workers", min=1,
                                     help="Workers of the local Dask cluster."),
    fetch: bool = typer.Option(False, "--fetch", help="First fetch the sources of --sources "
                               "into RAW (the network is used only with this flag)."),
    sources: Path = typer.Option(Path("sources.yml"), "--sources",
                                 help="Source list read by --fetch."),
) -> None:
    """Run the release flow on RAW and publish a release into CURATED.

    Without PREFECT_API_URL the flow runs in Prefect's embedded mode (a temporary local
    server, nothing to start by hand); with it, the run is recorded on that server. With
    --fetch, the nightly flow runs instead: fetch the sources, then publish, with the
    night's fetch_log.csv in the release.
    """
    _quiet_prefect()
    if fetch:
        _check_sources(sources)
        raw.mkdir(parents=True, exist_ok=True)
    if not raw.is_dir():
        typer.echo(f"error: raw folder not found: {raw}", err=True)
        raise typer.Exit(2)
    mode = f"server {os.environ['PREFECT_API_URL']}" if os.environ.get("PREFECT_API_URL") else "embedded"
    typer.echo(f"renda {__version__}: running the release flow on {raw} ({mode} Prefect)")
    from flows.release import StrictModeError, with_task_runner

    try:
        flow_fn = with_task_runner(task_runner, dask_address, dask_workers)
    except (ValueError, RuntimeError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    try:
        if fetch:
            from flows.fetch import nightly_flow

            summary = nightly_flow(sources_file=sources.resolve(), raw_dir=raw.resolve(),
                                   curated_dir=curated.resolve(), strict=strict,
                                   use_cache=not no_cache)
            typer.echo(f"fetched: {summary['fetch']['outcomes'] if summary['fetch'] else 'nothing'}")
        else:
            summary = flow_fn(raw_dir=raw.resolve(), curated_dir=curated.resolve(),
                              strict=strict, batch_size=batch_size, use_cache=not no_cache)
    except StrictModeError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1)
    counts = ", ".join(f"{k} {v}" for k, v in summary["row_counts"].items())
    if summary["published"]:
        typer.echo(f"published release {summary['version']} at {summary['path']}")
    else:
        typer.echo(f"nothing new to publish: the tables equal release {summary['version']}, "
                   "which stays LATEST")
    typer.echo(f"rows: {counts}")
    if summary["rejected"] is None:
        typer.echo(f"reports: {summary['reports']}, unchanged since that release: nothing processed")
    else:
        typer.echo(f"reports: {summary['reports']} ({summary['cache_hits']} from cache), "
                   f"rejected: {summary['rejected']}"
                   + (" (see rejects.csv)" if summary["rejected"] else ""))


@app.command("normalize")
def normalize_cmd(
    path: Path = typer.Argument(..., help="A raw report file (.txt, .html, .pdf, .docx)."),
) -> None:
    """Print a report's normalized text: the text every published offset points into, read
    by the reader of its format as a run reads it."""
    from renda.ingest import FormatError, extract_text
    from renda.normalize import normalize

    try:
        extracted = extract_text(path.name, path.read_bytes())
    except (OSError, FormatError) as exc:
        typer.echo(f"error: {path}: {getattr(exc, 'reason', exc)}", err=True)
        raise typer.Exit(2)
    typer.echo(f"# {path} ({extracted.encoding})", err=True)
    sys.stdout.write(normalize(extracted.text) + "\n")


@app.command("validate")
def validate_cmd(
    release_dir: Path = typer.Argument(..., help="A published release folder (curated/releases/<version>)."),
    suites: Optional[Path] = typer.Option(None, "--suites", help="Folder of expectation suites "
                                          "(default: the repository's expectations/)."),
    report: Optional[Path] = typer.Option(None, "--report", help="Write results.json and index.html "
                                          "here (the release itself is never modified)."),
) -> None:
    """Re-validate a published release with the Great Expectations suites.

    Prints expectations run, failed and rows that would be quarantined per table; exits 1
    when a critical expectation fails.
    """
    import datetime as dt

    from renda.changes import read_release_tables
    from renda.settings import SUITES_DIR
    from renda.validate import validate_tables, write_reports

    _quiet_prefect()
    if not (release_dir / "documents.parquet").exists():
        typer.echo(f"error: {release_dir} is not a release (no documents.parquet)", err=True)
        raise typer.Exit(2)
    outcome = validate_tables(read_release_tables(release_dir), suites or SUITES_DIR,
                              today=dt.date.today())
    typer.echo(outcome.summary_markdown())
    if report is not None:
        write_reports(outcome, report)
        typer.echo(f"report written to {report / 'index.html'}")
    if not outcome.ok:
        for f in outcome.critical_failures:
            typer.echo(f"critical: {f.table}.{f.column}: {f.expectation} failed for "
                       f"{f.unexpected_count} row(s)", err=True)
        raise typer.Exit(1)


releases_app = typer.Typer(help="List and prune published releases.", no_args_is_help=True)
app.add_typer(releases_app, name="releases")


@releases_app.command("list")
def releases_list(
    curated: Path = CURATED,
) -> None:
    """List published releases, newest first, with row counts; LATEST is marked."""
    from renda.layout import CuratedLayout, version_key
    from renda.publish import row_counts

    layout = CuratedLayout(curated)
    latest = layout.latest()
    versions = sorted(layout.published_versions(), key=version_key, reverse=True)
    if not versions:
        typer.echo(f"no releases in {curated}")
        return
    for v in versions:
        counts = ", ".join(f"{k} {n}" for k, n in row_counts(layout.release(v)).items())
        typer.echo(f"{v}{'  (LATEST)' if v == latest else ''}  {counts}")


@releases_app.command("prune")
def releases_prune(
    keep: int = typer.Option(..., "--keep", min=1, help="How many of the newest releases to keep."),
    curated: Path = CURATED,
) -> None:
    """Delete all but the KEEP newest releases. The release LATEST names is never deleted."""
    from renda.catalog import build_catalog, prune
    from renda.layout import CuratedLayout

    layout = CuratedLayout(curated)
    removed = prune(layout, keep)
    build_catalog(layout)
    typer.echo(f"removed {len(removed)} release(s)" + (f": {', '.join(removed)}" if removed else ""))


cache_app = typer.Typer(help="The per-document cache under CURATED/cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear")
def cache_clear(
    curated: Path = CURATED,
) -> None:
    """Delete the per-document cache. Safe at any time: the next run processes every report."""
    from renda.cache import clear
    from renda.layout import CuratedLayout

    root = CuratedLayout(curated).cache
    typer.echo(f"removed {root}" if clear(root) else f"no cache at {root}")


@app.command("eval")
def eval_cmd(
    corpus: Path = typer.Option(Path("../shared/corpus"), "--corpus",
                                help="The real corpus: jiaocheng/, hailaer/, web/, formats/."),
    gold: Path = typer.Option(Path("../shared/eval/gold"), "--gold",
                              help="Gold files, one <folder>.json per corpus folder."),
    scorer: Path = typer.Option(Path("../shared/eval/score.py"), "--scorer",
                                help="The reference scorer whose matching rules are the measure."),
    work: Path = typer.Option(Path("build/eval"), "--work",
                              help="Scratch folder for the copied corpus and its release."),
    show: list[str] = typer.Option(["seed+hailaer", "web/tune", "formats"], "--show",
                                   help="Parts whose every miss, extra and wrong field is "
                                        "printed (all, seed+hailaer, web, web/tune, web/check, "
                                        "formats). web/check is held back: read its figures, "
                                        "not its misses, while tuning rules."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write every part's "
                                            "full result as JSON to this file."),
    release_dir: Optional[Path] = typer.Option(None, "--release", help="Score this release "
                                               "instead of running the flow."),
    quick: bool = typer.Option(False, "--quick", help="For iterating on rules: process the "
                               "corpus with the library alone (no Prefect, no validation, so no "
                               "quarantine) and score those tables; the flow's figures are the "
                               "measure."),
    addresses: bool = typer.Option(False, "--addresses", help="Give each page the sidecar of its "
                                   "address from its folder's SOURCES.tsv, as a fetch would "
                                   "(default: the text alone, as the reference measure reads "
                                   "the pages)."),
) -> None:
    """Run the release flow over the real corpus and score it with the reference scorer:
    P/R/F1 per table and micro-F1, documents field accuracies, offset violations and forbidden
    values taken, for the whole corpus and for each part (seed+hailaer, web/tune, web/check,
    formats)."""
    import json

    from renda.corpus_eval import ScorerError, format_report, load_golds, load_scorer, score_parts
    from renda.evaluate import assemble_eval_raw

    try:
        module = load_scorer(scorer)
        golds = load_golds(gold)
    except ScorerError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    if release_dir is None:
        if not corpus.is_dir():
            typer.echo(f"error: corpus folder not found: {corpus}", err=True)
            raise typer.Exit(2)
        raw = assemble_eval_raw(corpus, None, work / "raw", addresses=addresses)
        if quick:
            import datetime as dt
            import shutil

            from renda.ingest import discover
            from renda.pipeline import process_part

            release_dir = work / "quick"
            shutil.rmtree(release_dir, ignore_errors=True)
            process_part(raw, discover(raw), dt.date.today(), release_dir)
        else:
            _quiet_prefect()
            from flows.release import release_flow

            summary = release_flow(raw_dir=raw.resolve(), curated_dir=(work / "curated").resolve(),
                                   use_cache=True)
            release_dir = Path(summary["path"])
    results = score_parts(module, release_dir, golds)
    typer.echo(f"release: {release_dir}")
    typer.echo(format_report(results, show))
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str),
                            encoding="utf-8")


@app.command("eval-fixtures")
def eval_fixtures_cmd(
    corpus: Path = typer.Option(Path("../shared/corpus"), "--corpus",
                                help="Real reports copied beside the fixtures (jiaocheng/, hailaer/)."),
    gold: Path = typer.Option(Path("tests/gold"), "--gold",
                              help="Gold annotations: <table>.csv, covered.txt, fixtures/."),
    work: Path = typer.Option(Path("build/eval-fixtures"), "--work",
                              help="Scratch folder for the assembled raw root and its release."),
    min_f1: float = typer.Option(0.0, "--min-f1", help="Exit 1 when a table's F1 is below this."),
) -> None:
    """Regression check on the fixtures written here (tests/gold, tests/holdout), scored by
    renda.evaluate. Not a measure of accuracy: `renda eval` on the real corpus is."""
    _quiet_prefect()
    from flows.release import release_flow
    from renda.evaluate import assemble_eval_raw, evaluate, format_report, offset_violations

    raw = assemble_eval_raw(corpus, gold / "fixtures", work / "raw")
    summary = release_flow(raw_dir=raw.resolve(), curated_dir=(work / "curated").resolve(),
                           use_cache=False)
    report = evaluate(Path(summary["path"]), gold)
    typer.echo(format_report(report))
    violations = offset_violations(Path(summary["path"]))
    typer.echo(f"offset violations: {len(violations)}")
    if violations or report.below(min_f1):
        raise typer.Exit(1)


NIGHTLY_CRON = "0 2 * * *"
NIGHTLY_TIMEZONE = "Asia/Shanghai"


def _check_sources(sources: Path) -> None:
    from renda.fetch import SourcesError, load_sources

    try:
        load_sources(sources)
    except (OSError, SourcesError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)


@app.command("fetch")
def fetch_command(
    sources: Path = typer.Option(Path("sources.yml"), "--sources", help="The source list."),
    raw: Path = typer.Option(Path("raw"), "--raw", help="Folder the snapshots are written to."),
    log: Optional[Path] = typer.Option(None, "--log", help="Where fetch_log.csv goes (default: "
                                       "RAW/.fetch-logs/<UTC time>.csv, kept as provenance)."),
    rate: float = typer.Option(1.0, "--rate", min=0.01, help="Requests per second per host."),
) -> None:
    """Fetch the sources of SOURCES into RAW politely (robots.txt, a rate per host,
    conditional requests): each new page a snapshot with its sidecar; one row per request
    in the fetch log. Exits 0 even when some sources fail (the log says which)."""
    import datetime as dt
    import logging

    from renda.fetch import FAILURES, FetchSettings, fetch_sources, load_sources, write_fetch_log

    _check_sources(sources)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    log = log or raw / ".fetch-logs" / f"{stamp}.csv"
    log.parent.mkdir(parents=True, exist_ok=True)

    def progress(host: str, done: int, total: int) -> None:
        typer.echo(f"  {host}: {done}/{total}", err=True)

    report = fetch_sources(load_sources(sources), raw, FetchSettings(requests_per_second=rate),
                           progress=progress)
    write_fetch_log(report, log)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(report.counts().items())) or "no sources"
    failed = sum(1 for r in report.rows if r.outcome in FAILURES)
    typer.echo(f"fetched {len(report.rows)} URL(s): {counts}; {failed} failed; log {log}")


@app.command()
def serve(
    raw: Path = typer.Option(Path("raw"), "--raw", help="Folder of raw reports."),
    curated: Path = CURATED,
    sources: Path = typer.Option(Path("sources.yml"), "--sources",
                                 help="Source list fetched each night before the release."),
    name: str = typer.Option("renda-nightly", "--name", help="Deployment name."),
    cron: str = typer.Option(NIGHTLY_CRON, "--cron", help="Cron schedule, in --timezone."),
    timezone: str = typer.Option(NIGHTLY_TIMEZONE, "--timezone", help="Time zone of the schedule."),
) -> None:
    """Serve the nightly flow (fetch the sources, then publish) on a schedule from this
    process (nightly at 02:00 Asia/Shanghai).

    Needs a Prefect server (PREFECT_API_URL). Stopping with Ctrl-C leaves the schedule
    active (it is not paused), so another `renda serve` or a worker can pick it up.
    """
    _quiet_prefect()
    if not os.environ.get("PREFECT_API_URL"):
        typer.echo("error: renda serve needs a Prefect server: start one with `prefect server start` "
                   "and set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api)", err=True)
        raise typer.Exit(2)
    from prefect.schedules import Cron

    from flows.fetch import nightly_flow

    nightly_flow.serve(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters={"sources_file": str(sources.resolve()), "raw_dir": str(raw.resolve()),
                    "curated_dir": str(curated.resolve())},
        pause_on_shutdown=False,
    )


@app.command()
def catalog(
    curated: Path = CURATED,
) -> None:
    """Rebuild the static catalog (curated/index.html and curated/catalog/)."""
    from renda.catalog import build_catalog
    from renda.layout import CuratedLayout

    typer.echo(f"catalog written to {build_catalog(CuratedLayout(curated))}")


@app.command()
def version() -> None:
    """Print renda's version, the rule set and the data contract version."""
    from renda.contract import CONTRACT_VERSION
    from renda.settings import EXTRACTOR

    typer.echo(f"renda {__version__}, extractor {EXTRACTOR}, data contract v{CONTRACT_VERSION}")


if __name__ == "__main__":  # pragma: no cover
    app()
