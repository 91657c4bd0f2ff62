from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from practices.choices import LAC_COUNTRIES


class Organisation(index.Indexed, models.Model):
    """An organisation that contributes case studies: civil society, government, academia or international."""

    class Kind(models.TextChoices):
        CIVIL_SOCIETY = "civil-society", _("Civil society")
        GOVERNMENT = "government", _("Government")
        ACADEMIA = "academia", _("Academia")
        INTERNATIONAL = "international", _("International organisation")

    name = models.CharField(_("name"), max_length=255, unique=True)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=LAC_COUNTRIES,
        blank=True,
        help_text=_("Leave empty for regional or international organisations."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name
