"""A case study from the guided form to the live site: save and resume a draft, submit, the editor
asks for changes, the contributor edits and resubmits, the editor publishes, and it is searchable."""

from django.core import mail

import pytest
from bs4 import BeautifulSoup

from practices.models import CaseStudyPage
from submissions.models import Submission
from tests.factories import OrganisationFactory, UserFactory, contributor, verified_login
from tests.submissions.helpers import BASICS, CONTEXT, fill_all, post_step, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(site_roles):
    organisation = OrganisationFactory(name="Fundación Barrios")
    return {
        "organisation": organisation,
        "contributor": contributor(organisation, username="carla", email="carla@example.org"),
        "editor": UserFactory(username="elena", email="elena@example.org", roles=["Editor"]),
    }


def test_a_draft_saves_at_any_step_and_resumes(client, people):
    client.force_login(people["contributor"])
    submission = start(client)
    # Only a title so far: as a draft that is fine.
    response = post_step(client, submission, "basics", {"title": "Barrios de Paz"}, action="draft")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.title == "Barrios de Paz" and submission.page is None

    page = client.get(f"/en/submissions/{submission.pk}/basics/")
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.select_one("#id_title")["value"] == "Barrios de Paz"

    # Continuing checks the step's required fields, with a message at each.
    response = post_step(client, submission, "basics", {"title": "Barrios de Paz"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_summary").find_parent(class_="field").select_one(".field__error")
    assert "Some answers need attention" in response.content.decode()
    submission.refresh_from_db()
    assert submission.title == "Barrios de Paz"  # nothing lost

    # The review step lists what is missing, step by step, and refuses to submit.
    review = client.get(f"/en/submissions/{submission.pk}/review/")
    text = review.content.decode()
    assert "Before you can submit" in text and "Context and problem" in text
    response = client.post(f"/en/submissions/{submission.pk}/review/")
    assert response.status_code == 400
    assert not CaseStudyPage.objects.exists()


@pytest.mark.parametrize("search_setup", ["database", "opensearch", "elasticsearch"], indirect=True)
def test_submit_request_changes_resubmit_publish_and_search(
    client, people, search_setup, django_capture_on_commit_callbacks
):
    author, editor = people["contributor"], people["editor"]
    client.force_login(author)
    submission = fill_all(client, start(client), people["organisation"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/submissions/{submission.pk}/review/")
    assert response.status_code == 302
    submission.refresh_from_db()
    page = submission.page.specific
    assert not page.live and page.title == BASICS["title"]
    assert submission.status == Submission.Status.IN_REVIEW
    assert page.contributing_organisation == people["organisation"]
    assert page.evidence_strength == 1 and page.comprehensiveness_rating is None
    assert "elena@example.org" in [address for message in mail.outbox for address in message.to]
    # In review, the contributor cannot change it.
    assert post_step(client, submission, "basics", {"title": "Changed"}, action="draft").status_code == 403

    # The editor asks for changes in the admin, with a comment.
    verified_login(client, editor)
    queue = client.get("/en/submissions/review-queue/").content.decode()
    assert BASICS["title"] in queue
    task_state = page.current_workflow_state.current_task_state
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
            {"comment": "Please give the source of the homicide figures."},
        )
    assert response.status_code in (200, 302)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CHANGES_REQUESTED
    assert [message.to for message in mail.outbox] == [["carla@example.org"]]
    assert "Please give the source" in mail.outbox[0].body
    assert f"/en/submissions/{submission.pk}/" in mail.outbox[0].body

    # The contributor reads the comment, edits and resubmits.
    client.force_login(author)
    detail = client.get(f"/en/submissions/{submission.pk}/").content.decode()
    assert "Changes requested" in detail and "Please give the source" in detail
    problem = {
        **CONTEXT,
        "problem": "<p>Youth homicides (Medicina Legal, 2014) concentrated in six barrios.</p>",
    }
    assert post_step(client, submission, "context", problem).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/en/submissions/{submission.pk}/review/").status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.IN_REVIEW

    # The editor rates the evidence and approves: the page is published.
    verified_login(client, editor)
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    assert "Medicina Legal" in task_state.revision.as_object().problem
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": "Thank you."}
        )
    page.refresh_from_db()
    assert page.live
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PUBLISHED
    assert mail.outbox and mail.outbox[-1].to == ["carla@example.org"]

    client.logout()
    published = client.get(page.url)
    assert published.status_code == 200 and "Medicina Legal" in published.content.decode()
    results = client.get("/api/search/", {"q": "Barrios de Paz"}).json()
    assert results["backend"] == search_setup.backend
    assert [result["title"] for result in results["results"]] == [BASICS["title"]]


def test_the_decision_email_is_in_the_language_the_contributor_submitted_in(
    client, people, django_capture_on_commit_callbacks
):
    author, editor = people["contributor"], people["editor"]
    client.force_login(author)
    submission = fill_all(client, start(client), people["organisation"])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/pt-br/submissions/{submission.pk}/review/").status_code == 302
    submission.refresh_from_db()
    assert submission.language == "pt-br"

    # The editor works in the admin in English; the contributor still hears back in Portuguese.
    verified_login(client, editor)
    page = submission.page.specific
    task_state = page.current_workflow_state.current_task_state
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
            {"comment": "Please give the source of the homicide figures."},
            headers={"accept-language": "en"},
        )
    [message] = mail.outbox
    assert message.to == ["carla@example.org"]
    assert f"/pt-br/submissions/{submission.pk}/" in message.body
    assert "Please give the source" in message.body  # the editor's own words, as written
    english = "See its status and edit it"
    assert english not in message.body
