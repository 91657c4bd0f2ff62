"""Search tests run against every backend: the database always, OpenSearch and Elasticsearch when
their URLs are given (SEARCH_URL_OPENSEARCH, SEARCH_URL_ELASTICSEARCH; .ci/run starts both).
Locally a missing engine skips its tests; in CI (CI=true) it fails them."""

import os
import uuid

from django.db import transaction
from django.test import override_settings

import pytest

from practices.demo import load_demo
from search.engines import EngineError, forget_engines, get_engine
from search.indexing import current_indices, rebuild
from search.suggest import forget_vocabulary

ENGINE_URLS = {
    "opensearch": os.environ.get("SEARCH_URL_OPENSEARCH", ""),
    "elasticsearch": os.environ.get("SEARCH_URL_ELASTICSEARCH", ""),
}
BACKENDS = ["database", *ENGINE_URLS]


def require_engine(name: str) -> str:
    url = ENGINE_URLS[name]
    problem = "" if url else f"SEARCH_URL_{name.upper()} is not set"
    if url:
        try:
            engine = get_engine(url)
            if engine.kind != name:
                problem = f"{url} is {engine.kind}, not {name}"
        except EngineError as exc:
            problem = str(exc)
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required in CI: {problem}")
        pytest.skip(f"{name} not available: {problem}")
    return url


class SearchSetup:
    """Settings for one backend, with a uniquely named index that is deleted afterwards."""

    def __init__(self, backend: str):
        self.backend = backend
        self.url = require_engine(backend) if backend != "database" else ""
        self.index = f"test-px-{uuid.uuid4().hex[:10]}"
        self.override = override_settings(SEARCH_URL=self.url, SEARCH_INDEX=self.index)

    @property
    def engine(self):
        return get_engine(self.url) if self.url else None

    def __enter__(self):
        self.override.enable()
        forget_engines()
        forget_vocabulary()
        return self

    def rebuild(self):
        if self.engine:
            rebuild(self.engine)

    def __exit__(self, *exc):
        if self.engine:
            with override_settings(SEARCH_INDEX=self.index):
                for name in current_indices(self.engine):
                    self.engine.call("indices.delete", index=name, ignore_unavailable=True)
        self.override.disable()
        forget_engines()
        forget_vocabulary()


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request, django_db_setup, django_db_blocker):
    """The demo corpus in the database (rolled back after the module) and, for an engine, in a fresh index."""
    with SearchSetup(request.param) as setup, django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo(with_accounts=False)
            setup.rebuild()
            yield setup
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def search_setup(request, db):
    """For tests that change content: one backend, an empty database corpus, a fresh index."""
    with SearchSetup(request.param) as setup:
        yield setup
