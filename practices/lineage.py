"""A practice's replication lineage: where it was adapted from, and where it was adapted since."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from practices.models import CaseStudyPage

# Deep enough for any real chain of replications; bounds the walk on a corrupted loop.
MAX_DEPTH = 5


@dataclass
class LineageNode:
    page: CaseStudyPage
    children: list[LineageNode] = field(default_factory=list)


@dataclass
class Lineage:
    ancestors: list[CaseStudyPage]  # the original first
    adaptations: list[LineageNode]  # direct adaptations, each with its own

    def __bool__(self) -> bool:
        return bool(self.ancestors or self.adaptations)


def _live():
    return CaseStudyPage.objects.live().public()


def lineage(page: CaseStudyPage) -> Lineage:
    live = _live()  # reads the view restrictions once, for both queries below
    # The whole replication graph in one query, instead of one per ancestor and per generation: every
    # live practice adapted from another or adapted since, in the order adaptations are listed. Only
    # a few practices in the corpus take part in any replication.
    linked = Q(adapted_from__isnull=False) | Q(
        pk__in=CaseStudyPage.objects.filter(adapted_from__isnull=False).values("adapted_from")
    )
    if page.adapted_from_id:
        linked |= Q(pk=page.adapted_from_id)  # a previewed draft's new link is in no saved row yet
    links = list(live.filter(linked).order_by("start_year", "title").values_list("pk", "adapted_from_id"))
    parent_of = dict(links)
    children_of: dict[int, list[int]] = defaultdict(list)
    for pk, parent_id in links:
        if parent_id:
            children_of[parent_id].append(pk)

    seen = {page.pk}
    ancestor_ids: list[int] = []
    parent_id = page.adapted_from_id
    while parent_id and parent_id not in seen and len(ancestor_ids) < MAX_DEPTH:
        if parent_id not in parent_of:
            break  # an unpublished link ends the visible chain; nothing about it is shown
        ancestor_ids.insert(0, parent_id)
        seen.add(parent_id)
        parent_id = parent_of[parent_id]

    # Adaptations generation by generation, each practice once (a corrupted loop ends at one seen).
    adapted_as: dict[int, list[int]] = {}
    generation = [page.pk]
    for _depth in range(MAX_DEPTH):
        following = []
        for parent in generation:
            adapted_as[parent] = [child for child in children_of[parent] if child not in seen]
            following.extend(adapted_as[parent])
        seen.update(following)
        generation = following

    shown = ancestor_ids + [pk for children in adapted_as.values() for pk in children]
    pages = live.in_bulk(shown) if shown else {}

    def nodes(parent: int) -> list[LineageNode]:
        return [LineageNode(pages[pk], nodes(pk)) for pk in adapted_as.get(parent, ()) if pk in pages]

    return Lineage([pages[pk] for pk in ancestor_ids if pk in pages], nodes(page.pk))
