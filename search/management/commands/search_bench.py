"""Prints search latency for a fixed mix of requests on the configured backend. Figures, not asserts:
the benchmark harness of record is `make bench`; this is the quick check for one backend."""

import statistics
import time

from django.core.management.base import BaseCommand
from django.http import QueryDict

from practices.models import CaseStudyPage
from search.params import parse
from search.service import run_autocomplete, run_evidence_matrix, run_overview, run_search, run_similar

MIX = [
    "q=violencia+juvenil",
    "q=hot+spots",
    "q=youth+violence&level=municipal&evidence=3&evidence=4&evidence=5",
    "level=municipal&sector=policing",
    "evidence=4&evidence=5&sort=evidence",
    "q=alcohol&sort=newest",
    "q=prevencion+violencia&country=SV&country=HN",
    "",
]


class Command(BaseCommand):
    help = "Measure search latency (p50/p95, ms) for a fixed request mix on the configured backend."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30)

    def handle(self, *args, repeat, **options):
        for raw in MIX[:2]:  # warm caches and connections
            run_search(parse(QueryDict(raw)).query)
        rows, backend = [], ""
        for raw in MIX:
            query = parse(QueryDict(raw)).query
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                results = run_search(query)
                timings.append((time.perf_counter() - started) * 1000)
            backend = results.backend
            rows.append((raw or "(empty query)", results.total, timings))
        started = time.perf_counter()
        for _ in range(repeat):
            run_autocomplete("medell")
        autocomplete = (time.perf_counter() - started) * 1000 / repeat

        self.stdout.write(f"backend: {backend}, {repeat} runs per request")
        self.stdout.write(f"{'request':<68} {'hits':>5} {'p50 ms':>8} {'p95 ms':>8}")
        for raw, total, timings in rows:
            p95 = statistics.quantiles(timings, n=20)[-1]
            self.stdout.write(f"{raw:<68} {total:>5} {statistics.median(timings):>8.1f} {p95:>8.1f}")
        self.stdout.write(f"{'autocomplete medell (mean)':<68} {'':>5} {autocomplete:>8.1f}")

        # The comparison features read the same backend: similar experiences, the map, the dashboard.
        pages = list(CaseStudyPage.objects.live().public().order_by("pk")[:10])
        aggregate_mix = [
            ("similar experiences (10 practices in turn)", lambda i: run_similar(pages[i % len(pages)])),
            ("evidence map policy_area x theme", lambda i: run_evidence_matrix("policy_area", "theme", {})),
            (
                "evidence map sector x population, country=BR,CO",
                lambda i: run_evidence_matrix("sector", "population", {"country": ("BR", "CO")}),
            ),
            ("dashboard overview", lambda i: run_overview({})),
        ]
        for label, action in aggregate_mix if pages else []:
            timings = []
            for i in range(repeat):
                started = time.perf_counter()
                action(i)
                timings.append((time.perf_counter() - started) * 1000)
            p95 = statistics.quantiles(timings, n=20)[-1]
            self.stdout.write(f"{label:<68} {'':>5} {statistics.median(timings):>8.1f} {p95:>8.1f}")
