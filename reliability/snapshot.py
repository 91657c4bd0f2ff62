"""What a reader would see: the results and facet counts of a fixed set of searches on every backend, plus
the row counts of what the site stores. Two installations with equal snapshots answer readers alike.

    python manage.py shell -c "from reliability.snapshot import main; main()"   # JSON on stdout

SNAPSHOT_ENGINES names the engines to ask (name=url,name=url); SEARCH_INDEX the index to read."""

from __future__ import annotations

import json
import os

from django.apps import apps

from search.backends.base import SearchQuery
from search.backends.database import DatabaseBackend

QUERIES = [
    SearchQuery(),
    SearchQuery(text="violencia"),
    SearchQuery(text="youth violence prevention"),
    SearchQuery(text="police", filters={"level": ("municipal",)}),
    SearchQuery(filters={"sector": ("policing", "health"), "level": ("national",)}),
    SearchQuery(filters={"evidence": ("4", "5")}, sort="evidence"),
    SearchQuery(sort="newest", page=2, page_size=5),
]


def describe(query: SearchQuery) -> str:
    return json.dumps({"q": query.text, **query.filters, "sort": query.sort, "page": query.page})


def answers(backend) -> dict:
    found = {}
    for query in QUERIES:
        results = backend.search(query)
        found[describe(query)] = {
            "total": results.total,
            "ids": [hit.id for hit in results.hits],
            "facets": {
                name: {value.value: value.count for value in values if value.count}
                for name, values in results.facets.items()
            },
        }
    return found


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed
    }


def snapshot(engine_urls: dict[str, str]) -> dict:
    from search.backends.engine import EngineBackend
    from search.engines import get_engine

    backends = {"database": answers(DatabaseBackend())}
    for name, url in engine_urls.items():
        backends[name] = answers(EngineBackend(get_engine(url)))
    return {"rows": row_counts(), "search": backends}


def engines_from_environment() -> dict[str, str]:
    pairs = [item.split("=", 1) for item in os.environ.get("SNAPSHOT_ENGINES", "").split(",") if "=" in item]
    return dict(pairs)


def main() -> None:
    print(json.dumps(snapshot(engines_from_environment()), sort_keys=True))
