"""An engine outage costs a delay, never an update: what is published while the engine is unreachable
waits in the database and reaches the index on the next publish or `search_index catch-up`; searches
answer from the database meanwhile, without waiting on the dead engine for every request."""

import logging

from django.core.management import call_command
from django.test import override_settings

import pytest

from search.engines import forget_engines
from search.indexing import indexed_fingerprints, rebuild, verify
from search.models import PendingIndexUpdate
from tests.factories import CaseStudyPageFactory
from tests.search.conftest import ENGINE_URLS

ENGINES = list(ENGINE_URLS)
DEAD_ENGINE = "http://127.0.0.1:9"  # the discard port: nothing listens
pytestmark = pytest.mark.django_db


def found(client, text):
    data = client.get("/api/search/", {"q": text}).json()
    return data["backend"], sorted(result["title"] for result in data["results"])


class EngineDown:
    """Point the site at an address where nothing listens, for the length of a block."""

    def __enter__(self):
        self.override = override_settings(SEARCH_URL=DEAD_ENGINE)
        self.override.enable()
        forget_engines()

    def __exit__(self, *exc):
        self.override.disable()
        forget_engines()


@pytest.mark.parametrize("search_setup", ENGINES, indirect=True)
def test_changes_made_while_the_engine_is_down_are_queued_and_caught_up(
    client, search_setup, django_capture_on_commit_callbacks
):
    kept = CaseStudyPageFactory(title="Quetzal street lighting")
    doomed = CaseStudyPageFactory(title="Quetzal curfew pilot")
    rebuild(search_setup.engine)
    with EngineDown():
        with django_capture_on_commit_callbacks(execute=True):
            added = CaseStudyPageFactory(title="Quetzal youth mentoring")
            kept.title = "Quetzal street lighting, second phase"
            kept.save_revision().publish()
            doomed.unpublish()
        assert PendingIndexUpdate.objects.page_ids() == {added.pk, kept.pk, doomed.pk}
        assert all("did not answer" in row.last_error for row in PendingIndexUpdate.objects.all())
        # Meanwhile the site answers from the database, which already has every change.
        assert found(client, "Quetzal") == (
            "database",
            ["Quetzal street lighting, second phase", "Quetzal youth mentoring"],
        )
    # Back up: the index still has the old state until the queue is sent.
    assert found(client, "Quetzal")[1] == ["Quetzal curfew pilot", "Quetzal street lighting"]
    assert not verify(search_setup.engine).clean
    call_command("search_index", "catch-up")
    assert PendingIndexUpdate.objects.count() == 0
    assert found(client, "Quetzal") == (
        search_setup.backend,
        ["Quetzal street lighting, second phase", "Quetzal youth mentoring"],
    )
    assert verify(search_setup.engine).clean


@pytest.mark.parametrize("search_setup", ENGINES, indirect=True)
def test_the_next_publish_also_sends_what_the_outage_queued(
    client, search_setup, django_capture_on_commit_callbacks
):
    rebuild(search_setup.engine)
    with EngineDown(), django_capture_on_commit_callbacks(execute=True):
        queued = CaseStudyPageFactory(title="Tucan school mediation")
    assert PendingIndexUpdate.objects.page_ids() == {queued.pk}
    with django_capture_on_commit_callbacks(execute=True):
        later = CaseStudyPageFactory(title="Tucan bar closing hours")
    assert PendingIndexUpdate.objects.count() == 0
    assert set(indexed_fingerprints(search_setup.engine)) == {queued.pk, later.pk}
    assert found(client, "Tucan")[1] == ["Tucan bar closing hours", "Tucan school mediation"]


@pytest.mark.parametrize("search_setup", ENGINES, indirect=True)
def test_a_rebuild_settles_the_queue(search_setup, django_capture_on_commit_callbacks):
    with EngineDown(), django_capture_on_commit_callbacks(execute=True):
        page = CaseStudyPageFactory(title="Colibri violence observatory")
    assert PendingIndexUpdate.objects.count() == 1
    rebuild(search_setup.engine)
    assert PendingIndexUpdate.objects.count() == 0
    assert set(indexed_fingerprints(search_setup.engine)) == {page.pk}


@pytest.mark.parametrize("search_setup", ENGINES, indirect=True)
def test_a_queued_page_published_again_during_catch_up_stays_queued(search_setup):
    from django.utils import timezone

    page = CaseStudyPageFactory(title="Jaguar hot spots")
    PendingIndexUpdate.objects.enqueue([page.pk], "refused")
    synced_from = timezone.now()
    PendingIndexUpdate.objects.enqueue([page.pk], "refused again")  # a failure after the sync began
    assert PendingIndexUpdate.objects.settle([page.pk], synced_from) == 0
    assert PendingIndexUpdate.objects.page_ids() == {page.pk}


@pytest.mark.parametrize("search_setup", ["database"], indirect=True)
def test_after_one_failure_the_engine_rests_before_it_is_tried_again(client, search_setup, caplog):
    from search import service

    CaseStudyPageFactory(title="Alcohol sales curfew")
    caplog.set_level(logging.ERROR, logger="search.service")
    with EngineDown(), override_settings(SEARCH_RETRY_SECONDS=60):
        for _ in range(5):
            assert client.get("/api/search/", {"q": "alcohol"}).json()["notice"]
    assert caplog.text.count("falling back to the database backend") == 1
    caplog.clear()
    service._engine_down_until.clear()
    with EngineDown(), override_settings(SEARCH_RETRY_SECONDS=0):
        for _ in range(2):
            data = client.get("/api/search/", {"q": "alcohol"}).json()
            assert data["backend"] == "database" and data["notice"]
    assert caplog.text.count("falling back to the database backend") == 2


@pytest.mark.parametrize("search_setup", ENGINES, indirect=True)
def test_a_recovered_engine_is_used_again_after_the_rest(client, search_setup, caplog):
    from search import service

    CaseStudyPageFactory(title="Guacamaya family support")
    rebuild(search_setup.engine)
    with override_settings(SEARCH_RETRY_SECONDS=60):
        service._engine_down_until[service._breaker_key()] = float("inf")
        assert found(client, "Guacamaya")[0] == "database"
        service._engine_down_until.clear()
        assert found(client, "Guacamaya") == (search_setup.backend, ["Guacamaya family support"])
