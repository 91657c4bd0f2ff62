"""Editors work in the Wagtail admin: the case-study form must accept good input and explain bad input."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from practices.models import CaseStudyIndexPage, CaseStudyPage, GovernmentLevel, PolicyArea, Sector
from tests.factories import verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, site_tree):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    verified_login(client, user)
    return client


def add_url():
    index = CaseStudyIndexPage.objects.get()
    return reverse("wagtailadmin_pages:add", args=("practices", "casestudypage", index.pk))


def form(**overrides):
    data = {
        "title": "Barrio Seguro pilot",
        "slug": "barrio-seguro-pilot",
        "summary": "A neighbourhood policing and prevention pilot.",
        "original_language": "es",
        "problem": rich_text("<p>Robbery and homicide concentrated in a few blocks.</p>"),
        "objectives": rich_text("<p>Reduce violent crime in the pilot neighbourhoods.</p>"),
        "country": "PE",
        "city": "Lima",
        "latitude": "-12.0464",
        "longitude": "-77.0428",
        "intervention": streamfield(
            [("paragraph", rich_text("<p>Police and municipalities worked together.</p>"))]
        ),
        "evidence_strength": "2",
        "effect_direction": "not-yet-known",
        "evaluations": inline_formset([]),
        "comprehensiveness_rating": "2",
        "comprehensiveness_justification": "Combines patrols and prevention.",
        "start_year": "2017",
        "status": "pilot",
        "ongoing": "on",
        "actors": inline_formset(
            [{"name": "Ministerio del Interior", "actor_type": "national-government", "role": "lead"}]
        ),
        "lessons_learned": rich_text(""),
        "sources": inline_formset(
            [
                {
                    "title": "Estrategia Multisectorial Barrio Seguro",
                    "authors": "Ministerio del Interior",
                    "year": "2017",
                }
            ],
            min=1,
        ),
        "documents": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    # Multi-value fields go in after flattening: nested_form_data would split lists into sub-keys.
    return {
        **nested_form_data(data),
        "levels_of_government": [GovernmentLevel.objects.get(slug="national").pk],
        "sectors": [Sector.objects.get(slug="policing").pk],
        "policy_areas": [PolicyArea.objects.get(slug="control-policing").pk],
        "policy_cycle_stages": ["design", "implementation"],
    }


def test_the_add_form_has_the_six_case_study_tabs(admin_client):
    response = admin_client.get(add_url())
    assert response.status_code == 200
    body = response.content.decode()
    for tab in ["Summary", "Context", "Intervention", "Evidence", "Implementation", "Sources"]:
        assert f">{tab}<" in body or f"{tab}\n" in body


def test_admin_can_create_and_publish_a_case_study(admin_client):
    response = admin_client.post(add_url(), {**form(), "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CaseStudyPage.objects.get(slug="barrio-seguro-pilot")
    assert page.live
    assert page.country == "PE"
    assert [s.slug for s in page.sectors.all()] == ["policing"]
    assert page.actors.get().name == "Ministerio del Interior"
    assert page.sources.count() == 1
    assert page.policy_cycle_stages == ["design", "implementation"]
    assert page.comprehensiveness_rating == 2


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"latitude": "123"}, "less than or equal to 90"),
        ({"ongoing": "", "end_year": "2010"}, "is before the start year"),
        (
            {"budget_amount": "-10", "budget_currency": "USD", "budget_year": "2018"},
            "greater than or equal to 0",
        ),
        ({"country": "US"}, "not one of the available choices"),
        ({"rigour_rating": "7"}, "not one of the available choices"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_saved(admin_client, overrides, message):
    response = admin_client.post(add_url(), {**form(**overrides), "action-publish": "publish"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CaseStudyPage.objects.filter(slug="barrio-seguro-pilot").exists()


def test_taxonomies_are_grouped_under_one_admin_menu(admin_client):
    body = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Taxonomy" in body
    response = admin_client.get(reverse("wagtailsnippets_practices_sector:list"))
    assert response.status_code == 200
    assert "Urban planning" in response.content.decode()
