"""What the metamorphic tests of the three extractors share (``tests/*_metamorphic.py``).

A metamorphic test rewrites a real page the way another site might print the same facts and
asks that the rows stay the same, or change as the rewrite predicts. This module holds the
harness: where the real pages are, the tune web pages (the part is decided from the sha256
of the bytes before anything else of a page is read, so the check part is never read), the
figures of a text, and measuring a perturbation over pages into an invariance table. Each
table's module adds its pages, its rows and its perturbations.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from renda.corpus_eval import web_part
from renda.ingest import decode_bytes
from renda.normalize import normalize
from renda.numbers import find_quantities

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO.parent / "shared").resolve()
CORPUS = SHARED / "corpus"
GOLD = SHARED / "eval" / "gold"
SEED = "jiaocheng/000_8ce6929504822e66.txt"
TODAY = dt.date(2026, 12, 2)

# A perturbation returns the new text, or (new text, how the rows change), or None when it
# does not apply to the page.
Perturb = Callable[[str], Any]


def corpus_available(gold: bool = False) -> bool:
    """The seed report and web/ are beside the clone (and the gold too, with ``gold``)."""
    found = (CORPUS / SEED).is_file() and (CORPUS / "web").is_dir()
    return found and (not gold or (GOLD / "web.json").is_file())


def read_text(data: bytes) -> str:
    """A raw report's bytes decoded and normalized, as the pipeline reads them."""
    return normalize(decode_bytes(data)[0])


def tune_pages() -> list[tuple[Path, bytes]]:
    """The tune web pages with their bytes, in path order; nothing of a check page but its
    hash is read."""
    out = []
    for path in sorted((CORPUS / "web").glob("*/*.txt")):
        data = path.read_bytes()
        if web_part(hashlib.sha256(data).hexdigest()) == "tune":
            out.append((path, data))
    return out


def page_name(path: Path) -> str:
    return f"web/{path.parent.name}/{path.name}"


# --- figures -----------------------------------------------------------------------------

def figure_pattern(units: str) -> re.Pattern[str]:
    """A figure in Arabic digits with the unit after it (186名, 15.59万人, 96.28%); ``units``
    is a regex alternation of the units."""
    return re.compile(r"(?<![0-9.,])(?P<num>[0-9]+(?:\.[0-9]+)?)(?P<mult>万|亿)?"
                      r"(?P<unit>" + units + ")")


def figures(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """The figures of ``pattern`` that find_quantities reads as quantities (not dates,
    ordinals, terms)."""
    starts = {q.start for q in find_quantities(text)}
    return [m for m in pattern.finditer(text)
            if m.start() in starts or m.start() - 1 in starts]


def sub_figures(text: str, pattern: re.Pattern[str],
                fn: Callable[[re.Match[str]], str | None]) -> str:
    """The text with each figure replaced by ``fn(match)`` (kept where it returns None)."""
    out, pos = [], 0
    for m in figures(text, pattern):
        new = fn(m)
        if new is None:
            continue
        out.append(text[pos:m.start()])
        out.append(new)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


# --- measuring ---------------------------------------------------------------------------

@dataclass
class Outcome:
    name: str
    applied: int = 0                 # pages the perturbation changed
    invariant: int = 0               # ... whose rows were as expected
    failures: list[tuple[str, Any, Any]] = field(default_factory=list)  # (page, want, got)

    @property
    def rate(self) -> float:
        return self.invariant / self.applied if self.applied else 1.0


def measure(perturb: Perturb, pages: Iterable[tuple[str, str]], originals: dict[str, Any],
            rows_of: Callable[[str], Any], same: Callable[[Any, Any], bool]) -> Outcome:
    """Apply one perturbation to every page; count the pages it changed and those whose rows
    (``rows_of``) stayed as expected (``same(want, got)``)."""
    outcome = Outcome(perturb.__name__)
    for name, text in pages:
        result = perturb(text)
        if result is None:
            continue
        new_text, expect = (result, None) if isinstance(result, str) else result
        if new_text == text:
            continue
        want = originals[name] if expect is None else expect(originals[name])
        outcome.applied += 1
        got = rows_of(new_text)
        if same(want, got):
            outcome.invariant += 1
        else:
            outcome.failures.append((name, want, got))
    return outcome


def table(outcomes: list[Outcome], width: int = 28) -> str:
    """The invariance rate of every perturbation, and of all together."""
    lines = [f"{'perturbation':{width}} {'pages':>5} {'same':>5} {'rate':>6}"]
    for o in outcomes:
        lines.append(f"{o.name:{width}} {o.applied:5d} {o.invariant:5d} {o.rate:6.2f}")
    total = sum(o.applied for o in outcomes)
    same = sum(o.invariant for o in outcomes)
    lines.append(f"{'all':{width}} {total:5d} {same:5d} {same / total if total else 1:6.2f}")
    return "\n".join(lines)


def same_sorted(a: list[Any], b: list[Any]) -> bool:
    """The same rows, in any order."""
    return sorted(a, key=repr) == sorted(b, key=repr)


# --- numerals and figure rewrites ----------------------------------------------------------
# Each rewrite takes a match of a figure pattern and returns its new spelling, or None to
# keep it; a table's module applies them with ``sub_figures`` and its own figure pattern.

_CN_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """186 -> 一百八十六, 12 -> 十二, 105 -> 一百零五, 2085 -> 二千零八十五 (n < 10000)."""
    if n == 0:
        return "零"
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if d == 1 and unit == "十" and not out else _CN_DIGITS[d]) + unit
    return out


def chinese_decimal(s: str) -> str:
    """'96.28' -> 九十六点二八."""
    whole, _, frac = s.partition(".")
    out = chinese_numeral(int(whole))
    return out + ("点" + "".join(_CN_DIGITS[int(c)] for c in frac) if frac else "")


def grouped_by_spaces(m: re.Match[str]) -> str | None:
    """A figure of four digits or more grouped by spaces (262 624名), as some pages print."""
    num = m.group("num")
    if "." in num or len(num) < 4 or m.group("mult"):
        return None
    head = len(num) % 3 or 3
    parts = [num[:head]] + [num[i:i + 3] for i in range(head, len(num), 3)]
    return " ".join(parts) + m.group("unit")


def spaced_from_unit(m: re.Match[str]) -> str:
    """Spaces around a figure, before its unit (代表 186 名)."""
    return " " + m.group("num") + (m.group("mult") or "") + " " + m.group("unit")


def count_in_chinese(m: re.Match[str]) -> str | None:
    """A count below 10000 in Chinese numerals (186名 → 一百八十六名)."""
    num = m.group("num")
    if "." in num or m.group("mult") or m.group("unit") == "%" or int(num) >= 10000:
        return None
    return chinese_numeral(int(num)) + m.group("unit")


def written_out(m: re.Match[str]) -> str | None:
    """A figure in 万 or 亿 written out (15.59万名 → 155900名)."""
    if not m.group("mult"):
        return None
    value = float(m.group("num")) * (10000 if m.group("mult") == "万" else 100000000)
    return str(int(round(value))) + m.group("unit")


def shift_all(text: str, pattern: re.Pattern[str]) -> tuple[str, dict[float, float]] | None:
    """Every Arabic figure of ``pattern`` changed (186 → 1867, 15.59万 → 15.597万, 96.28% →
    95.17%), with the map of old values to new. None when a value is written both changed
    and unchanged (what the rows should become would be ambiguous)."""
    mapping: dict[float, float] = {}

    def shift(m: re.Match[str]) -> str:
        num, mult, unit = m.group("num"), m.group("mult") or "", m.group("unit")
        if unit == "%":
            value = float(num)
            new = f"{value - 1.11:.2f}" if value > 2 else f"{value + 1.11:.2f}"
        else:
            new = num + "7"
        factor = {"": 1, "万": 10000, "亿": 100000000}[mult]
        old_v, new_v = round(float(num) * factor, 2), round(float(new) * factor, 2)
        if mapping.setdefault(old_v, new_v) != new_v:
            mapping[old_v] = math.nan
        return new + mult + unit

    new_text = sub_figures(text, pattern, shift)
    unchanged = {round(q.value, 2) for q in find_quantities(new_text)}
    if any(math.isnan(v) for v in mapping.values()) or set(mapping) & unchanged - set(
            mapping.values()):
        return None
    return new_text, mapping
