"""The index follows publishing: publish, unpublish, delete, move and taxonomy edits reach the engine;
rebuild swaps the alias atomically; verify finds and repairs drift; a dead engine falls back."""

import threading

from django.test import override_settings

import pytest

from practices.models import CaseStudyIndexPage, Sector
from search.backends.engine import EngineBackend
from search.engines import forget_engines
from search.indexing import alias_name, current_indices, indexed_fingerprints, rebuild, verify
from tests.factories import CaseStudyPageFactory
from tests.search.conftest import ENGINE_URLS

ENGINES = list(ENGINE_URLS)
pytestmark = pytest.mark.django_db


def found(client, text, **filters):
    data = client.get("/api/search/", {"q": text, **filters}).json()
    return [result["title"] for result in data["results"]]


@pytest.mark.parametrize("search_setup", ENGINES, indirect=True)
def test_publish_unpublish_and_delete_reach_the_index(
    client, search_setup, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = CaseStudyPageFactory(title="Zorzal neighbourhood mediation", summary="Mediators in Zorzal.")
    assert found(client, "Zorzal") == ["Zorzal neighbourhood mediation"]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()  # a draft edit: the index keeps the published version
        page.title = "Zorzal renamed in a draft"
        page.save_revision()
    assert found(client, "Zorzal") == ["Zorzal neighbourhood mediation"]
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert found(client, "Zorzal") == []
    with django_capture_on_commit_callbacks(execute=True):
        page.refresh_from_db()
        page.save_revision().publish()
    assert found(client, "Zorzal") == ["Zorzal renamed in a draft"]
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert found(client, "Zorzal") == []


@pytest.mark.parametrize("search_setup", ENGINES, indirect=True)
def test_renaming_a_taxonomy_term_reindexes_its_practices(
    client, search_setup, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        CaseStudyPageFactory(title="Street lighting programme", sectors=["urban-planning"])
    assert found(client, "placemaking") == []
    with django_capture_on_commit_callbacks(execute=True):
        sector = Sector.objects.get(slug="urban-planning")
        sector.name = "Urban planning and placemaking"
        sector.save()
    assert found(client, "placemaking") == ["Street lighting programme"]
    facet = client.get("/api/search/", {"sector": "urban-planning"}).json()["facets"]["sector"]
    assert {
        "value": "urban-planning",
        "label": "Urban planning and placemaking",
        "count": 1,
        "selected": True,
    } in facet


@pytest.mark.parametrize("search_setup", ENGINES, indirect=True)
def test_moving_a_page_updates_its_url_in_the_index(client, search_setup, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = CaseStudyPageFactory(title="Quebrada youth centres", slug="quebrada-youth-centres")
    index = CaseStudyIndexPage.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        index.slug = "experiences"
        index.save_revision().publish()
        index.move(index.get_parent(), pos="last-child")
    result = client.get("/api/search/", {"q": "Quebrada"}).json()["results"][0]
    assert result["url"].endswith("/experiences/quebrada-youth-centres/"), result["url"]
    assert page.pk == result["id"]


@pytest.mark.parametrize("search_setup", ENGINES, indirect=True)
def test_rebuild_swaps_the_alias_while_searches_keep_answering(search_setup):
    engine = search_setup.engine
    for n in range(12):
        CaseStudyPageFactory(title=f"Programme {n}")
    first = rebuild(engine)
    counts, failures = [], []
    stop = threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                counts.append(engine.call("count", index=alias_name())["count"])
            except Exception as exc:  # noqa: BLE001 — any failure is what this test looks for
                failures.append(exc)

    thread = threading.Thread(target=keep_searching)
    thread.start()
    try:
        second = rebuild(engine)
        third = rebuild(engine)
    finally:
        stop.set()
        thread.join()
    assert failures == []
    assert counts and set(counts) == {12}
    assert current_indices(engine) == [third]
    assert first != second != third
    assert not engine.call("indices.exists", index=first)


@pytest.mark.parametrize("search_setup", ENGINES, indirect=True)
def test_verify_reports_and_repairs_drift(search_setup):
    engine = search_setup.engine
    pages = [CaseStudyPageFactory(title=f"Programme {n}") for n in range(3)]
    rebuild(engine)
    assert verify(engine).clean
    engine.call("delete", index=alias_name(), id=pages[0].pk, refresh=True)
    pages[1].title = "Changed without the signal"
    pages[1].save_revision().publish()  # on_commit never runs in this test: the index goes stale
    drift = verify(engine)
    assert drift.missing == [pages[0].pk] and drift.stale == [pages[1].pk] and not drift.clean
    assert verify(engine, repair=True).missing == [pages[0].pk]
    assert verify(engine).clean
    assert set(indexed_fingerprints(engine)) == {page.pk for page in pages}


@pytest.mark.parametrize("search_setup", ["database"], indirect=True)
def test_a_dead_engine_falls_back_to_the_database_with_a_notice(client, search_setup, caplog):
    CaseStudyPageFactory(title="Alcohol sales curfew")
    with override_settings(SEARCH_URL="http://127.0.0.1:9"):  # the discard port: nothing listens
        forget_engines()
        data = client.get("/api/search/", {"q": "alcohol"}).json()
        page = client.get("/en/search/", {"q": "alcohol"})
    forget_engines()
    assert data["backend"] == "database"
    assert [r["title"] for r in data["results"]] == ["Alcohol sales curfew"]
    assert "unavailable" in data["notice"]
    assert page.status_code == 200
    assert "The search engine is unavailable" in page.content.decode()
    assert "falling back to the database backend" in caplog.text


@pytest.mark.parametrize("search_setup", ENGINES, indirect=True)
def test_the_index_uses_the_analysis_its_engine_supports(search_setup):
    """OpenSearch (with analysis-common) gets language stemming and accent folding; Elasticsearch's
    integ-test-zip lacks that module, so its index falls back to the built-in standard analyser."""
    CaseStudyPageFactory(title="Prevención comunitaria")
    rebuild(search_setup.engine)
    analysis = EngineBackend(search_setup.engine).analysis()
    assert analysis.full is (search_setup.backend == "opensearch")
    assert search_setup.engine.has_full_analysis is analysis.full
    tokens = search_setup.engine.call(
        "indices.analyze", index=alias_name(), body={"field": "title", "text": "Prevención"}
    )["tokens"]
    # Folded on OpenSearch; only lower-cased on Elasticsearch's integ-test-zip.
    assert [t["token"] for t in tokens] == ["prevencion" if analysis.full else "prevención"]
