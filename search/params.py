"""Reading a search request's parameters. The HTML page and the API read the same parameters; the
API refuses bad ones with 400, the page drops them with a notice."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext as _

from search.backends.base import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SORTS, SearchQuery
from search.facets import FACETS

MAX_QUERY_LENGTH = 200
MAX_PAGE = 10_000
# Control characters (and the replacement character left by invalid UTF-8) carry no meaning in a query.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffd]")


@dataclass
class ParsedQuery:
    query: SearchQuery
    errors: list[str] = field(default_factory=list)


def clean_text(raw: str) -> str:
    return " ".join(_UNPRINTABLE.sub(" ", raw).split())


def _int(raw: str | None, default: int, name: str, low: int, high: int, errors: list[str]) -> int:
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        errors.append(_("%(name)s must be a whole number.") % {"name": name})
        return default
    if not low <= value <= high:
        errors.append(
            _("%(name)s must be between %(low)d and %(high)d.") % {"name": name, "low": low, "high": high}
        )
        return min(max(value, low), high)
    return value


def parse(params: QueryDict, page_size: int | None = None) -> ParsedQuery:
    errors: list[str] = []
    text = clean_text(params.get("q", ""))
    if len(text) > MAX_QUERY_LENGTH:
        errors.append(_("The query is too long: use at most %(n)d characters.") % {"n": MAX_QUERY_LENGTH})
        text = text[:MAX_QUERY_LENGTH]

    filters: dict[str, tuple[str, ...]] = {}
    for facet in FACETS:
        requested = [value for value in params.getlist(facet.name) if value != ""]
        if not requested:
            continue
        known = {value for value, _label in facet.values()}
        unknown = [value for value in requested if value not in known]
        if unknown:
            errors.append(
                _("Unknown %(facet)s: %(values)s.")
                % {
                    "facet": str(facet.label).lower(),
                    "values": ", ".join(clean_text(v)[:40] for v in unknown),
                }
            )
        values = tuple(dict.fromkeys(value for value in requested if value in known))
        if values:
            filters[facet.name] = values

    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        errors.append(_("Unknown sort order: use one of %(sorts)s.") % {"sorts": ", ".join(SORTS)})
        sort = "relevance"

    page = _int(params.get("page"), 1, "page", 1, MAX_PAGE, errors)
    size = page_size or _int(
        params.get("page_size"), DEFAULT_PAGE_SIZE, "page_size", 1, MAX_PAGE_SIZE, errors
    )
    return ParsedQuery(SearchQuery(text=text, filters=filters, sort=sort, page=page, page_size=size), errors)
