"""How fast the engine alone indexes, with every document already built: the ceiling of a rebuild on
this machine, whatever Python does (docs/performance.md, "Why three targets are not met").

Copies up to N documents of the live index into a scratch index with the same settings and mapping
(refreshes off, as in a rebuild), in bulk batches of 500 from one or more sender threads, then deletes
the scratch index. The client's JSON serialisation is included, so the ceiling is slightly conservative.

    SEARCH_URL=http://127.0.0.1:9201 SEARCH_INDEX=bench-practice-exchange \\
        python manage.py shell -c "from bench.ingest import main; main(10000, senders=2)"
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from search.engines import Engine, EngineError
from search.indexing import REBUILD_BATCH_SIZE, _actions, _batches, alias_name, current_indices

SCRATCH_SUFFIX = "-ingest-scratch"


def read_documents(engine: Engine, index: str, limit: int) -> list[dict]:
    documents: list[dict] = []
    body = {"query": {"match_all": {}}, "size": min(limit, 2000), "sort": ["id"]}
    while len(documents) < limit:
        hits = engine.call("search", index=index, body=body)["hits"]["hits"]
        if not hits:
            break
        documents.extend(hit["_source"] for hit in hits)
        body["search_after"] = hits[-1]["sort"]
    return documents[:limit]


def _scratch_definition(engine: Engine, source: str) -> dict:
    described = engine.call("indices.get", index=source)[source]
    settings = described["settings"]["index"]
    kept = {
        key: settings[key]
        for key in ("analysis", "number_of_shards", "number_of_replicas")
        if key in settings
    }
    return {"settings": {"index": {**kept, "refresh_interval": "-1"}}, "mappings": described["mappings"]}


def measure(engine: Engine, limit: int, senders: int = 1) -> dict:
    """Index up to `limit` documents of the live index again, into a scratch index; documents per second."""
    indices = current_indices(engine)
    if not indices:
        raise EngineError(f"no index behind the alias {alias_name()}: rebuild first")
    documents = read_documents(engine, indices[0], limit)
    scratch = f"{alias_name()}{SCRATCH_SUFFIX}"
    engine.call("indices.delete", index=scratch, ignore_unavailable=True)
    engine.call("indices.create", index=scratch, body=_scratch_definition(engine, indices[0]))
    batches = [list(_actions(scratch, batch)) for batch in _batches(documents, REBUILD_BATCH_SIZE)]
    try:
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=senders) as pool:
            for _ok, errors in pool.map(lambda actions: engine.bulk(actions, refresh="false"), batches):
                if errors:
                    raise EngineError(f"{len(errors)} documents were refused, first: {errors[0]}")
        engine.call("indices.refresh", index=scratch)
        seconds = time.perf_counter() - started
        indexed = engine.call("count", index=scratch)["count"]
    finally:
        engine.call("indices.delete", index=scratch, ignore_unavailable=True)
    return {
        "engine": engine.kind,
        "documents": indexed,
        "senders": senders,
        "seconds": round(seconds, 2),
        "per_second": round(indexed / seconds, 1) if seconds else 0.0,
    }


def main(limit: int = 10_000, senders: int = 1) -> dict:
    from search.engines import get_engine

    engine = get_engine()
    if engine is None:
        raise SystemExit("SEARCH_URL is not set: this measures an engine")
    result = measure(engine, limit, senders)
    print(
        f"{result['engine']}: {result['documents']:,} documents, {senders} sender(s), "
        f"{result['seconds']} s, {result['per_second']:,.0f} documents/s (engine only)"
    )
    return result
