"""The zero-setup backend: the same interface and result shape, from SQLite or PostgreSQL.

Text matching uses Wagtail's database search index (SQLite FTS5 or PostgreSQL full-text search);
filters and facet counts are plain SQL."""

from __future__ import annotations

import re

from django.db.models import Count, QuerySet

from practices.models import CaseStudyPage
from search.backends.base import SearchQuery, SearchResults
from search.documents import build_document, hit_from_document, indexable_pages
from search.facets import FACETS, FACETS_BY_NAME, facet_values
from search.highlight import highlight


class DatabaseBackend:
    name = "database"

    def _base(self) -> QuerySet[CaseStudyPage]:
        return CaseStudyPage.objects.live().public()

    def _ranked_ids(self, text: str, operator: str = "and") -> list[int]:
        # Only words reach the database's full-text syntax (FTS5 and tsquery both give meaning to
        # quotes, brackets and operators).
        words = re.findall(r"\w+", text)
        if not words:
            return []
        matches = self._base().search(" ".join(words), operator=operator)
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
        base = self._base()
        ranked = None
        if query.text:
            ranked = self._ranked_ids(query.text, "or" if query.match_any else "and")
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
        pages = indexable_pages().in_bulk(page_ids)
        hits = []
        for pk in page_ids:
            page = pages[pk]
            document = build_document(page)
            snippet = highlight(f"{page.summary} {document['problem']}", query.text) if query.text else ""
            hits.append(hit_from_document(document, snippet))
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

    def autocomplete(self, prefix: str, limit: int = 8) -> list[dict]:
        pages = self._base().filter(title__icontains=prefix).order_by("title")[:limit]
        return [
            {"id": page.pk, "title": page.title, "url": page.get_url() or page.url_path} for page in pages
        ]
