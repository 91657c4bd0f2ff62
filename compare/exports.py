"""The comparison as CSV (one row per practice) and as PDF (the aligned table and the radar overlay)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

from django.utils import timezone
from django.utils.translation import gettext as _

from fpdf import FPDF
from fpdf.fonts import FontFace

from compare.comparison import Section

# Spreadsheets run a cell that starts with these as a formula; a leading apostrophe keeps it text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def comparison_csv(pages, sections: list[Section], urls: list[str]) -> str:
    rows = [row for section in sections for row in section.rows]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "title", "url", *(row.key for row in rows)])
    for index, page in enumerate(pages):
        writer.writerow(
            [
                page.pk,
                _safe_cell(page.title),
                urls[index],
                *(_safe_cell(" | ".join(row.values[index])) for row in rows),
            ]
        )
    return buffer.getvalue()


# The PDF core fonts cover Latin-1, which holds every letter of Spanish and Portuguese; typographic
# punctuation outside it is mapped to its plain equivalent so that no library font file is needed.
PUNCTUATION = str.maketrans(
    {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "-"}
)


def _latin1(text: str) -> str:
    text = str(text).translate(PUNCTUATION)
    if all(ord(char) < 256 for char in text):
        return text
    folded = unicodedata.normalize("NFKD", text)
    return "".join(
        char if ord(char) < 256 else ("" if unicodedata.combining(char) else "?") for char in folded
    )


class ComparisonPDF(FPDF):
    def __init__(self, url: str):
        super().__init__(orientation="landscape", format="A4")
        self.url = url
        self.set_margins(12, 12, 12)
        self.set_auto_page_break(True, margin=14)

    def footer(self):
        self.set_y(-10)
        self.set_font("Helvetica", size=7)
        self.set_text_color(90, 98, 112)
        self.cell(0, 5, _latin1(f"Practice Exchange · {self.url}"), align="L")
        self.cell(0, 5, str(self.page_no()), align="R")


def comparison_pdf(pages, sections: list[Section], url: str, radar_svg: str) -> bytes:
    pdf = ComparisonPDF(url)
    pdf.set_title(_latin1(_("Comparison of %(count)d practices") % {"count": len(pages)}))
    pdf.set_author("Practice Exchange")
    pdf.set_creator("Practice Exchange")
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
