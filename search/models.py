"""Index updates that could not reach the engine. The database is the source of truth; this queue
only remembers which pages to send again, so an outage costs a delay, never an update."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils import timezone


class PendingIndexUpdateQuerySet(models.QuerySet):
    def enqueue(self, page_ids: Iterable[int], error: str = "") -> None:
        now = timezone.now()
        for page_id in set(page_ids):
            # One row per page: a later failure only refreshes the time and the reason.
            self.update_or_create(page_id=page_id, defaults={"queued_at": now, "last_error": error[:500]})

    def page_ids(self) -> set[int]:
        return set(self.values_list("page_id", flat=True))

    def settle(self, page_ids: Iterable[int], synced_from) -> int:
        """Forget pages sent after `synced_from`; a page queued again meanwhile stays queued."""
        deleted, _ = self.filter(page_id__in=list(page_ids), queued_at__lte=synced_from).delete()
        return deleted


class PendingIndexUpdate(models.Model):
    """A case study (or a deleted one's id) whose index document must be written or removed."""

    # Not a foreign key: a deleted page must still be removed from the index.
    page_id = models.PositiveIntegerField(unique=True)
    queued_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.CharField(max_length=500, blank=True)

    objects = PendingIndexUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["queued_at"]
        verbose_name = "pending index update"

    def __str__(self) -> str:
        return f"page {self.page_id} queued {self.queued_at:%Y-%m-%d %H:%M:%S}"
