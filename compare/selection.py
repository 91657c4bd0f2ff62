"""Reading `?ids=` from a comparison URL: every kind of bad input gets a message, never an error page."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from compare.tray import MAX_ITEMS, MIN_ITEMS
from practices.models import CaseStudyPage
from search.documents import indexable_pages

# More than this many values is not a comparison request; do not even parse them.
MAX_RAW_VALUES = 50


@dataclass
class Selection:
    pages: list[CaseStudyPage] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # problems we worked around
    error: str = ""  # a problem that leaves nothing to compare

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def ids(self) -> list[int]:
        return [page.pk for page in self.pages]


def raw_values(querydict) -> list[str]:
    """`?ids=1,2,3` and `?ids=1&ids=2` both work."""
    return [part.strip() for value in querydict.getlist("ids") for part in value.split(",") if part.strip()]


def select(values: list[str]) -> Selection:
    selection = Selection()
    if len(values) > MAX_RAW_VALUES:
        selection.error = _("Choose between %(min)d and %(max)d practices to compare.") % {
            "min": MIN_ITEMS,
            "max": MAX_ITEMS,
        }
        return selection

    ids: list[int] = []
    invalid, duplicates = [], []
    for value in values:
        if not value.isdigit() or len(value) > 12:
            invalid.append(value[:20])
        elif int(value) in ids:
            duplicates.append(value)
        else:
            ids.append(int(value))
    if invalid:
        selection.notices.append(
            ngettext(
                "“%(values)s” is not a practice number and was ignored.",
                "“%(values)s” are not practice numbers and were ignored.",
                len(invalid),
            )
            % {"values": "”, “".join(invalid)}
        )
    if duplicates:
        selection.notices.append(_("Practices listed twice are compared once."))

    found = indexable_pages().in_bulk(ids) if ids else {}
    missing = [str(pk) for pk in ids if pk not in found]
    if missing:
        # Unknown and unpublished look the same from outside: nothing about a draft leaks.
        selection.notices.append(
            ngettext(
                "No published practice has the number %(ids)s.",
                "No published practices have the numbers %(ids)s.",
                len(missing),
            )
            % {"ids": ", ".join(missing)}
        )
    selection.pages = [found[pk] for pk in ids if pk in found]

    count = len(selection.pages)
    if count > MAX_ITEMS:
        selection.error = _(
            "You asked to compare %(count)d practices; a comparison shows at most %(max)d side by side. "
            "Remove some and try again."
        ) % {"count": count, "max": MAX_ITEMS}
    elif count < MIN_ITEMS:
        selection.error = ngettext(
            "A comparison needs at least %(min)d published practices; this link gives %(count)d.",
            "A comparison needs at least %(min)d published practices; this link gives %(count)d.",
            count,
        ) % {"min": MIN_ITEMS, "count": count}
    return selection
