from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import two_factor


class Command(BaseCommand):
    help = (
        "Remove a person's two-factor devices (authenticator app and backup codes), for someone who lost "
        "both. Editors and administrators are asked to set it up again at their next visit to the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the account's username or email address")

    def handle(self, *args, username, **options):
        users = get_user_model().objects
        user = users.filter(username=username).first()
        if user is None:
            by_email = list(users.filter(email__iexact=username)[:2])
            if len(by_email) > 1:
                raise CommandError(f"Several accounts use {username!r}: give the username.")
            if not by_email:
                raise CommandError(f"No account with the username or email address {username!r}.")
            user = by_email[0]
        removed = two_factor.reset(user)
        who = user.get_username()
        if not removed:
            self.stdout.write(f"{who} had no two-factor devices.")
            return
        self.stdout.write(self.style.SUCCESS(f"Two-factor authentication reset for {who}."))
        if two_factor.requires_two_factor(user):
            self.stdout.write("They set it up again at their next visit to the admin.")
