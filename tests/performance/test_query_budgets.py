"""Query budgets: each public page costs a fixed number of SQL queries, however many evaluations,
actors, sources, documents, terms, replications, similar practices, results or readings it shows.

Each test renders a page twice, with a few related rows and with many, and asks for the same count;
a loop that queries once per row fails here before it slows the site. The budgets pin the totals on
the database search backend (SEARCH_URL unset), for SQLite and PostgreSQL alike, so that a new
query anywhere is a decision, not an accident. The comparison page has its own check too, in
tests/compare/test_comparison.py."""

import pytest

from reading_lists.models import Item, ReadingList, Section
from tests.factories import CaseStudyPageFactory, ImageFactory, UserFactory

pytestmark = pytest.mark.django_db

# Wagtail routing (the site, then the lookup and specific page at each level: 6) and its view-
# restriction check (2); the page's taxonomies (5), evaluations, actors, sources, documents and their
# files (5); the lineage (restrictions, the replication links, the related practices: 3); the public
# reading lists citing it (1); similar experiences (restrictions, one query per shared taxonomy, their
# evidence, the practices shown with their levels and sectors: 10); the hero image (1); the links to
# the practices index and the evidence scale in the header, footer and evidence section (2).
CASE_STUDY_QUERY_BUDGET = 35
# Labels of the two filtered taxonomies, to check the parameters (2); restrictions and full-text
# ranking (2); a count per facet (ten, with the original language) and the labels of the five
# taxonomy facets (15); the matching ids in order (1); the page of results with their levels and
# sectors (3); the site and the two links (3).
SEARCH_QUERY_BUDGET = 26
# Restrictions, the practices with their organisation, taxonomies, evaluations and actors (9); the
# site and the two links (3).
COMPARISON_QUERY_BUDGET = 12
# The list with its owner, its items with their sections and practices, the practices' evaluations
# (for the reading time), restrictions and which practices are still public (5); its sections (1);
# the site and the two links (3).
READING_LIST_QUERY_BUDGET = 9
# A signed-in reader adds the session, the user, their permissions (2, for the header's review
# queue), their groups (for the "add to reading list" control, once however many it shows) and
# their own reading lists.
SIGNED_IN_QUERIES = 6

FEW = {"sectors": ("policing",), "levels": ("municipal",), "themes": ("homicide",), "populations": ("youth",)}
MANY = {
    "sectors": ("policing", "justice", "health", "education"),
    "levels": ("national", "state-provincial", "municipal"),
    "policy_areas": ("social-prevention", "situational-prevention", "control-policing"),
    "themes": ("homicide", "youth-violence", "gangs", "firearms"),
    "populations": ("youth", "families", "victims"),
}


@pytest.fixture(autouse=True)
def _database_search(settings):
    settings.SEARCH_URL = ""


def few(**kwargs):
    return CaseStudyPageFactory(evaluations=1, actors=1, sources=1, documents=1, **FEW, **kwargs)


def many(**kwargs):
    return CaseStudyPageFactory(evaluations=4, actors=4, sources=4, documents=4, **MANY, **kwargs)


def warm(client, *urls):
    """The first request fills the caches every later one reads (site root paths, image renditions)."""
    for url in urls:
        assert client.get(url).status_code == 200


def costs_the_same(client, small_url, large_url, budget, django_assert_max_num_queries):
    with django_assert_max_num_queries(budget) as small:
        assert client.get(small_url).status_code == 200
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        assert client.get(large_url).status_code == 200
    # Equal, not merely no more: fewer would mean the small case skipped something the large one runs.
    assert len(large.captured_queries) == len(small.captured_queries)


@pytest.fixture
def trainer(site_roles):
    return UserFactory(roles=["Trainer"])


def cited_by_public_lists(page, count):
    for _ in range(count):
        reading_list = ReadingList.objects.create(
            owner=UserFactory(), title="Curso", visibility=ReadingList.Visibility.PUBLIC
        )
        Item.objects.create(reading_list=reading_list, page=page)


def test_a_case_study_costs_the_same_with_one_or_many_of_everything(
    client, site_tree, django_assert_max_num_queries
):
    # Small: one of each relation, one step of lineage each way, one similar practice, one list.
    origin = few()
    small = few(adapted_from=origin, hero_image=ImageFactory())
    few(adapted_from=small)
    cited_by_public_lists(small, 1)

    # Large: four of each, a three-step ancestry, two generations of adaptations, eight similar
    # practices (more than the four shown), three lists.
    ancestor = None
    for _ in range(3):
        ancestor = many(adapted_from=ancestor)
    large = many(adapted_from=ancestor, hero_image=ImageFactory())
    for _ in range(3):
        child = many(adapted_from=large)
        many(adapted_from=child)
    cited_by_public_lists(large, 3)

    warm(client, small.url, large.url)
    costs_the_same(client, small.url, large.url, CASE_STUDY_QUERY_BUDGET, django_assert_max_num_queries)


def test_a_case_study_costs_a_signed_in_trainer_a_fixed_number_of_queries(
    client, trainer, django_assert_max_num_queries
):
    small = few(hero_image=ImageFactory())
    large = many(hero_image=ImageFactory())
    for _ in range(6):
        many()
    client.force_login(trainer)
    warm(client, small.url, large.url)
    costs_the_same(
        client,
        small.url,
        large.url,
        CASE_STUDY_QUERY_BUDGET + SIGNED_IN_QUERIES,
        django_assert_max_num_queries,
    )


SEARCH_URL = "/en/search/?q=programa&sector=policing&level=municipal"


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "trainer"])
def test_the_search_page_costs_the_same_for_two_results_or_ten(
    client, site_roles, signed_in, django_assert_max_num_queries
):
    few()
    few()
    if signed_in:
        client.force_login(UserFactory(roles=["Trainer"]))
    warm(client, SEARCH_URL)
    budget = SEARCH_QUERY_BUDGET + (SIGNED_IN_QUERIES if signed_in else 0)
    with django_assert_max_num_queries(budget) as two:
        response = client.get(SEARCH_URL)
    assert "2 practices" in response.content.decode()

    for _ in range(8):
        many()
    with django_assert_max_num_queries(len(two.captured_queries)) as ten:
        response = client.get(SEARCH_URL)
    assert "10 practices" in response.content.decode()
    assert len(ten.captured_queries) == len(two.captured_queries)


def test_the_comparison_costs_the_same_for_two_light_practices_or_four_heavy_ones(
    client, site_tree, django_assert_max_num_queries
):
    light = [few(), few()]
    heavy = [many() for _ in range(4)]

    def url(pages):
        return "/en/compare/?ids=" + ",".join(str(page.pk) for page in pages)

    warm(client, url(light), url(heavy))
    costs_the_same(client, url(light), url(heavy), COMPARISON_QUERY_BUDGET, django_assert_max_num_queries)


def reading_list_of(practices):
    """A public list with a section, an outside reading and a practice unpublished since it was added."""
    reading_list = ReadingList.objects.create(
        owner=UserFactory(), title="Curso de prevención", visibility=ReadingList.Visibility.PUBLIC
    )
    section = Section.objects.create(reading_list=reading_list, title="Semana 1", position=0)
    withdrawn = few()
    withdrawn.unpublish()
    pages = [*practices, withdrawn]
    for position, page in enumerate(pages):
        Item.objects.create(
            reading_list=reading_list, page=page, position=position, section=section if position % 2 else None
        )
    Item.objects.create(
        reading_list=reading_list,
        kind=Item.Kind.EXTERNAL,
        external_title="Hot spots policing review",
        external_url="https://example.org/review",
        position=len(pages),
    )
    return reading_list


def test_a_reading_list_costs_the_same_with_two_readings_or_eight(
    client, site_tree, django_assert_max_num_queries
):
    small = reading_list_of([few(), few()]).get_absolute_url()
    large = reading_list_of([many() for _ in range(8)]).get_absolute_url()
    warm(client, small, large)
    costs_the_same(client, small, large, READING_LIST_QUERY_BUDGET, django_assert_max_num_queries)
