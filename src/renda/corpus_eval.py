"""The measure of truth: a release of the real corpus scored by the reference scorer.

``make eval`` runs the release flow over all of ``../shared/corpus`` (jiaocheng, hailaer,
web, formats) and scores the release with ``../shared/eval/score.py``, the reference scorer
whose matching rules are the measure (``../shared/eval/README.md``). This module does not
re-implement those rules: it loads the scorer's file and calls its ``score`` function, once
for the whole corpus and once per part, on gold files restricted to that part's documents.

The parts:

* ``seed+hailaer``: the seed report (``jiaocheng``) and the eight Hailar government reports;
* ``web/tune`` and ``web/check``: the real web pages, split by a fixed rule written before any
  rule was tuned on them (:func:`web_part`). Rules are tuned on ``web/tune`` only; ``web/check``
  is read for its figures, never for its misses, so the gap between the two estimates how
  the rules generalise to pages nobody here has read;
* ``formats``: the HTML, PDF, government reports and laws of ``formats/``.

Pure functions: the CLI runs the flow and hands the release here.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable

FACT_TABLES = ("elections", "supervision", "deputy_activity")
# Gold lists of rows (each names its document by ``file``).
_ROW_LISTS = ("elections", "supervision_topics", "deputy_activity", "forbidden", "forbidden_topics")

# The split of web/: a page is in the check part when the first hex digit of the SHA-256 of
# its raw bytes is 0-4 (25 of the 105 pages), in the tune part otherwise. Fixed before any
# rule was changed; never to be redrawn after reading the check part.
CHECK_DIGITS = frozenset("01234")


def web_part(sha256: str) -> str:
    """``check`` or ``tune`` for a web page, by the first hex digit of its SHA-256."""
    return "check" if sha256[:1].lower() in CHECK_DIGITS else "tune"


class ScorerError(RuntimeError):
    """The reference scorer or a gold file could not be loaded; the message names it."""


def load_scorer(path: Path) -> ModuleType:
    """Import the reference scorer from its file (it is not a package)."""
    if not path.is_file():
        raise ScorerError(f"{path}: reference scorer not found (is ../shared beside the clone?)")
    spec = importlib.util.spec_from_file_location("renda_reference_scorer", path)
    if spec is None or spec.loader is None:
        raise ScorerError(f"{path}: cannot be imported as a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not callable(getattr(module, "score", None)):
        raise ScorerError(f"{path}: has no score(release, golds) function")
    return module


def load_golds(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Every ``<folder>.json`` of the gold directory, keyed by folder name."""
    golds: dict[str, dict[str, Any]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ScorerError(f"{path}: not a readable gold file: {exc}") from exc
        if not isinstance(gold, dict) or not isinstance(gold.get("documents"), list):
            raise ScorerError(f"{path}: a gold file is an object with a 'documents' list")
        golds[path.stem] = gold
    if not golds:
        raise ScorerError(f"{gold_dir}: no gold files (*.json)")
    return golds


def restrict(gold: dict[str, Any], keep: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """The gold file limited to the documents ``keep`` accepts, with their rows."""
    docs = [d for d in gold["documents"] if keep(d)]
    files = {d.get("file") for d in docs}
    out = {k: v for k, v in gold.items() if k not in _ROW_LISTS and k != "documents"}
    out["documents"] = docs
    for name in _ROW_LISTS:
        if name in gold:
            out[name] = [r for r in gold[name] if r.get("file") in files]
    return out


@dataclass(frozen=True)
class Part:
    name: str
    golds: list[dict[str, Any]]


def _in_part(name: str) -> Callable[[dict[str, Any]], bool]:
    return lambda doc: web_part(str(doc["sha256"])) == name


def parts(golds: dict[str, dict[str, Any]]) -> list[Part]:
    """The corpus as a whole, then each part scored on its own."""
    out = [Part("all", list(golds.values()))]
    seed = [golds[k] for k in ("jiaocheng", "hailaer") if k in golds]
    if seed:
        out.append(Part("seed+hailaer", seed))
    if "web" in golds:
        web = golds["web"]
        out.append(Part("web", [web]))
        for name in ("tune", "check"):
            out.append(Part(f"web/{name}", [restrict(web, _in_part(name))]))
    if "formats" in golds:
        out.append(Part("formats", [golds["formats"]]))
    return out


def score_parts(scorer: ModuleType, release: Path, golds: dict[str, dict[str, Any]]
                ) -> dict[str, dict[str, Any]]:
    """The reference scorer's result for every part, keyed by part name."""
    return {p.name: scorer.score(release, p.golds) for p in parts(golds)}


# --- report ---------------------------------------------------------------------------------


def summary_line(name: str, r: dict[str, Any]) -> str:
    t = r["tables"]
    md = r["metadata"]
    docs = " ".join(f"{f}={v['right']}/{v['total']}" for f, v in md.items() if v["total"])
    return (f"{name:13} micro P={r['micro']['precision']:.3f} R={r['micro']['recall']:.3f} "
            f"F1={r['micro']['f1']:.3f} | "
            + " ".join(f"{k[:4]}={t[k]['f1']:.3f}" for k in FACT_TABLES)
            + f" | offsets={r['offset_violations']} forbidden={len(r['forbidden_taken'])}"
            + f" unusable_rows={r['unusable_rows']}\n{'':13} documents {docs}")


def _dump(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def details(name: str, r: dict[str, Any]) -> Iterable[str]:
    """Every miss, extra, wrong document field and forbidden value of one part."""
    yield f"=== {name}: details"
    for table in FACT_TABLES:
        s = r["tables"][table]
        yield (f"--- {table}: P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
               f"(tp={s['tp']} fp={s['fp']} fn={s['fn']})")
        for m in s["misses"]:
            yield "   miss  " + _dump(m)
        for e in s["extras"]:
            yield "   extra " + _dump(e)
    for field, v in r["metadata"].items():
        for w in v["wrong"]:
            yield f"   wrong {field} " + _dump(w)
    for f in r["forbidden_taken"]:
        yield "   forbidden " + _dump(f)
    if r["documents_missing"]:
        yield f"   documents missing from the release: {', '.join(map(str, r['documents_missing']))}"


def format_report(results: dict[str, dict[str, Any]], show: Iterable[str]) -> str:
    """Figures of every part, then the details of the parts named in ``show``."""
    lines = [summary_line(name, r) for name, r in results.items()]
    for name in show:
        if name in results:
            lines.extend(details(name, results[name]))
    return "\n".join(lines)
