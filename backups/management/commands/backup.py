import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded media into one directory (docs/backups.md). "
        "The search index is not backed up: it is rebuilt from the database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dest",
            default=os.environ.get("BACKUP_DIR", str(Path(settings.BASE_DIR) / "var" / "backups")),
            help="where to write the backup (default $BACKUP_DIR or ./var/backups)",
        )

    def handle(self, *args, dest, **options):
        try:
            path = create_backup(Path(dest))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
        # The last line is the path alone, for scripts.
        self.stdout.write(str(path))
