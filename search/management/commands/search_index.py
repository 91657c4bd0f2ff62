import sys

from django.core.management.base import BaseCommand, CommandError

from search.engines import EngineError, get_engine
from search.indexing import alias_name, catch_up, current_indices, rebuild, verify
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = (
        "Manage the search engine's index: rebuild, status, verify [--repair], catch-up (send the "
        "updates queued while the engine was unreachable; safe to run every minute)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "verify", "catch-up"])
        parser.add_argument("--repair", action="store_true", help="with verify: fix the drift found")

    def handle(self, *args, action, repair, **options):
        try:
            engine = get_engine()
        except EngineError as exc:
            raise CommandError(str(exc)) from exc
        if engine is None:
            raise CommandError(
                "No search engine is configured (set SEARCH_URL); the database backend needs no index."
            )
        try:
            getattr(self, action.replace("-", "_"))(engine, repair)
        except EngineError as exc:
            raise CommandError(str(exc)) from exc

    def rebuild(self, engine, repair):
        self.stdout.write(f"Rebuilding {alias_name()} on {engine.kind} {engine.version} at {engine.url}")
        analysis = "full" if engine.has_full_analysis else "basic (no analysis-common module)"
        self.stdout.write(f"Analysis: {analysis}")

        def progress(done, total):
            width = 30
            filled = width * done // total if total else width
            self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
            sys.stdout.flush()

        name = rebuild(engine, progress=progress)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Alias {alias_name()} now points at {name}."))

    def status(self, engine, repair):
        drift = verify(engine, repair=False)
        self.stdout.write(f"Engine: {engine.kind} {engine.version} at {engine.url}")
        self.stdout.write(f"Alias: {alias_name()} → {', '.join(current_indices(engine)) or 'none'}")
        self.stdout.write(f"Database: {drift.database} live case studies; index: {drift.indexed} documents")
        self.stdout.write(f"Queued updates: {PendingIndexUpdate.objects.count()}")

    def verify(self, engine, repair):
        drift = verify(engine, repair=repair)
        self.stdout.write(f"Database: {drift.database}; index: {drift.indexed}")
        for label, ids in (("missing", drift.missing), ("extra", drift.extra), ("stale", drift.stale)):
            self.stdout.write(f"{label}: {len(ids)}{(' ' + str(ids[:20])) if ids else ''}")
        if drift.clean:
            self.stdout.write(self.style.SUCCESS("The index matches the database."))
        elif repair:
            self.stdout.write(self.style.SUCCESS("Repaired."))
        else:
            raise CommandError("The index has drifted from the database; run with --repair.")

    def catch_up(self, engine, repair):
        synced = catch_up(engine)
        self.stdout.write(self.style.SUCCESS(f"Sent {synced} queued update{'s' if synced != 1 else ''}."))
