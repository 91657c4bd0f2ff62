from django.utils.functional import SimpleLazyObject

from accounts.roles import can_curate
from reading_lists.models import ReadingList


def curator_lists(request):
    """The reader's own lists, for the "Add to reading list" controls; queried only if a template asks,
    and once however many controls a page shows (one per search result)."""
    user = getattr(request, "user", None)
    curates = SimpleLazyObject(lambda: user is not None and can_curate(user))

    def lists():
        if not curates:
            return []
        return list(ReadingList.objects.filter(owner=user).only("pk", "title").order_by("title"))

    return {
        "my_reading_lists": SimpleLazyObject(lists),
        # Lazy: the groups query runs only where the control is shown, and only the first time.
        "can_curate_lists": curates,
    }
