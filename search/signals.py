"""Keep the engine's index in step with what is published. Only publish, unpublish, delete, move,
view-restriction and taxonomy edits touch the index, never a draft save; updates run after the
transaction commits."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from practices.models import CaseStudyPage, GovernmentLevel, PolicyArea, Sector, TargetPopulation, Theme
from search.engines import EngineError, get_engine
from search.indexing import sync_pages
from search.models import PendingIndexUpdate
from search.suggest import forget_vocabulary

logger = logging.getLogger(__name__)

TAXONOMY_RELATIONS = {
    Sector: "sectors",
    GovernmentLevel: "levels_of_government",
    PolicyArea: "policy_areas",
    Theme: "themes",
    TargetPopulation: "target_populations",
}


def _sync(page_ids: list[int]) -> None:
    """Bring the given pages, and any left over from an outage, up to date in the index."""
    forget_vocabulary()
    started = timezone.now()
    try:
        engine = get_engine()
        if engine is None:
            return
        pending = PendingIndexUpdate.objects.page_ids()
        sync_pages(engine, set(page_ids) | pending)
        if pending:
            PendingIndexUpdate.objects.settle(pending, started)
    except EngineError as exc:
        # Nothing is lost: the pages wait in the queue for the next publish or `search_index catch-up`.
        PendingIndexUpdate.objects.enqueue(page_ids, str(exc))
        logger.error("Could not update the search index for pages %s (queued): %s", page_ids, exc)


def _on_commit(page_ids: list[int]) -> None:
    transaction.on_commit(lambda: _sync(page_ids), robust=True)


def on_publish_change(sender, instance, **kwargs):
    if isinstance(instance, CaseStudyPage):
        _on_commit([instance.pk])


def on_page_delete(sender, instance, **kwargs):
    _on_commit([instance.pk])


def on_page_move(sender, instance, **kwargs):
    # The URL of the page and of every case study below it changed.
    ids = list(CaseStudyPage.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True))
    if ids:
        _on_commit(ids)


def on_restriction_change(sender, instance, **kwargs):
    # A password or login requirement hides the page and every case study below it from the public,
    # so from the index too; lifting it puts them back.
    ids = list(
        CaseStudyPage.objects.descendant_of(instance.page, inclusive=True).values_list("pk", flat=True)
    )
    if ids:
        _on_commit(ids)


def on_taxonomy_change(sender, instance, **kwargs):
    relation = TAXONOMY_RELATIONS[sender]
    ids = list(CaseStudyPage.objects.filter(**{relation: instance}).values_list("pk", flat=True))
    if ids:
        _on_commit(ids)


def connect() -> None:
    page_published.connect(on_publish_change, dispatch_uid="search-published")
    page_unpublished.connect(on_publish_change, dispatch_uid="search-unpublished")
    post_delete.connect(on_page_delete, sender=CaseStudyPage, dispatch_uid="search-deleted")
    post_page_move.connect(on_page_move, dispatch_uid="search-moved")
    post_save.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-restricted")
    post_delete.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-unrestricted")
    for model in TAXONOMY_RELATIONS:
        post_save.connect(on_taxonomy_change, sender=model, dispatch_uid=f"search-taxonomy-{model.__name__}")
        # Deleting a term: its pages must be found before the delete removes the links.
        pre_delete.connect(
            on_taxonomy_change, sender=model, dispatch_uid=f"search-taxonomy-del-{model.__name__}"
        )
