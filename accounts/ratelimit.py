"""Counting attempts per client in the cache, so that sign-up, login, password reset and submission
cannot be hammered. In production the cache must be shared between workers (see the README)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import ngettext


def client_ip(request) -> str:
    # REMOTE_ADDR only: a forwarded-for header is client-controlled unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(scope: str, key: str, limit: int, window: int) -> bool:
    """Count one attempt; False once `limit` attempts were made within `window` seconds."""
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}"
    if cache.add(cache_key, 1, window):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.set(cache_key, 1, window)
        return True
    return count <= limit


def too_many(request, window: int):
    minutes = max(1, window // 60)
    message = ngettext(
        "Too many attempts. Please wait %(minutes)d minute and try again.",
        "Too many attempts. Please wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}
    response = render(request, "accounts/rate_limited.html", {"message": message}, status=429)
    response["Retry-After"] = str(window)
    return response


def rate_limit(scope: str, limit: int, window: int, key: Callable | None = None):
    """Limit POSTs to a view; GETs (reading a form) are never counted."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                who = key(request) if key else client_ip(request)
                if not allow(scope, who, limit, window):
                    return too_many(request, window)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
