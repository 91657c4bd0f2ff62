"""Faceted query building with elasticsearch-dsl. User text only ever goes into match queries,
never into query-string syntax."""

from __future__ import annotations

from elasticsearch_dsl import A, Q, Search

from search.analysis import AnalysisSet
from search.backends.base import SearchQuery
from search.documents import HIGHLIGHTED_FIELDS, TEXT_FIELDS
from search.facets import FACETS, FACETS_BY_NAME

HIGHLIGHT_FIELDS = HIGHLIGHTED_FIELDS
FACET_SIZE = 100
WORDS_AGGREGATION = "practices_with_the_words"


def text_fields(analysis: AnalysisSet) -> list[str]:
    fields = []
    for name, boost in TEXT_FIELDS.items():
        fields.append(f"{name}^{boost}")
        fields.extend(f"{name}.{language}^{boost}" for language in analysis.languages)
    return fields


def exact_query(text: str, analysis: AnalysisSet, operator: str = "and") -> Q:
    return Q("multi_match", query=text, fields=text_fields(analysis), type="most_fields", operator=operator)


def text_query(text: str, analysis: AnalysisSet, operator: str = "and", fuzzy: bool = False) -> Q:
    should = [
        exact_query(text, analysis, operator),
        Q("multi_match", query=text, fields=["title^3", "summary^2"], type="phrase", boost=2),
    ]
    if fuzzy:
        # Typos: a fuzzy match on the plain fields, every word required, worth less than an exact one.
        folded_fields = [f"{name}^{boost}" for name, boost in TEXT_FIELDS.items()]
        should.append(
            Q(
                "multi_match",
                query=text,
                fields=folded_fields,
                operator=operator,
                fuzziness="AUTO",
                prefix_length=2,
                max_expansions=20,
                boost=0.3,
            )
        )
    return Q("bool", should=should, minimum_should_match=1)


def filter_clause(facet_name: str, values: tuple[str, ...]) -> Q:
    return Q("terms", **{FACETS_BY_NAME[facet_name].field: list(values)})


def build_search(query: SearchQuery, analysis: AnalysisSet, fuzzy: bool = False) -> Search:
    """The search request; `fuzzy` adds typo-tolerant matching, which the backend asks for only when
    the words themselves match nothing (it costs a third of a request at 100,000 practices)."""
    search = Search()
    operator = "or" if query.match_any else "and"
    search = (
        search.query(text_query(query.text, analysis, operator, fuzzy))
        if query.text
        else search.query("match_all")
    )

    # post_filter: the hits obey every filter, but each facet counts with the *other* facets' filters.
    # (Filters inside the query, with a global aggregation per selected facet, score fewer practices
    # but match the words again for each selected facet: at 100,000 practices that was 1.2-1.6 times
    # slower on Elasticsearch and twice as slow on OpenSearch; docs/performance.md.)
    filters = {name: filter_clause(name, values) for name, values in query.filters.items() if values}
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
        if query.text:
            # Aggregations see the query's matches before the post_filter: this counts the practices
            # with the words whatever the filters, which tells a typo from a filter that excludes them.
            search.aggs.bucket(WORDS_AGGREGATION, "filter", Q("match_all"))
    for facet in FACETS:
        others = [clause for name, clause in filters.items() if name != facet.name]
        aggregation = A("filter", Q("bool", filter=others) if others else Q("match_all"))
        aggregation.bucket("values", "terms", field=facet.field, size=FACET_SIZE)
        search.aggs.bucket(facet.name, aggregation)

    if query.sort == "evidence":
        search = search.sort({"evidence_strength": "desc"}, "_score", {"id": "asc"})
    elif query.sort == "newest":
        search = search.sort({"published_at": {"order": "desc", "missing": "_last"}}, {"id": "asc"})
    elif query.text:
        search = search.sort("_score", {"evidence_strength": "desc"}, {"id": "asc"})
    else:
        search = search.sort({"evidence_strength": "desc"}, {"id": "asc"})

    if query.text:
        # Highlight the query's words in the accent-folded fields only: a fuzzy highlight query
        # re-analyses whole texts (hundreds of milliseconds per hit), and highlighting every language
        # subfield too doubled the cost of a search for the same snippet (docs/performance.md).
        highlight_query = Q(
            "multi_match",
            query=query.text,
            fields=list(HIGHLIGHT_FIELDS),
            type="most_fields",
            operator=operator,
        )
        search = search.highlight_options(
            encoder="html",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            fragment_size=180,
            number_of_fragments=1,
            highlight_query=highlight_query.to_dict(),
        )
        search = search.highlight(*HIGHLIGHT_FIELDS)
    search = search.extra(track_total_hits=True, from_=query.offset, size=query.page_size)
    return search


# Fields whose own words "did you mean" draws on: the ones a reader types from, with the most words.
SUGGEST_FIELDS = ("title", "summary")


def suggest_search(text: str) -> dict:
    """Close words of the index for each word of `text`, per field: a field that has the word itself
    offers nothing for it, and neither does one with no close word, hence known_words_search."""
    return {
        "size": 0,
        "suggest": {
            "text": text,
            **{
                field: {
                    "term": {
                        "field": field,
                        "suggest_mode": "missing",
                        "min_word_length": 4,
                        "prefix_length": 1,
                        "size": 1,
                        "sort": "score",
                    }
                }
                for field in SUGGEST_FIELDS
            },
        },
    }


def autocomplete_search(prefix: str, analysis: AnalysisSet, limit: int) -> Search:
    search = Search().source(["id", "title", "url"]).extra(size=limit)
    if analysis.autocomplete:
        return search.query("match", **{"title.autocomplete": {"query": prefix, "operator": "and"}})
    # Without edge n-grams, a phrase-prefix match on the standard-analysed title does the job.
    return search.query("match_phrase_prefix", title={"query": prefix})


def filters_query(filters: dict[str, tuple[str, ...]]) -> Q:
    clauses = [filter_clause(name, values) for name, values in filters.items() if values]
    return Q("bool", filter=clauses) if clauses else Q("match_all")


# The fields "similar experiences" compares by text, and the shared classifications that add to it.
SIMILAR_TEXT_FIELDS = ("problem", "intervention", "taxonomy_text", "summary")
SIMILAR_BOOSTS = {"sectors": 2.0, "levels": 1.5, "themes": 1.0, "policy_areas": 1.0, "populations": 0.5}


# Words in more than this share of the practices ("seguridad", "programa", "violencia") say little about
# what two practices share, and scoring them over most of the index cost seconds at 100,000 practices.
SIMILAR_MAX_DOC_SHARE = 0.05
# Below 1,000 practices every word counts, so a small registry keeps its neighbours.
SIMILAR_MIN_DOC_FREQ_CAP = 50


def similar_max_doc_freq(indexed: int) -> int:
    return max(SIMILAR_MIN_DOC_FREQ_CAP, int(indexed * SIMILAR_MAX_DOC_SHARE))


def similar_search(document: dict, limit: int, max_doc_freq: int | None = None) -> Search:
    """more_like_this over the practice's own text, given as an artificial document so that a page
    not yet (or no longer) in the index still finds its neighbours; shared taxonomy terms add to
    the score."""
    like = {"doc": {field: document.get(field, "") for field in SIMILAR_TEXT_FIELDS}}
    shared = [
        Q("terms", **{field: document[field], "boost": boost})
        for field, boost in SIMILAR_BOOSTS.items()
        if document.get(field)
    ]
    query = Q(
        "bool",
        must=[
            Q(
                "more_like_this",
                fields=list(SIMILAR_TEXT_FIELDS),
                like=[like],
                min_term_freq=1,
                min_doc_freq=2,
                max_query_terms=40,
                minimum_should_match="10%",
                **({"max_doc_freq": max_doc_freq} if max_doc_freq else {}),
            )
        ],
        should=shared,
        must_not=[Q("ids", values=[str(document["id"])])],
    )
    return (
        Search().query(query).sort("_score", {"evidence_strength": "desc"}, {"id": "asc"}).extra(size=limit)
    )


def matrix_search(row_field: str, col_field: str, filters: dict[str, tuple[str, ...]]) -> Search:
    search = Search().query(filters_query(filters)).extra(size=0, track_total_hits=True)
    rows = search.aggs.bucket("rows", "terms", field=row_field, size=FACET_SIZE)
    cols = rows.bucket("cols", "terms", field=col_field, size=FACET_SIZE)
    cols.bucket("evidence", "terms", field="evidence_strength", size=5)
    return search


OVERVIEW_AGGREGATIONS = {
    "country": "country",
    "evidence": "evidence",
    "policy_area": "policy_areas",
    "start_year": "start_year",
}


def overview_search(filters: dict[str, tuple[str, ...]]) -> Search:
    search = Search().query(filters_query(filters)).extra(size=0, track_total_hits=True)
    for name, field in OVERVIEW_AGGREGATIONS.items():
        search.aggs.bucket(name, "terms", field=field, size=200)
    return search


def known_words_search(words: set[str]) -> dict:
    """How many practices hold each (analysed) word in a suggest field: 0 means the corpus lacks it."""
    filters = {
        word: Q("bool", should=[Q("term", **{field: word}) for field in SUGGEST_FIELDS]).to_dict()
        for word in words
    }
    return {"size": 0, "query": {"match_all": {}}, "aggs": {"known": {"filters": {"filters": filters}}}}
