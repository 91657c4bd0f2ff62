"""Organisation profiles: public, listing only what the organisation has published."""

import pytest
from bs4 import BeautifulSoup

from organisations.models import Membership
from tests.factories import CaseStudyPageFactory, ImageFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_profile_lists_published_case_studies_and_approved_members_only(client, site_tree):
    organisation = OrganisationFactory(
        name="Observatorio de Seguridad de Cali", website="https://example.org", logo=ImageFactory()
    )
    CaseStudyPageFactory(title="DESEPAZ revisitado", contributing_organisation=organisation)
    CaseStudyPageFactory(title="Borrador interno", contributing_organisation=organisation, publish=False)
    CaseStudyPageFactory(title="De otra organización")
    member = UserFactory(first_name="Rosa", last_name="Mina")
    pending = UserFactory(first_name="Pedro", last_name="Pendiente")
    Membership.objects.create(user=member, organisation=organisation, status="approved")
    Membership.objects.create(user=pending, organisation=organisation)

    response = client.get(f"/en/organisations/{organisation.slug}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    titles = [title.get_text(strip=True) for title in soup.select(".card__title")]
    assert titles == ["DESEPAZ revisitado"]
    text = soup.get_text()
    assert "Rosa Mina" in text and "Pedro" not in text
    assert soup.select_one(".org-header__logo")
    assert soup.select_one("a[href='https://example.org']")["rel"] == ["nofollow", "noopener"]


def test_the_list_counts_published_case_studies(client, site_tree):
    organisation = OrganisationFactory(name="Fundación Ideas")
    CaseStudyPageFactory(contributing_organisation=organisation)
    CaseStudyPageFactory(contributing_organisation=organisation, publish=False)
    text = " ".join(BeautifulSoup(client.get("/en/organisations/").content, "html.parser").get_text().split())
    assert "Fundación Ideas Civil society · Colombia · 1 case study" in text


def test_unknown_organisations_are_404(client, site_tree):
    assert client.get("/en/organisations/no-such-organisation/").status_code == 404
