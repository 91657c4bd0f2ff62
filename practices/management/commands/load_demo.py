from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from practices.demo import DemoDataError, load_demo


class Command(BaseCommand):
    help = "Load the demo corpus of real practices (idempotent) and, outside production, the demo accounts."

    def handle(self, *args, **options):
        try:
            report = load_demo(with_accounts=settings.ALLOW_DEMO_ACCOUNTS)
        except DemoDataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Demo corpus: {len(report.created)} created, {len(report.updated)} updated.")
        )
        if report.accounts:
            self.stdout.write(f"Demo accounts: {', '.join(report.accounts)} (passwords in the README).")
            self.stdout.write(
                "The editor sets up two-factor authentication at the first visit to /admin/ "
                "(docs/two-factor.md; `manage.py reset_two_factor editor` starts it over)."
            )
            self.stdout.write(f"Demo reading lists by the trainer: {len(report.reading_lists)}.")
        else:
            self.stdout.write("Demo accounts not created: these settings do not allow them.")
