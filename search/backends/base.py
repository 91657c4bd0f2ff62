"""One interface for every search backend: the query people ask and the result shape they get back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from practices.evidence import evidence_level

SORTS = ("relevance", "evidence", "newest")
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    # Every word must match, unless nothing does: then the service retries with any word.
    match_any: bool = False

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def selected(self, facet: str) -> tuple[str, ...]:
        return self.filters.get(facet, ())


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Hit:
    id: int
    title: str
    url: str
    summary: str
    country: str
    country_name: str
    place: str
    period: str
    levels: list[str]
    sectors: list[str]
    evidence_strength: int
    evidence_label: str
    effect_direction: str
    highlight: str = ""

    @property
    def evidence(self):
        return evidence_level(self.evidence_strength)


@dataclass
class SearchResults:
    query: SearchQuery
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    backend: str
    took_ms: float = 0.0
    notice: str = ""
    suggestion: str = ""
    relaxed: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.page_size))


# Counts per evidence strength (1–5) in one cell of the evidence map, keyed (row value, column value).
EvidenceCounts = dict[int, int]
Matrix = dict[tuple[str, str], EvidenceCounts]

# The dimensions an overview counts practices by: facet names, plus the start year.
OVERVIEW_FIELDS = ("country", "evidence", "policy_area", "start_year")


class SearchBackend(Protocol):
    name: str

    def search(self, query: SearchQuery) -> SearchResults: ...

    def autocomplete(self, prefix: str, limit: int = 8) -> list[dict]: ...

    def suggest(self, text: str) -> str:
        """'Did you mean': `text` with each word unknown to the corpus replaced by the closest known
        one, or "" when every word is known (or nothing is close)."""
        ...

    def similar(self, document: dict, limit: int = 4) -> list[Hit]:
        """Live practices most like this one (its index document), best first, never itself."""
        ...

    def evidence_matrix(
        self, row_facet: str, col_facet: str, filters: dict[str, tuple[str, ...]]
    ) -> tuple[Matrix, int]:
        """Practices per (row value, column value) by evidence strength, and the total matching `filters`."""
        ...

    def overview(self, filters: dict[str, tuple[str, ...]]) -> dict[str, dict[str, int]]:
        """Practices matching `filters`, counted by each of OVERVIEW_FIELDS."""
        ...
