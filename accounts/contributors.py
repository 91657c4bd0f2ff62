from django.contrib.auth.models import Group

from wagtail.users.models import UserProfile

from practices.roles import CONTRIBUTOR


def make_contributor(user) -> None:
    """Contributors hear about editors' decisions from the submissions app, whose emails link to
    their status page; Wagtail's own decision emails link to the admin, which they cannot open."""
    user.groups.add(Group.objects.get_or_create(name=CONTRIBUTOR)[0])
    profile = UserProfile.get_for_user(user)
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.save()
