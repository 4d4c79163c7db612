"""One report written four ways: as a county site publishes it (plain text, an HTML page in
GBK with the site's chrome, a PDF with a running header, page numbers and two columns on its
last page, a Word file), for the test that every format gives the same fact rows.

The report is written here (a county standing committee's annual work report of an invented 云溪县, in the shape
of the reports in ``../shared/corpus``, with invented figures); the page chrome copies the
shape of county congress sites on government CMSs (breadcrumb 首页 > 人大要闻, 字号 大 中
小, 打印本页 / 关闭窗口, 上一篇 / 下一篇, a footer with 主办单位 and an ICP number).
"""

from __future__ import annotations

import io

TITLE = "云溪县人民代表大会常务委员会工作报告"
PARAGRAPHS = [
    "——2024年1月10日在云溪县第十八届人民代表大会第四次会议上",
    "各位代表：",
    "2023年，县人大常委会在县委的坚强领导下，依法履行宪法法律赋予的职责。",
    "一年来，常委会共召开常委会会议8次，听取和审议专项工作报告12项，开展执法检查5次，"
    "组织专题询问1次，对县政府组成部门开展满意度测评2次。",
    "常委会组织代表开展集中视察4次，参加代表1280人次；全县32个代表联络站接待群众2560人次，"
    "收集意见建议186条，推动解决问题152个。",
    "县十八届人大三次会议期间，代表共提出建议116件，已全部办结，满意率为98.3%。",
    "全县共划分选区186个，登记选民72360人，参加投票选民69678人，参选率96.29%，"
    "选举产生县人大代表217名。",
]


def text() -> str:
    return TITLE + "\n" + "\n".join(PARAGRAPHS) + "\n"


def txt_bytes() -> bytes:
    return text().encode("utf-8")


def html_bytes() -> bytes:
    """A GBK page declaring gb2312, as county sites on older CMSs serve them."""
    body = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS)
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{TITLE}_云溪县人大网</title>
<script type="text/javascript">var _hits = "阅读次数";</script>
<link rel="stylesheet" href="/css/style.css" /></head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/rdyw/">人大要闻</a> | <a href="/lvzh/">履职之窗</a>
 | <a href="/dbgz/">代表工作</a> | <a href="/jdgz/">监督工作</a> | <a href="/lxwm/">联系我们</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/rdyw/">人大要闻</a> &gt; 正文</div>
<div class="article">
<h1>{TITLE}</h1>
<div class="info">发布时间：2024-01-15 09:30　来源：云溪县人大常委会办公室　字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="TRS_Editor">
{body}</div>
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="pages">上一篇：<a href="/rdyw/1.html">县人大常委会召开党组会议</a><br/>下一篇：<a href="/rdyw/3.html">县人大代表视察重点项目</a></div>
</div>
<div class="footer">主办单位：云溪县人大常委会办公室　地址：云溪县人民路1号　备案号：X ICP备12345678号<br/>
技术支持：云溪网络科技有限公司　网站标识码：1234567890</div>
</body></html>"""
    return page.encode("gb18030")


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    document.add_heading(TITLE, level=1)
    for p in PARAGRAPHS:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def pdf_bytes() -> bytes:
    """The report as a county gazette prints it: a running header and ``- n -`` page
    numbers on every page, paragraphs wrapped at the page edge (one runs across the first
    page break), and the last page set in two columns, its lines drawn across the page
    row by row (left, right, left…) as PDF printers emit them (tests/pdf_fixtures.py has the
    layout helpers)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from tests.pdf_fixtures import FONT, GUTTER, LEADING, MARGIN, SIZE, draw_across, lay_out

    width, height = A4
    one_column = lay_out(PARAGRAPHS[:4], width - 2 * MARGIN, SIZE, 9)
    column_width = (width - 2 * MARGIN - GUTTER) / 2
    columns = lay_out(PARAGRAPHS[4:], column_width, 10.5, 10)
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    pages = len(one_column) + (len(columns) + 1) // 2
    for n, lines in enumerate(one_column, start=1):
        canvas.setFont(FONT, 10.5)
        canvas.drawString(MARGIN, height - 60, "云溪县人民代表大会常务委员会公报")
        canvas.drawRightString(width - MARGIN, height - 60, "2024年第1期")
        top = height - 110
        if n == 1:
            canvas.setFont(FONT, 18)
            canvas.drawCentredString(width / 2, top, TITLE)
            top -= 40
        canvas.setFont(FONT, SIZE)
        for k, line in enumerate(lines):
            canvas.drawString(MARGIN + line.indent, top - k * LEADING, line.text)
        canvas.setFont(FONT, 10.5)
        canvas.drawCentredString(width / 2, 40, f"- {n} -")
        canvas.showPage()
    for n, k in enumerate(range(0, len(columns), 2), start=len(one_column) + 1):
        left, right = columns[k], columns[k + 1] if k + 1 < len(columns) else []
        canvas.setFont(FONT, 10.5)
        canvas.drawString(MARGIN, height - 60, "云溪县人民代表大会常务委员会公报")
        canvas.drawRightString(width - MARGIN, height - 60, "2024年第1期")
        draw_across(canvas, left, right, column_width, height - 110)
        canvas.drawCentredString(width / 2, 40, f"- {n} -")
        canvas.showPage()
    assert pages >= 2
    canvas.save()
    return buf.getvalue()
