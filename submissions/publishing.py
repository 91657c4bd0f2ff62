"""From a submission's answers to a draft CaseStudyPage in the editorial workflow, all or nothing."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import WorkflowState

from practices.models import (
    TAXONOMY_FIELDS,
    CaseStudyIndexPage,
    CaseStudyPage,
    Evaluation,
    ImplementingActor,
    Source,
)
from practices.models.inlines import CaseStudyDocument
from submissions.models import Submission
from submissions.steps import EDITABLE_STEPS, FIELD_STEPS, FORMSET_NAMES

PAGE_FIELDS = (
    "title",
    "summary",
    "original_language",
    "country",
    "subnational_unit",
    "city",
    "problem",
    "objectives",
    "start_year",
    "end_year",
    "ongoing",
    "status",
    "budget_amount",
    "budget_currency",
    "budget_year",
    "cost_per_beneficiary",
    "people_reached",
    "scale",
    "funding_sources",
    "policy_cycle_stages",
    "lessons_learned",
    "contact_organisation",
    "contact_role",
    "contact_email",
)


def to_json(value):
    """Form values as they are kept in Submission.data (and given back to the form as initial data)."""
    if isinstance(value, models.QuerySet | list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, models.Model):
        return getattr(value, "slug", None) if hasattr(value, "sort_order") else value.pk
    if isinstance(value, Decimal):
        return str(value)
    return value


class SubmissionIncomplete(Exception):
    """The answers cannot become a case study yet; `problems` maps step slug → messages."""

    def __init__(self, problems: dict[str, list[str]]):
        super().__init__(problems)
        self.problems = problems


def completeness(submission: Submission, organisations) -> dict[str, list[str]]:
    """Run every step's form strictly over the saved answers: what is still missing, per step."""
    problems: dict[str, list[str]] = {}
    for step in EDITABLE_STEPS:
        answers = submission.data.get(step.slug, {})
        messages = []
        if step.form is not None:
            kwargs = {"organisations": organisations} if step.slug == "basics" else {}
            form = step.form(data=_as_form_data(step.form, answers.get("fields", {})), **kwargs)
            if not form.is_valid():
                for name, errors in form.errors.items():
                    label = form.fields[name].label if name in form.fields else ""
                    messages.extend(
                        _("%(label)s: %(error)s") % {"label": label, "error": error} if label else error
                        for error in errors
                    )
        for name in step.required_formsets:
            if not answers.get(name):
                messages.append(
                    _("Add at least one row to “%(name)s”.") % {"name": FORMSET_NAMES.get(name, name)}
                )
        if messages:
            problems[step.slug] = messages
    return problems


def _as_form_data(form_class, fields: dict) -> dict:
    """Saved values back into the shape a bound form expects (booleans as "on", lists kept)."""
    data = {}
    for name, value in fields.items():
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else value
    return _QueryDictLike(data)


class _QueryDictLike(dict):
    def getlist(self, key, default=None):
        value = self.get(key, default if default is not None else [])
        return value if isinstance(value, list) else [value]


def _unique_slug(title: str, page: CaseStudyPage | None) -> str:
    base = slugify(title)[:70] or "case-study"
    slug = base
    siblings = CaseStudyPage.objects.all()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    while siblings.filter(slug=slug).exists():
        slug = f"{base}-{uuid.uuid4().hex[:6]}"
    return slug


def apply_answers(page: CaseStudyPage, submission: Submission) -> None:
    """Copy the answers onto the page. Evidence ratings and the four challenges are never set here:
    editors set them during review."""
    answers = {step: submission.data.get(step, {}) for step in submission.data}
    fields = {}
    for step in answers.values():
        fields.update(step.get("fields", {}))
    for name in PAGE_FIELDS:
        value = fields.get(name)
        if name in ("ongoing",):
            value = bool(value)
        elif name == "policy_cycle_stages":
            value = value or []
        elif value is None:
            value = (
                ""
                if isinstance(CaseStudyPage._meta.get_field(name), models.CharField | models.TextField)
                else None
            )
        if isinstance(CaseStudyPage._meta.get_field(name), models.DecimalField) and value not in (None, ""):
            value = Decimal(str(value))
        setattr(page, name, value)
    page.contributing_organisation = submission.organisation
    page.slug = page.slug or _unique_slug(page.title, page)
    page.intervention = [{"type": "paragraph", "value": fields.get("intervention") or "<p></p>"}]
    for name, model in TAXONOMY_FIELDS.items():
        setattr(page, name, list(model.objects.filter(slug__in=fields.get(name) or [])))

    evaluations = answers.get("evidence", {}).get("evaluations", [])
    page.evaluations = [
        Evaluation(
            **{
                **row,
                "effect_size": Decimal(row["effect_size"])
                if row.get("effect_size") not in (None, "")
                else None,
            }
        )
        for row in evaluations
    ]
    page.actors = [ImplementingActor(**row) for row in answers.get("implementation", {}).get("actors", [])]
    page.sources = [Source(**row) for row in answers.get("sources", {}).get("sources", [])]
    media = answers.get("media", {})
    page.hero_image_id = media.get("hero_image_id")
    page.documents = [
        CaseStudyDocument(document_id=item["id"], description=item.get("description", ""))
        for item in media.get("documents", [])
    ]


@transaction.atomic
def submit(submission: Submission, user, organisations) -> CaseStudyPage:
    """Create or update the draft page, save a revision and put it in the editorial workflow.
    Any problem rolls everything back, so nothing is half-submitted."""
    problems = completeness(submission, organisations)
    if problems:
        raise SubmissionIncomplete(problems)
    page = submission.page.specific if submission.page_id else CaseStudyPage()
    apply_answers(page, submission)
    try:
        if page.pk is None:
            page.live = False
            CaseStudyIndexPage.objects.get().add_child(instance=page)
        page.save_revision(user=user, log_action=True)
    except ValidationError as exc:
        problems = {}
        for name, errors in exc.message_dict.items():
            problems.setdefault(FIELD_STEPS.get(name, "basics"), []).extend(errors)
        raise SubmissionIncomplete(problems) from exc

    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)  # the restarted task reviews the latest revision: this one
    elif state is None:
        page.get_workflow().start(page, user)
    submission.page = page
    submission.submitted_at = timezone.now()
    # The editors' decision is emailed in the language the contributor last submitted in.
    submission.language = translation.get_language() or settings.LANGUAGE_CODE
    submission.save(update_fields=["page", "submitted_at", "language", "updated_at"])
    return page
