import json

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.corpus import NotABenchTarget, ensure_bench_target
from bench.mix import KINDS, build_mix, measure
from bench.timeouts import cap_statements, send_with_cap
from search.engines import get_engine


class Command(BaseCommand):
    help = (
        "Time the benchmark's seeded request mix inside the search layer on the configured backend "
        "(p50/p95/p99 per kind of request). Benchmark databases only; figures, not assertions."
    )

    def add_arguments(self, parser):
        parser.add_argument("--per-kind", type=int, default=20)
        parser.add_argument("--rounds", type=int, default=3)
        parser.add_argument(
            "--budget", type=float, default=90, help="Seconds per kind before stopping early."
        )
        parser.add_argument("--json", action="store_true", dest="as_json")
        parser.add_argument(
            "--cap", type=float, default=30, help="Give a request up after this many seconds."
        )
        parser.add_argument("--paths", action="store_true", help="Only list the requests' URL paths (JSON).")

    def handle(self, *args, per_kind, rounds, budget, as_json, paths, cap, **options):
        try:
            ensure_bench_target()
        except NotABenchTarget as exc:
            raise CommandError(f"Refusing to benchmark: {exc}.") from exc
        engine = get_engine()
        requests = build_mix(per_kind)
        if paths:
            listed = [{"kind": r.kind, "path": r.path, "page_id": r.page_id} for r in requests]
            self.stdout.write(json.dumps({"requests": listed}))
            return
        cap_statements(cap)
        # Warm connections and caches as a running site has them, with requests that are quick everywhere.
        for request in [r for r in requests if r.kind in ("facets", "autocomplete", "evidence_map")][::5]:
            send_with_cap(request, cap)
        kinds = measure(
            requests, lambda request: send_with_cap(request, cap), rounds=rounds, budget_seconds=budget
        )
        backend = engine.kind if engine else f"database-{connection.vendor}"
        if as_json:
            self.stdout.write(json.dumps({"backend": backend, "kinds": kinds}))
            return
        self.stdout.write(f"backend: {backend}")
        self.stdout.write(f"{'request':<16} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  answered by")
        for kind in KINDS:
            row = kinds[kind]
            self.stdout.write(
                f"{kind:<16} {row['n']:>4} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['p99_ms']:>8}  "
                f"{row['backends'] or '-'}"
            )
