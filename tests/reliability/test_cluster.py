"""A two-node OpenSearch cluster (scripts/search-cluster) with one replica of the index keeps answering
searches from the engine, with the right counts, while either node is down, and is green again once
the node is back. The drill itself lives in scripts/drill-cluster, which prints the same figures
outside pytest.

Runs when SEARCH_CLUSTER_URLS names the cluster's nodes (the last line `scripts/search-cluster start`
prints) and the tests run as root (stopping a node needs it); locally it skips otherwise, in CI
(CI=true) it fails."""

import importlib.util
import os
import subprocess
import sys
import uuid
from importlib.machinery import SourceFileLoader
from pathlib import Path

from django.db import connections
from django.test import override_settings

import pytest

from practices.demo import load_demo
from practices.models import CaseStudyPage
from search.engines import EngineError, forget_engines, get_engine, split_urls
from search.indexing import alias_name, current_indices, rebuild
from search.suggest import forget_vocabulary

ROOT = Path(__file__).resolve().parents[2]
CLUSTER_URLS = os.environ.get("SEARCH_CLUSTER_URLS", "")

# The threads search through their own database connections, so the corpus must be committed.
pytestmark = [pytest.mark.cluster, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def load_drill():
    """scripts/drill-cluster, imported as a module (it has no .py suffix: it is a command)."""
    loader = SourceFileLoader("drill_cluster", str(ROOT / "scripts" / "drill-cluster"))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    sys.modules[loader.name] = module  # dataclasses look their module up while the file runs
    loader.exec_module(module)
    return module


drill = load_drill()


@pytest.fixture
def cluster():
    problem = ""
    if not CLUSTER_URLS:
        problem = "SEARCH_CLUSTER_URLS is not set (scripts/search-cluster start prints it)"
    elif os.geteuid() != 0:
        problem = "stopping and starting nodes (scripts/search-cluster) needs root"
    else:
        try:
            kind = get_engine(CLUSTER_URLS).kind
            if kind != "opensearch":
                problem = f"{CLUSTER_URLS} is {kind}, not opensearch"
        except EngineError as exc:
            problem = str(exc)
        forget_engines()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"the cluster drill is required in CI: {problem}")
        pytest.skip(f"no search cluster: {problem}")
    cluster = drill.Cluster(split_urls(CLUSTER_URLS))
    if not cluster.is_green():
        pytest.fail(f"the cluster at {CLUSTER_URLS} is not green with two nodes: {cluster.state()}")
    return cluster


@pytest.fixture
def cluster_index(cluster):
    """The demo corpus in a fresh index with one replica, so each node holds a whole copy."""
    index = f"test-px-cluster-{uuid.uuid4().hex[:10]}"
    with override_settings(SEARCH_URL=CLUSTER_URLS, SEARCH_INDEX=index, SEARCH_INDEX_REPLICAS=1):
        forget_engines()
        forget_vocabulary()
        engine = get_engine()
        try:
            load_demo(with_accounts=False)
            rebuild(engine)
            cluster.wait_green(120)
            yield engine
        finally:
            if not cluster.is_green():  # a drill failed half-way: bring the node back for the next one
                for node in ("1", "2"):
                    subprocess.run([str(drill.SEARCH_CLUSTER), "start-node", node], check=False)  # noqa: S603
            for name in current_indices(engine):
                engine.call("indices.delete", index=name, ignore_unavailable=True)
            forget_engines()
            forget_vocabulary()


def test_searches_answer_from_the_engine_while_either_node_is_down(cluster, cluster_index, capsys):
    shards = cluster_index.call("cat.shards", index=alias_name(), format="json")
    assert sorted((shard["prirep"], shard["state"]) for shard in shards) == [
        ("p", "STARTED"),
        ("r", "STARTED"),
    ]
    assert {shard["node"] for shard in shards} == {"px-node-1", "px-node-2"}

    checks = drill.search_checks("opensearch")
    by_name = {check.name: check for check in checks}
    brazil = CaseStudyPage.objects.live().public().filter(country="BR").count()
    assert by_name["api {'country': 'BR'}"].expected == ("opensearch", brazil)

    results = []
    # Node 2 first, then node 1, the first URL the client knows. Whichever holds the cluster
    # manager's vote hands it over first (stop-node), so neither stop loses the manager.
    for node in (2, 1):
        figures = drill.drill(cluster, checks, node, finish=connections.close_all)
        results.append(figures)
        with capsys.disabled():
            print(f"\n{figures.report()}")
    for figures in results:
        assert figures.errors == 0, figures.problems
        assert figures.during_outage > 0
        assert figures.seconds_to_yellow is not None, "the cluster should drop the stopped node"
    assert cluster.is_green()
