"""Repeatable parts of a case study, edited inline on its page."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from practices.choices import ActorRole, ActorType, EvaluationDesign

YEAR_VALIDATORS = [MinValueValidator(1950), MaxValueValidator(2100)]


class Evaluation(Orderable):
    page = ParentalKey("practices.CaseStudyPage", on_delete=models.CASCADE, related_name="evaluations")
    design = models.CharField(_("design"), max_length=30, choices=EvaluationDesign.choices)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    evaluators = models.CharField(_("evaluators"), max_length=255)
    outcome_measured = models.CharField(_("outcome measured"), max_length=255)
    result = models.TextField(_("result in words"))
    effect_size = models.DecimalField(
        _("effect size"), max_digits=10, decimal_places=3, null=True, blank=True
    )
    effect_size_unit = models.CharField(
        _("effect size unit"),
        max_length=100,
        blank=True,
        help_text=_("e.g. % change in homicides, standard deviations, incidence rate ratio"),
    )
    link = models.URLField(_("link or DOI"), max_length=500, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("design"), FieldPanel("year")]),
        FieldPanel("evaluators"),
        FieldPanel("outcome_measured"),
        FieldPanel("result"),
        FieldRowPanel([FieldPanel("effect_size"), FieldPanel("effect_size_unit")]),
        FieldPanel("link"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("evaluation")

    def clean(self):
        if self.effect_size is not None and not self.effect_size_unit:
            raise ValidationError({"effect_size_unit": _("Say what the effect size measures.")})

    def __str__(self) -> str:
        return f"{self.get_design_display()} ({self.year or gettext('n.d.')})"


class ImplementingActor(Orderable):
    page = ParentalKey("practices.CaseStudyPage", on_delete=models.CASCADE, related_name="actors")
    name = models.CharField(_("name"), max_length=255)
    actor_type = models.CharField(_("type"), max_length=30, choices=ActorType.choices)
    role = models.CharField(_("role"), max_length=20, choices=ActorRole.choices)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("actor_type"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("implementing actor")

    def __str__(self) -> str:
        return self.name


class Source(Orderable):
    page = ParentalKey("practices.CaseStudyPage", on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=500)
    authors = models.CharField(_("publisher or authors"), max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    url = models.URLField(_("URL"), max_length=500, blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("authors"), FieldPanel("year")]),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("source")

    def __str__(self) -> str:
        return self.title


class CaseStudyDocument(Orderable):
    page = ParentalKey("practices.CaseStudyPage", on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    description = models.CharField(_("description"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
