"""Read an HTML page: its article's text, one paragraph a line, and what the page says of it.

Rules, in order (each a small function below):

1. Bounds: :func:`~renda.ingest.formats.check_size` before anything is parsed; a
   :class:`~renda.ingest.formats.Deadline` is checked between the steps below.
2. Not HTML: a known binary signature (PDF, ZIP/DOCX, OLE/DOC, images, gzip: a page saved
   without decompressing it) or NUL bytes are refused by name; text with no HTML tag in its
   first 4 KB is not a page.
3. Charset: a byte-order mark decides; then what the page declares in its first 4 KB
   (``<meta charset>``, ``<meta http-equiv=Content-Type content="…charset=…">``,
   ``<?xml encoding>``), read strictly; then strict UTF-8, then GB18030. gb2312 and gbk are
   read as GB18030 (a superset: pages declaring gb2312 are usually GBK); big5 as big5, then
   cp950, then big5-hkscs (Traditional text is converted later, by the normalizer). A
   declaration that fails falls through to the others; a non-Chinese one (iso-8859-1: a
   template's default) is tried last, since any bytes decode as Latin-1. One exception:
   bytes valid as UTF-8 with multi-byte characters are UTF-8 whatever the page declares (a
   page saved as UTF-8 from a template still saying gb2312: GB18030 can read such bytes as
   mojibake without an error, while Chinese GBK or Big5 text is never valid UTF-8).
4. Repair: a TRS page includes its header file with that file's own ``</html>``; libxml2
   starts a second document after it that no extractor sees, so stray ``</html>`` and
   ``</body>`` tags are dropped before parsing. Scripts, styles and the like go after it.
5. Pages with no article, before extraction: a frameset; an error page (a title or heading
   such as 404, 页面不存在, 找不到页面, Not Found); a login page (a password field and under
   100 Han characters outside the page's forms: a sidebar login box beside an article is not).
6. What the page says of the article: title (og:title, the 政府网站 ArticleTitle meta, the
   article's ``<h1>``, else ``<title>`` without its site suffix: 标题_中国政府网,
   标题 - 某某网, 标题|某某人大); published date (PubDate, article:published_time,
   firstpublishedtime… meta, else the date line under the headline: 发布时间：2016-12-21,
   2016年12月21日); canonical address (``<link rel=canonical>``, else og:url).
7. Tables (:mod:`renda.ingest.html_tables`): a data table becomes lines the extractors read
   (``选区：186个；``; ``序号：1；报告名称：…``); a layout table becomes plain blocks.
8. Main text: trafilatura in precision mode, its short-text threshold set for Chinese (the
   measure is ``benchmarks/html_extractors.py``); lines of page chrome that get through
   (上一篇/下一篇, 打印本页, 分享到, 字号, 扫一扫, ICP备, page counters) are dropped; the
   headline is the first line.
9. Too little text (under 30 Han characters): a login form when the page has a password
   field, else no article text found.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from configparser import ConfigParser
from copy import deepcopy

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import DEFAULT_CONFIG

from renda.ingest.formats import (
    DEFAULT_LIMITS, Deadline, Extracted, FormatError, Limits, check_size,
)
from renda.ingest.html_tables import rewrite_tables

WHAT = "HTML page"
NO_ARTICLE = "HTML page with no article"
SNIFF = 4096          # bytes read for a signature, a charset declaration, a first tag
MIN_HAN = 30          # fewer Han characters than this in the article: no article
LOGIN_MAX_HAN = 100   # a password field and less text than this outside forms: a login page
_RE_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

# --- 2. not HTML ----------------------------------------------------------------------
_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX or similar)"),
    (b"\xd0\xcf\x11\xe0", "an OLE file (DOC, XLS or similar)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data (a page saved without decompressing it)"),
)
_RE_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|frameset|meta|title|div|p|table)"
                     r"[\s>/]", re.IGNORECASE)


def _refuse_non_html(data: bytes) -> None:
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise FormatError(f"not HTML: {what}")
    if not data.strip():
        raise FormatError("empty file" if not data else "file holds only whitespace")
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in data[:SNIFF] and not utf16:
        raise FormatError("not HTML: binary data (NUL bytes, no UTF-16 byte-order mark)")


# --- 3. charset -----------------------------------------------------------------------
_RE_DECLARED = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]{2,40})""", re.IGNORECASE)
# A declared charset (lower case) -> the codecs tried for it, in order.
_CHINESE_CHARSETS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("utf-8", "utf8"), ("utf-8",)),
    **dict.fromkeys(("gb2312", "gbk", "gb18030", "x-gbk", "cp936", "gb_2312-80", "euc-cn",
                     "csgb2312", "chinese"), ("gb18030",)),
    **dict.fromkeys(("big5", "big-5", "x-x-big5", "cn-big5", "csbig5", "cp950", "ms950",
                     "big5-hkscs", "big5hkscs"), ("big5", "cp950", "big5hkscs")),
}
_UNDECLARED = ("utf-8", "gb18030")


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first 4 KB, lower case."""
    m = _RE_DECLARED.search(data[:SNIFF])
    return (m.group(1) or m.group(2)).decode("ascii").lower() if m else None


def _codecs_to_try(data: bytes, declared: str | None) -> list[str]:
    order = list(_CHINESE_CHARSETS.get(declared or "", ()))
    if not data.isascii():
        order.insert(0, "utf-8")  # UTF-8 multi-byte text is never valid GBK or Big5 text
    order += _UNDECLARED
    if declared and declared not in _CHINESE_CHARSETS:
        try:
            order.append(codecs.lookup(declared).name)
        except LookupError:
            pass
    return list(dict.fromkeys(order))


def decode_html(data: bytes) -> tuple[str, str]:
    """``(text, codec)`` by rule 3; :class:`FormatError` when nothing decodes strictly."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    declared = declared_charset(data)
    order = _codecs_to_try(data, declared)
    for codec in order:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    said = f"declares {declared}" if declared else "declares no charset"
    raise FormatError(f"{WHAT} in no charset renda reads: {said}; not valid {', '.join(order)}")


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise FormatError(f"{WHAT} not valid {codec} (byte-order mark) "
                          f"at byte {exc.start}") from None


# --- 4. repair and parse --------------------------------------------------------------
_RE_STRAY_END = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_JUNK = ("script", "style", "noscript", "template", "iframe", "object", "embed", "canvas", "svg")


def repair_markup(text: str) -> str:
    """The page without stray ``</html>`` and ``</body>`` tags (rule 4)."""
    return _RE_STRAY_END.sub("", text)


def parse_html(text: str) -> lxml.html.HtmlElement:
    """The page's tree, repaired, scripts and styles dropped. The text is handed to libxml2 as
    UTF-8 bytes with the encoding named, so that no declaration in the page can mislead it."""
    if not _RE_TAG.search(text[:SNIFF]):
        raise FormatError("not HTML: no HTML tag in its first 4 KB")
    # huge_tree: libxml2 otherwise drops what is nested deeper than 256 elements (pages of
    # unclosed <font> tags are); its hard limit of some 2000 levels still holds, and the
    # input is bounded by Limits.max_bytes already.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  no_network=True, huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(repair_markup(text).encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise FormatError(f"{WHAT} not parsable: {exc}") from None
    lxml.etree.strip_elements(tree, *_JUNK, with_tail=False)
    return tree


# --- 5. pages with no article ---------------------------------------------------------
_RE_ERROR_PAGE = re.compile(r"""
    ^\W*(?:HTTP\s*(?:Status|错误)?\s*)?(?P<code>40[0-4]|50[0-4])(?:$|[\s\-–—_:：|.!！]|错误|页面|not)
  | (?:错误|error)\s*(?:代码)?\s*[：:]?\s*(?P<code2>40[0-4]|50[0-4])(?!\d)
  | 页面不存在 | 网页不存在 | 页面(?:未找到|找不到|已删除|无法访问|走丢)
  | 找不到(?:该|您要访问的|您访问的)?(?:网页|页面|文件) | 访问的页面(?:不存在|已被?删除)
  | 无法找到该?(?:网页|页面) | \bnot\s+found\b""", re.IGNORECASE | re.VERBOSE)


def _refuse_no_article(tree: lxml.html.HtmlElement) -> None:
    if tree.find(".//frameset") is not None:
        raise FormatError(f"{NO_ARTICLE}: a frameset (its text is in the frames' own files)")
    headings = [tree.findtext(".//title") or ""] + [_text(h) for h in tree.iter("h1", "h2")][:4]
    for heading in map(_squash, headings):
        m = _RE_ERROR_PAGE.search(heading) if 0 < len(heading) <= 40 else None
        if m:
            code = m.group("code") or m.group("code2") or "404"
            raise FormatError(f"{NO_ARTICLE}: an error page ({code})")
    if _has_password(tree):
        outside = "".join(tree.xpath("//body//text()[not(ancestor::form)]"))
        if len(_RE_HAN.findall(outside)) < LOGIN_MAX_HAN:
            raise FormatError(f"{NO_ARTICLE}: a login form")


def _has_password(tree: lxml.html.HtmlElement) -> bool:
    return any((el.get("type") or "").strip().lower() == "password" for el in tree.iter("input"))


# --- 6. title, date, canonical address ------------------------------------------------
_TITLE_META = ("og:title", "articletitle")
_DATE_META = ("pubdate", "publishdate", "publish_date", "publishtime", "firstpublishedtime",
              "article:published_time", "og:published_time", "og:release_date",
              "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date")
_RE_SITE_SUFFIX = re.compile(r"\s*(?:_+|[|｜]|\s[-–—]\s)\s*")
_RE_DASH_SITE = re.compile(r"^(?P<title>.{4,}?)\s*[-－]\s*\S{2,20}(?:网|网站|人大|政府|常委会)$")
_RE_MASTHEAD = re.compile(r"^(?:logo|header|head|masthead|banner|top|nav|menu|site-?name)"
                          r"(?:[-_]|$)", re.IGNORECASE)
_CJK = "\u3000-\u9fff\uff00-\uffef"
_RE_LAYOUT_SPACE = re.compile(rf"\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+")
_DATE = (r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*"
         r"(?P<d>\d{1,2})(?!\d)")
_RE_DATE = re.compile(_DATE)
_RE_DATE_LABELLED = re.compile(r"(?:发布|發布|發佈|发表|發表|发文|成文)?(?:时间|時間|日期)\s*[：:]\s*"
                               + _DATE)


def page_metadata(tree: lxml.html.HtmlElement) -> tuple[str | None, dt.date | None, str | None]:
    """``(title, published_date, canonical_url)`` from the page (rule 6); None when absent."""
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key and _squash(el.get("content") or ""):
            meta.setdefault(key, _squash(el.get("content")))
    title = page_title(tree, meta)
    return title, _page_date(tree, meta, title), _canonical(tree, meta)


def page_title(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    for key in _TITLE_META:
        if meta.get(key):
            return _clean_title(_without_site(meta[key]))
    for h1 in tree.iter("h1"):
        text = _squash(_text(h1))
        if len(text) >= 6 and not _is_link_only(h1) and not _in_masthead(h1):
            return _clean_title(text)
    text = _squash(tree.findtext(".//title") or "")
    return _clean_title(_without_site(text)) if text else None


def _without_site(title: str) -> str:
    """标题_栏目_中国政府网, 标题|某某人大, 标题 - 某某网, 标题-某某网 -> 标题."""
    first = next((part for part in _RE_SITE_SUFFIX.split(title) if len(part) >= 2), title)
    m = _RE_DASH_SITE.match(first)
    return m.group("title") if m else first


def _clean_title(text: str) -> str | None:
    """Spaces beside a Han character are layout (调整2007　年末), not part of the title."""
    return _RE_LAYOUT_SPACE.sub("", _squash(text)) or None


def _in_masthead(el: lxml.html.HtmlElement) -> bool:
    """In the page's header or navigation (a site's name set as an <h1>), not an article's."""
    for a in [el, *el.iterancestors()]:
        if a.tag in ("article", "main"):
            return False
        names = f"{a.get('class', '')} {a.get('id', '')}".split()
        if a.tag in ("header", "nav") or any(_RE_MASTHEAD.match(n) for n in names):
            return True
    return False


def _is_link_only(el: lxml.html.HtmlElement) -> bool:
    links = "".join("".join(a.itertext()) for a in el.iter("a"))
    return bool(links) and len(_squash(links)) >= len(_squash(_text(el)))


def _page_date(tree: lxml.html.HtmlElement, meta: dict[str, str],
               title: str | None) -> dt.date | None:
    for key in _DATE_META:
        found = _date_in(_RE_DATE, meta.get(key, ""))
        if found:
            return found
    body = tree.find("body")
    text = _squash(_text(body)) if body is not None else ""
    # The date line under the headline; the headline may be in a breadcrumb or a list first.
    heads = [m.end() for m in re.finditer(re.escape(title[:12]), text)][:5] if title else []
    for pattern in (_RE_DATE_LABELLED, _RE_DATE):
        for end in heads:
            found = _date_in(pattern, text[end: end + len(title or "") + 300])
            if found:
                return found
    return _date_in(_RE_DATE_LABELLED, text[:3000])


def _date_in(pattern: re.Pattern[str], text: str) -> dt.date | None:
    for m in pattern.finditer(text):
        try:
            day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        if 1949 <= day.year <= dt.date.today().year + 1:
            return day
    return None


def _canonical(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    hrefs = [link.get("href") or "" for link in tree.iter("link")
             if "canonical" in (link.get("rel") or "").lower().split()]
    for url in hrefs + [meta.get("og:url", "")]:
        if re.match(r"https?://[^\s/]+", url.strip()):
            return url.strip()
    return None


# --- 8. main text ---------------------------------------------------------------------
# trafilatura's thresholds count characters of Latin text: 250 characters are some 40 words,
# more than a whole short Chinese news item (three sentences, some 70 characters). Below it
# trafilatura gives up the article's container and recovers text from the whole page (in
# balanced mode, 上一篇/下一篇 came in) or calls readability and jusText (Latin stoplists) in.
_CONFIG: ConfigParser = deepcopy(DEFAULT_CONFIG)
_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")

# Page chrome that trafilatura lets through, a whole line each (lines of 80 characters or less).
_TOOL = (r"[【\[]?(?:打印本页|打印|列印本頁|关闭窗口|关闭本页|关闭|關閉窗口|返回顶部|收藏本页|加入收藏)"
         r"[】\]]?")
_RE_CHROME_LINE = re.compile(rf"""
    ^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇)\s*[：:]
  | ^(?:您?(?:当前|现在)的?位置|當前位置|所在位置)\s*[：:]
  | ^{_TOOL}(?:\s*[|｜]?\s*{_TOOL})*$
  | ^分享到\s*[：:]? | ^扫一扫 | ^字号\s*[：:] | ^建议(?:使用|采用).{{0,40}}(?:分辨率|浏览器)
  | ^(?:主办单位|主辦單位|主办|承办|版权所有|版權所有|技术支持|网站标识码|網站標識碼)\s*[：:]
  | ICP[备備證证]\s*\d{{5,}}号 | 公网安备\s*\d{{8,}}号""", re.VERBOSE)
# Counters and toolbars in an info line (发布时间：… 浏览次数：1268 字号：大 中 小).
_RE_CHROME_BITS = re.compile(
    r"\s*(?:(?:浏览|点击|阅读|访问|瀏覽|點擊|閱讀)(?:次数|次數|量|数|數)?\s*[：:]\s*\d*"
    r"|字号\s*[：:]\s*(?:[大中小]|默认|超大|\s)*|【?打印本页】?|【?关闭窗口】?)")
_RE_INFO_LINE = re.compile(r"(?:来源|來源|作者|发布|發布|时间|時間|日期)\s*[：:]")
_CHROME_MAX = 80  # longer lines are text, whatever words they hold


def main_text(tree: lxml.html.HtmlElement) -> str:
    """The article's lines by trafilatura (rule 8), chrome lines dropped."""
    extracted = trafilatura.extract(
        tree, output_format="txt", favor_precision=True, include_tables=True,
        include_comments=False, include_links=False, include_images=False,
        deduplicate=False, with_metadata=False, config=_CONFIG) or ""
    return "\n".join(clean_lines(extracted.splitlines()))


def clean_lines(lines: list[str]) -> list[str]:
    """Lines squashed, chrome lines dropped, counters cut from info lines; no empty line."""
    kept = []
    for line in map(_squash, lines):
        if len(line) <= _CHROME_MAX:
            if _RE_CHROME_LINE.search(line):
                continue
            bare = _RE_CHROME_BITS.sub("", line).strip()
            if not bare or _RE_INFO_LINE.search(line):
                line = bare
        if line:
            kept.append(line)
    return kept


def _with_headline(text: str, title: str | None) -> str:
    """The headline as the first line, where the metadata rules read it, unless it is there."""
    if not title:
        return text
    first, squashed = re.sub(r"\s", "", text.split("\n", 1)[0]), re.sub(r"\s", "", title)
    if first and (squashed.startswith(first) or first.startswith(squashed)):
        return text
    return f"{title}\n{text}" if text else title


# --- 9. too little text ---------------------------------------------------------------
def _refuse_too_little(tree: lxml.html.HtmlElement, text: str) -> None:
    han = len(_RE_HAN.findall(text))
    if han < MIN_HAN:
        if _has_password(tree):
            raise FormatError(f"{NO_ARTICLE}: a login form")
        raise FormatError(f"{NO_ARTICLE}: no article text found ({han} Han characters)")


# --- the reader -----------------------------------------------------------------------
def read_html(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """The article of an HTML page and what the page says of it; :class:`FormatError` with
    the reason for a page that holds none (rules in the module docstring, in order)."""
    check_size(data, limits, WHAT)
    deadline = Deadline(limits.max_seconds, WHAT)
    _refuse_non_html(data)
    text, encoding = decode_html(data)
    tree = parse_html(text)
    deadline.check()
    _refuse_no_article(tree)
    title, published, url = page_metadata(tree)
    rewrite_tables(tree)
    deadline.check()
    article = main_text(tree)  # trafilatura: the tree of at most limits.max_bytes of page
    deadline.check()
    _refuse_too_little(tree, article)
    return Extracted(text=_with_headline(article, title), encoding=encoding, title=title,
                     published_date=published, source_url=url)


def _text(el: lxml.html.HtmlElement) -> str:
    return "".join(el.itertext())


def _squash(text: str) -> str:
    return re.sub(r"[\s\u3000\xa0]+", " ", text).strip()


__all__ = ["clean_lines", "declared_charset", "decode_html", "main_text", "page_metadata",
           "parse_html", "read_html", "repair_markup"]
