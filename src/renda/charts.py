"""Charts of a release for its catalog page: SVG drawn at build time with matplotlib, each
with its numbers as a table beside it (no script, no CDN: the page stays offline).

The charts, in order (each one skipped when the release has no data for it):

1. Documents and fact rows per province.
2. Documents and fact rows per report year.
3. Turnout: how many election rows fall in each band of ``turnout_pct``.
4. Oversight methods: supervision rows per ``method``.
5. Deputies' work over time: the sum of each deputy metric's values per report year, for
   the four metrics reported most often.

Text stays text in the SVG (``svg.fonttype = none``), so the reader's browser draws the
Chinese labels with its own fonts; matplotlib escapes every label. The SVG carries no date
and a fixed id salt, so the same release gives the same bytes.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from renda.contract import FACT_TABLES

_BANDS = [(0, 80), (80, 90), (90, 95), (95, 98), (98, 100.01)]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    svg: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def _read(release: Path, name: str, columns: list[str]) -> list[dict[str, Any]]:
    path = release / f"{name}.parquet"
    if not path.exists():
        return []
    return pq.read_table(path, columns=columns).to_pylist()  # type: ignore[no-any-return]


def _svg(kind: str, labels: list[str], series: Mapping[str, Sequence[float]], ylabel: str) -> str:
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "renda",
                         "font.family": ["Noto Sans CJK SC", "WenQuanYi Zen Hei", "sans-serif"]})
    fig, ax = plt.subplots(figsize=(7, 3.2), dpi=72)
    try:
        if kind == "line":
            for name, values in series.items():
                ax.plot(labels, values, marker="o", label=name)
        else:
            width = 0.8 / max(1, len(series))
            for i, (name, values) in enumerate(series.items()):
                ax.bar([x + i * width for x in range(len(labels))], values, width=width, label=name)
            ax.set_xticks([x + width * (len(series) - 1) / 2 for x in range(len(labels))])
            ax.set_xticklabels(labels, rotation=45 if len(labels) > 6 else 0, ha="right"
                               if len(labels) > 6 else "center")
        ax.set_ylabel(ylabel)
        if len(series) > 1:
            ax.legend(fontsize=8)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    finally:
        plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]  # the element alone, to sit inline in a page


def release_charts(release: Path) -> list[Chart]:
    """Rules 1-5."""
    docs = _read(release, "documents", ["doc_id", "province", "report_year"])
    where = {d["doc_id"]: d for d in docs}
    rows_of: Counter[str] = Counter()
    for name in FACT_TABLES:
        for r in _read(release, name, ["doc_id"]):
            rows_of[r["doc_id"]] += 1
    charts: list[Chart] = []
    for key, field, title in (("province", "province", "Documents and rows per province"),
                              ("year", "report_year", "Documents and rows per report year")):
        n_docs: Counter[str] = Counter()
        n_rows: Counter[str] = Counter()
        for d in docs:
            label = "(none)" if d[field] is None else str(d[field])
            n_docs[label] += 1
            n_rows[label] += rows_of[d["doc_id"]]
        labels = sorted(n_docs, key=lambda k: (k == "(none)", k))
        if labels:
            charts.append(Chart(key, title, _svg("bar", labels, {
                "documents": [n_docs[k] for k in labels], "rows": [n_rows[k] for k in labels]},
                "count"), (field, "documents", "rows"),
                tuple((k, n_docs[k], n_rows[k]) for k in labels)))
    turnout = [r["turnout_pct"] for r in _read(release, "elections", ["turnout_pct"])
               if r["turnout_pct"] is not None]
    if turnout:
        bands = [f"{lo:g}–{min(hi, 100):g}%" for lo, hi in _BANDS]
        counts = [sum(1 for t in turnout if lo <= t < hi) for lo, hi in _BANDS]
        charts.append(Chart("turnout", "Turnout of the elections reported", _svg(
            "bar", bands, {"election rows": counts}, "rows"), ("turnout", "election rows"),
            tuple(zip(bands, counts))))
    methods = Counter(r["method"] for r in _read(release, "supervision", ["method"]))
    if methods:
        labels = sorted(methods, key=lambda m: (-methods[m], m))
        charts.append(Chart("methods", "Oversight methods", _svg(
            "bar", labels, {"supervision rows": [methods[m] for m in labels]}, "rows"),
            ("method", "supervision rows"), tuple((m, methods[m]) for m in labels)))
    deputy = _read(release, "deputy_activity", ["doc_id", "metric", "value"])
    by_metric: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for r in deputy:
        year = where.get(r["doc_id"], {}).get("report_year")
        if year is not None and r["value"] is not None:
            by_metric[r["metric"]][int(year)] += float(r["value"])
    if by_metric:
        often = Counter(r["metric"] for r in deputy)
        top = sorted((m for m in by_metric), key=lambda m: (-often[m], m))[:4]
        years = sorted({y for m in top for y in by_metric[m]})
        charts.append(Chart("deputies", "Deputies' work per report year (sum of values)", _svg(
            "line", [str(y) for y in years], {m: [by_metric[m].get(y, 0.0) for y in years]
                                              for m in top}, "sum of values"),
            ("report_year", *top), tuple((y, *(by_metric[m].get(y, 0.0) for m in top))
                                          for y in years)))
    return charts


__all__ = ["Chart", "release_charts"]
