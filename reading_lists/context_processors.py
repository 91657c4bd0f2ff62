from django.utils.functional import SimpleLazyObject

from accounts.roles import can_curate
from reading_lists.models import ReadingList


def curator_lists(request):
    """The reader's own lists, for the "Add to reading list" controls; queried only if a template asks."""
    user = getattr(request, "user", None)

    def lists():
        if user is None or not can_curate(user):
            return []
        return list(ReadingList.objects.filter(owner=user).only("pk", "title").order_by("title"))

    return {
        "my_reading_lists": SimpleLazyObject(lists),
        # A callable: templates call it, so the groups query runs only where the control is shown.
        "can_curate_lists": lambda: user is not None and can_curate(user),
    }
