from django.core.paginator import Page, Paginator


def paginate(request, items, per_page: int = 12) -> Page:
    """The requested page of `items`; a missing, malformed or out-of-range ?page= falls back gracefully."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
