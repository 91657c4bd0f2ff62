import pytest
from bs4 import BeautifulSoup

from practices.models import CaseStudyIndexPage, EvidenceScalePage
from tests.factories import CaseStudyPageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_shows_entry_points_and_practices(client, site_tree):
    strong = CaseStudyPageFactory(title="Hot-spot policing experiment", evidence_strength=4)
    response = client.get("/en/")
    assert response.status_code == 200
    html = soup(response)
    assert "Practice Exchange" in html.title.text
    assert html.select_one(".hero h1").text.strip()
    assert len(html.select(".audience")) == 3
    assert strong.title in html.select_one("#best-title").find_parent("section").text


def test_case_study_page_shows_key_facts_evidence_and_sources(client):
    page = CaseStudyPageFactory(
        title="Fica Vivo",
        city="Belo Horizonte",
        subnational_unit="Minas Gerais",
        country="BR",
        evidence_strength=3,
        sources=2,
        evaluations=1,
        actors=1,
        rigour_rating=2,
        rigour_justification="One quasi-experimental evaluation.",
        hero_image=ImageFactory(),
        intervention=[
            {"type": "paragraph", "value": "<p>Mediation in five favelas.</p>"},
            {"type": "key_figure", "value": {"figure": "not reported", "label": "Cost", "source": "Report"}},
            {"type": "quote", "value": {"text": "We went back every week.", "attribution": "Mediator"}},
            {
                "type": "table",
                "value": {
                    "data": [["Year", "Homicides"], ["2002", "not reported"]],
                    "first_row_is_table_header": True,
                },
            },
        ],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.text == "Fica Vivo"
    facts = html.select_one(".key-facts").text
    assert "Belo Horizonte, Minas Gerais, Brazil" in facts
    assert "Municipal" in facts and "Policing" in facts
    assert "Evidence 3/5" in html.select_one(".key-facts .evidence-badge").text
    assert "Quasi-experimental" in html.select_one("#evidence").find_parent("section").text
    assert len(html.select("ol.sources li")) == 2
    assert len(html.select("table.evaluations tbody tr")) == 1
    assert "One quasi-experimental evaluation." in html.select_one(".challenges").text
    assert html.select_one(".key-figure__value").text == "not reported"
    assert html.select_one(".quote").text.strip().startswith("We went back")
    assert html.select_one(".data-table th").text.strip() == "Year"
    assert html.select_one(".hero-figure img")["src"]
    done = [li.text for li in html.select(".cycle__stage--done")]
    assert len(done) == 2 and "Design" in done[0]


def test_case_study_shows_its_lineage_in_both_directions(client):
    original = CaseStudyPageFactory(title="Original programme")
    adaptation = CaseStudyPageFactory(title="Adapted programme", adapted_from=original)
    assert "Original programme" in client.get(adaptation.url).content.decode()
    assert "Adapted programme" in client.get(original.url).content.decode()


def test_unpublished_case_studies_are_not_listed_or_reachable(client):
    live = CaseStudyPageFactory(title="Published practice")
    draft = CaseStudyPageFactory(title="Draft practice", publish=False)
    index = CaseStudyIndexPage.objects.get()
    body = client.get(index.url).content.decode()
    assert live.title in body and draft.title not in body
    assert client.get(draft.url or f"{index.url}{draft.slug}/").status_code == 404


def test_index_paginates_and_survives_bad_page_numbers(client):
    for n in range(14):
        CaseStudyPageFactory(title=f"Practice {n:02d}", evidence_strength=1 + n % 5)
    index = CaseStudyIndexPage.objects.get()
    first = soup(client.get(index.url))
    assert len(first.select(".card")) == 12
    assert "Page 1 of 2" in first.select_one(".pagination").text
    second = soup(client.get(index.url, {"page": 2}))
    assert len(second.select(".card")) == 2
    for bad in ["abc", "-1", "999", ""]:
        assert client.get(index.url, {"page": bad}).status_code == 200


def test_index_sorts_by_evidence_and_ignores_unknown_sorts(client):
    CaseStudyPageFactory(title="Weak", evidence_strength=1)
    CaseStudyPageFactory(title="Strong", evidence_strength=5)
    index = CaseStudyIndexPage.objects.get()
    titles = [a.text for a in soup(client.get(index.url, {"sort": "evidence"})).select(".card__title a")]
    assert titles == ["Strong", "Weak"]
    titles = [a.text for a in soup(client.get(index.url, {"sort": "title"})).select(".card__title a")]
    assert titles == ["Strong", "Weak"]
    assert client.get(index.url, {"sort": "<script>"}).status_code == 200


def test_evidence_scale_page_defines_every_level_with_counts(client):
    CaseStudyPageFactory(evidence_strength=4)
    page = EvidenceScalePage.objects.get()
    html = soup(client.get(page.url))
    levels = html.select(".scale__level")
    assert len(levels) == 5
    assert "Maryland level 5" in levels[3].text
    assert "1 published practice at this level" in levels[3].text
    assert "0 published practices" in levels[0].text


def test_search_finds_published_practices_only(client):
    CaseStudyPageFactory(title="Alcohol-hours restriction", summary="Bars close at 23:00.")
    CaseStudyPageFactory(title="Alcohol draft", publish=False)
    html = soup(client.get("/en/search/", {"q": "alcohol"}))
    titles = [a.text for a in html.select(".card__title a")]
    assert titles == ["Alcohol-hours restriction"]


def test_search_refuses_overlong_queries_with_a_message(client, site_tree):
    response = client.get("/en/search/", {"q": "x" * 500})
    assert response.status_code == 200
    assert "use at most 200 characters" in soup(response).select_one(".message").text


def test_unknown_page_is_a_friendly_404(client, site_tree):
    response = client.get("/en/no-such-practice/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_practice_without_ratings_says_so_instead_of_empty_bars(client):
    page = CaseStudyPageFactory(title="Unrated programme")
    html = soup(client.get(page.url))
    section = html.select_one("#challenges").find_parent("section")
    assert "Not rated by an editor yet." in section.text
    assert not section.select(".challenge")
