from compare.tray import MAX_ITEMS, MIN_ITEMS, Tray


def compare_tray(request):
    """The tray on every page. An empty tray costs no query; a full one costs one."""
    session = getattr(request, "session", None)
    if session is None:
        return {}
    tray = Tray(session)
    pages = tray.pages() if len(tray) else []
    return {
        "compare_tray": {
            "pages": pages,
            "ids": [page.pk for page in pages],
            "count": len(pages),
            "max": MAX_ITEMS,
            "full": len(pages) >= MAX_ITEMS,
            "ready": len(pages) >= MIN_ITEMS,
        }
    }
