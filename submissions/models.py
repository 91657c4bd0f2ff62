from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import TaskState, WorkflowState

from accounts.roles import is_editor


class SubmissionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Editors see every submission; a contributor only their own."""
        if not user.is_authenticated:
            return self.none()
        return self if is_editor(user) else self.filter(author=user)


class Submission(models.Model):
    """A case study as a contributor writes it, step by step. Until it is submitted it lives only
    here (partial drafts need not satisfy the page model); on submission it becomes a draft
    CaseStudyPage revision in the editorial workflow."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in-review", _("In review")
        CHANGES_REQUESTED = "changes-requested", _("Changes requested")
        PUBLISHED = "published", _("Published")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    data = models.JSONField(_("answers by step"), default=dict, blank=True)
    page = models.OneToOneField(
        "practices.CaseStudyPage",
        verbose_name=_("case study"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The interface language the contributor last submitted in; emails to them use it."),
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self) -> str:
        return self.title or str(_("Untitled case study"))

    def workflow_state(self) -> WorkflowState | None:
        if self.page_id is None:
            return None
        return self.page.current_workflow_state

    @cached_property
    def status(self) -> str:
        """Read from the workflow once per object: lists show it several times per row."""
        if self.page_id is None:
            return self.Status.DRAFT
        state = self.workflow_state()
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return self.Status.CHANGES_REQUESTED
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            return self.Status.IN_REVIEW
        if self.page.live:
            return self.Status.PUBLISHED
        return self.Status.DRAFT

    def refresh_from_db(self, *args, **kwargs):
        self.__dict__.pop("status", None)
        super().refresh_from_db(*args, **kwargs)

    def get_status_display(self) -> str:
        return str(self.Status(self.status).label)

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.CHANGES_REQUESTED)

    def editor_comments(self) -> list[TaskState]:
        """What editors wrote when they approved or asked for changes, oldest first."""
        if self.page_id is None:
            return []
        states = WorkflowState.objects.for_instance(self.page)
        return list(
            TaskState.objects.filter(workflow_state__in=states)
            .exclude(comment="")
            .select_related("finished_by")
            .order_by("finished_at")
        )
