"""Telling the contributor what the editors decided, with a link to their own status page (the
admin links in Wagtail's own emails are for editors)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.signals import workflow_approved, workflow_rejected


def _notify(workflow_state, decision: str) -> None:
    from submissions.models import Submission

    submission = Submission.objects.filter(page_id=workflow_state.object_id).select_related("author").first()
    if submission is None or not submission.author.email:
        return
    comments = submission.editor_comments()
    # In the contributor's language, not the deciding editor's admin language.
    with translation.override(submission.language):
        context = {
            "submission": submission,
            "decision": decision,
            "comment": comments[-1].comment if comments else "",
            "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("submissions:detail", args=[submission.pk]),
        }
        subject = render_to_string("submissions/email/decision_subject.txt", context).strip()
        body = render_to_string("submissions/email/decision_body.txt", context)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [submission.author.email])
    )


def on_approved(sender, instance, user=None, **kwargs):
    _notify(instance, "published")


def on_rejected(sender, instance, user=None, **kwargs):
    _notify(instance, "changes-requested")


workflow_approved.connect(on_approved, dispatch_uid="submissions-approved")
workflow_rejected.connect(on_rejected, dispatch_uid="submissions-rejected")
