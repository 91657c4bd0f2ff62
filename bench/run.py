"""The benchmark harness (`make bench`, `make bench-quick`; method and figures in docs/performance.md).

For each corpus size it grows a synthetic corpus in two databases of its own (an SQLite file under
var/bench and the PostgreSQL database practice_exchange_bench), then for each backend (the database
backend on SQLite and on PostgreSQL, OpenSearch and Elasticsearch on PostgreSQL):

1. indexing: a full rebuild and the time from a published edit to a search that finds it;
2. the seeded request mix inside the search layer (p50/p95/p99 per kind of request);
3. the same requests through HTTP, one at a time, against gunicorn under production settings;
4. load: 1, 8 and 32 concurrent clients on a search/page/compare/API mix.

Everything is printed as tables and written to bench-results.json (git-ignored). Every step is a
manage.py command run in a subprocess with the benchmark's own DATABASE_URL and SEARCH_INDEX, so nothing
can reach the developer's database or index.

    python -m bench.run [--sizes 1000,10000,100000] [--quick] [--backends ...] [--out bench-results.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from bench import MIN_SAMPLES
from bench.report import render
from reliability.loadgen import LoadGenerator, fetch, summarise
from reliability.site import BIN, ROOT, DrillError, Installation

WORKDIR = Path(os.environ.get("BENCH_DIR", ROOT / "var" / "bench"))
INDEX = os.environ.get("BENCH_INDEX", "bench-practice-exchange")
PG_DATABASE = os.environ.get("BENCH_POSTGRES_DATABASE", "practice_exchange_bench")
HTTP_PORT = int(os.environ.get("BENCH_HTTP_PORT", "8792"))
BACKENDS = ("database-sqlite", "database-postgresql", "opensearch", "elasticsearch")
# gunicorn serves the site as a deployment does, minus the HTTPS redirect on loopback.
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "knowledgebase.settings.production",
    "SECRET_KEY": "bench-only-" + os.urandom(16).hex(),
    "SECURE_SSL_REDIRECT": "false",
}


class Plan:
    def __init__(self, quick: bool, reuse_index: bool = False):
        self.quick = quick
        self.reuse_index = reuse_index
        self.per_kind = 10 if quick else 20
        self.rounds = 2 if quick else 3
        self.budget = 3 if quick else 45  # seconds per kind of request, once MIN_SAMPLES are in
        self.http_rounds = 1 if quick else 2
        self.load_seconds = 3 if quick else 20
        self.clients = (1, 8, 32)


def postgres_url(database: str) -> str:
    base = os.environ.get(
        "BENCH_POSTGRES_URL", "postgres://practice_exchange:practice_exchange@127.0.0.1:5432"
    )
    return f"{base.rstrip('/')}/{database}"


def engine_url(kind: str) -> str:
    default = {"opensearch": "http://127.0.0.1:9201", "elasticsearch": "http://127.0.0.1:9202"}[kind]
    return os.environ.get(f"SEARCH_URL_{kind.upper()}", default)


def installation(backend: str) -> Installation:
    if backend == "database-sqlite":
        return Installation(WORKDIR, f"sqlite:///{WORKDIR / 'bench.sqlite3'}", "", INDEX)
    search_url = "" if backend == "database-postgresql" else engine_url(backend)
    # The engine must answer within the benchmark's own patience, never by the database fallback.
    return Installation(WORKDIR, postgres_url(PG_DATABASE), search_url, INDEX, SEARCH_TIMEOUT="30")


def fresh_databases(backends: list[str]) -> None:
    WORKDIR.mkdir(parents=True, exist_ok=True)
    if "database-sqlite" in backends:
        (WORKDIR / "bench.sqlite3").unlink(missing_ok=True)
        installation("database-sqlite").manage("migrate", "--noinput")
        installation("database-sqlite").manage("collectstatic", "--noinput", "--verbosity", "0", **PRODUCTION)
    if any(backend != "database-sqlite" for backend in backends):
        admin = Installation(WORKDIR, postgres_url("postgres"))
        drop = f"DROP DATABASE IF EXISTS {PG_DATABASE}"
        create = f"CREATE DATABASE {PG_DATABASE}"
        code = (
            "import psycopg, sys; c = psycopg.connect(sys.argv[1], autocommit=True); "
            f"c.execute('{drop}'); c.execute('{create}')"
        )
        admin.run(str(BIN / "python"), "-c", code, postgres_url("postgres"))
        installation("database-postgresql").manage("migrate", "--noinput")
        installation("database-postgresql").manage(
            "collectstatic", "--noinput", "--verbosity", "0", **PRODUCTION
        )


# A step at 100,000 practices can take an hour on the database backend; the caps are inside the steps.
STEP_TIMEOUT = 4 * 3600


def manage_json(site: Installation, *args: str) -> dict:
    done = site.manage(*args, "--json", timeout=STEP_TIMEOUT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def grow(size: int, backends: list[str], check_tree: bool) -> dict:
    corpus = {}
    args = ["bench_corpus", str(size)] + ([] if check_tree else ["--no-fixtree"])
    if "database-sqlite" in backends:
        corpus["sqlite"] = manage_json(installation("database-sqlite"), *args)
    if any(backend != "database-sqlite" for backend in backends):
        corpus["postgresql"] = manage_json(installation("database-postgresql"), *args)
    return corpus


@contextmanager
def gunicorn(site: Installation):
    env = {**site.env, **PRODUCTION}
    log_path = WORKDIR / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(  # noqa: S603 - this repository's own server command
            [str(BIN / "gunicorn"), "knowledgebase.wsgi:application", "--workers", "2", "--threads", "4"]
            + ["--bind", f"127.0.0.1:{HTTP_PORT}", "--timeout", "35", "--graceful-timeout", "5"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base_url = f"http://127.0.0.1:{HTTP_PORT}"
        try:
            for _ in range(240):
                if fetch(base_url, "/").status == 200:
                    break
                if server.poll() is not None:
                    raise DrillError(f"gunicorn exited; see {log_path}")
                time.sleep(0.5)
            else:
                raise DrillError(f"gunicorn did not start; see {log_path}")
            yield base_url
        finally:
            server.terminate()
            server.wait(30)


def through_http(base_url: str, requests: list[dict], plan: Plan) -> dict:
    """The same requests as inside the search layer, one at a time, as a reader's browser sends them."""
    by_kind: dict[str, list[str]] = {}
    for request in requests:
        by_kind.setdefault(request["kind"], []).append(request["path"])
    results = {}
    for kind, paths in by_kind.items():
        samples = []
        started = time.monotonic()
        for path in paths * plan.http_rounds:
            if len(samples) >= MIN_SAMPLES and time.monotonic() - started > plan.budget:
                break
            samples.append(fetch(base_url, path))
        summary = summarise(samples, time.monotonic() - started)
        results[kind] = {
            key: summary[key] for key in ("requests", "errors", "p50_ms", "p95_ms", "p99_ms", "max_ms")
        }
    return results


def load_mix(requests: list[dict]) -> list[tuple[int, str]]:
    """Search pages weigh most; then case-study pages, the API and the comparison of three practices."""
    searches = [r["path"] for r in requests if r["kind"] in ("text", "text_facets", "facets")]
    pages = [r for r in requests if r["kind"] == "similar"]
    api = ["/api/search/?" + r["path"].split("?", 1)[1] for r in requests if r["kind"] == "text_facets"]
    ids = [str(r["page_id"]) for r in pages]
    compares = [f"/en/compare/?ids={','.join(ids[i : i + 3])}" for i in range(0, len(ids) - 2, 3)]
    return (
        [(4, path) for path in searches]
        + [(3, r["path"]) for r in pages]
        + [(2, path) for path in api]
        + [(2, path) for path in compares]
    )


def under_load(base_url: str, mix: list[tuple[int, str]], plan: Plan) -> dict:
    results = {}
    for clients in plan.clients:
        generator = LoadGenerator(base_url, mix, clients=clients).start()
        started = time.monotonic()
        time.sleep(plan.load_seconds)
        samples = generator.stop()
        row = summarise(samples, time.monotonic() - started)
        search_pages = [s for s in samples if s.path.startswith("/en/search/")]
        row["search_page"] = summarise(search_pages, row["seconds"]) if search_pages else {}
        results[str(clients)] = row
    return results


def bench_backend(backend: str, plan: Plan) -> dict:
    site = installation(backend)
    # --reuse-index measures search on the index an earlier run built; that run holds the rebuild figures.
    result = {} if plan.reuse_index else {"index": manage_json(site, "bench_index")}
    args = ["--per-kind", str(plan.per_kind), "--rounds", str(plan.rounds), "--budget", str(plan.budget)]
    result["search"] = manage_json(site, "bench_search", *args)["kinds"]
    requests = manage_json(site, "bench_search", "--paths", "--per-kind", str(plan.per_kind))["requests"]
    with gunicorn(site) as base_url:
        for request in requests[:: max(1, len(requests) // 16)]:  # warm both workers
            fetch(base_url, request["path"])
        result["http"] = through_http(base_url, requests, plan)
        result["load"] = under_load(base_url, load_mix(requests), plan)
    return result


def machine() -> dict:
    meminfo = Path("/proc/meminfo").read_text().split("\n", 1)[0] if Path("/proc/meminfo").exists() else ""
    return {
        "cpus": os.cpu_count(),
        "memory": " ".join(meminfo.split()[1:]),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--quick", action="store_true", help="Fewer repetitions and shorter load phases.")
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--out", default=str(ROOT / "bench-results.json"))
    parser.add_argument(
        "--keep-databases",
        action="store_true",
        help="Reuse the benchmark databases of an earlier run (already migrated) instead of new ones.",
    )
    parser.add_argument(
        "--no-fixtree",
        action="store_true",
        help="Skip Wagtail's fixtree check after growing the corpus (two queries per page: about 20 "
        "minutes at 100,000); run `manage.py fixtree` on the benchmark database separately.",
    )
    parser.add_argument(
        "--reuse-index",
        action="store_true",
        help="Skip the rebuild and edit timings and search the index (or database index) an earlier "
        "run left; with --keep-databases. `bench.report` merges the two result files.",
    )
    options = parser.parse_args(argv)
    if options.reuse_index and not options.keep_databases:
        parser.error("--reuse-index needs --keep-databases: a fresh database has no index to reuse")
    sizes = [int(size) for size in options.sizes.split(",")]
    backends = [backend for backend in options.backends.split(",") if backend]
    unknown = set(backends) - set(BACKENDS)
    if unknown:
        parser.error(f"unknown backend(s) {sorted(unknown)}; choose from {', '.join(BACKENDS)}")
    plan = Plan(options.quick, options.reuse_index)
    started = time.monotonic()
    results = {"machine": machine(), "plan": vars(plan), "sizes": {}}
    if not options.keep_databases:
        fresh_databases(backends)
    for size in sorted(sizes):
        print(f"[{time.monotonic() - started:7.0f} s] growing the corpus to {size:,} practices", flush=True)
        report = {"corpus": grow(size, backends, check_tree=not options.no_fixtree), "backends": {}}
        results["sizes"][str(size)] = report
        for backend in backends:
            print(f"[{time.monotonic() - started:7.0f} s] {size:,}: {backend}", flush=True)
            report["backends"][backend] = bench_backend(backend, plan)
            Path(options.out).write_text(json.dumps(results, indent=2))
    results["seconds"] = round(time.monotonic() - started, 1)
    Path(options.out).write_text(json.dumps(results, indent=2))
    print(render(results))
    print(f"\nwritten to {options.out} in {results['seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
