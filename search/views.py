from django.shortcuts import render
from django.utils.translation import gettext as _

from practices.models import CaseStudyPage
from practices.pagination import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over published case studies through Wagtail's configured search backend."""
    query = request.GET.get("q", "").strip()
    error = ""
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Please use at most %(n)d characters.") % {"n": MAX_QUERY_LENGTH}
    elif query:
        matches = CaseStudyPage.objects.live().public().search(query)
        results = paginate(request, matches, per_page=10)
    return render(
        request,
        "search/search.html",
        {"query": query, "results": results, "error": error},
    )
