from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from practices.models import GovernmentLevel, PolicyArea, Sector, TargetPopulation, Theme


def taxonomy_viewset(taxonomy_model, taxonomy_icon):
    return type(
        f"{taxonomy_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": taxonomy_model,
            "icon": taxonomy_icon,
            "list_display": ["name", "slug", "sort_order"],
            "search_fields": ["name"],
            "ordering": ["sort_order", "name"],
        },
    )


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 200
    items = (
        taxonomy_viewset(Sector, "cogs"),
        taxonomy_viewset(PolicyArea, "list-ul"),
        taxonomy_viewset(Theme, "tag"),
        taxonomy_viewset(TargetPopulation, "group"),
        taxonomy_viewset(GovernmentLevel, "site"),
    )


register_snippet(TaxonomyViewSetGroup)
