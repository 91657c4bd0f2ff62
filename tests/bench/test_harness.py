"""The harness end to end at a tiny size: its own databases and index, gunicorn, every figure present.
The figures themselves are never asserted (docs/performance.md reports them)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.search.conftest import require_engine

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.bench
def test_the_harness_runs_end_to_end_on_the_database_and_an_engine(tmp_path):
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        pytest.skip("the harness's engine runs use PostgreSQL (DATABASE_URL=postgres://…)")
    engine_url = require_engine("opensearch")
    out = tmp_path / "results.json"
    env = {
        **os.environ,
        "BENCH_DIR": str(tmp_path / "work"),
        "BENCH_POSTGRES_URL": database_url.rsplit("/", 1)[0],
        "BENCH_POSTGRES_DATABASE": "practice_exchange_bench_test",
        "BENCH_INDEX": "bench-harness-test",
        "BENCH_HTTP_PORT": "8793",
        "SEARCH_URL_OPENSEARCH": engine_url,
    }
    env.pop("DATABASE_URL")
    done = subprocess.run(  # noqa: S603 - the repository's own harness
        [sys.executable, "-m", "bench.run", "--sizes", "60,90", "--quick"]
        + ["--backends", "database-sqlite,opensearch", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    results = json.loads(out.read_text())
    assert set(results["sizes"]) == {"60", "90"}
    for size, report in results["sizes"].items():
        assert report["corpus"]["sqlite"]["total"] == int(size)
        assert report["corpus"]["postgresql"]["fixtree"] == "no problems found"
        for backend in ("database-sqlite", "opensearch"):
            figures = report["backends"][backend]
            assert figures["index"]["practices"] == int(size)
            assert max(figures["index"]["edit_to_search_seconds"]) < 30
            answered = {"database" if backend.startswith("database") else backend}
            for kind in ("text", "text_facets", "facets", "deep_page", "similar", "evidence_map"):
                assert figures["search"][kind]["n"] >= 3
                assert set(figures["search"][kind]["backends"]) == answered, (backend, kind)
                assert figures["http"][kind]["errors"] == 0, (backend, kind)
            for clients in ("1", "8", "32"):
                assert figures["load"][clients]["requests"] > 0
                assert figures["load"][clients]["errors"] == 0, (backend, clients)
    assert "search layer, p50 / p95 / p99 ms" in done.stdout
