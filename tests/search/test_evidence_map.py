"""The evidence & gap map and the dashboard count the same practices on every backend as the
database does, and link each figure to the search behind it."""

from collections import Counter
from itertools import product
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as ET

from practices.models import CaseStudyPage
from search.facets import FACETS_BY_NAME
from search.service import run_evidence_matrix, run_overview

pytestmark = pytest.mark.django_db


def expected_matrix(rows, cols, **filters):
    """(row, col) → Counter of evidence strengths, straight from the ORM."""
    pages = CaseStudyPage.objects.live().public()
    for name, values in filters.items():
        pages = pages.filter(**{f"{FACETS_BY_NAME[name].db_lookup}__in": values}).distinct()
    cells = {}
    for practice in pages:
        row_values = {str(v) for v in practice_values(practice, rows)}
        col_values = {str(v) for v in practice_values(practice, cols)}
        for cell in product(row_values, col_values):
            cells.setdefault(cell, Counter())[practice.evidence_strength] += 1
    return cells, pages.count()


def practice_values(practice, facet):
    lookup = FACETS_BY_NAME[facet].db_lookup
    return [
        v
        for v in CaseStudyPage.objects.filter(pk=practice.pk).values_list(lookup, flat=True)
        if v is not None
    ]


@pytest.mark.parametrize(
    ("rows", "cols", "filters"),
    [
        ("policy_area", "theme", {}),
        ("sector", "population", {}),
        ("policy_area", "population", {"country": ("BR", "CO")}),
        ("sector", "theme", {"level": ("municipal",)}),
    ],
)
def test_matrix_counts_equal_the_database(corpus, rows, cols, filters):
    answer = run_evidence_matrix(rows, cols, filters)
    assert answer.backend == corpus.backend
    matrix, total = answer.value
    expected, expected_total = expected_matrix(rows, cols, **filters)
    assert total == expected_total
    assert {cell: dict(counts) for cell, counts in expected.items()} == matrix


def cells(soup):
    return {(td["data-row"], td["data-col"]): td for td in soup.select("td.map-cell")}


def test_the_map_page_shows_counts_strongest_evidence_links_and_gaps(client, corpus):
    response = client.get("/en/evidence-map/", {"rows": "sector", "cols": "theme", "country": "CO"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    expected, total = expected_matrix("sector", "theme", country=("CO",))
    assert soup.select_one("[data-total]")["data-total"] == str(total)

    shown = cells(soup)
    sectors = FACETS_BY_NAME["sector"].values()
    themes = FACETS_BY_NAME["theme"].values()
    assert len(shown) == len(sectors) * len(themes)  # every combination, gaps included
    gaps = 0
    for (row, col), td in shown.items():
        counts = expected.get((row, col), Counter())
        assert td["data-count"] == str(sum(counts.values()))
        if counts:
            assert td["data-strongest"] == str(max(counts))
            query = parse_qs(urlparse(td.select_one("a")["href"]).query)
            assert query == {"sector": [row], "theme": [col], "country": ["CO"]}
        else:
            gaps += 1
            assert "map-cell--gap" in td["class"] and td.select_one("a") is None
    assert gaps > 0
    assert f"{gaps} gap" in soup.select_one(".map-summary").get_text()


def test_a_cell_link_finds_exactly_the_cell_practices(client, corpus):
    soup = BeautifulSoup(client.get("/en/evidence-map/").content, "html.parser")
    td = cells(soup)[("social-prevention", "homicide")]
    search = client.get(td.select_one("a")["href"])
    results = BeautifulSoup(search.content, "html.parser").select_one("#results-heading").get_text()
    assert results.startswith(f"{td['data-count']} practice")


@pytest.mark.parametrize(
    "params",
    [
        {"rows": "country"},
        {"cols": "<script>"},
        {"country": "XX"},
        {"level": "galactic"},
        {"rows": "x" * 5000},
    ],
)
def test_bad_map_parameters_get_a_message_and_a_default_map(client, corpus, params):
    response = client.get("/en/evidence-map/", params)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".message").get_text(strip=True)
    assert soup.select("td.map-cell")
    assert "<script>" not in response.content.decode()


def test_unpublished_practices_are_not_counted(client, corpus):
    from django.db import transaction

    before, total = run_evidence_matrix("policy_area", "theme", {}).value
    with transaction.atomic():
        practice = CaseStudyPage.objects.live().get(slug="uruguay-pado-hot-spot-policing")
        practice.unpublish()
        if corpus.engine:
            from search.indexing import delete_ids

            delete_ids(corpus.engine, [practice.pk])  # what the unpublish signal does on commit
        after, after_total = run_evidence_matrix("policy_area", "theme", {}).value
        assert after_total == total - 1
        assert after == {
            cell: dict(counts) for cell, counts in expected_matrix("policy_area", "theme")[0].items()
        }
        transaction.set_rollback(True)
    if corpus.engine:
        corpus.rebuild()


def test_overview_counts_equal_the_database(corpus):
    answer = run_overview({})
    assert answer.backend == corpus.backend
    pages = CaseStudyPage.objects.live().public()
    assert answer.value["country"] == dict(Counter(pages.values_list("country", flat=True)))
    assert answer.value["evidence"] == {
        str(k): v for k, v in Counter(pages.values_list("evidence_strength", flat=True)).items()
    }
    assert answer.value["start_year"] == {
        str(k): v for k, v in Counter(pages.values_list("start_year", flat=True)).items()
    }
    areas = Counter(slug for slug in pages.values_list("policy_areas__slug", flat=True) if slug)
    assert answer.value["policy_area"] == dict(areas)


def test_the_dashboard_draws_the_region_and_the_charts(client, corpus):
    response = client.get("/en/dashboard/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    svg = ET.fromstring(str(soup.select_one(".chart--map svg")))
    ns = {"svg": "http://www.w3.org/2000/svg"}
    counts = {
        path.get("data-country"): int(path.get("data-count"))
        for path in svg.iter("{http://www.w3.org/2000/svg}path")
        if path.get("data-country")
    }
    pages = CaseStudyPage.objects.live().public()
    assert {code: n for code, n in counts.items() if n} == dict(
        Counter(pages.values_list("country", flat=True))
    )
    assert len(counts) == 33
    assert "Brazil: 8 practices" in svg.find("svg:desc", ns).text

    for chart in soup.select(".panel .chart svg"):
        ET.fromstring(str(chart))
    bars = {g["data-label"]: g.get_text() for g in soup.select("#by-evidence ~ figure [data-label]")}
    assert bars["3 · Quasi-experimental"].endswith(str(pages.filter(evidence_strength=3).count()))
    links = [a["href"] for a in soup.select(".country-list a")]
    assert "/en/search/?country=BR" in links


def test_the_dashboard_filters_by_level_of_government(client, corpus):
    soup = BeautifulSoup(client.get("/en/dashboard/", {"level": "municipal"}).content, "html.parser")
    municipal = CaseStudyPage.objects.live().filter(levels_of_government__slug="municipal").distinct().count()
    assert f"{municipal} published practice" in soup.select_one(".lede").get_text()
    assert all("level=municipal" in a["href"] for a in soup.select(".country-list a"))
