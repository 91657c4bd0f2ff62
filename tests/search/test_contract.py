"""One contract, every backend: the same requests through the page and the API give the same kind
of answer, with facet counts that agree with the database."""

from collections import Counter

import pytest
from bs4 import BeautifulSoup

from practices.models import CaseStudyPage
from search.backends.base import SearchQuery
from search.backends.database import DatabaseBackend
from search.facets import FACETS, FACETS_BY_NAME
from search.service import engine_backend

pytestmark = pytest.mark.django_db


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def slugs(data):
    return [result["url"].rstrip("/").rsplit("/", 1)[-1] for result in data["results"]]


def expected_counts(facet_name, pages):
    """Counts computed straight from the database, independent of any backend."""
    lookup = FACETS_BY_NAME[facet_name].db_lookup
    counter = Counter()
    for _pk, value in (
        CaseStudyPage.objects.filter(pk__in=[p.pk for p in pages]).values_list("pk", lookup).distinct()
    ):
        if value is not None:
            counter[str(value)] += 1
    return dict(counter)


def facet_counts(data, facet_name):
    return {value["value"]: value["count"] for value in data["facets"][facet_name]}


def test_the_api_reports_its_backend_and_shape(client, corpus):
    data = api(client, page_size=3)
    assert data["backend"] == corpus.backend
    assert set(data) >= {"total", "results", "facets", "page", "page_size", "backend", "took_ms"}
    assert data["page"] == 1 and data["page_size"] == 3 and len(data["results"]) == 3
    result = data["results"][0]
    assert set(result) >= {
        "id",
        "title",
        "url",
        "summary",
        "country",
        "levels",
        "sectors",
        "evidence_strength",
        "evidence_label",
        "effect_direction",
        "highlight",
    }
    assert result["url"].startswith("http://testserver/en/practices/")
    assert set(data["facets"]) == {facet.name for facet in FACETS}
    assert set(data["facets"]["sector"][0]) == {"value", "label", "count", "selected"}


def test_an_empty_query_lists_everything_with_facet_counts_from_the_database(client, corpus):
    live = list(CaseStudyPage.objects.live())
    data = api(client, page_size=100)
    assert data["total"] == len(live) >= 30
    assert {r["id"] for r in data["results"]} == {p.pk for p in live}
    for facet in FACETS:
        assert facet_counts(data, facet.name) == expected_counts(facet.name, live), facet.name


def test_facets_count_with_the_other_facets_filters(client, corpus):
    data = api(client, level="municipal", evidence=["3", "4", "5"], page_size=100)
    municipal = CaseStudyPage.objects.live().filter(levels_of_government__slug="municipal").distinct()
    strong = CaseStudyPage.objects.live().filter(evidence_strength__gte=3)
    both = [p for p in municipal if p.evidence_strength >= 3]
    assert data["total"] == len(both)
    # The level facet ignores its own selection but obeys the evidence one, and vice versa.
    assert facet_counts(data, "level") == expected_counts("level", list(strong))
    assert facet_counts(data, "evidence") == expected_counts("evidence", list(municipal))
    assert facet_counts(data, "sector") == expected_counts("sector", both)
    selected = [v for v in data["facets"]["level"] if v["selected"]]
    assert [v["value"] for v in selected] == ["municipal"]


def test_facets_count_with_the_words_and_the_other_facets_filters(client, corpus):
    """With words, a selected facet still counts as if it were not selected (the other filters and
    the words apply); every other facet counts the hits."""
    words = {r["id"] for r in api(client, q="violence", page_size=100)["results"]}
    data = api(client, q="violence", level="municipal", evidence=["4", "5"], page_size=100)
    matching = CaseStudyPage.objects.live().filter(pk__in=words)
    municipal = matching.filter(levels_of_government__slug="municipal").distinct()
    strong = matching.filter(evidence_strength__gte=4)
    both = [p for p in municipal if p.evidence_strength >= 4]
    # Three different sets, or the test could not tell which filters each facet obeyed.
    assert 0 < len(both) < min(len(municipal), len(strong)) and len(strong) < len(words)
    assert {r["id"] for r in data["results"]} == {p.pk for p in both}
    assert facet_counts(data, "level") == expected_counts("level", list(strong))
    assert facet_counts(data, "evidence") == expected_counts("evidence", list(municipal))
    assert facet_counts(data, "sector") == expected_counts("sector", both)


def test_a_word_the_filters_exclude_finds_nothing_and_is_not_corrected(client, corpus):
    """ "alcohol" is a word of the corpus: with a country none of its practices is in, the answer is
    none (no typo-tolerant look-alikes, no "did you mean"), and the country facet shows where it is."""
    everywhere = api(client, q="alcohol", page_size=100)
    countries = {value for value, count in facet_counts(everywhere, "country").items() if count}
    assert everywhere["total"] > 0 and "AG" not in countries
    data = api(client, q="alcohol", country="AG")
    assert data["total"] == 0 and data["results"] == [] and not data["suggestion"]
    assert {value for value, count in facet_counts(data, "country").items() if count} == countries


def test_values_within_a_facet_are_ored_and_facets_are_anded(client, corpus):
    brazil = api(client, country="BR", page_size=100)["total"]
    colombia = api(client, country="CO", page_size=100)["total"]
    assert api(client, country=["BR", "CO"], page_size=100)["total"] == brazil + colombia
    both = api(client, country=["BR", "CO"], sector="gender", page_size=100)
    expected = (
        CaseStudyPage.objects.live().filter(country__in=["BR", "CO"], sectors__slug="gender").distinct()
    )
    assert {r["id"] for r in both["results"]} == {p.pk for p in expected}


def test_a_selected_value_stays_visible_even_with_no_matches(client, corpus):
    data = api(client, country="AG")  # Antigua and Barbuda: no practice in the corpus
    assert data["total"] == 0
    countries = {value["value"]: value for value in data["facets"]["country"]}
    assert countries["AG"] == {"value": "AG", "label": "Antigua and Barbuda", "count": 0, "selected": True}
    # The country facet ignores its own selection, so the other countries stay on offer: no dead end.
    assert countries["BR"]["count"] > 0 and not countries["BR"]["selected"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Fica Vivo", "belo-horizonte-fica-vivo"),
        ("Diadema", "diadema-alcohol-hours-law"),
        ("Metrocable", "medellin-integral-urban-projects"),
        ("Maria da Penha", "brazil-maria-da-penha-law"),
    ],
)
def test_names_find_their_practice_first(client, corpus, query, expected):
    assert slugs(api(client, q=query))[0] == expected


def test_hot_spots_finds_the_hot_spot_policing_practices(client, corpus):
    found = slugs(api(client, q="hot spots"))
    assert {"bogota-hot-spots-policing-experiment", "uruguay-pado-hot-spot-policing"} <= set(found[:5])


def test_a_spanish_query_typed_without_accents(client, corpus):
    """'Prevención' typed as 'prevencion'. OpenSearch and SQLite fold accents; Elasticsearch's
    integ-test-zip has no asciifolding, so its fuzzy matching bridges the accent; PostgreSQL's text
    search keeps accents, so there only the retry with any word finds the practice."""
    from django.db import connection

    target = "el-salvador-municipal-violence-prevention-councils"
    accented = api(client, q="consejos municipales prevención violencia")
    assert target in slugs(accented) and accented["relaxed"] is False
    data = api(client, q="consejos municipales prevencion violencia")
    assert target in slugs(data)[:3]
    assert data["relaxed"] is (corpus.backend == "database" and connection.vendor == "postgresql")


def test_sorting_by_evidence_and_newest(client, corpus):
    by_evidence = api(client, sort="evidence", page_size=100)["results"]
    strengths = [r["evidence_strength"] for r in by_evidence]
    assert strengths == sorted(strengths, reverse=True)
    newest = api(client, sort="newest", page_size=100)["results"]
    pages = CaseStudyPage.objects.in_bulk([r["id"] for r in newest])
    dates = [pages[r["id"]].first_published_at for r in newest]
    assert dates == sorted(dates, reverse=True)


def test_pages_cover_every_result_once(client, corpus):
    total = api(client)["total"]
    seen = []
    for page in range(1, total // 7 + 2):
        seen.extend(r["id"] for r in api(client, page_size=7, page=page)["results"])
    assert len(seen) == len(set(seen)) == total
    beyond = api(client, page_size=7, page=total // 7 + 5)
    assert beyond["results"] == [] and beyond["total"] == total


def test_results_highlight_the_words_searched(client, corpus):
    data = api(client, q="alcohol")
    assert data["total"] >= 1
    assert any(
        "<mark>" in r["highlight"].lower() and "alcohol" in r["highlight"].lower() for r in data["results"]
    )
    for result in data["results"]:
        assert "<script" not in result["highlight"]


def test_a_typo_still_finds_or_suggests(client, corpus):
    data = api(client, q="alchol")
    assert data["total"] >= 1 or data["suggestion"] == "alcohol"


def test_engines_retry_with_typo_tolerance_only_when_no_practice_has_the_words(corpus, monkeypatch):
    """The typo-tolerant retry searches the whole corpus again: worth it for a word nobody uses, never
    for a word the filters excluded."""
    backend = engine_backend()
    if backend is None:
        pytest.skip("the database backend has no typo-tolerant retry")
    sent = []
    call = backend.engine.call

    def counting(method, **kwargs):
        if method == "search":
            sent.append(kwargs["body"])
        return call(method, **kwargs)

    monkeypatch.setattr(backend.engine, "call", counting)
    assert backend.search(SearchQuery(text="alcohol", filters={"country": ("AG",)})).total == 0
    assert len(sent) == 1
    sent.clear()
    backend.search(SearchQuery(text="alchol", filters={"country": ("AG",)}))
    assert len(sent) == 2 and "fuzziness" in str(sent[1])
    sent.clear()
    assert backend.search(SearchQuery(text="alchol")).total > 0  # the retry finds "alcohol"
    assert len(sent) == 2


def test_did_you_mean_replaces_only_the_unknown_words(corpus):
    """Each backend's own dictionary: the database's vocabulary, the engines' term suggesters."""
    backend = engine_backend() or DatabaseBackend()
    assert backend.name == (corpus.backend if corpus.backend != "database" else "database")
    assert backend.suggest("alchol") == "alcohol"
    assert backend.suggest("violencia alchol") == "violencia alcohol"
    assert backend.suggest("alcohol") == ""
    assert backend.suggest("zzyzxq") == ""


def test_autocomplete_on_titles(client, corpus):
    response = client.get("/api/search/autocomplete/", {"q": "medell"})
    titles = [item["title"] for item in response.json()["results"]]
    assert any("Medellín" in title for title in titles)
    assert client.get("/api/search/autocomplete/", {"q": "m"}).json() == {"results": []}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"sector": "astrology"}, "Unknown sector: astrology"),
        ({"page": "0"}, "page must be between"),
        ({"page": "abc"}, "page must be a whole number"),
        ({"page_size": "1000"}, "page_size must be between 1 and 100"),
        ({"sort": "random"}, "Unknown sort order"),
        ({"q": "x" * 201}, "too long"),
    ],
)
def test_the_api_refuses_bad_parameters_with_a_clear_400(client, corpus, params, message):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert message in response.json()["error"]


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "(policing",
        "poli*",
        "back\\slash",
        "homicide OR",
        "a AND OR NOT",
        "title:x",
        "{[]}~^!",
        "bell\x07\x00",
        "/",
        "-",
        "\ufffd",
    ],
)
def test_query_syntax_and_control_characters_are_just_text(client, corpus, query):
    assert client.get("/api/search/", {"q": query}).status_code == 200
    page = client.get("/en/search/", {"q": query})
    assert page.status_code == 200


def test_invalid_utf8_gives_a_normal_page(client, corpus):
    assert client.get("/en/search/?q=%ff%fe%80").status_code == 200
    assert client.get("/api/search/?q=%ff%fe%80").status_code == 200


def test_the_page_shows_facets_selected_values_and_keeps_state_in_links(client, corpus):
    response = client.get("/en/search/", {"q": "violence", "level": "municipal", "sort": "evidence"})
    html = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    checked = html.select("#facet-level input[checked]")
    assert [box["value"] for box in checked] == ["municipal"]
    chip = html.select_one(".selected-filters a")
    assert "Level of government: Municipal" in chip.text
    assert (
        "level=municipal" not in chip["href"]
        and "q=violence" in chip["href"]
        and "sort=evidence" in chip["href"]
    )
    count = html.select_one(".results-count").text
    data = api(client, q="violence", level="municipal")
    assert count.startswith(f"{data['total']} practice")


def test_the_page_drops_unknown_values_with_a_notice(client, corpus):
    response = client.get("/en/search/", {"sector": ["policing", "astrology"], "page": "-3"})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    notice = html.select_one(".message").text
    assert "Unknown sector: astrology" in notice
    assert [box["value"] for box in html.select("#facet-sector input[checked]")] == ["policing"]


def test_when_no_practice_has_every_word_some_words_are_enough_and_the_page_says_so(client, corpus):
    strict = api(client, q="hot spots")
    assert strict["total"] > 0 and strict["relaxed"] is False
    data = api(client, q="violencia zzyzxq")  # the second word exists nowhere
    assert data["relaxed"] is True and data["total"] > 0
    alone = api(client, q="violencia")
    assert alone["relaxed"] is False
    assert {r["id"] for r in data["results"]} == {r["id"] for r in alone["results"]}
    page = client.get("/en/search/", {"q": "violencia zzyzxq"}).content.decode()
    assert "No practice contains all of your words" in page
