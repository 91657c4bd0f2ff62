"""The Elasticsearch / OpenSearch backend."""

from __future__ import annotations

from django.core.cache import cache

from search.analysis import AnalysisSet
from search.backends.base import SearchQuery, SearchResults
from search.documents import hit_from_document
from search.engines import Engine
from search.facets import FACETS, facet_values
from search.indexing import ANALYSIS_CACHE_SECONDS, alias_name, analysis_cache_key, current_indices
from search.queries import HIGHLIGHT_FIELDS, autocomplete_search, build_search


class EngineBackend:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.name = engine.kind

    def analysis(self) -> AnalysisSet:
        """What the live index was built with (its mapping's _meta), so queries name only fields it has.
        Cached, so a search costs one round trip to the engine, not three; rebuild clears it."""
        key = analysis_cache_key(self.engine)
        name = cache.get(key)
        if name is None:
            indices = current_indices(self.engine)
            name = "basic"
            if indices:
                mapping = self.engine.call("indices.get_mapping", index=indices[0])[indices[0]]["mappings"]
                name = mapping.get("_meta", {}).get("analysis", "basic")
            cache.set(key, name, ANALYSIS_CACHE_SECONDS)
        return AnalysisSet(name == "full")

    def search(self, query: SearchQuery) -> SearchResults:
        body = build_search(query, self.analysis()).to_dict()
        response = self.engine.call("search", index=alias_name(), body=body)
        hits = []
        for hit in response["hits"]["hits"]:
            highlights = hit.get("highlight", {})
            snippet = ""
            for field in HIGHLIGHT_FIELDS:
                fragments = highlights.get(field) or next(
                    (value for key, value in highlights.items() if key.startswith(f"{field}.")), None
                )
                if fragments:
                    snippet = fragments[0]
                    break
            hits.append(hit_from_document(hit["_source"], snippet))
        aggregations = response.get("aggregations", {})
        facets = {}
        for facet in FACETS:
            buckets = aggregations.get(facet.name, {}).get("values", {}).get("buckets", [])
            counts = {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}
            facets[facet.name] = facet_values(facet, counts, query.selected(facet.name))
        total = response["hits"]["total"]
        return SearchResults(
            query=query,
            total=total["value"] if isinstance(total, dict) else int(total),
            hits=hits,
            facets=facets,
            backend=self.name,
        )

    def autocomplete(self, prefix: str, limit: int = 8) -> list[dict]:
        body = autocomplete_search(prefix, self.analysis(), limit).to_dict()
        response = self.engine.call("search", index=alias_name(), body=body)
        return [
            {"id": hit["_source"]["id"], "title": hit["_source"]["title"], "url": hit["_source"]["url"]}
            for hit in response["hits"]["hits"]
        ]
