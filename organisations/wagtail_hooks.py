from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from organisations.models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name"]


register_snippet(OrganisationViewSet)
