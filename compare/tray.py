"""The comparison tray: up to four practices a reader has picked, kept in the session (no login)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from practices.models import CaseStudyPage

SESSION_KEY = "compare_tray"
MIN_ITEMS = 2
MAX_ITEMS = 4


class TrayError(ValueError):
    """A tray change that cannot be made, with a message for the reader."""


class Tray:
    def __init__(self, session):
        self.session = session

    @property
    def ids(self) -> list[int]:
        stored = self.session.get(SESSION_KEY, [])
        return [pk for pk in stored if isinstance(pk, int)] if isinstance(stored, list) else []

    def _save(self, ids: list[int]) -> None:
        self.session[SESSION_KEY] = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, pk: int) -> bool:
        return pk in self.ids

    def add(self, page: CaseStudyPage) -> None:
        ids = self.ids
        if page.pk in ids:
            return
        if len(ids) >= MAX_ITEMS:
            raise TrayError(
                _("The comparison holds at most %(max)d practices: remove one before adding “%(title)s”.")
                % {"max": MAX_ITEMS, "title": page.title}
            )
        self._save([*ids, page.pk])

    def remove(self, pk: int) -> None:
        self._save([item for item in self.ids if item != pk])

    def clear(self) -> None:
        self._save([])

    def pages(self) -> list[CaseStudyPage]:
        """The tray's live practices in the order they were added; unpublished ones drop out."""
        ids = self.ids
        if not ids:
            return []
        found = CaseStudyPage.objects.live().public().in_bulk(ids)
        if len(found) != len(ids):
            self._save([pk for pk in ids if pk in found])
        return [found[pk] for pk in ids if pk in found]
