"""A reading list as CSV (one row per reading) and as a PDF course pack."""

from __future__ import annotations

import csv
import io

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from knowledgebase.pdf import SitePDF, latin1
from knowledgebase.spreadsheets import safe_cell
from reading_lists.models import Item, ReadingList

CSV_COLUMNS = [
    "position",
    "section",
    "kind",
    "title",
    "url",
    "place",
    "period",
    "evidence_strength",
    "evidence_label",
    "effect_direction",
    "author",
    "note",
]


def _text(html: str) -> str:
    return " ".join(strip_tags((html or "").replace("<", " <")).split())


def _row(item: Item, section, position: int, request) -> dict:
    row = {
        "position": position,
        "section": section.title if section else "",
        "kind": item.kind,
        "title": item.title,
    }
    row["note"] = item.note_text()
    if item.is_practice:
        if item.is_available:
            page = item.page
            row.update(
                url=request.build_absolute_uri(page.url),
                place=page.place,
                period=str(page.period),
                evidence_strength=page.evidence_strength,
                evidence_label=str(page.evidence.label),
                effect_direction=str(page.get_effect_direction_display()),
            )
    else:
        row.update(url=item.external_url, author=item.external_author)
    return row


def reading_list_csv(reading_list: ReadingList, request) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    position = 0
    for section, items in reading_list.grouped():
        for item in items:
            position += 1
            row = _row(item, section, position, request)
            writer.writerow({key: safe_cell(str(row.get(key, ""))) for key in CSV_COLUMNS})
    return buffer.getvalue()


def reading_list_pdf(reading_list: ReadingList, url: str) -> bytes:
    pdf = SitePDF(url)
    ordered = reading_list.ordered_items()
    pdf.set_title(latin1(reading_list.title))
    pdf.add_page()
    # Cover
    pdf.set_font("Helvetica", "B", 22)
    pdf.ln(30)
    pdf.multi_cell(0, 10, latin1(reading_list.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.ln(4)
    facts = [
        _("Audience: %(audience)s") % {"audience": reading_list.audience} if reading_list.audience else "",
        _("Language: %(language)s") % {"language": reading_list.get_language_display()},
        _("Estimated reading time: %(minutes)d minutes") % {"minutes": reading_list.reading_minutes(ordered)},
        _("Prepared by %(name)s")
        % {"name": reading_list.owner.get_full_name() or reading_list.owner.get_username()},
    ]
    for fact in filter(None, facts):
        pdf.multi_cell(0, 6, latin1(fact), new_x="LMARGIN", new_y="NEXT")
    if reading_list.description:
        pdf.ln(4)
        pdf.multi_cell(0, 6, latin1(_text(reading_list.description)), new_x="LMARGIN", new_y="NEXT")
    if reading_list.learning_objectives:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 13)
        pdf.cell(0, 8, latin1(_("Learning objectives")), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, latin1(_text(reading_list.learning_objectives)), new_x="LMARGIN", new_y="NEXT")

    number = 0
    for section, items in reading_list.grouped(ordered):
        if not items and section is None:
            continue
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 16)
        pdf.multi_cell(
            0, 9, latin1(section.title if section else _("Readings")), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(2)
        for item in items:
            number += 1
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 6, latin1(f"{number}. {item.title}"), new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", size=9)
            pdf.set_text_color(70, 78, 90)
            for line in _facts(item):
                pdf.multi_cell(0, 5, latin1(line), new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            if item.note:
                pdf.set_font("Helvetica", "I", 10)
                pdf.multi_cell(
                    0,
                    5,
                    latin1(_("Note: %(note)s") % {"note": item.note_text()}),
                    new_x="LMARGIN",
                    new_y="NEXT",
                )
            pdf.ln(4)
    return bytes(pdf.output())


def _facts(item: Item) -> list[str]:
    if not item.is_practice:
        return [part for part in (item.external_author, item.external_url) if part]
    if not item.is_available:
        return [_("This practice is no longer published.")]
    page = item.page
    return [
        f"{page.place} · {page.period}",
        _("Evidence %(value)d/5: %(label)s · effect: %(effect)s")
        % {
            "value": page.evidence_strength,
            "label": page.evidence.label,
            "effect": page.get_effect_direction_display(),
        },
        page.summary,
    ]
