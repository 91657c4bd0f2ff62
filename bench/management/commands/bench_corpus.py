import json

from django.core.management.base import BaseCommand, CommandError

from bench.corpus import CorpusBuilder, NotABenchTarget, check_tree, ensure_bench_target
from practices.models import CaseStudyPage
from practices.site_tree import ensure_site_tree


class Command(BaseCommand):
    help = (
        "Grow a benchmark database's synthetic corpus to SIZE case studies (bulk inserts), then check the "
        "page tree with Wagtail's fixtree. Refuses any database or index whose name lacks 'bench'."
    )

    def add_arguments(self, parser):
        parser.add_argument("size", type=int)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--no-fixtree", action="store_true", help="Skip Wagtail's tree check.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON line for the harness."
        )

    def handle(self, *args, size, seed, as_json, no_fixtree, **options):
        try:
            ensure_bench_target()
        except NotABenchTarget as exc:
            raise CommandError(f"Refusing to write synthetic practices: {exc}.") from exc
        ensure_site_tree()
        existing = CaseStudyPage.objects.count()
        # A grown corpus continues the sequence instead of repeating the first practices.
        builder = CorpusBuilder(seed=seed + existing)
        report = builder.build(
            max(0, size - existing),
            progress=None if as_json else lambda done: self.stdout.write(f"  {existing + done} practices"),
        )
        tree = "not checked"
        if not no_fixtree:
            check_tree()
            tree = "no problems found"
        figures = {
            "created": report.created,
            "total": report.total,
            "seconds": round(report.seconds, 2),
            "per_second": round(report.per_second, 1),
            "fixtree": tree,
        }
        if as_json:
            self.stdout.write(json.dumps(figures))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{report.created} practices created in {report.seconds:.1f} s "
                    f"({report.per_second:.0f}/s); {report.total} in all; fixtree: {tree}."
                )
            )
