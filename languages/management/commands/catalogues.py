from django.conf import settings
from django.core.management import BaseCommand, call_command

from languages.catalogues import ALL, IGNORED, MAKEMESSAGES_OPTIONS


class Command(BaseCommand):
    help = "Extract the interface's strings into locale/*/django.po and compile them (needs GNU gettext)."

    def handle(self, *args, **options):
        call_command("makemessages", locale=ALL, verbosity=options["verbosity"], **MAKEMESSAGES_OPTIONS)
        call_command("compilemessages", locale=ALL, ignore_patterns=IGNORED, verbosity=options["verbosity"])
        self.stdout.write(
            f"Catalogues updated in {settings.BASE_DIR / 'locale'}; "
            "translate the empty entries of es and pt_BR."
        )
