"""The index's lifecycle: rebuild behind an alias, incremental updates, status and drift repair."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from search.analysis import AnalysisSet
from search.documents import build_document, index_definition, indexable_pages
from search.engines import Engine, EngineError
from search.models import PendingIndexUpdate

logger = logging.getLogger(__name__)
BATCH_SIZE = 200
REBUILD_BATCH_SIZE = 500
ANALYSIS_CACHE_SECONDS = 60


def alias_name() -> str:
    return getattr(settings, "SEARCH_INDEX", "practice-exchange")


def analysis_cache_key(engine: Engine) -> str:
    return f"search:analysis:{engine.url}:{alias_name()}"


def analysis_for(engine: Engine) -> AnalysisSet:
    full = engine.has_full_analysis
    if not full:
        logger.warning(
            "%s %s at %s has no analysis-common module: indexing with the built-in standard analyser "
            "(no stemming, no accent folding, no edge n-grams)",
            engine.kind,
            engine.version,
            engine.url,
        )
    return AnalysisSet(full)


def fingerprint(document: dict) -> str:
    return hashlib.sha256(json.dumps(document, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _actions(index: str, documents: Iterable[dict]):
    for document in documents:
        yield {"_op_type": "index", "_index": index, "_id": document["id"], "_source": document}


def documents_for(pages) -> Iterable[dict]:
    for page in pages:
        document = build_document(page)
        document["fingerprint"] = fingerprint(document)
        yield document


def current_indices(engine: Engine) -> list[str]:
    alias = alias_name()
    if not engine.call("indices.exists_alias", name=alias):
        return []
    return sorted(engine.call("indices.get_alias", name=alias).keys())


def rebuild(engine: Engine, progress: Callable[[int, int], None] | None = None) -> str:
    """Index every live case study into a new index, then point the alias at it in one atomic step."""
    alias = alias_name()
    started = timezone.now()
    new_index = f"{alias}-{started:%Y%m%d%H%M%S%f}"
    definition = index_definition(new_index, analysis_for(engine)).to_dict()
    # Nobody searches the new index until the alias moves: no periodic refreshes while it fills.
    definition.setdefault("settings", {})["refresh_interval"] = "-1"
    engine.call("indices.create", index=new_index, body=definition)
    pages = indexable_pages()
    total = pages.count()
    done = 0
    # The database is read and documents built on this thread (Django connections belong to their
    # thread) while another thread sends the previous batch: the engine analyses one batch as the
    # next is built.
    with ThreadPoolExecutor(max_workers=1) as sender:
        try:
            sending = None
            for batch in _batches(pages.iterator(chunk_size=BATCH_SIZE), REBUILD_BATCH_SIZE):
                actions = list(_actions(new_index, documents_for(batch)))
                if sending:
                    done += sending.result()
                    if progress:
                        progress(done, total)
                sending = sender.submit(_send, engine, actions)
            if sending:
                done += sending.result()
            if progress:
                progress(done, total)
            engine.call("indices.put_settings", index=new_index, body={"index": {"refresh_interval": None}})
            engine.call("indices.refresh", index=new_index)
        except Exception:
            engine.call("indices.delete", index=new_index, ignore_unavailable=True)
            raise
    old = current_indices(engine)
    actions = [{"remove": {"index": name, "alias": alias}} for name in old]
    actions.append({"add": {"index": new_index, "alias": alias}})
    engine.call("indices.update_aliases", body={"actions": actions})
    cache.delete(analysis_cache_key(engine))
    for name in old:
        engine.call("indices.delete", index=name, ignore_unavailable=True)
    # Everything queued before the rebuild read the database is in the new index.
    PendingIndexUpdate.objects.filter(queued_at__lte=started).delete()
    return new_index


def _batches(items, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _send(engine: Engine, actions: list[dict]) -> int:
    ok, errors = engine.bulk(actions, refresh="false")
    if errors:
        raise EngineError(f"{len(errors)} documents were refused, first: {errors[0]}")
    return ok


def _bulk(engine: Engine, index: str, pages: list) -> int:
    ok, errors = engine.bulk(_actions(index, documents_for(pages)))
    if errors:
        raise EngineError(f"{len(errors)} documents were refused, first: {errors[0]}")
    return ok


def ensure_index(engine: Engine) -> None:
    if not current_indices(engine):
        rebuild(engine)


def index_pages(engine: Engine, pages: Iterable) -> int:
    pages = list(pages)
    if not pages:
        return 0
    ensure_index(engine)
    return _bulk(engine, alias_name(), pages)


def delete_ids(engine: Engine, ids: Iterable[int]) -> None:
    ids = list(ids)
    if not ids or not current_indices(engine):
        return
    actions = ({"_op_type": "delete", "_index": alias_name(), "_id": pk} for pk in ids)
    # A document already gone is what we wanted; only real failures matter.
    _ok, errors = engine.bulk(actions)
    real = [error for error in errors if error.get("delete", {}).get("status") != 404]
    if real:
        raise EngineError(f"could not delete documents: {real[0]}")


def sync_pages(engine: Engine, page_ids: Iterable[int]) -> None:
    """Index the given pages if they should be in the index, delete them if not."""
    page_ids = set(page_ids)
    live = list(indexable_pages().filter(pk__in=page_ids))
    index_pages(engine, live)
    delete_ids(engine, page_ids - {page.pk for page in live})


def catch_up(engine: Engine) -> int:
    """Send the updates queued while the engine was unreachable; returns how many pages were synced."""
    started = timezone.now()
    page_ids = PendingIndexUpdate.objects.page_ids()
    if page_ids:
        sync_pages(engine, page_ids)
        PendingIndexUpdate.objects.settle(page_ids, started)
    return len(page_ids)


def indexed_fingerprints(engine: Engine) -> dict[int, str]:
    body = {"query": {"match_all": {}}, "_source": ["fingerprint"], "size": 10_000, "sort": ["id"]}
    found: dict[int, str] = {}
    search_after = None
    while True:
        if search_after is not None:
            body["search_after"] = search_after
        hits = engine.call("search", index=alias_name(), body=body)["hits"]["hits"]
        if not hits:
            return found
        for hit in hits:
            found[int(hit["_id"])] = hit["_source"].get("fingerprint", "")
        search_after = hits[-1]["sort"]


@dataclass
class Drift:
    database: int = 0
    indexed: int = 0
    missing: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.missing or self.extra or self.stale)


def verify(engine: Engine, repair: bool = False) -> Drift:
    """Compare the index with the database; with repair, index what is missing or stale and delete extras."""
    ensure_index(engine)
    started = timezone.now()
    indexed = indexed_fingerprints(engine)
    drift = Drift(indexed=len(indexed))
    expected: dict[int, str] = {}
    pages = {}
    for page in indexable_pages().iterator(chunk_size=BATCH_SIZE):
        document = build_document(page)
        expected[page.pk] = fingerprint(document)
        pages[page.pk] = page
    drift.database = len(expected)
    drift.missing = sorted(set(expected) - set(indexed))
    drift.extra = sorted(set(indexed) - set(expected))
    drift.stale = sorted(pk for pk in set(expected) & set(indexed) if expected[pk] != indexed[pk])
    if repair and not drift.clean:
        index_pages(engine, [pages[pk] for pk in drift.missing + drift.stale])
        delete_ids(engine, drift.extra)
    if repair:
        PendingIndexUpdate.objects.filter(queued_at__lte=started).delete()
    return drift
