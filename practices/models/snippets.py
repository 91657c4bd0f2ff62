"""Editor-managed taxonomies. Each has a stable slug that filters, URLs and the demo corpus use."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class Taxonomy(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Stable identifier used in URLs and filters; do not change it once in use."),
    )
    description = models.TextField(_("definition"), blank=True)
    # A term is one concept in every language, so that filters, counts and links agree across them;
    # its name and definition are translated in place. English is `name` and `description`.
    name_es = models.CharField(_("name in Spanish"), max_length=100, blank=True)
    name_pt_br = models.CharField(_("name in Portuguese"), max_length=100, blank=True)
    description_es = models.TextField(_("definition in Spanish"), blank=True)
    description_pt_br = models.TextField(_("definition in Portuguese"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("name_es"), FieldPanel("name_pt_br")], heading=_("Name, translated")),
        FieldPanel("description_es"),
        FieldPanel("description_pt_br"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_es"),
        index.SearchField("name_pt_br"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.label

    def _in_language(self, field: str) -> str:
        """The field in the reader's language, or the English one where no translation is recorded."""
        suffix = (get_language() or "en").replace("-", "_")
        return getattr(self, f"{field}_{suffix}", "") or getattr(self, field)

    @property
    def label(self) -> str:
        return self._in_language("name")

    @property
    def definition(self) -> str:
        return self._in_language("description")

    def all_names(self) -> list[str]:
        """The name in every language, for search: a Spanish reader types "salud", not "health"."""
        return [name for name in (self.name, self.name_es, self.name_pt_br) if name]


class Sector(Taxonomy):
    """A sector of public action involved in a practice (policing, health, education…)."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class PolicyArea(Taxonomy):
    """Where on the prevention–control spectrum a practice sits."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")


class Theme(Taxonomy):
    """The security problem a practice targets (homicide, youth violence…)."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetPopulation(Taxonomy):
    """Who a practice is meant to reach."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("target population")
        verbose_name_plural = _("target populations")


class GovernmentLevel(Taxonomy):
    """A level of government that runs or co-runs a practice (national … community)."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("level of government")
        verbose_name_plural = _("levels of government")


# The page's taxonomy fields and the snippet each one holds, for code that fills pages from data.
TAXONOMY_FIELDS = {
    "levels_of_government": GovernmentLevel,
    "sectors": Sector,
    "policy_areas": PolicyArea,
    "themes": Theme,
    "target_populations": TargetPopulation,
}
