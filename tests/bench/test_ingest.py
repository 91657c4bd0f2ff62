"""The engine-only indexing measurement copies the live index's documents and leaves nothing behind."""

import pytest

from bench.corpus import CorpusBuilder
from bench.ingest import SCRATCH_SUFFIX, measure
from search.engines import EngineError
from search.indexing import alias_name
from tests.search.conftest import ENGINE_URLS, SearchSetup


@pytest.mark.django_db
@pytest.mark.parametrize("backend", list(ENGINE_URLS))
def test_the_engine_indexes_the_built_documents_again_into_a_scratch_index(backend, site_tree):
    CorpusBuilder(seed=5).build(30)
    with SearchSetup(backend) as setup:
        with pytest.raises(EngineError, match="rebuild first"):
            measure(setup.engine, 10)
        setup.rebuild()
        result = measure(setup.engine, 25, senders=2)
        assert result["engine"] == backend
        assert result["documents"] == 25 and result["per_second"] > 0
        assert measure(setup.engine, 100)["documents"] == 30  # no more than the index holds
        scratch = f"{alias_name()}{SCRATCH_SUFFIX}"
        assert not setup.engine.call("indices.exists", index=scratch)
