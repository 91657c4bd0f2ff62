"""The Elasticsearch / OpenSearch backend."""

from __future__ import annotations

from django.core.cache import cache

from search.analysis import AnalysisSet
from search.backends.base import Hit, Matrix, SearchQuery, SearchResults
from search.documents import hit_from_document, localised_url
from search.engines import Engine
from search.facets import FACETS, FACETS_BY_NAME, facet_values
from search.indexing import ANALYSIS_CACHE_SECONDS, alias_name, analysis_cache_key, current_indices
from search.queries import (
    HIGHLIGHT_FIELDS,
    SUGGEST_FIELDS,
    WORDS_AGGREGATION,
    autocomplete_search,
    build_search,
    known_words_search,
    matrix_search,
    overview_search,
    similar_max_doc_freq,
    similar_search,
    suggest_search,
)


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
        analysis = self.analysis()
        response = self.engine.call(
            "search", index=alias_name(), body=build_search(query, analysis).to_dict()
        )
        if query.text and _total(response) == 0 and not _words_found(response):
            # No practice has these words at all: perhaps a typo, so ask again allowing for one.
            body = build_search(query, analysis, fuzzy=True).to_dict()
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
        return SearchResults(
            query=query,
            total=_total(response),
            hits=hits,
            facets=facets,
            backend=self.name,
        )

    def suggest(self, text: str) -> str:
        """'Did you mean': each word the index lacks becomes the closest word it has (the engine's own
        dictionary, so nothing is rebuilt in Python however large the corpus)."""
        response = self.engine.call("search", index=alias_name(), body=suggest_search(text))
        fields = [response.get("suggest", {}).get(field, []) for field in SUGGEST_FIELDS]
        words = [entry["text"] for entry in fields[0]]
        closest = {}
        for position in range(len(words)):
            options = [
                field[position]["options"][0]
                for field in fields
                if position < len(field) and field[position]["options"]
            ]
            if options:
                closest[position] = max(options, key=lambda o: (o["score"], o["freq"]))["text"]
        if not closest:
            return ""
        body = known_words_search({words[position] for position in closest})
        buckets = self.engine.call("search", index=alias_name(), body=body)["aggregations"]["known"]
        unknown = {word for word, bucket in buckets["buckets"].items() if bucket["doc_count"] == 0}
        corrected = [
            closest[position] if word in unknown and position in closest else word
            for position, word in enumerate(words)
        ]
        return " ".join(corrected) if corrected != words else ""

    def autocomplete(self, prefix: str, limit: int = 8) -> list[dict]:
        body = autocomplete_search(prefix, self.analysis(), limit).to_dict()
        response = self.engine.call("search", index=alias_name(), body=body)
        return [
            {
                "id": hit["_source"]["id"],
                "title": hit["_source"]["title"],
                "url": localised_url(hit["_source"]["url"]),
            }
            for hit in response["hits"]["hits"]
        ]

    def indexed_count(self) -> int:
        """How many practices the index holds; cached like the analysis, as it changes slowly."""
        key = f"{analysis_cache_key(self.engine)}:count"
        count = cache.get(key)
        if count is None:
            count = self.engine.call("count", index=alias_name())["count"]
            cache.set(key, count, ANALYSIS_CACHE_SECONDS)
        return count

    def similar(self, document: dict, limit: int = 4) -> list[Hit]:
        body = similar_search(document, limit, similar_max_doc_freq(self.indexed_count())).to_dict()
        response = self.engine.call("search", index=alias_name(), body=body)
        return [hit_from_document(hit["_source"]) for hit in response["hits"]["hits"]]

    def evidence_matrix(
        self, row_facet: str, col_facet: str, filters: dict[str, tuple[str, ...]]
    ) -> tuple[Matrix, int]:
        row_field, col_field = FACETS_BY_NAME[row_facet].field, FACETS_BY_NAME[col_facet].field
        body = matrix_search(row_field, col_field, filters).to_dict()
        response = self.engine.call("search", index=alias_name(), body=body)
        matrix: Matrix = {}
        for row in response["aggregations"]["rows"]["buckets"]:
            for col in row["cols"]["buckets"]:
                matrix[(str(row["key"]), str(col["key"]))] = {
                    int(bucket["key"]): bucket["doc_count"] for bucket in col["evidence"]["buckets"]
                }
        return matrix, _total(response)

    def overview(self, filters: dict[str, tuple[str, ...]]) -> dict[str, dict[str, int]]:
        body = overview_search(filters).to_dict()
        response = self.engine.call("search", index=alias_name(), body=body)
        return {
            name: {str(bucket["key"]): bucket["doc_count"] for bucket in aggregation["buckets"]}
            for name, aggregation in response["aggregations"].items()
        }


def _total(response: dict) -> int:
    total = response["hits"]["total"]
    return total["value"] if isinstance(total, dict) else int(total)


def _words_found(response: dict) -> bool:
    """Whether any practice has the query's words, filters aside (see WORDS_AGGREGATION): when none
    does, a typo is likely; when the filters excluded them, a typo-tolerant retry would only search
    the whole corpus again for look-alikes."""
    return response.get("aggregations", {}).get(WORDS_AGGREGATION, {}).get("doc_count", 0) > 0
