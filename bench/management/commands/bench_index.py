import json
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.http import QueryDict

from bench.corpus import NotABenchTarget, ensure_bench_target
from practices.models import CaseStudyPage
from search.engines import get_engine
from search.indexing import alias_name, rebuild
from search.params import parse
from search.service import run_search

EDITS = 3
EDIT_TIMEOUT = 30


class Command(BaseCommand):
    help = (
        "Benchmark indexing on the configured backend: a full rebuild (practices per second) and the time "
        "from publishing an edit in Wagtail to finding it by search. Benchmark databases only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, as_json, **options):
        try:
            ensure_bench_target()
        except NotABenchTarget as exc:
            raise CommandError(f"Refusing to benchmark: {exc}.") from exc
        engine = get_engine()
        practices = CaseStudyPage.objects.live().public().count()
        started = time.perf_counter()
        if engine:
            rebuild(engine)
        else:
            # The database backend's text index is Wagtail's own (FTS5 or tsvector).
            call_command("update_index", verbosity=0)
        seconds = time.perf_counter() - started
        figures = {
            "backend": engine.kind if engine else f"database-{connection.vendor}",
            "practices": practices,
            "rebuild_seconds": round(seconds, 2),
            "rebuild_per_second": round(practices / seconds, 1),
            "index_bytes": self._index_bytes(engine),
            "database_bytes": self._database_bytes(),
            "edit_to_search_seconds": [round(self._edit_found_after(n), 3) for n in range(EDITS)],
        }
        if as_json:
            self.stdout.write(json.dumps(figures))
        else:
            for key, value in figures.items():
                self.stdout.write(f"{key}: {value}")

    def _edit_found_after(self, number: int) -> float:
        """Publish an edit through Wagtail's publish path, then search until a search finds it."""
        page = CaseStudyPage.objects.live().order_by("pk")[number * 97 % 50].specific
        marker = f"benchedit{int(time.time() * 1000) % 10**9}x{number}"
        page.title = f"{page.title} {marker}"
        query = parse(QueryDict(f"q={marker}")).query
        started = time.perf_counter()
        page.save_revision().publish()
        while time.perf_counter() - started < EDIT_TIMEOUT:
            if run_search(query).total:
                return time.perf_counter() - started
            time.sleep(0.02)
        raise CommandError(f"an edit published {EDIT_TIMEOUT} s ago is still not searchable")

    @staticmethod
    def _index_bytes(engine) -> int | None:
        if not engine:
            return None
        stats = engine.call("indices.stats", index=alias_name(), metric="store")
        return stats["_all"]["primaries"]["store"]["size_in_bytes"]

    @staticmethod
    def _database_bytes() -> int:
        if connection.vendor == "sqlite":
            return Path(connection.settings_dict["NAME"]).stat().st_size
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
