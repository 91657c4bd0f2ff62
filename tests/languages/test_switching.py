"""Language prefixes, the browser's preference on a first visit, and the switcher that keeps the page."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from languages.urls import url_in_language
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("pt-BR,pt;q=0.9,en;q=0.5", "/pt-br/"),
        ("pt-PT", "/pt-br/"),
        ("es-CO,es;q=0.9", "/es/"),
        ("en-JM", "/en/"),
        ("fr-HT,fr;q=0.9", "/en/"),
    ],
)
def test_first_visit_goes_to_the_browsers_language(client, site_tree, accept, expected):
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200


def test_an_address_without_prefix_keeps_its_path_and_query(client, site_tree):
    response = client.get("/search/?q=policing&sector=health", headers={"accept-language": "es"})
    assert response.status_code == 302
    assert response["Location"] == "/es/search/?q=policing&sector=health"


def test_a_chosen_language_wins_over_the_browser_on_later_visits(client, site_tree):
    page = CaseStudyPageFactory(title="Fica Vivo")
    response = client.get(f"/language/pt-br/?next=/en{page.url[3:]}", headers={"accept-language": "es"})
    assert response.status_code == 302
    assert response["Location"] == f"/pt-br{page.url[3:]}"
    assert response.cookies["px_language"].value == "pt-br"
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/", headers={"accept-language": "es"})["Location"] == "/pt-br/"


def test_switching_keeps_the_page_and_its_query(client, site_tree):
    response = client.get("/language/es/", {"next": "/en/search/?q=policing&evidence=3"})
    assert response["Location"] == "/es/search/?q=policing&evidence=3"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", ""])
def test_switching_never_leaves_the_site(client, site_tree, next_url):
    response = client.get("/language/es/", {"next": next_url})
    assert response["Location"] == "/es/"


def test_an_unknown_language_changes_nothing(client, site_tree):
    response = client.get("/language/fr/", {"next": "/en/search/"})
    assert response["Location"] == "/en/search/"
    assert "px_language" not in response.cookies


def test_every_page_offers_its_other_languages(client, site_tree):
    page = CaseStudyPageFactory(title="Fica Vivo")
    path = page.url[3:]
    html = soup(client.get(f"/es{path}"))
    assert html.html["lang"] == "es"
    alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}
    assert alternates == {
        "es": f"http://testserver/es{path}",
        "pt-br": f"http://testserver/pt-br{path}",
        "en": f"http://testserver/en{path}",
    }
    switcher = html.select_one("nav.language-switcher")
    assert switcher.select_one("[aria-current]").text.strip() == "Español"
    links = {a["hreflang"]: a["href"] for a in switcher.select("a")}
    assert set(links) == {"pt-br", "en"}
    assert client.get(links["en"])["Location"] == f"/en{path}"


def test_search_results_link_to_the_readers_language(client, site_tree):
    CaseStudyPageFactory(title="Fica Vivo homicide control")
    html = soup(client.get("/pt-br/search/", {"q": "Fica Vivo"}))
    links = [a["href"] for a in html.select(".result a") if "/practices/" in a["href"]]
    assert links
    assert all(link.startswith("/pt-br/") for link in links)


@pytest.mark.parametrize(
    ("name", "arguments"),
    [
        ("search:search", {}),
        ("compare:compare", {}),
        ("dashboard:evidence_map", {}),
        ("reading_lists:detail", {"pk": 7}),
        ("organisations:detail", {"slug": "fundacion-x"}),
        ("accounts:login", {}),
        ("wagtail_serve", ["practices/fica-vivo/"]),
    ],
)
def test_addresses_differ_between_languages_only_in_their_prefix(name, arguments):
    """url_in_language swaps the prefix alone: true while no URL pattern is itself translated."""
    by_language = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            positional = isinstance(arguments, list)
            path = reverse(name, args=arguments) if positional else reverse(name, kwargs=arguments)
            by_language[code] = path + "?q=x"
    for code, path in by_language.items():
        assert url_in_language(by_language["en"], code) == path
    assert url_in_language("/api/search/?q=x", "es") == "/api/search/?q=x"
