"""Who may do what with a submission: every role against every action, allowed or refused."""

import pytest

from practices.models import CaseStudyPage
from tests.factories import OrganisationFactory, UserFactory, contributor, verified_login
from tests.submissions.helpers import fill_all, start

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "author", "colleague", "other_organisation", "trainer", "editor", "administrator"]


@pytest.fixture
def world(client, site_roles):
    home_org, other_org = (
        OrganisationFactory(name="Fundación Norte"),
        OrganisationFactory(name="Colectivo Sur"),
    )
    people = {
        "author": contributor(home_org, username="autora"),
        "colleague": contributor(home_org, username="colega"),
        "other_organisation": contributor(other_org, username="ajena"),
        "trainer": UserFactory(username="formadora", roles=["Trainer"]),
        "editor": UserFactory(username="editora", roles=["Editor"]),
        "administrator": UserFactory(username="admin", roles=["Administrator"]),
    }
    client.force_login(people["author"])
    draft = fill_all(client, start(client), home_org, title="Borrador de Fundación Norte")
    submitted = fill_all(client, start(client), home_org, title="Enviado por Fundación Norte")
    client.post(f"/en/submissions/{submitted.pk}/review/")
    submitted.refresh_from_db()
    client.logout()
    return {"people": people, "draft": draft, "submitted": submitted}


def login(client, world, role):
    if role in ("editor", "administrator"):
        verified_login(client, world["people"][role])
    elif role != "anonymous":
        client.force_login(world["people"][role])


def view_draft(client, world):
    return client.get(f"/en/submissions/{world['draft'].pk}/").status_code == 200


def edit_draft(client, world):
    response = client.post(
        f"/en/submissions/{world['draft'].pk}/basics/", {"title": "Cambiado", "action": "draft"}
    )
    world["draft"].refresh_from_db()
    return response.status_code == 302 and world["draft"].title == "Cambiado"


def submit_draft(client, world):
    client.post(f"/en/submissions/{world['draft'].pk}/review/")
    world["draft"].refresh_from_db()
    return world["draft"].page_id is not None


def publish(client, world):
    page = world["submitted"].page
    task_state = page.current_workflow_state.current_task_state
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    return CaseStudyPage.objects.get(pk=page.pk).live


def rate_evidence(client, world):
    """Rating needs the admin's edit view of the page; the public form has no rating fields."""
    page = world["submitted"].page
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    return response.status_code == 200 and b"evidence_strength" in response.content


def manage_taxonomy(client, world):
    response = client.post(
        "/admin/snippets/practices/sector/add/",
        {"name": "Transporte", "slug": "transporte", "description": "", "sort_order": "100"},
    )
    from practices.models import Sector

    return response.status_code == 302 and Sector.objects.filter(slug="transporte").exists()


def see_other_drafts_in_lists(client, world):
    listed = client.get("/en/submissions/").content.decode()
    queue = client.get("/en/submissions/review-queue/")
    return "Borrador de Fundación Norte" in listed or (
        queue.status_code == 200 and "Enviado por Fundación Norte" in queue.content.decode()
    )


def open_unpublished_page(client, world):
    page = world["submitted"].page
    return client.get(page.url_path.replace("/home", "", 1)).status_code == 200


ACTIONS = {
    view_draft: {"author", "editor", "administrator"},
    edit_draft: {"author"},
    submit_draft: {"author"},
    publish: {"editor", "administrator"},
    rate_evidence: {"editor", "administrator"},
    manage_taxonomy: {"editor", "administrator"},
    see_other_drafts_in_lists: {"author", "editor", "administrator"},
    open_unpublished_page: set(),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS), ids=lambda action: action.__name__)
def test_permission_matrix(client, world, role, action):
    login(client, world, role)
    assert action(client, world) is (role in ACTIONS[action])


def test_contributors_cannot_set_ratings_through_the_form(client, world):
    client.force_login(world["people"]["author"])
    draft = world["draft"]
    client.post(
        f"/en/submissions/{draft.pk}/implementation/",
        {
            "start_year": "2015",
            "ongoing": "on",
            "status": "active",
            "evidence_strength": "5",
            "effect_direction": "positive",
            "comprehensiveness_rating": "3",
            "actors-TOTAL_FORMS": "1",
            "actors-INITIAL_FORMS": "0",
            "actors-0-name": "Alcaldía",
            "actors-0-actor_type": "subnational-government",
            "actors-0-role": "lead",
            "action": "continue",
        },
    )
    client.post(f"/en/submissions/{draft.pk}/review/")
    draft.refresh_from_db()
    page = draft.page.specific
    assert page.evidence_strength == 1
    assert page.effect_direction == "not-yet-known"
    assert page.comprehensiveness_rating is None


def test_contributors_have_no_admin_access(client, world):
    client.force_login(world["people"]["author"])
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
