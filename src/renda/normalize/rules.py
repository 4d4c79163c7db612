"""Layout repair rules, in the order they run.

Every rule is a small function ``str -> str`` (or ``list[str] -> list[str]`` over lines)
documented with the damage it repairs, an example before and after, and why it sits where it
does in the order. ``normalize`` runs them in :data:`PIPELINE` order.

Order matters:

1. Character-level rules first (line endings, full-width forms, script), so that every later
   rule sees one spelling of a digit, a space and a character.
2. Spaces between CJK characters are removed per line before lines are judged, because a
   spaced-out line (``依 法 有 序 进 行 。``) only looks like text once its spaces are gone.
3. Line-level rules that *rebuild* lines (vertical captions, doubled captions, decoration)
   run before joining, so that joining sees whole captions and can keep them apart.
4. Joining broken lines runs last over the cleaned lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# --- character classes -------------------------------------------------------------------

# CJK ideographs (basic block and extension A) and the compatibility block.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese punctuation and full-width forms that never take a space next to them.
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7\u2022"
# A sentence ends after these (optionally followed by a closing quote or bracket).
_TERMINAL = "。！？；：!?;…"
_CLOSERS = "”’」』）)》"
# Punctuation found inside running text; a line without any is a candidate heading.
_CLAUSE_PUNCT = "，。；：！？,;:!?"

_RE_HAN = re.compile(f"[{_HAN}]")


# --- 1. line endings ---------------------------------------------------------------------

def unify_line_endings(text: str) -> str:
    """CRLF and lone CR become LF; a byte-order mark left in the text is dropped.

    ``"甲\\r\\n乙\\r丙"`` -> ``"甲\\n乙\\n丙"``
    """
    return text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")


# --- 2. full-width forms -----------------------------------------------------------------

# Full-width ASCII letters and digits (U+FF10-FF19, FF21-FF3A, FF41-FF5A), the full-width
# percent sign and the care-of sign that OCR and some typesetting use for percent.
_FULLWIDTH = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    **{0xFF21 + i: ord("A") + i for i in range(26)},
    **{0xFF41 + i: ord("a") + i for i in range(26)},
    0xFF05: ord("%"),  # ％
    0x2105: ord("%"),  # ℅ (care of), printed for % by some fonts
    0xFF0E: ord("."),  # ． between digits: "１５．５９" -> "15.59" (only full-width period form)
}


def fold_fullwidth(text: str) -> str:
    """Full-width digits, letters and ``％``/``℅`` to ASCII; Chinese punctuation is kept.

    ``"参选率８５．５％"`` -> ``"参选率85.5%"``; ``"５８.５℅"`` -> ``"58.5%"``;
    ``"，"`` stays ``"，"`` (Chinese punctuation is part of the text's wording).
    """
    return text.translate(_FULLWIDTH)


# --- 3. script ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _opencc(config: str) -> object:
    import opencc

    return opencc.OpenCC(config)


def _t2s(text: str) -> str:
    converter = _opencc("t2s")
    return str(converter.convert(text))  # type: ignore[attr-defined]


def detect_script(text: str) -> str:
    """``hant`` when converting to Simplified changes at least 2% of the Han characters.

    Simplified text is (nearly) a fixed point of OpenCC's ``t2s``; Traditional text is not.
    A few shared characters change in either script, hence a threshold rather than "any".
    """
    han = _RE_HAN.findall(text)
    if not han:
        return "hans"
    sample = "".join(han[:20000])
    changed = sum(1 for a, b in zip(sample, _t2s(sample)) if a != b)
    return "hant" if changed / len(sample) >= 0.02 else "hans"


# Pinyin put after a character as a reading aid: 鄉(xiāng), 鄉（xiang1）. Lower-case Latin
# letters with or without tone marks, optionally a tone digit, inside ASCII or full-width
# parentheses, directly after a Han character. Upper-case text (GDP, PM2.5) is never pinyin.
_PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_RE_PINYIN = re.compile(
    rf"(?<=[{_HAN}])[(（]\s*[{_PINYIN_LETTERS}]{{1,7}}[1-5]?"
    rf"(?:\s+[{_PINYIN_LETTERS}]{{1,7}}[1-5]?)*\s*[)）]"
)


def remove_inserted_pinyin(text: str) -> str:
    """Drop pinyin inserted after characters: ``鄉(xiāng)鎮`` -> ``鄉鎮``."""
    return _RE_PINYIN.sub("", text)


def to_simplified(text: str) -> str:
    """Traditional to Simplified with OpenCC ``t2s`` when the text is Traditional.

    ``"鄉鎮人民代表大會"`` -> ``"乡镇人民代表大会"``. Simplified text is left alone rather than
    run through the converter, which would otherwise rewrite a few characters it should not.
    """
    return _t2s(text) if detect_script(text) == "hant" else text


# --- 4. spaces ---------------------------------------------------------------------------

# A character that takes no space beside it in Chinese typesetting: Han, CJK punctuation,
# digits, the percent sign and the decimal point.
_TIGHT = f"{_HAN}{_CJK_PUNCT}0-9%.“”"
# One run of ASCII or ideographic spaces between two characters, where at least one side is
# Han or CJK punctuation. Two runs of Latin words or numbers keep their space ("PM 2.5").
_RE_SPACE_CJK = re.compile(
    rf"(?<=[{_HAN}{_CJK_PUNCT}])[ \u3000\u00a0]+(?=[{_TIGHT}])"
    rf"|(?<=[{_TIGHT}])[ \u3000\u00a0]+(?=[{_HAN}{_CJK_PUNCT}])"
)


def _spaced_out(line: str) -> bool:
    """Most characters of the line are separated by single spaces (``依 法 履 职 2 3 0 件``)."""
    chars = line.replace(" ", "").replace("\u3000", "")
    gaps = len(re.findall(r"\S[ \u3000](?=\S)", line))
    return len(chars) >= 6 and gaps >= 0.7 * (len(chars) - 1)


def remove_cjk_spaces(line: str) -> str:
    """Remove spaces set between CJK characters, digits and Chinese punctuation.

    ``"依 法 有 序 进 行 。 2021 年 3 月 18 日 ，全 县"`` -> ``"依法有序进行。2021年3月18日，全县"``;
    ``"代表 186名"`` -> ``"代表186名"``; leading indentation (ideographic spaces) goes too;
    ``"PM 2.5"`` keeps its space.
    """
    line = line.strip(" \t\u3000\u00a0")
    if _spaced_out(line):
        # Every character spaced out, digits included: close every gap except one between
        # two Latin letters (a word boundary).
        line = re.sub(r"(?<![A-Za-z])[ \u3000](?=\S)|(?<=\S)[ \u3000](?![A-Za-z])",
                      "", line)
    return _RE_SPACE_CJK.sub("", line)


# --- 5. line-level repairs ---------------------------------------------------------------

@dataclass
class Line:
    text: str
    standalone: bool = False  # a rebuilt caption: never joined to its neighbours
    blank_before: bool = False


def _is_single_han(s: str) -> bool:
    return len(s) == 1 and bool(_RE_HAN.match(s))


def rebuild_vertical_captions(lines: list[Line], min_run: int = 3) -> list[Line]:
    """A caption set one character per line becomes one line.

    ``["吕", "梁", "市", "人", "大"]`` -> ``["吕梁市人大"]``. Runs of at least ``min_run``
    single-Han lines are joined (blank lines inside the run are ignored); shorter runs are
    left as they are, since a lone character can be a line of ordinary wrapped text.
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if _is_single_han(lines[i].text):
            j = i
            while j < len(lines) and _is_single_han(lines[j].text):
                j += 1
            if j - i >= min_run:
                out.append(Line("".join(x.text for x in lines[i:j]), standalone=True,
                                blank_before=True))
                i = j
                continue
        out.append(lines[i])
        i += 1
    return out


_RE_REPEATED = re.compile(r"^(.{4,}?)\1+$")


def drop_doubled_captions(lines: list[Line]) -> list[Line]:
    """A caption printed twice (or more) in a row is kept once.

    Within a line: ``"选民投票选举代表选民投票选举代表"`` -> ``"选民投票选举代表"`` (at least
    four characters repeated, nothing else on the line). Across lines: a line equal to the
    line before it is dropped. Either way the result stands alone as a caption.
    """
    out: list[Line] = []
    for line in lines:
        m = _RE_REPEATED.match(line.text)
        if m:
            line = Line(m.group(1), standalone=True, blank_before=True)
        if out and len(line.text) >= 4 and out[-1].text == line.text:
            out[-1].standalone = True
            continue
        out.append(line)
    return out


_RE_DECORATION = re.compile(r"^[•·●○◆◇■□★☆※\-—_=*~～]+$")


def drop_decoration(lines: list[Line]) -> list[Line]:
    """Lines made only of bullets or rules (``•``, ``———``) are layout, not text."""
    return [line for line in lines if not _RE_DECORATION.match(line.text)]


# --- 6. joining broken lines -------------------------------------------------------------

def _ends_sentence(s: str) -> bool:
    s = s.rstrip(_CLOSERS)
    return bool(s) and s[-1] in _TERMINAL


# A first line ending in one of these names the document: a title, not a broken sentence.
_TITLE_ENDINGS = ("报告", "总结", "简报", "通报", "公报", "公告", "决议", "决定", "纪要", "情况",
                  "意见", "办法", "条例", "规定", "通知", "讲话", "汇报", "工作要点")

# Section numbering that opens a heading: 一、 （一） (1) 1. 第一，  第三章
_RE_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]"
                          r"|[0-9]+[.、]|第[一二三四五六七八九十]+[章节部分])")


def _looks_like_heading(s: str, prev: Line | None, prev_heading: bool,
                        next_line: Line | None = None) -> bool:
    """A heading or caption: no clause punctuation inside, and

    - it is numbered (一、 （二） 3.), or
    - it is short and stands after a finished sentence (or opens the text), or
    - it follows another heading or caption, unless the next line carries on its sentence
      (has clause punctuation): ``一、依法监督`` / ``全年听取审议专项工作`` / ``报告8项。`` is a
      heading and then one broken sentence, not three headings.
    """
    if any(ch in _CLAUSE_PUNCT for ch in s) or len(s) > 40:
        return False
    if _RE_NUMBERED.match(s):
        return True
    if prev is None:
        return len(s) <= 6 or s.endswith(_TITLE_ENDINGS)
    if prev.standalone or prev_heading:
        # The next line carries on this one's sentence if it has clause punctuation, unless
        # it is a whole paragraph of its own (long, and ending a sentence).
        continues = (next_line is not None and not next_line.standalone
                     and any(ch in _CLAUSE_PUNCT for ch in next_line.text)
                     and not (len(next_line.text) > 40 and _ends_sentence(next_line.text)))
        return not continues or len(s) <= 6
    return _ends_sentence(prev.text) and len(s) <= 6


_DATELINE = ("——", "—", "--")


def mark_datelines(lines: list[Line]) -> list[Line]:
    """A dateline under a title (``——2022年1月5日在…会议上``) and the title above it stand
    alone: neither belongs to the sentence before or after."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.text.startswith(_DATELINE) and not any(ch in "。！？" for ch in line.text):
            # A dateline broken by the layout ("…人民代表大会" / "第一次会议上") is rebuilt:
            # it ends with 上 (在…会议上) or a closing bracket.
            while (not line.text.endswith(("上", "）", ")")) and i + 1 < len(lines)
                   and not any(ch in _CLAUSE_PUNCT for ch in lines[i + 1].text)
                   and len(line.text) + len(lines[i + 1].text) <= 60):
                line = Line(line.text + lines[i + 1].text, blank_before=line.blank_before)
                i += 1
            line.standalone = True
            if out and not _ends_sentence(out[-1].text):
                out[-1].standalone = True
        out.append(line)
        i += 1
    return out


def is_hard_wrapped(lines: list[Line]) -> bool:
    """True when most lines stop mid-sentence: the text was wrapped by a page layout.

    A text with one paragraph per line (most lines end a sentence) is left as it is: there a
    line without a full stop is a heading or a signature, not a broken sentence.
    """
    body = [line for line in lines if not line.standalone]
    if not body:
        return False
    ending = sum(1 for line in body if _ends_sentence(line.text))
    return ending / len(body) <= 0.5


def join_broken_lines(lines: list[Line]) -> list[str]:
    """Join lines broken mid-sentence; keep a break after a sentence and around headings.

    ``["全县", "15.59万名选民参加投票。", "下一段"]`` -> ``["全县15.59万名选民参加投票。", "下一段"]``.
    A line is continued by the next one unless it ends a sentence (``。！？；：`` possibly
    followed by a closing quote), it is a heading or a rebuilt caption, or the next line is.
    Blank lines do not decide: print layout puts them between the fragments of a sentence.
    Chinese fragments are joined without a space; two Latin/digit ends get one space.
    """
    paragraphs: list[str] = []
    current = ""
    prev: Line | None = None
    prev_heading = False
    for i, line in enumerate(lines):
        next_line = lines[i + 1] if i + 1 < len(lines) else None
        heading = line.standalone or _looks_like_heading(line.text, prev, prev_heading, next_line)
        if current and not heading and not prev_heading and not _ends_sentence(current):
            # Latin words broken at a line end get their space back; digits do not
            # ("20" + "21年" is 2021年, a number broken across lines).
            sep = " " if re.match(r"[A-Za-z]", line.text) and re.search(r"[A-Za-z]$", current) else ""
            current += sep + line.text
        else:
            if current:
                paragraphs.append(current)
            current = line.text
        prev, prev_heading = line, heading
    if current:
        paragraphs.append(current)
    return paragraphs


# --- the pipeline --------------------------------------------------------------------------

def _lines(text: str) -> list[Line]:
    out: list[Line] = []
    blank = False
    for raw in text.split("\n"):
        s = remove_cjk_spaces(raw)
        if not s:
            blank = True
            continue
        out.append(Line(s, blank_before=blank))
        blank = False
    return out


def normalize(text: str) -> str:
    """Apply every rule in order; paragraphs are separated by one newline."""
    text = unify_line_endings(text)
    text = fold_fullwidth(text)
    text = remove_inserted_pinyin(text)
    text = to_simplified(text)
    lines = _lines(text)
    lines = rebuild_vertical_captions(lines)
    lines = drop_doubled_captions(lines)
    lines = drop_decoration(lines)
    lines = mark_datelines(lines)
    if not is_hard_wrapped(lines):
        return "\n".join(line.text for line in lines)
    return "\n".join(join_broken_lines(lines))
