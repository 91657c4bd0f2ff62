"""What every PDF export shares: fpdf2 with its core fonts, so a plain `pip install` is enough."""

from __future__ import annotations

import unicodedata

from fpdf import FPDF

# The core fonts cover Latin-1, which holds every letter of Spanish and Portuguese; typographic
# punctuation outside it is mapped to its plain equivalent so that no font file is needed.
PUNCTUATION = str.maketrans(
    {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "-"}
)


def latin1(text) -> str:
    text = str(text).translate(PUNCTUATION)
    if all(ord(char) < 256 for char in text):
        return text
    folded = unicodedata.normalize("NFKD", text)
    return "".join(
        char if ord(char) < 256 else ("" if unicodedata.combining(char) else "?") for char in folded
    )


class SitePDF(FPDF):
    """A page with the site's footer: name, the page's address and the page number."""

    def __init__(self, url: str, orientation: str = "portrait"):
        super().__init__(orientation=orientation, format="A4")
        self.url = url
        self.set_margins(14, 14, 14)
        self.set_auto_page_break(True, margin=16)
        self.set_author("Practice Exchange")
        self.set_creator("Practice Exchange")

    def footer(self):
        self.set_y(-11)
        self.set_font("Helvetica", size=7)
        self.set_text_color(90, 98, 112)
        self.cell(0, 5, latin1(f"Practice Exchange · {self.url}"), align="L")
        self.cell(0, 5, str(self.page_no()), align="R")
        self.set_text_color(0, 0, 0)
