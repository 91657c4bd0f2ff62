"""The zero-setup backend: the same interface and result shape, from SQLite or PostgreSQL.

Text matching uses Wagtail's database search index (SQLite FTS5 or PostgreSQL full-text search);
filters and facet counts are plain SQL."""

from __future__ import annotations

import re
from collections import defaultdict

from django.db.models import Count, QuerySet

from practices.models import CaseStudyPage
from search.backends.base import OVERVIEW_FIELDS, Hit, Matrix, SearchQuery, SearchResults
from search.documents import RESULT_RELATIONS, hit_from_page, plain_text
from search.facets import FACETS, FACETS_BY_NAME, facet_values
from search.highlight import highlight
from search.queries import SIMILAR_BOOSTS
from search.suggest import did_you_mean

# Index document field → facet, for the classifications similarity counts.
FIELD_FACETS = {
    "sectors": "sector",
    "levels": "level",
    "themes": "theme",
    "policy_areas": "policy_area",
    "populations": "population",
}


class DatabaseBackend:
    name = "database"

    def _base(self) -> QuerySet[CaseStudyPage]:
        return CaseStudyPage.objects.live().public()

    def _ranked_ids(self, base: QuerySet, text: str, operator: str = "and") -> list[int]:
        # Only words reach the database's full-text syntax (FTS5 and tsquery both give meaning to
        # quotes, brackets and operators).
        words = re.findall(r"\w+", text)
        if not words:
            return []
        matches = base.search(" ".join(words), operator=operator)
        return [page.pk for page in matches]

    def _filtered(self, queryset: QuerySet, filters: dict[str, tuple[str, ...]], skip: str = "") -> QuerySet:
        for name, values in filters.items():
            if name == skip or not values:
                continue
            lookup = FACETS_BY_NAME[name].db_lookup
            # A subquery, so that many-to-many filters never duplicate rows.
            queryset = queryset.filter(
                pk__in=CaseStudyPage.objects.filter(**{f"{lookup}__in": values}).values("pk")
            )
        return queryset

    def search(self, query: SearchQuery) -> SearchResults:
        # One base for the whole request: each call of _base() reads the view restrictions again.
        base = self._base()
        ranked = None
        if query.text:
            ranked = self._ranked_ids(base, query.text, "or" if query.match_any else "and")
            base = base.filter(pk__in=ranked)

        facets = {}
        for facet in FACETS:
            rows = (
                self._filtered(base, query.filters, skip=facet.name)
                .values(facet.db_lookup)
                .annotate(n=Count("pk", distinct=True))
                .order_by()
            )
            counts = {str(row[facet.db_lookup]): row["n"] for row in rows if row[facet.db_lookup] is not None}
            facets[facet.name] = facet_values(facet, counts, query.selected(facet.name))

        matching = self._filtered(base, query.filters)
        order = self._ordered_ids(matching, query, ranked)
        page_ids = order[query.offset : query.offset + query.page_size]
        # `base` is live and public already; a result needs no more than its levels and sectors.
        pages = base.prefetch_related(*RESULT_RELATIONS).in_bulk(page_ids)
        hits = []
        for pk in page_ids:
            page = pages[pk]
            snippet = (
                highlight(f"{page.summary} {plain_text(page.problem)}", query.text) if query.text else ""
            )
            hits.append(hit_from_page(page, snippet))
        return SearchResults(query=query, total=len(order), hits=hits, facets=facets, backend=self.name)

    def _ordered_ids(self, matching: QuerySet, query: SearchQuery, ranked: list[int] | None) -> list[int]:
        rows = list(matching.values_list("pk", "evidence_strength", "first_published_at"))
        rank = {pk: position for position, pk in enumerate(ranked or [])}
        if query.sort == "evidence":
            rows.sort(key=lambda row: (-row[1], rank.get(row[0], 0), row[0]))
        elif query.sort == "newest":
            rows.sort(key=lambda row: (-(row[2].timestamp() if row[2] else float("-inf")), row[0]))
        elif ranked is not None:
            rows.sort(key=lambda row: (rank[row[0]], row[0]))
        else:
            rows.sort(key=lambda row: (-row[1], row[0]))
        return [row[0] for row in rows]

    def similar(self, document: dict, limit: int = 4) -> list[Hit]:
        """Without a text-similarity engine, similarity is shared classification: each term the two
        practices share adds its field's weight (sectors and level of government count most)."""
        scores: dict[int, float] = defaultdict(float)
        live = self._base().exclude(pk=document["id"])
        for field, weight in SIMILAR_BOOSTS.items():
            slugs = document.get(field) or []
            if not slugs:
                continue
            lookup = FACETS_BY_NAME[FIELD_FACETS[field]].db_lookup
            for pk, _slug in live.filter(**{f"{lookup}__in": slugs}).values_list("pk", lookup):
                scores[pk] += weight
        if not scores:
            return []
        strength = dict(live.filter(pk__in=scores).values_list("pk", "evidence_strength"))
        ranked = sorted(scores, key=lambda pk: (-scores[pk], -strength.get(pk, 0), pk))[:limit]
        pages = live.prefetch_related(*RESULT_RELATIONS).in_bulk(ranked)
        return [hit_from_page(pages[pk]) for pk in ranked if pk in pages]

    def evidence_matrix(
        self, row_facet: str, col_facet: str, filters: dict[str, tuple[str, ...]]
    ) -> tuple[Matrix, int]:
        matching = self._filtered(self._base(), filters)
        strength = dict(matching.values_list("pk", "evidence_strength"))
        row_values = self._values_by_page(matching, FACETS_BY_NAME[row_facet].db_lookup)
        col_values = self._values_by_page(matching, FACETS_BY_NAME[col_facet].db_lookup)
        matrix: Matrix = {}
        for pk, level in strength.items():
            for row in row_values.get(pk, ()):
                for col in col_values.get(pk, ()):
                    cell = matrix.setdefault((row, col), {})
                    cell[level] = cell.get(level, 0) + 1
        return matrix, len(strength)

    def overview(self, filters: dict[str, tuple[str, ...]]) -> dict[str, dict[str, int]]:
        matching = self._filtered(self._base(), filters)
        counts = {}
        for name in OVERVIEW_FIELDS:
            lookup = "start_year" if name == "start_year" else FACETS_BY_NAME[name].db_lookup
            rows = matching.values(lookup).annotate(n=Count("pk", distinct=True)).order_by()
            counts[name] = {str(row[lookup]): row["n"] for row in rows if row[lookup] is not None}
        return counts

    @staticmethod
    def _values_by_page(queryset: QuerySet, lookup: str) -> dict[int, set[str]]:
        values: dict[int, set[str]] = defaultdict(set)
        for pk, value in queryset.values_list("pk", lookup):
            if value is not None:
                values[pk].add(str(value))
        return values

    def suggest(self, text: str) -> str:
        return did_you_mean(text)

    def autocomplete(self, prefix: str, limit: int = 8) -> list[dict]:
        pages = self._base().filter(title__icontains=prefix).order_by("title")[:limit]
        return [
            {"id": page.pk, "title": page.title, "url": page.get_url() or page.url_path} for page in pages
        ]
