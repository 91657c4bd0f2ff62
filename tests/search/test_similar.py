"""Similar experiences and replication lineage on a case-study page, on every backend."""

from django.db import transaction

import pytest
from bs4 import BeautifulSoup

from practices.models import CaseStudyPage
from search.documents import build_document
from search.queries import SIMILAR_BOOSTS
from search.service import run_similar

pytestmark = pytest.mark.django_db

SHARED = {
    "sectors": "sectors",
    "levels": "levels_of_government",
    "themes": "themes",
    "policy_areas": "policy_areas",
    "populations": "target_populations",
}


def page(slug):
    return CaseStudyPage.objects.live().get(slug=slug)


def similar_slugs(client, slug):
    soup = BeautifulSoup(client.get(page(slug).url).content, "html.parser")
    section = soup.select_one("section[aria-labelledby=similar]")
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in section.select(".similar-list li > a")]


def test_similar_experiences_never_include_the_page_itself(client, corpus):
    for practice in CaseStudyPage.objects.live():
        answer = run_similar(practice)
        assert answer.backend == corpus.backend
        assert practice.pk not in [hit.id for hit in answer.value]
        assert len(answer.value) <= 4


def test_similar_experiences_share_the_problem_or_its_classification(client, corpus):
    """Hot-spot policing finds hot-spot policing; a disarmament law finds the other disarmament
    programme. On the database backend, similarity is shared classification, ranked by weight."""
    if corpus.backend == "database":
        source = page("bogota-hot-spots-policing-experiment")
        document = build_document(source)
        hits = run_similar(source).value
        weights = []
        for hit in hits:
            other = build_document(CaseStudyPage.objects.get(pk=hit.id))
            weights.append(
                sum(
                    weight * len(set(document[field]) & set(other[field]))
                    for field, weight in SIMILAR_BOOSTS.items()
                )
            )
        assert weights and all(weight > 0 for weight in weights)
        assert weights == sorted(weights, reverse=True)
    else:
        assert "uruguay-pado-hot-spot-policing" in similar_slugs(
            client, "bogota-hot-spots-policing-experiment"
        )
        assert "brazil-disarmament-statute" in similar_slugs(
            client, "argentina-voluntary-disarmament-programme"
        )
        assert "cali-desepaz" in similar_slugs(client, "bogota-security-and-coexistence-programme")


def test_unpublished_practices_never_appear_as_similar(client, corpus):
    source = page("bogota-hot-spots-policing-experiment")
    before = [hit.id for hit in run_similar(source).value]
    assert before
    with transaction.atomic():
        hidden = CaseStudyPage.objects.get(pk=before[0])
        hidden.unpublish()
        after = [hit.id for hit in run_similar(source).value]
        assert hidden.pk not in after
        assert hidden.title not in client.get(source.url).content.decode()
        transaction.set_rollback(True)


def lineage_items(client, practice):
    soup = BeautifulSoup(client.get(practice.url).content, "html.parser")
    items = soup.select("section[aria-labelledby=lineage] .lineage-list > li")
    return [(item.select_one(".lineage__relation").get_text(), item) for item in items]


def test_the_lineage_shows_where_a_practice_came_from_and_where_it_went(client, corpus):
    original = page("bogota-security-and-coexistence-programme")
    adaptation = page("minas-gerais-igesp")
    assert adaptation.adapted_from_id == original.pk

    items = lineage_items(client, adaptation)
    assert [relation for relation, _item in items] == ["Adapted from", "This practice"]
    assert items[0][1].select_one("a")["href"] == original.url
    assert "Evidence" in items[0][1].select_one(".evidence-badge").get_text()

    items = lineage_items(client, original)
    assert [relation for relation, _item in items] == ["This practice", "Adapted as"]
    assert items[1][1].select_one("a")["href"] == adaptation.url

    # A practice with no replications shows no lineage section.
    soup = BeautifulSoup(client.get(page("cali-desepaz").url).content, "html.parser")
    assert soup.select_one("section[aria-labelledby=lineage]") is None


def test_an_unpublished_link_in_the_lineage_is_not_shown(client, corpus):
    with transaction.atomic():
        page("minas-gerais-igesp").unpublish()
        soup = BeautifulSoup(
            client.get(page("bogota-security-and-coexistence-programme").url).content, "html.parser"
        )
        assert soup.select_one("section[aria-labelledby=lineage]") is None
        transaction.set_rollback(True)
