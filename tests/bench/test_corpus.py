"""The synthetic corpus: bulk-created pages form a valid Wagtail tree, behave like pages saved one by one,
index and search on every backend, and can never be written into a real site's database."""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import QueryDict

from wagtail.models import Page

import pytest

from bench import corpus as corpus_module
from bench.corpus import SLUG_PREFIX, CorpusBuilder, check_tree
from bench.mix import KINDS, build_mix, measure
from practices.models import CaseStudyIndexPage, CaseStudyPage, Evaluation, Sector
from search.documents import build_document, indexable_pages
from search.params import parse
from search.service import run_search
from tests.search.conftest import BACKENDS, SearchSetup


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(corpus_module, "BATCH_SIZE", 40)


@pytest.fixture
def synthetic(site_tree, small_batches):
    return CorpusBuilder(seed=7).build(100)


@pytest.mark.django_db
def test_bulk_created_pages_form_a_tree_wagtail_finds_sound(synthetic):
    assert synthetic.created == synthetic.total == 100
    assert "No problems found" in check_tree()
    index = CaseStudyIndexPage.objects.get()
    assert index.numchild == 100
    assert CaseStudyPage.objects.live().public().count() == 100
    assert index.get_children().count() == 100
    paths = list(CaseStudyPage.objects.order_by("path").values_list("path", flat=True))
    assert len(set(paths)) == 100 and all(path.startswith(index.path) for path in paths)


@pytest.mark.django_db
def test_growing_the_corpus_appends_after_the_existing_children(synthetic, small_batches):
    CorpusBuilder(seed=8).build(30)
    check_tree()
    assert CaseStudyIndexPage.objects.get().numchild == 130
    assert CaseStudyPage.objects.filter(slug__startswith=SLUG_PREFIX).count() == 130


@pytest.mark.django_db
def test_synthetic_pages_render_publish_and_move_like_real_ones(synthetic, client):
    page = CaseStudyPage.objects.order_by("pk").first()
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.content.decode()
    page.title = "Edited through Wagtail"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live and page.title == "Edited through Wagtail"
    check_tree()
    document = build_document(indexable_pages().get(pk=page.pk))
    assert document["intervention"] and document["problem"] and document["taxonomy_text"]


@pytest.mark.django_db
def test_distributions_are_skewed_like_a_real_registry(synthetic):
    strengths = list(CaseStudyPage.objects.values_list("evidence_strength", flat=True))
    assert strengths.count(1) > strengths.count(5)
    # Practices without an evaluation have no evaluation rows; rated ones have at least one.
    assert not Evaluation.objects.filter(page__evidence_strength=1).exists()
    rated = CaseStudyPage.objects.filter(evidence_strength__gt=1)
    assert all(page.evaluations.exists() for page in rated)
    counts = [
        CaseStudyPage.objects.filter(sectors=sector).count()
        for sector in Sector.objects.order_by("sort_order")
    ]
    assert counts[0] > counts[-1] and sum(counts) >= 100
    languages = set(CaseStudyPage.objects.values_list("original_language", flat=True))
    assert languages == {"es", "pt", "en"}


@pytest.mark.django_db
def test_the_command_refuses_a_database_that_is_not_a_benchmark_one(site_tree):
    with pytest.raises(CommandError, match="not a benchmark database"):
        call_command("bench_corpus", "10", stdout=StringIO())
    assert not CaseStudyPage.objects.exists()


@pytest.mark.django_db
def test_the_command_refuses_a_database_with_real_practices(site_tree, monkeypatch, settings):
    from tests.factories import CaseStudyPageFactory

    CaseStudyPageFactory()
    monkeypatch.setattr(corpus_module, "database_label", lambda: "practice_exchange_bench")
    settings.SEARCH_URL = ""
    with pytest.raises(CommandError, match="real case studies"):
        call_command("bench_corpus", "10", stdout=StringIO())
    assert not CaseStudyPage.objects.filter(slug__startswith=SLUG_PREFIX).exists()


@pytest.mark.django_db
def test_the_command_refuses_an_index_that_is_not_a_benchmark_one(site_tree, monkeypatch, settings):
    monkeypatch.setattr(corpus_module, "database_label", lambda: "practice_exchange_bench")
    settings.SEARCH_URL = "http://127.0.0.1:1"
    settings.SEARCH_INDEX = "practice-exchange"
    with pytest.raises(CommandError, match="not a benchmark index"):
        call_command("bench_corpus", "10", stdout=StringIO())


@pytest.mark.django_db
def test_the_command_grows_a_benchmark_database_and_checks_the_tree(site_tree, monkeypatch, settings):
    monkeypatch.setattr(corpus_module, "database_label", lambda: "practice_exchange_bench")
    settings.SEARCH_URL = ""
    out = StringIO()
    call_command("bench_corpus", "25", "--json", stdout=out)
    assert '"total": 25' in out.getvalue() and "no problems found" in out.getvalue()
    call_command("bench_corpus", "25", "--json", stdout=StringIO())
    assert CaseStudyPage.objects.count() == 25


@pytest.mark.django_db
@pytest.mark.parametrize("backend", BACKENDS)
def test_the_request_mix_runs_on_every_backend(backend, site_tree, small_batches, client):
    CorpusBuilder(seed=11).build(80)
    if backend == "database":
        call_command("update_index", verbosity=0)
    with SearchSetup(backend) as setup:
        setup.rebuild()
        word = Page.objects.type(CaseStudyPage).order_by("pk").first().title.split()[0]
        assert run_search(parse(QueryDict(f"q={word}")).query).total > 0
        requests = build_mix(per_kind=3)
        assert {request.kind for request in requests} == set(KINDS)
        figures = measure(requests, lambda request: request.run(), rounds=1)
        for kind in (
            "text",
            "text_facets",
            "facets",
            "sort_evidence",
            "deep_page",
            "similar",
            "evidence_map",
        ):
            assert figures[kind]["n"] == 3
            assert figures[kind]["backends"] == {backend: 3}, kind
        for request in requests:
            assert client.get(request.path).status_code == 200, request.path
