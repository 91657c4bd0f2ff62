from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from organisations.models import Membership, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name"]


class MembershipViewSet(SnippetViewSet):
    """Editors approve who may submit on an organisation's behalf."""

    model = Membership
    icon = "user"
    list_display = ["user", "organisation", "status", "created_at"]
    list_filter = ["status", "organisation"]
    ordering = ["status", "-created_at"]


class OrganisationsGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, MembershipViewSet)
    menu_icon = "group"
    menu_label = _("Organisations")
    menu_name = "organisations"
    menu_order = 210


register_snippet(OrganisationsGroup)
