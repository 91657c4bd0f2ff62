"""Search in the reader's language, on every backend: translated facet labels, addresses under the
reader's language prefix, the API's `lang`, and sector names typed in Spanish or Portuguese."""

import pytest
from bs4 import BeautifulSoup

from practices.models import CaseStudyPage

pytestmark = pytest.mark.django_db


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def labels(data, facet):
    return {value["value"]: value["label"] for value in data["facets"][facet]}


@pytest.mark.parametrize(
    ("lang", "health", "country", "prefix"),
    [
        ("es", "Salud", "Brasil", "/es/"),
        ("pt-br", "Saúde", "Brasil", "/pt-br/"),
        ("en", "Health", "Brazil", "/en/"),
    ],
)
def test_the_api_answers_in_the_language_asked_for(client, corpus, lang, health, country, prefix):
    data = api(client, lang=lang, page_size=5)
    assert data["lang"] == lang
    assert labels(data, "sector")["health"] == health
    assert labels(data, "country")["BR"] == country
    assert all(result["url"].startswith(f"http://testserver{prefix}practices/") for result in data["results"])


def test_the_api_accepts_a_regional_variant_and_refuses_an_unknown_language(client, corpus):
    assert api(client, lang="pt-BR", page_size=1)["lang"] == "pt-br"
    assert api(client, lang="es-CO", page_size=1)["lang"] == "es"
    response = client.get("/api/search/", {"lang": "fr"})
    assert response.status_code == 400
    assert "fr" in response.json()["error"] and "pt-br" in response.json()["error"]


def test_the_search_page_in_spanish_shows_spanish_facets_and_spanish_links(client, corpus):
    html = BeautifulSoup(client.get("/es/search/").content, "html.parser")
    assert html.html["lang"] == "es"
    facet_text = html.select_one("#facet-sector").text
    assert "Salud" in facet_text and "Policía" in facet_text
    links = [a["href"] for a in html.select(".result a") if "/practices/" in a["href"]]
    assert links and all(link.startswith("/es/practices/") for link in links)


@pytest.mark.parametrize(("words", "lang"), [("salud", "es"), ("saúde", "pt-br"), ("health", "en")])
def test_a_sector_typed_in_any_language_finds_its_practices(client, corpus, words, lang):
    if corpus.backend == "database":
        pytest.skip("the database backend searches the page's own fields, not the taxonomy names")
    health = set(CaseStudyPage.objects.live().filter(sectors__slug="health").values_list("pk", flat=True))
    found = {result["id"] for result in api(client, q=words, lang=lang, page_size=100)["results"]}
    assert health and health <= found


def test_the_original_language_is_a_facet(client, corpus):
    live = CaseStudyPage.objects.live()
    by_language = {code: live.filter(original_language=code).count() for code in ("es", "pt", "en")}
    data = api(client, lang="es", page_size=100)
    counts = {value["value"]: value["count"] for value in data["facets"]["language"]}
    assert counts == {code: n for code, n in by_language.items() if n}
    assert labels(data, "language")["pt"] == "Portugués"
    portuguese = api(client, language="pt", page_size=100)
    assert portuguese["total"] == by_language["pt"] > 0
    assert {r["id"] for r in portuguese["results"]} == set(
        live.filter(original_language="pt").values_list("pk", flat=True)
    )
