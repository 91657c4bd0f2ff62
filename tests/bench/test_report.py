"""The report merges result files by corpus size and draws what they hold, and only that."""

import json

from defusedxml import ElementTree

from bench.report import KINDS, growth_svg, merge, render


def _figures(p95: float, index_bytes: int | None = 2_000_000) -> dict:
    timing = {"n": 3, "p50_ms": p95 / 2, "p95_ms": p95, "p99_ms": p95 * 1.2, "max_ms": p95 * 1.3}
    load = {
        "requests": 10,
        "per_second": 2.5,
        "p95_ms": p95 * 3,
        "errors": 0,
        "search_page": {"p95_ms": p95 * 2},
    }
    return {
        "index": {
            "practices": 10,
            "rebuild_seconds": 1.0,
            "rebuild_per_second": 10.0,
            "index_bytes": index_bytes,
            "database_bytes": 9_000_000,
            "edit_to_search_seconds": [0.2, 0.3, 0.25],
        },
        "search": {kind: {**timing, "backends": {}} for kind in KINDS},
        "http": {kind: {**timing, "requests": 3, "errors": 0} for kind in KINDS},
        "load": dict.fromkeys(("1", "8", "32"), load),
    }


def _results(size: int, backends: dict) -> dict:
    corpus = {
        "postgresql": {
            "created": size,
            "total": size,
            "seconds": 1,
            "per_second": size,
            "fixtree": "no problems found",
        }
    }
    return {
        "machine": {"cpus": 2},
        "plan": {"load_seconds": 20},
        "sizes": {str(size): {"corpus": corpus, "backends": backends}},
    }


def test_separate_runs_merge_by_size_and_missing_backends_say_not_run(tmp_path):
    small = tmp_path / "small.json"
    large = tmp_path / "large.json"
    small.write_text(
        json.dumps(
            _results(
                1000, {"opensearch": _figures(20), "database-postgresql": _figures(400, index_bytes=None)}
            )
        )
    )
    large.write_text(json.dumps(_results(100000, {"opensearch": _figures(45)})))
    results = merge([large, small])
    assert list(results["sizes"]) == ["1000", "100000"]
    text = render(results)
    assert "### 100,000 practices" in text and "### 1,000 practices" in text
    assert "| database-postgresql | 400 ms, 9 MB | not run |" in text
    assert "| text_facets | 1.0× | 20.0× |" in text  # relative to OpenSearch at 1,000


def test_a_run_that_reused_the_index_adds_its_timings_to_the_rebuild_of_an_earlier_one(tmp_path):
    rebuilt = tmp_path / "rebuilt.json"
    reused = tmp_path / "reused.json"
    rebuilt.write_text(json.dumps(_results(100000, {"opensearch": _figures(90)})))
    timings = _figures(45)
    del timings["index"]
    reused.write_text(json.dumps(_results(100000, {"opensearch": timings})))
    alone = render(merge([reused]))
    assert "| opensearch | not run |" in alone and "| opensearch | 45 ms |" in alone
    text = render(merge([rebuilt, reused]))
    assert "| opensearch | 1.0 | 10 | 0.20, 0.30, 0.25 | 2 |" in text  # the rebuild of the first run
    assert "| opensearch | 45 ms, 2 MB |" in text  # the timings of the second


def test_the_growth_plot_is_well_formed_svg_with_one_line_per_backend(tmp_path):
    path = tmp_path / "r.json"
    data = _results(1000, {"opensearch": _figures(20), "elasticsearch": _figures(30)})
    data["sizes"]["10000"] = _results(10000, {"opensearch": _figures(60)})["sizes"]["10000"]
    path.write_text(json.dumps(data))
    svg = ElementTree.fromstring(growth_svg(merge([path])))
    lines = svg.findall("{http://www.w3.org/2000/svg}polyline")
    assert len(lines) == 2
    assert [len(line.get("points").split()) for line in lines] == [1, 2]
