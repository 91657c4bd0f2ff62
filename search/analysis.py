"""Analysers, defined once. Two sets: the full one needs the engine's analysis-common module
(language stemmers, accent folding, edge n-grams); the basic one uses only what every engine has."""

from __future__ import annotations

from elasticsearch_dsl import analyzer, token_filter, tokenizer

LANGUAGES = ("es", "pt", "en")

_folding = ["lowercase", "asciifolding"]
_spanish_stop = token_filter("px_spanish_stop", type="stop", stopwords="_spanish_")
_portuguese_stop = token_filter("px_portuguese_stop", type="stop", stopwords="_portuguese_")
_english_stop = token_filter("px_english_stop", type="stop", stopwords="_english_")

FOLDED = analyzer("px_folded", tokenizer="standard", filter=_folding)
FULL_LANGUAGE_ANALYZERS = {
    "es": analyzer(
        "px_spanish",
        tokenizer="standard",
        filter=[
            "lowercase",
            _spanish_stop,
            token_filter("px_spanish_stem", type="stemmer", language="light_spanish"),
            "asciifolding",
        ],
    ),
    "pt": analyzer(
        "px_portuguese",
        tokenizer="standard",
        filter=[
            "lowercase",
            _portuguese_stop,
            token_filter("px_portuguese_stem", type="stemmer", language="light_portuguese"),
            "asciifolding",
        ],
    ),
    "en": analyzer(
        "px_english",
        tokenizer="standard",
        filter=[
            "lowercase",
            _english_stop,
            token_filter("px_english_possessive", type="stemmer", language="possessive_english"),
            token_filter("px_english_stem", type="stemmer", language="english"),
        ],
    ),
}
AUTOCOMPLETE = analyzer(
    "px_autocomplete",
    tokenizer=tokenizer(
        "px_edge_ngram", type="edge_ngram", min_gram=2, max_gram=15, token_chars=["letter", "digit"]
    ),
    filter=_folding,
)
AUTOCOMPLETE_SEARCH = analyzer("px_autocomplete_search", tokenizer="standard", filter=_folding)


class AnalysisSet:
    """Which analyser each kind of field uses, for one engine's capabilities."""

    def __init__(self, full: bool):
        self.full = full
        # Without analysis-common only the core "standard" analyser exists: no folding, no stemming.
        self.folded = FOLDED if full else "standard"
        self.languages = FULL_LANGUAGE_ANALYZERS if full else {}
        self.autocomplete = AUTOCOMPLETE if full else None
        self.autocomplete_search = AUTOCOMPLETE_SEARCH if full else None

    @property
    def name(self) -> str:
        return "full" if self.full else "basic"
