"""Benchmarks of renda at scale: throughput, no-change reruns, peak memory, time per stage.

For each N (default 1,000 and 10,000) on a synthetic corpus (benchmarks/generate.py):
1. library alone: the pipeline as a plain loop (benchmarks/library_loop.py), no Prefect;
2. flow end to end: `renda run --no-cache` into an empty curated folder (embedded Prefect);
3. a first run with the cache, then a second run with nothing changed;
and, once, the library's throughput on the real corpus (benchmarks/real_corpus.py: MB of raw
report bytes per second on one core over the .txt files of ../shared/corpus).
Each is a fresh process; peak RSS is the largest resident size of that process and the
processes it waited for (the embedded Prefect server included). Results go to
benchmarks/RESULTS.md (the section between the markers is replaced).

    python benchmarks/bench.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = REPO / "build" / "bench"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
       "GX_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING"}
ENV.pop("PREFECT_API_URL", None)


def measured(cmd: list[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB of the process tree's largest member, stdout)."""
    wrapper = ("import resource, subprocess, sys, time, json;"
               "t=time.perf_counter(); p=subprocess.run(sys.argv[1:], capture_output=True, text=True);"
               "s=time.perf_counter()-t;"
               "print(json.dumps({'rc': p.returncode, 's': s, "
               "'rss': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024, "
               "'out': p.stdout[-20000:], 'err': p.stderr[-4000:]}))")
    result = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True,
                            env=ENV, cwd=REPO)
    data = json.loads(result.stdout)
    if data["rc"] != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{data['out']}\n{data['err']}")
    return data["s"], data["rss"], data["out"]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")


def run_size(n: int) -> dict[str, object]:
    raw = WORK / f"raw-{n}"
    if not raw.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--n", str(n), "--out", str(raw)],
                       check=True, cwd=REPO)
    mb = sum(p.stat().st_size for p in raw.rglob("*.txt")) / 1e6
    out: dict[str, object] = {"n": n, "mb": mb}

    cur = WORK / f"lib-{n}"
    shutil.rmtree(cur, ignore_errors=True)
    s, rss, stdout = measured([sys.executable, str(HERE / "library_loop.py"), str(raw), str(cur)])
    out["library"] = {"s": s, "rss": rss, **json.loads(stdout.strip().splitlines()[-1])}

    cur = WORK / f"flow-{n}"
    shutil.rmtree(cur, ignore_errors=True)
    s, rss, _ = measured([str(BIN / "renda"), "run", "--raw", str(raw), "--curated", str(cur), "--no-cache"])
    out["flow"] = {"s": s, "rss": rss}

    cur = WORK / f"cache-{n}"
    shutil.rmtree(cur, ignore_errors=True)
    s1, rss1, _ = measured([str(BIN / "renda"), "run", "--raw", str(raw), "--curated", str(cur)])
    s2, rss2, stdout = measured([str(BIN / "renda"), "run", "--raw", str(raw), "--curated", str(cur)])
    assert "nothing new to publish" in stdout, stdout
    out["cached_first"] = {"s": s1, "rss": rss1}
    out["rerun"] = {"s": s2, "rss": rss2}
    return out


def startup() -> float:
    """Seconds for an embedded-Prefect run over one tiny report: Prefect's fixed cost."""
    raw = WORK / "raw-1"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "r.txt").write_text("样例县人大常委会召开会议。", encoding="utf-8")
    cur = WORK / "cur-1"
    shutil.rmtree(cur, ignore_errors=True)
    s, _, _ = measured([str(BIN / "renda"), "run", "--raw", str(raw), "--curated", str(cur)])
    return s


def real_corpus() -> dict | None:
    """Throughput of the per-document work on the real corpus, or None without ../shared."""
    corpus = REPO.parent / "shared" / "corpus"
    if not corpus.is_dir():
        return None
    result = subprocess.run([sys.executable, str(HERE / "real_corpus.py"), "--corpus", str(corpus)],
                            capture_output=True, text=True, env=ENV, cwd=REPO, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def report(results: list[dict], fixed: float, real: dict | None = None) -> str:
    lines = ["<!-- bench:start -->", f"Measured {time.strftime('%Y-%m-%d')} on {machine()}.", "",
             f"Fixed cost of one embedded-Prefect run (one tiny report): {fixed:.1f} s.", ""]
    if real is not None:
        lines += [f"Real corpus (the {real['documents']} `.txt` reports of ../shared/corpus, "
                  f"{real['bytes'] / 1e6:.2f} MB; decode, normalize, describe, extract on one core, "
                  f"best of 5): **{real['mb_per_s']:.2f} MB/s** ({real['best_s']:.3f} s).", ""]
    lines += [
             "| N | MB | library alone | docs/s | MB/s | flow end to end | flow / library | "
             "cached first run | no-change rerun | rerun / first | peak RSS library | peak RSS flow |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lib, flow = r["library"], r["flow"]
        lines.append(
            f"| {r['n']:,} | {r['mb']:.1f} | {lib['s']:.1f} s | {r['n'] / lib['s']:.0f} | "
            f"{r['mb'] / lib['s']:.2f} | {flow['s']:.1f} s | {flow['s'] / lib['s']:.2f}× | "
            f"{r['cached_first']['s']:.1f} s | {r['rerun']['s']:.1f} s | "
            f"{r['rerun']['s'] / flow['s']:.0%} | {lib['rss']:.0f} MB | {flow['rss']:.0f} MB |")
    lines += ["", "Time per stage, library alone (seconds):", "",
              "| N | " + " | ".join(results[0]["library"]["stages"]) + " |",
              "|---:|" + "---:|" * len(results[0]["library"]["stages"])]
    for r in results:
        lines.append(f"| {r['n']:,} | " + " | ".join(f"{v:.1f}" for v in r["library"]["stages"].values()) + " |")
    if len(results) >= 2:
        small, large = results[0], results[-1]
        lines += ["", f"Peak RSS of the flow at {large['n']:,} / at {small['n']:,}: "
                  f"{large['flow']['rss'] / small['flow']['rss']:.2f}×."]
    lines.append("<!-- bench:end -->")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="renda benchmarks")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    real = real_corpus()
    fixed = startup()
    results = [run_size(n) for n in args.sizes]
    section = report(results, fixed, real)
    print(section)
    path = HERE / "RESULTS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n\n"
    if "<!-- bench:start -->" in text:
        head, rest = text.split("<!-- bench:start -->", 1)
        tail = rest.split("<!-- bench:end -->", 1)[1]
        text = head + section + tail
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")
    (WORK / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
