"""Reading lists: ordered, annotated course material that trainers assemble from practices and
outside readings, grouped into sections, and share privately, by secret link or publicly."""

from __future__ import annotations

import math
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_editor
from practices.choices import Language
from practices.models import CaseStudyPage

WORDS_PER_MINUTE = 200
# An outside reading's length is unknown; a typical report chapter or paper section.
EXTERNAL_READING_MINUTES = 20


def new_share_token() -> str:
    return secrets.token_urlsafe(18)


class ReadingListQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=ReadingList.Visibility.PUBLIC)

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self if is_editor(user) else self.filter(owner=user)

    def readable_by(self, user):
        """Lists a person may open from a listing: public ones and their own (editors: all).
        Unlisted lists are reached only through their secret link, never listed."""
        if user.is_authenticated:
            return self.filter(Q(visibility=ReadingList.Visibility.PUBLIC) | Q(pk__in=self.editable_by(user)))
        return self.public()


class ReadingList(models.Model):
    class Visibility(models.TextChoices):
        PRIVATE = "private", _("Private: only you")
        UNLISTED = "unlisted", _("Unlisted: anyone with the secret link")
        PUBLIC = "public", _("Public: listed on the site")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="reading_lists",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    audience = models.CharField(_("audience"), max_length=255, blank=True)
    learning_objectives = models.TextField(_("learning objectives"), blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.SPANISH
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    share_token = models.CharField(max_length=32, unique=True, default=new_share_token, editable=False)
    # Bumped by every change, so that an edit made from a stale tab is detected, not applied blindly.
    version = models.PositiveIntegerField(default=1, editable=False)
    duplicated_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReadingListQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("reading list")
        verbose_name_plural = _("reading lists")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reading_lists:detail", args=[self.pk])

    def get_share_url(self) -> str:
        return reverse("reading_lists:shared", args=[self.share_token])

    def bump(self) -> None:
        ReadingList.objects.filter(pk=self.pk).update(version=models.F("version") + 1)
        self.refresh_from_db(fields=["version", "updated_at"])

    def ordered_items(self) -> list[Item]:
        items = list(
            self.items.select_related("section", "page")
            .prefetch_related("page__evaluations")
            .order_by(models.F("section__position").asc(nulls_first=True), "position", "pk")
        )
        # Which practices may be shown is decided once for the whole list, in one query.
        shown = set(
            CaseStudyPage.objects.live()
            .public()
            .filter(pk__in=[item.page_id for item in items if item.page_id])
            .values_list("pk", flat=True)
        )
        for item in items:
            item.is_available = item.page_id in shown
        return items

    def grouped(self, items: list[Item] | None = None) -> list[tuple[Section | None, list[Item]]]:
        """(section, items) in reading order; items outside any section come first. A page that also
        shows the reading time passes the ordered_items() it has, rather than query them twice."""
        items = self.ordered_items() if items is None else items
        groups: list[tuple[Section | None, list[Item]]] = [(None, [i for i in items if i.section_id is None])]
        for section in self.sections.order_by("position", "pk"):
            groups.append((section, [i for i in items if i.section_id == section.pk]))
        return groups

    def reading_minutes(self, items: list[Item] | None = None) -> int:
        total = 0.0
        for item in self.ordered_items() if items is None else items:
            if not item.is_practice:
                total += EXTERNAL_READING_MINUTES
            elif item.is_available:
                total += item.page.reading_words() / WORDS_PER_MINUTE
        return math.ceil(total)


class Section(models.Model):
    reading_list = models.ForeignKey(ReadingList, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("section title"), max_length=200)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Item(models.Model):
    """One reading: a practice from the knowledge base, or an outside paper or report."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Practice")
        EXTERNAL = "external", _("Outside reading")

    reading_list = models.ForeignKey(ReadingList, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PRACTICE)
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    position = models.PositiveIntegerField(default=0)
    page = models.ForeignKey(
        "practices.CaseStudyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reading_list_items",
    )
    external_title = models.CharField(_("title"), max_length=300, blank=True)
    external_author = models.CharField(_("author"), max_length=300, blank=True)
    external_url = models.URLField(_("URL"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reading_list", "page"],
                condition=Q(page__isnull=False),
                name="unique_practice_per_list",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_practice(self) -> bool:
        return self.kind == self.Kind.PRACTICE

    @cached_property
    def is_available(self) -> bool:
        """A listed practice that was unpublished (or deleted) shows as unavailable; nothing of it leaks.
        ReadingList.ordered_items() sets this for a whole list in one query."""
        return (
            self.page_id is not None
            and CaseStudyPage.objects.live().public().filter(pk=self.page_id).exists()
        )

    @property
    def title(self) -> str:
        if self.is_practice:
            return self.page.title if self.is_available else str(_("A practice that is no longer published"))
        return self.external_title or self.external_url

    def note_text(self) -> str:
        return " ".join(strip_tags(self.note.replace("<", " <")).split())
