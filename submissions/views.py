from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from accounts.ratelimit import rate_limit
from accounts.roles import is_editor
from organisations.models import Organisation
from submissions.models import Submission
from submissions.publishing import SubmissionIncomplete, completeness, submit, to_json
from submissions.steps import (
    EDITABLE_STEPS,
    FORMSET_ROW_LABELS,
    STEPS,
    STEPS_BY_SLUG,
    next_step,
    previous_step,
)

HOUR = 3600
RETRY_MESSAGE = _lazy(
    "The database did not answer, so nothing was saved this time; everything saved before is safe. "
    "Please try again in a moment."
)
logger = logging.getLogger(__name__)
SUBMISSIONS_COLLECTION = "Submissions"


def _user_key(request) -> str:
    return f"user:{request.user.pk}"


def _organisations(user):
    return Organisation.objects.filter(memberships__user=user, memberships__status="approved").distinct()


def _own_submission(request, pk: int, *, for_editing: bool = False) -> Submission:
    """Someone else's submission is a 404, not a 403: its existence is nobody else's business."""
    submission = get_object_or_404(Submission.objects.visible_to(request.user).select_related("page"), pk=pk)
    if for_editing:
        if submission.author_id != request.user.pk:
            raise Http404
        if not submission.editable:
            raise PermissionDenied(_("This case study is with the editors and cannot be changed now."))
    return submission


@login_required
def submission_list(request):
    submissions = Submission.objects.filter(author=request.user).select_related("organisation", "page")
    context = {"submissions": submissions, "can_submit": _organisations(request.user).exists()}
    return render(request, "submissions/submission_list.html", context)


@login_required
@require_POST
@rate_limit("submission-new", limit=20, window=HOUR, key=_user_key)
def submission_new(request):
    organisations = _organisations(request.user)
    if not organisations.exists():
        messages.error(
            request,
            _(
                "You need an organisation confirmed by an editor before you can write a case study: "
                "ask to join one."
            ),
        )
        return redirect("accounts:profile")
    submission = Submission.objects.create(author=request.user, organisation=organisations.first())
    return redirect("submissions:step", pk=submission.pk, step=STEPS[0].slug)


def _formsets(step, request, answers, draft: bool, extra: dict[str, int]):
    formsets = {}
    for name, formset_class in step.formsets.items():
        rows = answers.get(name, [])
        formset_class.extra = max(1, extra.get(name, 1))
        formsets[name] = formset_class(
            data=request.POST if request.method == "POST" else None,
            initial=rows,
            prefix=name,
            form_kwargs={"draft": draft},
        )
    return formsets


def _rows(formset) -> list[dict]:
    return [
        {key: to_json(value) for key, value in form.cleaned_data.items() if key != "DELETE"}
        for form in formset.forms
        if form.has_changed() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def _store_media(request, submission: Submission, cleaned: dict, stored: dict) -> dict:
    """Uploaded files become Wagtail images and documents in the Submissions collection; the
    stored file names are random, the user's file name is only a title."""
    root = Collection.get_first_root_node()
    collection = Collection.objects.filter(name=SUBMISSIONS_COLLECTION).first() or root.add_child(
        name=SUBMISSIONS_COLLECTION
    )
    stored = dict(stored)
    image = cleaned.get("hero_image")
    if image:
        saved = get_image_model().objects.create(
            title=cleaned.get("image_alt") or submission.title or "image",
            file=image.content,
            collection=collection,
            uploaded_by_user=request.user,
        )
        stored["hero_image_id"] = saved.pk
    if cleaned.get("image_alt"):
        stored["image_alt"] = cleaned["image_alt"]
    document = cleaned.get("document")
    if document:
        description = cleaned.get("document_description") or ""
        saved = get_document_model().objects.create(
            title=description or _("Document"),
            file=document.content,
            collection=collection,
            uploaded_by_user=request.user,
        )
        stored.setdefault("documents", [])
        stored["documents"] = [*stored["documents"], {"id": saved.pk, "description": description}]
    return stored


@login_required
@require_http_methods(["GET", "POST"])
@rate_limit("submission-step", limit=300, window=HOUR, key=_user_key)
def submission_step(request, pk: int, step: str):
    submission = _own_submission(request, pk, for_editing=True)
    if step not in STEPS_BY_SLUG or step == "review":
        raise Http404
    current = STEPS_BY_SLUG[step]
    answers = submission.data.get(step, {})
    action = request.POST.get("action", "continue")
    draft = action != "continue"
    extra = {name: len(answers.get(name, [])) + 1 for name in current.formsets}
    if action.startswith("add-"):
        extra[action[4:]] = extra.get(action[4:], 1) + 1

    organisations = _organisations(request.user)
    form_kwargs = {"organisations": organisations} if step == "basics" else {}
    form = None
    if current.form is not None:
        form = current.form(
            data=request.POST if request.method == "POST" else None,
            files=request.FILES if request.method == "POST" else None,
            initial={"organisation": submission.organisation_id, **answers.get("fields", {})}
            if step == "basics"
            else answers.get("fields", {}),
            draft=draft,
            **form_kwargs,
        )
    formsets = _formsets(current, request, answers, draft, extra)

    if request.method == "POST" and action == "remove-document":
        media = dict(answers)
        remove = request.POST.get("document_id", "")
        media["documents"] = [item for item in media.get("documents", []) if str(item["id"]) != remove]
        submission.data = {**submission.data, step: media}
        submission.save(update_fields=["data", "updated_at"])
        return redirect("submissions:step", pk=submission.pk, step=step)

    status = 400 if request.method == "POST" else 200
    if request.method == "POST":
        valid = (form is None or form.is_valid()) and all(formset.is_valid() for formset in formsets.values())
        saved = False
        if valid:
            try:
                with transaction.atomic():
                    stored = dict(answers)
                    if form is not None:
                        fields = {
                            name: to_json(value)
                            for name, value in form.cleaned_data.items()
                            if name not in ("hero_image", "document", "image_alt", "document_description")
                        }
                        stored["fields"] = fields
                        if step == "media":
                            stored = _store_media(request, submission, form.cleaned_data, stored)
                        if step == "basics":
                            submission.title = fields.get("title") or submission.title
                            submission.organisation = (
                                form.cleaned_data.get("organisation") or submission.organisation
                            )
                    for name, formset in formsets.items():
                        stored[name] = _rows(formset)
                    submission.data = {**submission.data, step: stored}
                    submission.save()
                saved = True
            except DatabaseError:
                # The step's transaction rolled back; the form below still holds what was typed.
                logger.exception("Saving step %s of submission %s failed", step, submission.pk)
                messages.error(request, RETRY_MESSAGE)
                status = 503
        if saved:
            if action.startswith("add-"):
                return redirect(f"{request.path}#{action[4:]}")
            if action == "draft":
                messages.success(request, _("Draft saved. You can come back to it at any time."))
                return redirect("submissions:step", pk=submission.pk, step=step)
            if action == "back" and previous_step(step):
                return redirect("submissions:step", pk=submission.pk, step=previous_step(step).slug)
            return redirect("submissions:step", pk=submission.pk, step=next_step(step).slug)
        if not valid:
            messages.error(request, _("Some answers need attention: see the messages next to them."))

    context = {
        "submission": submission,
        "step": current,
        "steps": _step_nav(submission, step),
        "form": form,
        "formsets": formsets,
        "media": answers if step == "media" else {},
        "previous": previous_step(step),
    }
    return render(request, "submissions/step.html", context, status=status)


def _step_nav(submission: Submission, current: str) -> list[dict]:
    return [
        {"step": step, "current": step.slug == current, "started": step.slug in submission.data}
        for step in STEPS
    ]


@login_required
@require_http_methods(["GET", "POST"])
@rate_limit("submission-submit", limit=10, window=HOUR, key=_user_key)
def submission_review(request, pk: int):
    submission = _own_submission(request, pk, for_editing=True)
    organisations = _organisations(request.user)
    problems = completeness(submission, organisations)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and not problems:
        try:
            submit(submission, request.user, organisations)
        except SubmissionIncomplete as exc:
            problems = exc.problems
        except DatabaseError:
            # submit() is one transaction: it rolled back, and the draft's answers are untouched.
            logger.exception("Submitting submission %s failed", submission.pk)
            submission.refresh_from_db()
            messages.error(request, RETRY_MESSAGE)
            status = 503
        else:
            messages.success(request, _("Sent to the editors. We will email you when they have reviewed it."))
            return redirect("submissions:detail", pk=submission.pk)
    context = {
        "submission": submission,
        "step": STEPS_BY_SLUG["review"],
        "steps": _step_nav(submission, "review"),
        "problems": [(STEPS_BY_SLUG[slug], messages_) for slug, messages_ in problems.items()],
        "answers": _answers(submission),
    }
    return render(request, "submissions/review.html", context, status=status)


def _answers(submission: Submission) -> list[dict]:
    """The saved answers with their labels, step by step, for reading back."""
    sections = []
    for step in EDITABLE_STEPS:
        answers = submission.data.get(step.slug, {})
        rows = []
        if step.form is not None:
            for name, field in step.form.base_fields.items():
                value = answers.get("fields", {}).get(name)
                if value not in (None, "", [], False):
                    if isinstance(value, list):
                        value = ", ".join(str(item) for item in value)
                    rows.append({"label": field.label, "value": value, "html": name in HTML_FIELDS})
        for name in step.formsets:
            for row in answers.get(name, []):
                rows.append(
                    {
                        "label": FORMSET_ROW_LABELS.get(name) or name.rstrip("s").capitalize(),
                        "value": " · ".join(str(v) for v in row.values() if v),
                    }
                )
        for document in answers.get("documents", []):
            rows.append({"label": _("Document"), "value": document.get("description") or document["id"]})
        if answers.get("hero_image_id"):
            rows.append({"label": _("Main image"), "value": answers.get("image_alt", "")})
        sections.append({"step": step, "rows": rows})
    return sections


HTML_FIELDS = {"problem", "objectives", "intervention", "lessons_learned"}


@login_required
def submission_detail(request, pk: int):
    submission = _own_submission(request, pk)
    context = {
        "submission": submission,
        "comments": submission.editor_comments(),
        "answers": _answers(submission),
        "is_editor": is_editor(request.user),
    }
    return render(request, "submissions/detail.html", context)


@login_required
def review_queue(request):
    """Editors' list of case studies waiting for them; the review itself happens in the admin."""
    if not is_editor(request.user):
        raise PermissionDenied
    submissions = [
        submission
        for submission in Submission.objects.filter(page__isnull=False)
        .select_related("author", "organisation", "page")
        .order_by("submitted_at")
        if submission.status in (Submission.Status.IN_REVIEW, Submission.Status.CHANGES_REQUESTED)
    ]
    return render(request, "submissions/review_queue.html", {"submissions": submissions})
