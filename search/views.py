from __future__ import annotations

from dataclasses import asdict
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from search.backends.base import SORTS
from search.facets import FACETS
from search.params import MAX_QUERY_LENGTH, clean_text, parse
from search.service import run_autocomplete, run_search

HTML_PAGE_SIZE = 12
SORT_LABELS = {
    "relevance": gettext_lazy("Relevance"),
    "evidence": gettext_lazy("Strongest evidence"),
    "newest": gettext_lazy("Newest"),
}


def _url(params: list[tuple[str, str]]) -> str:
    return "?" + urlencode(params) if params else "?"


def search(request):
    """The search page: one query box, facets with counts, all state in the URL; works without JavaScript."""
    parsed = parse(request.GET, page_size=HTML_PAGE_SIZE)
    query = parsed.query
    results = run_search(query)

    state = [("q", query.text)] if query.text else []
    for name, values in query.filters.items():
        state.extend((name, value) for value in values)
    if query.sort != "relevance":
        state.append(("sort", query.sort))

    facets = []
    for facet in FACETS:
        values = results.facets.get(facet.name, [])
        for value in values:
            pair = (facet.name, value.value)
            value.toggle_url = _url([p for p in state if p != pair] if value.selected else [*state, pair])
        facets.append({"facet": facet, "values": values, "has_selection": bool(query.selected(facet.name))})
    selected = [
        {
            "facet": facet.label,
            "label": value.label,
            "remove_url": value.toggle_url,
        }
        for facet in FACETS
        for value in results.facets.get(facet.name, [])
        if value.selected
    ]
    pages = {
        "previous": _url([*state, ("page", str(query.page - 1))]) if query.page > 1 else "",
        "next": _url([*state, ("page", str(query.page + 1))]) if query.page < results.pages else "",
    }
    context = {
        "query": query.text,
        "search": query,
        "results": results,
        "facets": facets,
        "selected": selected,
        "clear_filters_url": _url([("q", query.text)] if query.text else []),
        "sorts": [(key, SORT_LABELS[key]) for key in SORTS],
        "pages": pages,
        "errors": parsed.errors,
        "suggestion_url": _url([("q", results.suggestion)]) if results.suggestion else "",
    }
    return render(request, "search/search.html", context)


def api_language(view):
    """The API's `lang` parameter: the language of labels, messages and addresses for this request.

    The API has no language prefix, so without `lang` the cookie or the browser's header decides,
    as on a first visit to the site.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        requested = request.GET.get("lang", "").strip().lower()
        if not requested:
            return view(request, *args, **kwargs)
        try:
            code = translation.get_supported_language_variant(requested)
        except LookupError:
            codes = ", ".join(code for code, _name in settings.LANGUAGES)
            message = _("Unknown language “%(lang)s”: use one of %(codes)s.") % {
                "lang": clean_text(requested)[:20],
                "codes": codes,
            }
            return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})
        with translation.override(code):
            response = view(request, *args, **kwargs)
            response["Content-Language"] = code
            return response

    return wrapper


@require_GET
@api_language
def api_search(request):
    """JSON search: the same parameters as the page; refuses bad ones with 400 and a clear message."""
    parsed = parse(request.GET)
    if parsed.errors:
        return JsonResponse({"error": " ".join(parsed.errors)}, status=400)
    results = run_search(parsed.query)
    return JsonResponse(
        {
            "total": results.total,
            "page": parsed.query.page,
            "page_size": parsed.query.page_size,
            "backend": results.backend,
            "took_ms": results.took_ms,
            "notice": results.notice,
            "suggestion": results.suggestion,
            "relaxed": results.relaxed,
            "lang": translation.get_language(),
            "results": [
                {
                    "id": hit.id,
                    "title": hit.title,
                    "url": request.build_absolute_uri(hit.url),
                    "summary": hit.summary,
                    "country": hit.country,
                    "levels": hit.levels,
                    "sectors": hit.sectors,
                    "evidence_strength": hit.evidence_strength,
                    "evidence_label": hit.evidence_label,
                    "effect_direction": hit.effect_direction,
                    "highlight": hit.highlight,
                }
                for hit in results.hits
            ],
            "facets": {name: [asdict(value) for value in values] for name, values in results.facets.items()},
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def api_schema(request):
    """The OpenAPI description of this API."""
    from search.openapi import schema

    return JsonResponse(schema(), json_dumps_params={"ensure_ascii": False})


@require_GET
@api_language
def api_autocomplete(request):
    prefix = clean_text(request.GET.get("q", ""))
    if len(prefix) > MAX_QUERY_LENGTH:
        return JsonResponse({"error": _("The query is too long.")}, status=400)
    if len(prefix) < 2:
        return JsonResponse({"results": []})
    return JsonResponse({"results": run_autocomplete(prefix)}, json_dumps_params={"ensure_ascii": False})
