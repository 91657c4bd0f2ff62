"""A database error in the middle of saving or submitting loses nothing: the step or the whole
submission rolls back, the person sees a retry message (503, never a 500), and retrying works.
Faults are injected at the SQL layer with Django's execute_wrapper, like a dropped connection."""

from contextlib import contextmanager

from django.db import OperationalError, connection

import pytest
from bs4 import BeautifulSoup

from practices.models import CaseStudyPage
from tests.factories import OrganisationFactory, contributor
from tests.submissions.helpers import fill_all, post_step, start

pytestmark = pytest.mark.django_db


@contextmanager
def failing(statement_prefix: str):
    """Make every SQL statement that starts with `statement_prefix` fail as if the server went away."""

    def wrapper(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(statement_prefix.upper()):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield


@pytest.fixture
def submission(client, site_roles):
    organisation = OrganisationFactory()
    client.force_login(contributor(organisation))
    return fill_all(client, start(client), organisation)


def test_a_failed_step_save_keeps_what_was_typed_and_the_saved_draft(client, submission):
    before = dict(submission.data)
    with failing('UPDATE "submissions_submission"'):
        response = post_step(
            client, submission, "context", {"problem": "<p>Texto nuevo</p>", "objectives": "<p>x</p>"}
        )
    assert response.status_code == 503
    assert "nothing was saved this time" in response.content.decode()
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Texto nuevo" in soup.select_one("#id_problem").get_text()
    submission.refresh_from_db()
    assert submission.data == before
    # Once the database answers again, the same save goes through.
    assert (
        post_step(
            client, submission, "context", {"problem": "<p>Texto nuevo</p>", "objectives": "<p>x</p>"}
        ).status_code
        == 302
    )


def test_a_failed_submission_leaves_no_half_saved_case_study(client, submission):
    pages_before = CaseStudyPage.objects.count()
    with failing('INSERT INTO "wagtailcore_workflowstate"'):
        response = client.post(f"/en/submissions/{submission.pk}/review/")
    assert response.status_code == 503
    assert "try again" in response.content.decode()
    assert CaseStudyPage.objects.count() == pages_before  # the page, its revision: all rolled back
    submission.refresh_from_db()
    assert submission.page_id is None and submission.submitted_at is None
    response = client.post(f"/en/submissions/{submission.pk}/review/")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "in-review"
