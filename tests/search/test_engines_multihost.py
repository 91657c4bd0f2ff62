"""SEARCH_URL may list several nodes of one cluster: the connection probes them in turn and the client
moves past a node that refuses connections, so searches keep answering from the engine."""

from django.db import transaction
from django.test import override_settings

import pytest

from practices.demo import load_demo
from search.backends.base import SearchQuery
from search.engines import Engine, EngineError, forget_engines, get_engine, probe, split_urls
from search.indexing import rebuild
from search.service import run_search
from tests.search.conftest import ENGINE_URLS, SearchSetup

ENGINES = list(ENGINE_URLS)
DEAD_NODE = "http://127.0.0.1:9"  # the discard port: nothing listens
QUERIES = [
    {"text": "violence"},
    {"text": "police", "filters": {"level": ("municipal",)}},
    {"text": "youth"},
    {"filters": {"country": ("BR",)}},
]


def test_split_urls():
    assert split_urls("http://127.0.0.1:9201") == ["http://127.0.0.1:9201"]
    assert split_urls(" http://a:9211, http://b:9212 ,") == ["http://a:9211", "http://b:9212"]
    assert split_urls(",") == []


def test_probe_names_every_node_when_none_answers():
    with pytest.raises(EngineError) as caught:
        probe(f"{DEAD_NODE},http://127.0.0.1:7")
    assert "127.0.0.1:9" in str(caught.value)
    assert "127.0.0.1:7" in str(caught.value)


@pytest.mark.parametrize("kind", ENGINES)
def test_one_url_never_retries_several_try_each_other_node_twice(kind):
    single = Engine(url="http://127.0.0.1:9201", kind=kind, version="").client
    pair = Engine(url="http://127.0.0.1:9211,http://127.0.0.1:9212", kind=kind, version="").client
    if kind == "opensearch":
        assert (single.transport.max_retries, pair.transport.max_retries) == (0, 2)
        assert len(pair.transport.connection_pool.connections) == 2
        assert pair.transport.retry_on_timeout is False
        pool = pair.transport.connection_pool
        assert (pool.dead_timeout, pool.timeout_cutoff) == (1, 0)  # rests of one second, never longer
    else:
        assert (single._max_retries, pair._max_retries) == (0, 2)
        assert len(pair.transport.node_pool.all()) == 2
        assert pair._retry_on_timeout is False
        pool = pair.transport.node_pool
        assert (pool.dead_node_backoff_factor, pool.max_dead_node_backoff) == (1.0, 1.0)


@pytest.fixture(scope="module", params=ENGINES)
def corpus_behind_a_dead_node(request, django_db_setup, django_db_blocker):
    """The demo corpus, indexed through SEARCH_URL="<dead node>,<real engine>"; the expected totals
    come from the real engine alone, then SEARCH_URL names both again."""
    with SearchSetup(request.param) as setup, django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo(with_accounts=False)
            with override_settings(SEARCH_URL=f"{DEAD_NODE},{setup.url}"):
                forget_engines()
                rebuild(get_engine())  # indexing goes past the dead node too
            forget_engines()
            expected = [run_search(SearchQuery(**query)).total for query in QUERIES]
            assert all(expected), f"every query must find something: {expected}"
            with override_settings(SEARCH_URL=f"{DEAD_NODE},{setup.url}"):
                yield setup, expected
        finally:
            forget_engines()
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.mark.django_db
def test_searches_go_past_a_node_that_refuses_connections(corpus_behind_a_dead_node, client):
    setup, expected = corpus_behind_a_dead_node
    # A fresh client each round: requests go round-robin over the nodes, so every round sends at
    # least one request to the dead node before the client marks it down.
    for _round in range(3):
        forget_engines()
        assert get_engine().hosts == [DEAD_NODE, setup.url]
        for query, total in zip(QUERIES, expected, strict=True):
            results = run_search(SearchQuery(**query))
            assert (results.backend, results.total, results.notice) == (setup.backend, total, "")
        data = client.get("/api/search/", {"q": "violence"}).json()
        assert (data["backend"], data["total"]) == (setup.backend, expected[0])
