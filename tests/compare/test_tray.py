"""The comparison tray: anonymous, in the session, at most four, on every page."""

import pytest
from bs4 import BeautifulSoup

from compare.tray import MAX_ITEMS
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db


def add(client, page, next_url="/en/search/"):
    return client.post("/en/compare/tray/add/", {"page": page.pk, "next": next_url})


def tray_titles(client, url="/en/search/"):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    tray = soup.select_one(".tray")
    return [a.get_text(strip=True) for a in tray.select(".tray__item a")] if tray else []


def test_an_anonymous_reader_adds_practices_and_sees_the_tray_on_every_page(client, site_tree):
    first, second = CaseStudyPageFactory(title="Plan Cuadrante"), CaseStudyPageFactory(title="Fica Vivo")
    response = add(client, first)
    assert response.status_code == 302 and response["Location"] == "/en/search/"
    add(client, second)

    for url in ("/en/search/", first.url, "/en/evidence-map/", "/en/dashboard/"):
        assert tray_titles(client, url) == ["Plan Cuadrante", "Fica Vivo"], url
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert soup.select_one("[data-tray-count]").get_text() == "2"
    link = soup.select_one(".tray__actions a.button")["href"]
    assert link == f"/en/compare/?ids={first.pk},{second.pk}"


def test_adding_twice_keeps_one_and_removing_and_clearing_work(client, site_tree):
    pages = CaseStudyPageFactory.create_batch(3)
    for page in pages:
        add(client, page)
    add(client, pages[0])
    assert len(tray_titles(client)) == 3

    client.post("/en/compare/tray/remove/", {"page": pages[1].pk, "next": "/"})
    assert tray_titles(client) == [pages[0].title, pages[2].title]
    client.post("/en/compare/tray/clear/", {"next": "/"})
    assert tray_titles(client) == []


def test_a_fifth_practice_is_refused_with_a_message(client, site_tree):
    pages = CaseStudyPageFactory.create_batch(MAX_ITEMS + 1)
    for page in pages[:MAX_ITEMS]:
        add(client, page)
    response = client.post(
        "/en/compare/tray/add/", {"page": pages[-1].pk, "next": "/en/search/"}, follow=True
    )
    text = response.content.decode()
    assert "at most 4 practices" in text
    assert len(tray_titles(client)) == MAX_ITEMS
    assert pages[-1].title not in tray_titles(client)


@pytest.mark.parametrize("value", ["", "abc", "999999", "-1", "1e3"])
def test_unknown_or_malformed_practices_are_refused_with_a_message(client, site_tree, value):
    response = client.post("/en/compare/tray/add/", {"page": value, "next": "/en/search/"}, follow=True)
    assert response.status_code == 200
    assert "cannot be compared" in response.content.decode()
    assert tray_titles(client) == []


def test_a_draft_cannot_be_added_and_an_unpublished_practice_leaves_the_tray(client, site_tree):
    draft = CaseStudyPageFactory(publish=False, title="Borrador confidencial")
    add(client, draft)
    assert tray_titles(client) == []

    page = CaseStudyPageFactory(title="Programa retirado")
    add(client, page)
    page.unpublish()
    assert tray_titles(client) == []
    assert "Programa retirado" not in client.get("/en/").content.decode()


def test_next_never_redirects_to_another_site(client, site_tree):
    page = CaseStudyPageFactory()
    response = client.post("/en/compare/tray/add/", {"page": page.pk, "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_tray_changes_need_post_and_csrf(site_tree):
    from django.test import Client

    page = CaseStudyPageFactory()
    client = Client(enforce_csrf_checks=True)
    assert client.get("/en/compare/tray/add/", {"page": page.pk}).status_code == 405
    assert client.post("/en/compare/tray/add/", {"page": page.pk}).status_code == 403


def test_the_compare_button_shows_the_tray_state(client, site_tree):
    page = CaseStudyPageFactory()
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select_one(".compare-toggle button")["aria-pressed"] == "false"
    add(client, page, page.url)
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select_one(".compare-toggle button")["aria-pressed"] == "true"
    assert soup.select_one(".compare-toggle")["action"] == "/en/compare/tray/remove/"


def test_adding_from_search_returns_to_the_same_result(client, site_tree):
    page = CaseStudyPageFactory(title="Plan Cuadrante de Seguridad Preventiva")
    soup = BeautifulSoup(client.get("/en/search/", {"q": "Cuadrante"}).content, "html.parser")
    result = soup.select_one(f"#practice-{page.pk}")
    next_url = result.select_one(".compare-toggle input[name=next]")["value"]
    assert next_url == f"/en/search/?q=Cuadrante#practice-{page.pk}"
    response = client.post("/en/compare/tray/add/", {"page": page.pk, "next": next_url})
    assert response["Location"] == next_url
