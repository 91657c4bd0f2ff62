from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, check_backup, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: the database and the uploaded media. Checks the "
        "backup first; refuses a database that already has tables unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup directory")
        parser.add_argument("--force", action="store_true", help="replace a database that is not empty")
        parser.add_argument("--check", action="store_true", help="only verify the backup's checksums")

    def handle(self, *args, path, force, check, **options):
        source = Path(path)
        try:
            if check:
                manifest = check_backup(source)
                self.stdout.write(
                    self.style.SUCCESS(f"{source} is intact ({manifest.vendor}, {manifest.created}).")
                )
                return
            manifest = restore_backup(source, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in manifest.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Restored {source} ({manifest.created}): {counts}."))
        if getattr(settings, "SEARCH_URL", ""):
            self.stdout.write("Now rebuild the search index: manage.py search_index rebuild")
