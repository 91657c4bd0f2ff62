"""A practice's replication lineage: where it was adapted from, and where it was adapted since."""

from __future__ import annotations

from dataclasses import dataclass, field

from practices.models import CaseStudyPage

# Deep enough for any real chain of replications; bounds the queries on a corrupted loop.
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
    seen = {page.pk}
    ancestors: list[CaseStudyPage] = []
    parent_id = page.adapted_from_id
    while parent_id and parent_id not in seen and len(ancestors) < MAX_DEPTH:
        parent = _live().filter(pk=parent_id).first()
        if parent is None:
            break  # an unpublished link ends the visible chain; nothing about it is shown
        ancestors.insert(0, parent)
        seen.add(parent.pk)
        parent_id = parent.adapted_from_id

    def adaptations_of(pages: list[LineageNode], depth: int) -> None:
        if not pages or depth >= MAX_DEPTH:
            return
        by_parent = {node.page.pk: node for node in pages}
        children = (
            _live()
            .filter(adapted_from__in=list(by_parent))
            .exclude(pk__in=seen)
            .order_by("start_year", "title")
        )
        nodes = []
        for child in children:
            seen.add(child.pk)
            node = LineageNode(child)
            by_parent[child.adapted_from_id].children.append(node)
            nodes.append(node)
        adaptations_of(nodes, depth + 1)

    root = LineageNode(page)
    adaptations_of([root], 0)
    return Lineage(ancestors, root.children)
