"""The comparison as CSV (one row per practice) and as PDF (the aligned table and the radar overlay)."""

from __future__ import annotations

import csv
import io
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from fpdf.fonts import FontFace

from compare.comparison import Section
from knowledgebase.pdf import SitePDF
from knowledgebase.pdf import latin1 as _latin1
from knowledgebase.spreadsheets import safe_cell


def comparison_csv(pages, sections: list[Section], urls: list[str]) -> str:
    rows = [row for section in sections for row in section.rows]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "title", "url", *(row.key for row in rows)])
    for index, page in enumerate(pages):
        writer.writerow(
            [
                page.pk,
                safe_cell(page.title),
                urls[index],
                *(safe_cell(" | ".join(row.values[index])) for row in rows),
            ]
        )
    return buffer.getvalue()


def comparison_pdf(pages, sections: list[Section], url: str, radar_svg: str) -> bytes:
    pdf = SitePDF(url, orientation="landscape")
    pdf.set_title(_latin1(_("Comparison of %(count)d practices") % {"count": len(pages)}))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(
        0,
        9,
        _latin1(_("Comparison of %(count)d practices") % {"count": len(pages)}),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", size=8)
    pdf.set_text_color(90, 98, 112)
    pdf.cell(
        0,
        5,
        _latin1(
            _("Generated %(date)s. Rows where the practices differ are shaded.")
            % {"date": timezone.now().date()}
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)

    label_width = 42
    column_width = (pdf.epw - label_width) / len(pages)
    heading = FontFace(emphasis="BOLD", fill_color=(226, 232, 240))
    differs = FontFace(fill_color=(255, 244, 214))
    same = FontFace(fill_color=(255, 255, 255))

    pdf.set_font("Helvetica", size=8)
    with pdf.table(
        col_widths=(label_width, *([column_width] * len(pages))),
        text_align="LEFT",
        line_height=4,
        headings_style=heading,
        first_row_as_headings=True,
        repeat_headings=1,
    ) as table:
        header = table.row()
        header.cell("")
        for page in pages:
            header.cell(_latin1(page.title))
        for section in sections:
            section_row = table.row(style=heading)
            section_row.cell(_latin1(section.label), colspan=len(pages) + 1)
            for row in section.rows:
                line = table.row(style=differs if row.differs else same)
                line.cell(_latin1(row.label))
                for cell in row.cells():
                    line.cell(_latin1("\n".join(cell)))

    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, _latin1(_("The four institutional challenges")), new_x="LMARGIN", new_y="NEXT")
    # fpdf2 draws shapes and text but not <title>/<desc>; the ratings are written out below instead.
    drawable = re.sub(r"<(title|desc)\b[^>]*>.*?</\1>", "", radar_svg, flags=re.S)
    pdf.image(io.BytesIO(drawable.encode()), x=pdf.l_margin, w=110)
    pdf.set_font("Helvetica", size=8)
    pdf.set_y(pdf.get_y() + 2)
    for section in sections:
        if section.key != "challenges":
            continue
        for row in section.rows:
            pdf.multi_cell(
                0,
                4,
                _latin1(
                    f"{row.label}: "
                    + "; ".join(f"{p.title}: {v[0]}" for p, v in zip(pages, row.values, strict=True))
                ),
                new_x="LMARGIN",
                new_y="NEXT",
            )
    return bytes(pdf.output())
