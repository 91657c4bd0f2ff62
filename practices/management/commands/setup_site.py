from django.core.management.base import BaseCommand

from practices.models import CaseStudyIndexPage
from practices.roles import ensure_roles
from practices.site_tree import ensure_site_tree


class Command(BaseCommand):
    help = "Create the home, practices and evidence-scale pages and the site's roles, if missing."

    def handle(self, *args, **options):
        home = ensure_site_tree()
        ensure_roles(home, CaseStudyIndexPage.objects.get())
        self.stdout.write(self.style.SUCCESS("Site tree and roles are in place."))
