"""Analysers, defined once. Two sets: the full one needs the engine's analysis-common module
(language stemmers, accent folding, edge n-grams); the basic one uses only what every engine has."""

from __future__ import annotations

from elasticsearch_dsl import analyzer, token_filter, tokenizer

LANGUAGES = ("es", "pt", "en")

_folding = ["lowercase", "asciifolding"]


def _language_analyzer(name: str, stopwords: str, stemmers: list[str], fold: bool):
    """lowercase → stop words → stemmers → (accent folding last, so stemmers see the real words)."""
    filters = ["lowercase", token_filter(f"px_{name}_stop", type="stop", stopwords=stopwords)]
    filters += [token_filter(f"px_{name}_{stem}", type="stemmer", language=stem) for stem in stemmers]
    if fold:
        filters.append("asciifolding")
    return analyzer(f"px_{name}", tokenizer="standard", filter=filters)


FOLDED = analyzer("px_folded", tokenizer="standard", filter=_folding)
FULL_LANGUAGE_ANALYZERS = {
    "es": _language_analyzer("spanish", "_spanish_", ["light_spanish"], fold=True),
    "pt": _language_analyzer("portuguese", "_portuguese_", ["light_portuguese"], fold=True),
    # English needs no folding and keeps possessives out of the stems.
    "en": _language_analyzer("english", "_english_", ["possessive_english", "english"], fold=False),
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
