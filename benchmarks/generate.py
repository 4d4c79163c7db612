"""Generate a large synthetic corpus for benchmarks.

Reports are recombined from the sentences of the fixture reports we wrote ourselves
(tests/gold/fixtures), with numbers varied, place names swapped for real divisions from the
gazetteer, and a mix of encodings (UTF-8, UTF-8 with BOM, GB18030, UTF-16) and layout damage
(hard wrapping with blank lines, spaced-out characters, full-width digits, CRLF). The output
is deterministic for a given seed.

    python benchmarks/generate.py --n 10000 --out build/bench/raw-10000
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

from renda.ingest.gazetteer import load_gazetteer
from renda.normalize.rules import unify_line_endings

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "gold" / "fixtures"
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]")
_FULLWIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")


def load_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        text = unify_line_endings(path.read_text(encoding="utf-8"))
        text = re.sub(r"\s+", "", text)
        sentences.extend(m.group(0) for m in _SENTENCE.finditer(text) if len(m.group(0)) >= 8)
    return sentences


def vary_numbers(sentence: str, rng: random.Random) -> str:
    def swap(m: re.Match[str]) -> str:
        digits = m.group(0)
        first = str(rng.randint(1, 9))
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])
    return re.sub(r"(?<![0-9.])[0-9]+(?![0-9]*年)", swap, sentence)


def damage(text: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:  # a newspaper column: hard-wrapped with blank lines between fragments
        width = rng.randint(13, 18)
        return "\n\n".join(text[i:i + width] for i in range(0, len(text), width))
    if roll < 0.4:  # characters spaced out, as typesetting does: numbers stay whole
        return re.sub(r"(?<=[^0-9.%])(?=.)|(?<=[0-9.%])(?=[^0-9.%])", " ", text)
    if roll < 0.5:  # full-width digits
        return text.translate(_FULLWIDTH)
    return text


def make_report(i: int, sentences: list[str], counties: list[tuple[str, str]], rng: random.Random) -> str:
    county, body = counties[rng.randrange(len(counties))]
    year = rng.randint(2012, 2025)
    lines = [f"{body}人大常委会{year}年工作报告", f"{year}年，{body}人大常委会依法履职。"]
    for _ in range(rng.randint(20, 60)):
        lines.append(vary_numbers(sentences[rng.randrange(len(sentences))], rng))
    paragraphs = ["".join(lines[k:k + 4]) for k in range(1, len(lines), 4)]
    text = lines[0] + "\n" + "\n".join(damage(p, rng) for p in paragraphs) + "\n"
    return text


def encode(text: str, rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.6:
        return text.encode("utf-8")
    if roll < 0.7:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if roll < 0.95:
        return text.replace("\n", "\r\n").encode("gb18030")
    return text.encode("utf-16")


def generate(n: int, out: Path, seed: int = 20211128) -> Path:
    rng = random.Random(seed)
    sentences = load_sentences()
    gaz = load_gazetteer()
    counties = sorted((d.name, d.name) for d in gaz.by_code.values() if d.level == "county")
    if out.exists():
        shutil.rmtree(out)
    for i in range(n):
        folder = out / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"report-{i:06d}.txt").write_bytes(encode(make_report(i, sentences, counties, rng), rng))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="number of reports")
    parser.add_argument("--out", type=Path, required=True, help="output folder (replaced)")
    parser.add_argument("--seed", type=int, default=20211128)
    args = parser.parse_args()
    out = generate(args.n, args.out, args.seed)
    size = sum(p.stat().st_size for p in out.rglob("*.txt"))
    print(f"{args.n} reports, {size / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
