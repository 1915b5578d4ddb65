#!/usr/bin/env python3
"""Opens a Word document Zhibiao wrote with python-docx, as another program would, for the tests.

    docx_check.py describe FILE.docx   # prints what python-docx sees, as JSON

It prints the page (size and margins in millimetres, the document grid), every paragraph (style,
text, bold runs), every table (rows of cell texts), each style's fonts and size, the footers'
text and whether they hold a page-number field, and the fallback of each font in the font table.
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

import docx
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def style_description(style):
    rpr = style.element.rPr
    fonts = rpr.rFonts if rpr is not None else None
    return {
        "east_asia": fonts.get(qn("w:eastAsia")) if fonts is not None else None,
        "latin": fonts.get(qn("w:ascii")) if fonts is not None else None,
        "size_pt": style.font.size.pt if style.font.size is not None else None,
    }


def describe(path):
    document = docx.Document(path)
    section = document.sections[0]
    grid = section._sectPr.find(qn("w:docGrid"))
    footers = []
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        footers.append({"text": "".join(p.text for p in footer.paragraphs), "page_field": " PAGE " in xml})
    with zipfile.ZipFile(path) as archive:
        table = ET.fromstring(archive.read("word/fontTable.xml"))
    fallbacks = {}
    for font in table.findall(W + "font"):
        alt = font.find(W + "altName")
        fallbacks[font.get(W + "name")] = alt.get(W + "val") if alt is not None else None
    return {
        "page": {
            "width_mm": round(section.page_width.mm, 1),
            "height_mm": round(section.page_height.mm, 1),
            "top_mm": round(section.top_margin.mm, 1),
            "bottom_mm": round(section.bottom_margin.mm, 1),
            "left_mm": round(section.left_margin.mm, 1),
            "right_mm": round(section.right_margin.mm, 1),
            "grid": grid.get(qn("w:type")) if grid is not None else None,
            "line_pitch": int(grid.get(qn("w:linePitch"))) if grid is not None else None,
        },
        "even_and_odd_footers": document.settings.odd_and_even_pages_header_footer,
        "paragraphs": [
            {"style": p.style.name, "text": p.text, "bold": [r.text for r in p.runs if r.bold]}
            for p in document.paragraphs
        ],
        "tables": [[[cell.text for cell in row.cells] for row in t.rows] for t in document.tables],
        "styles": {s.name: style_description(s) for s in document.styles if s.type == 1},
        "footers": footers,
        "font_fallbacks": fallbacks,
        "title": document.core_properties.title,
    }


def main(argv):
    if len(argv) != 3 or argv[1] != "describe":
        print(__doc__, file=sys.stderr)
        return 2
    json.dump(describe(argv[2]), sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
