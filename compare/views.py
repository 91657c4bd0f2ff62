from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from compare.charts import legend, radar_svg, series_for
from compare.comparison import build_sections, only_differences
from compare.exports import comparison_csv, comparison_pdf
from compare.selection import raw_values, select
from compare.tray import MAX_ITEMS, MIN_ITEMS, Tray, TrayError
from practices.models import CaseStudyPage

FORMATS = ("html", "csv", "pdf")


def _back(request, fallback: str = "") -> HttpResponseRedirect:
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or fallback or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    return HttpResponseRedirect(target)


def _page_from_post(request) -> CaseStudyPage | None:
    value = request.POST.get("page", "")
    if not value.isdigit():
        return None
    return CaseStudyPage.objects.live().public().filter(pk=int(value)).first()


@require_POST
def tray_add(request):
    page = _page_from_post(request)
    if page is None:
        messages.error(request, _("That practice is not published, so it cannot be compared."))
        return _back(request)
    try:
        Tray(request.session).add(page)
    except TrayError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("“%(title)s” added to the comparison.") % {"title": page.title})
    return _back(request)


@require_POST
def tray_remove(request):
    value = request.POST.get("page", "")
    if value.isdigit():
        Tray(request.session).remove(int(value))
    return _back(request)


@require_POST
def tray_clear(request):
    Tray(request.session).clear()
    return _back(request)


def compare_url(ids: list[int], **extra: str) -> str:
    # Commas left unescaped: the link is meant to be read and shared.
    return reverse("compare:compare") + "?" + urlencode({"ids": ",".join(map(str, ids)), **extra}, safe=",")


@require_GET
def compare(request):
    """Two to four practices side by side. The ids are in the URL so a comparison can be shared;
    without them, the reader's tray is compared."""
    if "ids" not in request.GET:
        tray_ids = [page.pk for page in Tray(request.session).pages()]
        if len(tray_ids) >= MIN_ITEMS:
            return HttpResponseRedirect(compare_url(tray_ids))
        return render(request, "compare/compare.html", {"empty": True, "min": MIN_ITEMS, "max": MAX_ITEMS})

    selection = select(raw_values(request.GET))
    for notice in selection.notices:
        messages.warning(request, notice)
    output = request.GET.get("format", "html")
    if output not in FORMATS:
        messages.warning(
            request, _("Unknown export format “%(format)s”; showing the page.") % {"format": output[:10]}
        )
        output = "html"
    if not selection.ok:
        context = {"error": selection.error, "min": MIN_ITEMS, "max": MAX_ITEMS}
        return render(request, "compare/compare.html", context, status=400)

    pages = selection.pages
    sections = build_sections(pages)
    series = [series_for(page) for page in pages]
    overlay = radar_svg(series, _("The four institutional challenges, all practices"), chart_id="radar-all")
    share_url = request.build_absolute_uri(compare_url(selection.ids))
    stem = "comparison-" + "-".join(map(str, selection.ids))

    if output == "csv":
        urls = [request.build_absolute_uri(page.get_url(request) or page.url_path) for page in pages]
        response = HttpResponse(comparison_csv(pages, sections, urls), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
        return response
    if output == "pdf":
        response = HttpResponse(
            comparison_pdf(pages, sections, share_url, overlay), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="{stem}.pdf"'
        return response

    differences = request.GET.get("differences") == "1"
    columns = [
        {
            "page": page,
            "radar": radar_svg([series[i]], page.title, size=240, chart_id=f"radar-{page.pk}", first_style=i),
            "remove_url": compare_url([pk for pk in selection.ids if pk != page.pk]),
        }
        for i, page in enumerate(pages)
    ]
    context = {
        "pages": pages,
        "columns": columns,
        "sections": only_differences(sections) if differences else sections,
        "differences": differences,
        "different_rows": sum(row.differs for section in sections for row in section.rows),
        "overlay": overlay,
        "legend": legend(series),
        "share_url": share_url,
        "toggle_url": compare_url(selection.ids, **({} if differences else {"differences": "1"})),
        "csv_url": compare_url(selection.ids, format="csv"),
        "pdf_url": compare_url(selection.ids, format="pdf"),
    }
    return render(request, "compare/compare.html", context)
