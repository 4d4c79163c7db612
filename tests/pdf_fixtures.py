"""PDF fixtures for the PDF reader's tests, built with reportlab when a test asks for them.

Nothing here is a committed binary: every PDF is drawn from the texts below, which were
written for renda (a fictional 某某县 and its congress; no text is taken from a real report).
The Chinese is set in reportlab's built-in CID font ``STSong-Light``
(:class:`~reportlab.pdfbase.cidfonts.UnicodeCIDFont`): the PDF names the font and its
``UniGB-UCS2-H`` encoding and embeds no font file, and pdfium maps the codes back to Unicode
with its own CMaps, so the text layer reads back exactly as written.

Each builder says in its docstring which real layout it imitates. Lines are wrapped here at
the text width, as a word processor wraps them (:func:`wrap`), so every paragraph reaches the
reader broken at the page edge, and the page grid is fixed (:data:`LINES_PER_PAGE`) so that a
paragraph runs across each page break.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
WIDTH, HEIGHT = A4

# --- the texts -----------------------------------------------------------------------------

HEADER = "某某县人民代表大会常务委员会公报"
ISSUE = "2024年第1期"
TITLE = "某某县人民代表大会常务委员会工作报告"
DATELINE = "——2024年1月12日在某某县第十八届人民代表大会第三次会议上"

# A county standing committee's report on its year (headings, then paragraphs with figures).
REPORT = [
    "各位代表：",
    "现在，我代表县人民代表大会常务委员会，向大会报告工作，请予审议。",
    "一、2023年主要工作",
    "过去一年，县人大常委会在县委的领导下，依法履行宪法和法律赋予的职责，共召开常委会会议9次、"
    "主任会议14次，听取和审议专项工作报告12项，开展执法检查5次，作出决议决定8项，依法任免国家机关"
    "工作人员37人次，为全县经济社会发展提供了有力的法治保障。",
    "（一）监督工作取得新实效",
    "围绕优化营商环境、乡村振兴和生态环境保护，常委会听取和审议县人民政府关于农村人居环境整治、"
    "义务教育优质均衡发展等专项工作报告，对食品安全法、安全生产法等5部法律法规在本县的实施情况开展"
    "执法检查，实地检查企业和单位46家，提出意见建议31条，督促有关部门整改问题58个。",
    "加强预算审查监督，审查批准2022年县级决算和2023年预算调整方案，听取审计工作报告和审计查出问题"
    "整改情况的报告，推动整改问题资金1.36亿元。开展专题询问2次，对县教育局、县卫生健康局等6个部门"
    "开展工作评议，评议结果向社会公开。",
    "（二）代表工作展现新作为",
    "组织全县各级人大代表开展“进站听民意”活动，依托全县21个代表联络站接待群众1860人次，收集意见"
    "建议420条。县十八届人大二次会议期间，代表们共提出建议186件，全部交由32个承办单位办理，截至"
    "2023年11月底已全部办结，代表对办理工作满意和基本满意的比例为97.3%。",
    "加强代表履职学习，举办代表培训班3期，培训代表260人次；组织代表视察调研14次，参加代表620人次。"
    "完善常委会组成人员联系代表制度，常委会组成人员直接联系县人大代表98名。",
    "二、2024年工作安排",
    "2024年，常委会计划听取和审议专项工作报告10项，开展执法检查4次，持续做好代表建议办理督办工作，"
    "进一步密切同人民群众的联系。",
    "各位代表！新的一年，我们将依法履职、担当作为，为某某县高质量发展作出新的更大贡献！",
]

# A yearbook's entry on the same committee, set in two columns.
YEARBOOK_TITLE = "某某县人大常委会2023年工作纪要"
YEARBOOK_HEADER = "某某县年鉴（2024）"
YEARBOOK = [
    "【概况】2023年，县人大常委会共召开常委会会议9次，审议议题42项，作出决议决定8项。常委会"
    "全年听取和审议专项工作报告12项，开展执法检查5次、专题询问2次，对6个部门开展工作评议。",
    "【代表建议办理】县十八届人大二次会议期间，代表提出建议186件，交32个承办单位办理，已全部办结，"
    "其中所提问题已经解决或基本解决的112件，列入计划逐步解决的51件，因条件限制暂时不能解决并向代表"
    "说明情况的23件。",
    "【代表联络站建设】全县建成代表联络站21个，实现乡镇全覆盖。各站全年接待群众1860人次，收集意见"
    "建议420条，办理回复率100%。县人大常委会对联络站开展星级评定，评出五星级联络站4个。",
    "【执法检查】常委会对食品安全法、安全生产法、消防法等5部法律法规开展执法检查，组织检查组12个，"
    "实地检查企业和单位46家，召开座谈会9场，形成检查报告5份，提出意见建议31条。",
    "【预算审查监督】常委会审查批准2022年县级决算和2023年预算调整方案，听取审计查出问题整改情况的"
    "报告，推动整改问题资金1.36亿元，建立预算联网监督系统，实现与县财政部门数据实时对接。",
    "【人事任免】全年依法任免国家机关工作人员37人次，组织宪法宣誓4次，对新任命人员开展任前法律知识"
    "考试2场。",
]

# --- layout ----------------------------------------------------------------------------------


_NO_LINE_START = "，。、；：！？）》”’"


def wrap(text: str, width: float, size: float, indent: float = 0) -> list[str]:
    """``text`` cut into lines no wider than ``width`` points at ``size``, as a word processor
    wraps Chinese: at any character, but a closing punctuation mark hangs at the end of its
    line rather than open the next one (the first line is ``indent`` points narrower)."""
    lines: list[str] = []
    line, room = "", width - indent
    for ch in text:
        if (line and ch not in _NO_LINE_START
                and pdfmetrics.stringWidth(line + ch, FONT, size) > room):
            lines.append(line)
            line, room = "", width
        line += ch
    return lines + [line] if line else lines


@dataclass(frozen=True)
class Line:
    text: str
    paragraph: int  # index into the texts above
    indent: float = 0


def lay_out(paragraphs: list[str], width: float, size: float, per_page: int) -> list[list[Line]]:
    """The paragraphs wrapped and cut into pages (or columns) of ``per_page`` lines; a
    paragraph's first line is indented by two characters, as Chinese reports set it."""
    lines = [Line(part, i, 2 * size if j == 0 else 0)
             for i, text in enumerate(paragraphs)
             for j, part in enumerate(wrap(text, width, size, 2 * size))]
    return [lines[k:k + per_page] for k in range(0, len(lines), per_page)]


def page_number_dash(n: int, total: int) -> str:
    return f"- {n} -"


PageNumber = Callable[[int, int], str]

# The page-number styles of government PDFs (Word, WPS and typesetting defaults).
PAGE_NUMBERS: dict[str, PageNumber] = {
    "- 3 -": page_number_dash,
    "— 3 —": lambda n, total: f"— {n} —",
    "第3页": lambda n, total: f"第{n}页",
    "第 3 页 共 13 页": lambda n, total: f"第 {n} 页 共 {total} 页",
    "3": lambda n, total: str(n),
    "3/13": lambda n, total: f"{n}/{total}",
}

MARGIN = 72.0
SIZE = 14.0
LEADING = 24.0
LINES_PER_PAGE = 15


def report_pages() -> list[list[Line]]:
    """The work report's body lines, page by page (tests check that a paragraph crosses)."""
    return lay_out(REPORT, WIDTH - 2 * MARGIN, SIZE, LINES_PER_PAGE)


# --- builders ----------------------------------------------------------------------------


def work_report(page_number: PageNumber = page_number_dash, encrypt: object = None,
                watermark: str | None = None, title: str | None = None) -> bytes:
    """A one-column work report as a county standing committee's gazette prints it.

    Shape (as in the report PDFs counties post, exported from Word or WPS): A4, a running
    header on every page (the gazette's name at the left, the issue at the right, a rule
    under them), the page number centred at the bottom (``page_number``: ``- 2 -`` by
    default), the title and dateline on the first page only, paragraphs indented two
    characters and wrapped at the text width, and a paragraph running across every page
    break. Word writes headers, footers and text boxes in an order of its own: here the page
    number is drawn before the body, and the title block (a text box) and the header after
    it, so a reader keeping the content stream's order puts them in the wrong places. ``encrypt`` is reportlab's: a user
    password (a string) makes the file unreadable without it. ``watermark`` is set across
    each page at 45 degrees in large grey type, as offices mark what they post (内部资料).
    ``title`` is the document information's ``Title`` (none by default, as WPS leaves it).
    """
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, encrypt=encrypt)
    if title is not None:
        canvas.setTitle(title)
    pages = report_pages()
    for n, lines in enumerate(pages, start=1):
        canvas.setFont(FONT, 10.5)
        canvas.drawCentredString(WIDTH / 2, 40, page_number(n, len(pages)))
        top = HEIGHT - 120 - (70 if n == 1 else 0)
        canvas.setFont(FONT, SIZE)
        for k, line in enumerate(lines):
            canvas.drawString(MARGIN + line.indent, top - k * LEADING, line.text)
        if n == 1:  # the title block is a text box: drawn after the page's body
            canvas.setFont(FONT, 18)
            canvas.drawCentredString(WIDTH / 2, HEIGHT - 120, TITLE)
            canvas.setFont(FONT, 11)
            canvas.drawCentredString(WIDTH / 2, HEIGHT - 150, DATELINE)
        canvas.setFont(FONT, 10.5)
        canvas.drawString(MARGIN, HEIGHT - 60, HEADER)
        canvas.drawRightString(WIDTH - MARGIN, HEIGHT - 60, ISSUE)
        canvas.line(MARGIN, HEIGHT - 66, WIDTH - MARGIN, HEIGHT - 66)
        if watermark:
            canvas.saveState()
            canvas.setFillGray(0.85)
            canvas.setFont(FONT, 48)
            canvas.translate(WIDTH / 2, HEIGHT / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, 0, watermark)
            canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


COLUMN_SIZE = 10.5
COLUMN_LINES = 8
GUTTER = 24.0


def yearbook_columns() -> list[list[Line]]:
    """The yearbook entry's lines, column by column: page 1 left, page 1 right, page 2 left…"""
    width = (WIDTH - 2 * MARGIN - GUTTER) / 2
    return lay_out(YEARBOOK, width, COLUMN_SIZE, COLUMN_LINES)


def draw_across(canvas: Canvas, left: list[Line], right: list[Line], width: float, top: float,
                leading: float = 18) -> None:
    """Two columns of ``width`` drawn row by row across the page (left line 1, right line 1,
    left line 2…), as PDF printers that emit text in baseline order write them."""
    for row in range(max(len(left), len(right))):
        for x, column in ((MARGIN, left), (MARGIN + width + GUTTER, right)):
            if row < len(column):
                line = column[row]
                canvas.drawString(x + line.indent, top - row * leading, line.text)


def yearbook_two_columns() -> bytes:
    """A yearbook (年鉴) or bulletin page set in two columns.

    Shape (as county yearbooks and congress bulletins print their entries): a running header,
    the entry's title centred over both columns on its first page, text flowing down the
    left column, then the right column, then on to the next page, with paragraphs running
    across column breaks, and the page number ``— 12 —`` at the bottom. The lines are
    drawn row by row across the page (left line 1, right line 1, left line 2…), as PDF printers
    that emit text in baseline order write them: a reader keeping the stream's order, or
    reading lines across the gutter, interleaves the columns.
    """
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    columns = yearbook_columns()
    width = (WIDTH - 2 * MARGIN - GUTTER) / 2
    for n, k in enumerate(range(0, len(columns), 2), start=12):
        left, right = columns[k], columns[k + 1] if k + 1 < len(columns) else []
        canvas.setFont(FONT, 10.5)
        canvas.drawCentredString(WIDTH / 2, HEIGHT - 60, YEARBOOK_HEADER)
        top = HEIGHT - 110
        if n == 12:
            canvas.setFont(FONT, 16)
            canvas.drawCentredString(WIDTH / 2, top, YEARBOOK_TITLE)
            top -= 40
        canvas.setFont(FONT, COLUMN_SIZE)
        draw_across(canvas, left, right, width, top)
        canvas.setFont(FONT, 10.5)
        canvas.drawCentredString(WIDTH / 2, 40, f"— {n} —")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


TABLE = [("召开常委会会议", "9次"), ("听取和审议专项工作报告", "12项"), ("开展执法检查", "5次"),
         ("开展专题询问", "2次"), ("作出决议决定", "8项"), ("任免国家机关工作人员", "37人次"),
         ("代表提出建议", "186件"), ("代表联络站", "21个")]


TABLE_TITLE = "附表：2023年主要工作数据"


def report_with_table() -> bytes:
    """A report's annex page: a two-column table (item | figure) under its title, and a
    paragraph after it.

    Shape (as annual reports list their figures in a ruled table, 主要工作数据一览): short
    label cells at the left margin, figures in a column at the right, no rules the text layer
    could show. Its two columns of cells are not columns of text: each row reads across.
    """
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    canvas.setFont(FONT, SIZE)
    canvas.drawCentredString(WIDTH / 2, HEIGHT - 100, TABLE_TITLE)
    y = HEIGHT - 100 - 2 * LEADING
    for label, figure in TABLE:
        canvas.drawString(MARGIN + 20, y, label)
        canvas.drawRightString(WIDTH - MARGIN - 20, y, figure)
        y -= LEADING
    for line in lay_out([REPORT[1]], WIDTH - 2 * MARGIN, SIZE, 99)[0]:
        canvas.drawString(MARGIN + line.indent, y - LEADING, line.text)
        y -= LEADING
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def combined(*pdfs: bytes) -> bytes:
    """The pages of several PDFs in one file (pdfium's page import), as offices bind a
    report and its scanned annexes into one download."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for data in pdfs:
        out.import_pages(pdfium.PdfDocument(data))
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def turned_page() -> bytes:
    """A landscape page stored turned: a portrait page in page space, ``/Rotate 90``, and its
    text drawn running up the page so that it reads across once the viewer turns it.

    Shape (as reports put a wide table or a landscape annex between portrait pages): the
    characters' boxes come out of pdfium in page space, where each line is a column of
    characters, and only the page's rotation says how it is read.
    """
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(HEIGHT, WIDTH))  # the size as displayed: landscape
    canvas.setPageRotation(90)
    canvas.rotate(90)  # text runs up the page space: across the displayed page
    lines = [line for page in lay_out(REPORT[3:6], HEIGHT - 2 * MARGIN, SIZE, 99) for line in page]
    canvas.setFont(FONT, SIZE)
    for k, line in enumerate(lines):
        canvas.drawString(MARGIN + line.indent, -(MARGIN + k * LEADING), line.text)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def scanned(pages: int = 2, stamp: bool = False) -> bytes:
    """A scanned report: each page one image of a printed page, and no text layer.

    Shape (as counties post scans of signed documents): an A4 page covered by a grey-scale
    image with dark bars where the printed lines were. With ``stamp`` the scanning software
    has also written the page number as text (``- 1 -``): a few characters, still no text
    layer.
    """
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    for n in range(1, pages + 1):
        image = Image.new("L", (620, 877), 250)
        draw = ImageDraw.Draw(image)
        for row in range(110, 800, 24):
            draw.rectangle((70 if row % 96 else 100, row, 550, row + 11), fill=40)
        canvas.drawImage(ImageReader(image), 0, 0, WIDTH, HEIGHT)
        if stamp:
            canvas.setFont(FONT, 10.5)
            canvas.drawCentredString(WIDTH / 2, 40, f"- {n} -")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def blank(pages: int = 2) -> bytes:
    """Pages with nothing on them: a form exported before it was filled in."""
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    for _ in range(pages):
        canvas.line(MARGIN, HEIGHT / 2, WIDTH - MARGIN, HEIGHT / 2)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def owner_password_only() -> bytes:
    """A report that may be read but not printed or copied: an owner password and an empty
    user password, as offices set "no printing" on what they post."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    return work_report(encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0,
                                                  canCopy=0))


def password_protected() -> bytes:
    """A report that opens only with its password (reportlab's ``encrypt=`` user password)."""
    return work_report(encrypt="123456")


def truncated() -> bytes:
    """A download cut off half-way: the cross-reference table and trailer are missing."""
    data = work_report()
    return data[: len(data) // 2]
