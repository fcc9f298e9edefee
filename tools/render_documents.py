#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Render the complete given reports (tests/data/real/*.truth.json) as the web
pages and Word files they are published as, with the quirks of real ones, for
the HTML and DOCX reader tests (tests/test_html.c, tests/test_docx.c) and the
fuzz corpora.

    GKREPORT_LIBRARY=build/libgkreport.so PYTHONPATH=bindings/python \
        python3 tools/render_documents.py tests/data/documents

Row and column labels come from the library's schema (gkreport.schema), the
values from the truth file; a blank truth cell is an empty cell. Each report is
rendered once as HTML and once as .docx, in the official table layout: merged
label cells (rowspan/colspan, w:vMerge/w:gridSpan), empty cells, and one of the
page styles below, chosen by the report's place in the sorted list:

  plain  <th> headers, <tbody>, cells holding only text;
  word   a page saved from Word: MsoNormal paragraphs, mso- styles, <o:p>, <font>,
         <span>, conditional comments, &nbsp; in empty cells, <br> in labels;
  cms    a portal page: navigation, scripts, styles, share buttons, a footer, the
         page's metadata table (索引号 / 发布机构 / 公开日期), the article in a
         layout table, GB2312-encoded (the first cms page; the others UTF-8).

The .docx files number their six headings through numbering.xml (the 一、 is not
in the text), split text over runs, and put a header and a footer part the
reader must ignore. Output is deterministic (fixed zip timestamps).
"""

import html
import json
import os
import sys
import zipfile

import gkreport

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "tests", "data", "real")

HEADINGS = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
            "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]
ORD = "一二三四五六七八九十"
STYLES = ["plain", "word", "cms"]
PDF_REPORT = "2024_suqian-municipal-government"  # the one PDF (the README's pdftotext path)

PROSE = [
    "本年度报告依据《中华人民共和国政府信息公开条例》编制。",
    "本机关坚持以公开为常态、不公开为例外，依法做好政府信息公开工作。",
    "存在的主要问题是公开内容还不够全面。下一步将加强培训，提高公开质量。",
    "本年度未收取信息处理费。",
]


def truth(name):
    with open(os.path.join(REAL, name + ".truth.json"), encoding="utf-8") as f:
        return json.load(f)


def value(doc, table, row, col):
    v = doc["cells"].get("%s/%s/%s" % (table, row, col))
    if v is None:
        return ""
    return str(v)


# ----------------------------------------------------------------- the layout
# A table is a list of rows; a row a list of cells (text, rowspan, colspan,
# header). The same layout feeds the HTML and the DOCX writers.

def active_rows(doc, ed):
    t = ed.table("active")
    rows, mask = [], None
    ncols = max(len(r.columns) for r in t.rows) + 1
    for r in t.rows:
        cols = r.columns
        if cols != mask:
            mask = cols
            rows.append([("信息内容", 1, 1, True)] + [(t.column(c).label, 1, 1, True) for c in cols]
                        + ([("", 1, ncols - 1 - len(cols), True)] if len(cols) < ncols - 1 else []))
        cells = [(r.label, 1, 1, False)] + [(value(doc, "active", r.key, c), 1, 1, False) for c in cols]
        if len(cols) < ncols - 1:
            cells.append(("", 1, ncols - 1 - len(cols), False))
        rows.append(cells)
    return rows


def requests_rows(doc, ed):
    t = ed.table("requests")
    cols = list(t.columns)
    head = [
        [("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3, True),
         ("申请人情况", 1, 7, True)],
        [(cols[0].label, 2, 1, True), ("法人或其他组织", 1, 5, True), (cols[6].label, 2, 1, True)],
        [(c.label, 1, 1, True) for c in cols[1:6]],
    ]
    rows = list(t.rows)
    kids = {r.key: [x for x in rows if x.parent == r.key] for r in rows}

    def own(r):  # a parent printed as its own row (its values given), its children not
        given = any(k.startswith("requests/%s/" % r.key) for k in doc["cells"])
        return not kids[r.key] or (r.stored and given)

    shown = [r for r in rows if (r.parent is None and own(r))
             or (r.parent is not None and not own(t.row(r.parent)))]
    vals = lambda r: [(value(doc, "requests", r.key, c.key), 1, 1, False) for c in cols]
    n_outcome = len([r for r in shown if r.outcome or r.parent])
    body, first, parents = [], True, set()
    for r in shown:
        if not (r.outcome or r.parent):
            body.append([(r.label, 1, 3, False)] + vals(r))
            continue
        lead = []
        if first:
            lead.append(("三、本年度办理结果", n_outcome, 1, False))
            first = False
        if r.parent:
            if r.parent not in parents:
                parents.add(r.parent)
                lead.append((t.row(r.parent).label, len(kids[r.parent]), 1, False))
            body.append(lead + [(r.label, 1, 1, False)] + vals(r))
        else:
            body.append(lead + [(r.label, 1, 2, False)] + vals(r))
    return head + body


def review_rows(doc, ed):
    t = ed.table("review")
    cols = list(t.columns)
    labels = [(c.label, 1, 1, True) for c in cols]
    head = [
        [("行政复议", 1, 5, True), ("行政诉讼", 1, 10, True)],
        [(c.label, 2, 1, True) for c in cols] + [("未经复议直接起诉", 1, 5, True), ("复议后起诉", 1, 5, True)],
        labels + labels,
    ]
    values = []
    for r in t.rows:
        values += [(value(doc, "review", r.key, c.key), 1, 1, False) for c in cols]
    return head + [values]


def layout(doc):
    ed = gkreport.schema.edition(doc["edition"])
    return [active_rows(doc, ed), requests_rows(doc, ed), review_rows(doc, ed)]


def title(doc):
    return "%s%d年政府信息公开工作年度报告" % (doc["agency"], doc["year"])


# ----------------------------------------------------------------- HTML

def cell_html(text, style, header):
    e = html.escape(text)
    if style == "word":
        if not text:
            return "<p class=MsoNormal align=center><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
        if len(text) > 12 and not header:  # a long label broken by the editor
            e = html.escape(text[:8]) + "<br>\n" + html.escape(text[8:])
        return ("<p class=MsoNormal align=center style='text-align:center;mso-line-height-rule:"
                "exactly'><span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:"
                "宋体'><font face=宋体>%s</font><span lang=EN-US><o:p></o:p></span></span></p>" % e)
    return e


def table_html(rows, style):
    out = []
    cls = " class=MsoNormalTable border=1 cellspacing=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'" \
        if style == "word" else " border=\"1\""
    out.append("<table%s>" % cls)
    if style == "plain":
        out.append("<tbody>")
    for i, row in enumerate(rows):
        out.append("<tr%s>" % (" style='mso-yfti-irow:%d'" % i if style == "word" else ""))
        for text, rs, cs, header in row:
            tag = "th" if (header and style == "plain") else "td"
            attrs = ""
            if rs > 1:
                attrs += " rowspan=\"%d\"" % rs
            if cs > 1:
                attrs += " colspan=\"%d\"" % cs
            if style == "word":
                attrs += " valign=middle style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'"
            # cells of a row on one line, as editors write them
            out.append("<%s%s>%s</%s>" % (tag, attrs, cell_html(text, style, header), tag))
        out.append("</tr>")
    if style == "plain":
        out.append("</tbody>")
    out.append("</table>")
    # one row a line: join the cells of a row without line breaks
    text, line = [], []
    for piece in out:
        if piece.startswith("<tr") or piece.startswith("<table") or piece in ("<tbody>",):
            if line:
                text.append("".join(line))
            line = [piece]
        elif piece.startswith("</tr>"):
            line.append(piece)
            text.append("".join(line))
            line = []
        else:
            line.append(piece)
    if line:
        text.append("".join(line))
    return "\n".join(text)


def para_html(text, style):
    if style == "word":
        return ("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
                "<span style='font-family:仿宋_GB2312;mso-hansi-font-family:宋体'>%s</span>"
                "<span lang=EN-US><o:p></o:p></span></p>" % html.escape(text))
    return "<p>%s</p>" % html.escape(text)


def heading_html(i, style):
    text = "%s、%s" % (ORD[i], HEADINGS[i])
    if style == "word":
        return ("<p class=MsoNormal><![if !supportLists]><b><span style='mso-list:Ignore'>%s、</span>"
                "</b><![endif]><b><span style='font-family:黑体'>%s</span></b></p>"
                % (ORD[i], html.escape(HEADINGS[i])))
    return "<h2>%s</h2>" % html.escape(text)


def body_html(doc, style):
    tables = layout(doc)
    parts = []
    tag = "h1" if style != "word" else "p class=MsoTitle"
    parts.append("<%s>%s</%s>" % (tag, html.escape(title(doc)), tag.split()[0]))
    parts.append(para_html(PROSE[0], style))
    for i in range(6):
        parts.append(heading_html(i, style))
        if 1 <= i <= 3:
            parts.append(table_html(tables[i - 1], style))
        else:
            parts.append(para_html(PROSE[1 if i == 0 else i - 2], style))
    return "\n".join(parts)


def page_html(doc, style, charset):
    t = html.escape(title(doc))
    head = ["<!DOCTYPE html>", "<html>", "<head>"]
    if charset == "utf-8":
        head.append('<meta charset="utf-8">')
    else:
        head.append('<meta http-equiv="Content-Type" content="text/html; charset=%s">' % charset)
    head.append("<title>%s</title>" % t)
    if style == "word":
        head.append("<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View>"
                    "</w:WordDocument></xml><![endif]-->")
        head.append("<style>\n<!-- p.MsoNormal {mso-style-parent:\"\"; margin:0cm;} -->\n</style>")
    if style == "cms":
        head.append('<meta name="ArticleTitle" content="%s">' % t)
        head.append('<meta name="PubDate" content="%d-01-20 09:30">' % (doc["year"] + 1))
        head.append('<meta name="ContentSource" content="%s">' % html.escape(doc["agency"]))
        head.append("<style>td { border: 1px solid #ccc } .nav li { float: left }</style>")
        head.append("<script>var cells = '<td>1</td><td>2</td>'; document.title += '';</script>")
    head += ["</head>", "<body>" if style != "word" else "<body lang=ZH-CN style='tab-interval:21.0pt'>"]
    body = body_html(doc, style)
    if style == "cms":
        meta = ("<table class=\"xxgk-info\"><tr><td>索引号：</td><td>0130%d-01-2024-0001</td>"
                "<td>发布机构：</td><td>%s</td></tr>\n<tr><td>名称：</td><td>%s</td>"
                "<td>公开日期：</td><td>%d-01-20</td></tr></table>"
                % (doc["year"], html.escape(doc["agency"]), t, doc["year"] + 1))
        body = ("<div class=\"nav\"><ul><li><a href=\"/\">首页</a></li><li>政务公开</li>"
                "<li>政府信息公开年报</li></ul></div>\n"
                "<div class=\"breadcrumb\">当前位置：首页 &gt; 政府信息公开 &gt; 年报</div>\n"
                + meta + "\n<table width=\"100%\"><tr><td class=\"article\">\n" + body
                + "\n</td></tr></table>\n<div class=\"bdsharebuttonbox\"><a class=\"bds_weixin\">"
                "分享到微信</a></div>\n<script>window._bd_share_config = {};</script>\n"
                "<div id=\"footer\">主办单位：%s　网站标识码：1234567890</div>"
                % html.escape(doc["agency"]))
    return "\n".join(head) + "\n" + body + "\n</body>\n</html>\n"


# ----------------------------------------------------------------- DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def runs(text):
    """Text split over runs the way Word saves it (digits apart, long text in two)."""
    if not text:
        return ""
    pieces = [text] if len(text) < 6 else [text[:len(text) // 2], text[len(text) // 2:]]
    return "".join('<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>'
                   % html.escape(p, quote=False) for p in pieces)


def para_docx(text, style=None, num=False):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>%s%s</w:pPr>" % ('<w:pStyle w:val="%s"/>' % style if style else "",
                                       '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
                                       if num else "")
    return "<w:p>%s%s</w:p>" % (ppr, runs(text))


def table_docx(rows):
    """Rows with rowspan/colspan as w:vMerge / w:gridSpan: a merged cell's
    continuation is an empty <w:tc> with <w:vMerge/> in each row it covers."""
    width = sum(cs for _, _, cs, _ in rows[0]) if rows else 0
    grid = [[None] * 64 for _ in rows]  # (kind, colspan): 'cell' or 'cont'
    for i, row in enumerate(rows):
        x = 0
        for text, rs, cs, header in row:
            while grid[i][x] is not None:
                x += 1
            grid[i][x] = ("cell", text, rs, cs)
            for k in range(1, rs):
                grid[i + k][x] = ("cont", "", rs, cs)
            for k in range(rs):
                for j in range(1, cs):
                    grid[i + k][x + j] = ("skip",)
            x += cs
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>',
           "<w:tblGrid>%s</w:tblGrid>" % ("<w:gridCol/>" * max(width, 1))]
    for i in range(len(rows)):
        out.append("<w:tr>")
        for x in range(64):
            c = grid[i][x]
            if c is None or c[0] == "skip":
                continue
            kind, text, rs, cs = c
            pr = ""
            if cs > 1:
                pr += '<w:gridSpan w:val="%d"/>' % cs
            if rs > 1:
                pr += '<w:vMerge w:val="restart"/>' if kind == "cell" else "<w:vMerge/>"
            out.append("<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/>%s</w:tcPr>%s</w:tc>"
                       % (pr, para_docx(text if kind == "cell" else "")))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "\n".join(out)


def document_xml(doc):
    tables = layout(doc)
    body = [para_docx(title(doc), "Title"), para_docx(PROSE[0])]
    for i in range(6):
        body.append(para_docx(HEADINGS[i], "Heading2", num=True))
        if 1 <= i <= 3:
            body.append(table_docx(tables[i - 1]))
            body.append("<w:p/>")
        else:
            body.append(para_docx(PROSE[1 if i == 0 else i - 2]))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            "<w:body>\n%s\n<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/>"
            "<w:footerReference w:type=\"default\" r:id=\"rId3\"/></w:sectPr></w:body></w:document>\n"
            % (W, "\n".join(body)))


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>
"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>
"""
NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
""" % W


def hf(tag, text):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:%s xmlns:w="%s">%s</w:%s>\n'
            % (tag, W, para_docx(text), tag))


def write_docx(path, doc):
    parts = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
             ("word/_rels/document.xml.rels", DOC_RELS), ("word/document.xml", document_xml(doc)),
             ("word/numbering.xml", NUMBERING),
             ("word/header1.xml", hf("hdr", "一、页眉不是报告的内容")),
             ("word/footer1.xml", hf("ftr", "第 1 页 共 9 页"))]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 20, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join(HERE, "..", "tests", "data", "documents")
    os.makedirs(out, exist_ok=True)
    names = sorted(f[:-len(".truth.json")] for f in os.listdir(REAL) if f.endswith(".truth.json"))
    gb_done = False
    for i, name in enumerate(names):
        doc = truth(name)
        style = STYLES[i % len(STYLES)]
        charset = "utf-8"
        if style == "cms" and not gb_done:
            charset, gb_done = "gb2312", True
        page = page_html(doc, style, charset)
        try:
            data = page.encode(charset)
        except UnicodeEncodeError:
            data = page.encode("gb18030")
        with open(os.path.join(out, name + ".html"), "wb") as f:
            f.write(data)
        write_docx(os.path.join(out, name + ".docx"), doc)
        print("%s.html (%s, %s) and .docx" % (name, style, charset))
    write_pdf(os.path.join(out, PDF_REPORT + ".pdf"), truth(PDF_REPORT))
    print("%s.pdf" % PDF_REPORT)



# ----------------------------------------------------------------- PDF
# A small PDF for the README's PDF path (pdftotext -layout into the text
# importer): text only, no embedded font; a ToUnicode map gives pdftotext the
# characters. Labels on the left, values in columns, as printed reports look.

def pdf_lines(doc):
    """(font size, [(x, text)]) per line."""
    lines = [(12, [(60, title(doc))]), (9, [(40, PROSE[0])])]
    tables = layout(doc)
    for i in range(6):
        lines.append((10, [(40, "%s、%s" % (ORD[i], HEADINGS[i]))]))
        if not 1 <= i <= 3:
            lines.append((9, [(40, PROSE[1 if i == 0 else i - 2])]))
            continue
        for row in tables[i - 1]:
            num = lambda t: t == "" or t.replace(".", "", 1).lstrip("-").isdigit()
            labels = [t for t, _, _, h in row if not h and not num(t)]
            values = [t for t, _, _, h in row if h or num(t)]
            if all(h for _, _, _, h in row):  # a header row: its texts over the value columns
                labels, values = [], [t for t, _, _, _ in row]
            items = [(40, "".join(labels))] if labels else []
            step = min(62, 480 // max(1, len(values)))
            items += [(330 + step * k, v) for k, v in enumerate(values) if v]
            lines.append((7, items))
    return lines


def write_pdf(path, doc):
    lines = pdf_lines(doc)
    chars = sorted({c for _, items in lines for _, t in items for c in t})
    cid = {c: i + 1 for i, c in enumerate(chars)}
    pages, y, cur = [], 560, []
    for size, items in lines:
        if y < 40:
            pages.append(cur)
            cur, y = [], 560
        for x, t in items:
            hexs = "".join("%04X" % cid[c] for c in t)
            cur.append("BT /F1 %d Tf %d %d Td <%s> Tj ET" % (size, x, y, hexs))
        y -= size + 6
    pages.append(cur)
    bf = "\n".join("<%04X> <%04X>" % (cid[c], ord(c)) for c in chars)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n%d beginbfchar\n%s\nendbfchar "
            "endcmap CMapName currentdict /CMap defineresource pop end end" % (len(chars), bf))
    objs = {}
    npages = len(pages)
    first_page = 7
    objs[1] = "<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = "<< /Type /Pages /Count %d /Kids [%s] >>" % (
        npages, " ".join("%d 0 R" % (first_page + 2 * k) for k in range(npages)))
    objs[3] = ("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
               "/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>")
    objs[4] = ("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo "
               "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R "
               "/DW 1000 >>")
    objs[5] = ("<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -200 1000 900] "
               "/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>")
    objs[6] = "<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap.encode()), cmap)
    for k, content in enumerate(pages):
        body = "\n".join(content)
        objs[first_page + 2 * k] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] "
                                    "/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                                    % (first_page + 2 * k + 1))
        objs[first_page + 2 * k + 1] = "<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body)
    out = b"%PDF-1.4\n"
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += ("%d 0 obj\n%s\nendobj\n" % (n, objs[n])).encode("latin-1")
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for n in sorted(objs):
        out += ("%010d 00000 n \n" % offsets[n]).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)).encode()
    with open(path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main(sys.argv)
