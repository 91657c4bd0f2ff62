"""Running a search: the configured engine when it answers, the database backend otherwise."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from search.backends.base import SearchBackend, SearchQuery, SearchResults
from search.backends.database import DatabaseBackend
from search.engines import EngineError, get_engine

logger = logging.getLogger(__name__)
T = TypeVar("T")

FALLBACK_NOTICE = _(
    "The search engine is unavailable; these results come from the database and may rank differently."
)


def engine_backend():
    from search.backends.engine import EngineBackend

    engine = get_engine()
    return EngineBackend(engine) if engine else None


# While an engine is down every request would wait for its connection to fail (or time out, if it
# hangs); after one failure this process asks the database alone for a short while instead.
_engine_down_until: dict[tuple[str, str], float] = {}


def _breaker_key() -> tuple[str, str]:
    return getattr(settings, "SEARCH_URL", ""), getattr(settings, "SEARCH_INDEX", "")


def _engine_resting() -> bool:
    return _engine_down_until.get(_breaker_key(), 0.0) > time.monotonic()


def _with_fallback(action: Callable[[SearchBackend], T]) -> tuple[T, str, str]:
    """Run `action` on the engine if one is configured; on failure log it and use the database."""
    database = DatabaseBackend()
    if _engine_resting():
        return action(database), database.name, str(FALLBACK_NOTICE)
    try:
        backend = engine_backend()
        if backend is not None:
            result = action(backend)
            _engine_down_until.pop(_breaker_key(), None)
            return result, backend.name, ""
    except EngineError as exc:
        logger.error("Search engine failed, falling back to the database backend: %s", exc)
        retry = getattr(settings, "SEARCH_RETRY_SECONDS", 5)
        _engine_down_until[_breaker_key()] = time.monotonic() + retry
        return action(database), database.name, str(FALLBACK_NOTICE)
    return action(database), database.name, ""


def run_search(query: SearchQuery) -> SearchResults:
    started = time.perf_counter()
    results, _name, notice = _with_fallback(lambda backend: backend.search(query))
    if query.text and results.total == 0:
        suggestion, _name, _notice = _with_fallback(lambda backend: backend.suggest(query.text))
        if len(query.text.split()) > 1:
            # No practice has every word: show those with some of them, best first, and say so.
            relaxed = replace(query, match_any=True)
            results, _name, notice = _with_fallback(lambda backend: backend.search(relaxed))
            results.query = query
            results.relaxed = results.total > 0
        results.suggestion = suggestion
    results.took_ms = round((time.perf_counter() - started) * 1000, 1)
    results.notice = notice
    return results


def run_autocomplete(prefix: str, limit: int = 8) -> list[dict]:
    results, _name, _notice = _with_fallback(lambda backend: backend.autocomplete(prefix, limit))
    return results


@dataclass
class Answer:
    """What an aggregate request returned, which backend answered, and any notice for the reader."""

    value: object
    backend: str
    notice: str = ""


def run_similar(page, limit: int = 4, document: dict | None = None) -> Answer:
    """Practices like `page`. `document` is the page's index document when the caller has built it
    already (a page served as published is its own indexed version); otherwise it is built here."""
    from practices.models import CaseStudyPage
    from search.documents import build_document, indexable_pages

    if document is None:
        # A live page behind a password or login is not indexable: it is its own artificial document.
        document = build_document(indexable_pages().filter(pk=page.pk).first() or page)
    hits, name, notice = _with_fallback(lambda backend: backend.similar(document, limit))
    if name != DatabaseBackend.name:
        # The index follows publishing on commit; never show a practice unpublished since. (The
        # database answered from the live, public pages of this very moment.)
        live = set(
            CaseStudyPage.objects.live()
            .public()
            .filter(pk__in=[hit.id for hit in hits])
            .values_list("pk", flat=True)
        )
        hits = [hit for hit in hits if hit.id in live]
    return Answer([hit for hit in hits if hit.id != page.pk], name, notice)


def run_evidence_matrix(row_facet: str, col_facet: str, filters: dict[str, tuple[str, ...]]) -> Answer:
    value, name, notice = _with_fallback(
        lambda backend: backend.evidence_matrix(row_facet, col_facet, filters)
    )
    return Answer(value, name, notice)


def run_overview(filters: dict[str, tuple[str, ...]]) -> Answer:
    value, name, notice = _with_fallback(lambda backend: backend.overview(filters))
    return Answer(value, name, notice)
