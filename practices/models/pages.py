from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from practices.blocks import RICH_TEXT_FEATURES, InterventionBlock
from practices.choices import (
    CURRENCIES,
    LAC_COUNTRIES,
    EffectDirection,
    Language,
    PolicyCycleStage,
    Status,
)
from practices.evidence import EVIDENCE_LEVELS, EvidenceStrength, evidence_level
from practices.fields import MultipleChoiceField
from practices.models.inlines import YEAR_VALIDATORS
from practices.models.mixins import InstitutionalChallengesMixin
from practices.pagination import paginate

NON_NEGATIVE = [MinValueValidator(0)]
COUNTRY_NAMES = dict(LAC_COUNTRIES)


class CaseStudyPage(InstitutionalChallengesMixin, Page):
    """A structured case study of one citizen-security practice, as an official would compare it."""

    # Summary
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One plain-text paragraph, at most 600 characters."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    original_language = models.CharField(
        _("original language"), max_length=5, choices=Language.choices, default=Language.SPANISH
    )
    contributing_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("contributing organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    # Context
    problem = RichTextField(_("problem addressed"), features=RICH_TEXT_FEATURES)
    objectives = RichTextField(_("objectives"), features=RICH_TEXT_FEATURES)
    country = models.CharField(_("country"), max_length=2, choices=LAC_COUNTRIES)
    subnational_unit = models.CharField(_("state, department or province"), max_length=120, blank=True)
    city = models.CharField(_("city or municipality"), max_length=120, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    levels_of_government = ParentalManyToManyField(
        "practices.GovernmentLevel", verbose_name=_("levels of government"), related_name="+"
    )
    sectors = ParentalManyToManyField("practices.Sector", verbose_name=_("sectors"), related_name="+")
    policy_areas = ParentalManyToManyField(
        "practices.PolicyArea", verbose_name=_("policy areas"), related_name="+"
    )
    themes = ParentalManyToManyField(
        "practices.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    target_populations = ParentalManyToManyField(
        "practices.TargetPopulation",
        verbose_name=_("target populations"),
        blank=True,
        related_name="+",
    )

    # Intervention
    intervention = StreamField(InterventionBlock(), verbose_name=_("intervention description"))

    # Evidence
    evidence_strength = models.PositiveSmallIntegerField(
        _("evidence strength"),
        choices=EvidenceStrength.choices,
        default=EvidenceStrength.NO_EVALUATION,
        help_text=_("Rate the strongest design among the evaluations below; see the evidence scale page."),
    )
    effect_direction = models.CharField(
        _("effect direction"),
        max_length=20,
        choices=EffectDirection.choices,
        default=EffectDirection.NOT_YET_KNOWN,
    )

    # Implementation
    start_year = models.PositiveSmallIntegerField(_("start year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    ongoing = models.BooleanField(_("ongoing"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    budget_amount = models.DecimalField(
        _("budget"), max_digits=16, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    budget_currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, blank=True)
    budget_year = models.PositiveSmallIntegerField(
        _("budget year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    budget_usd_equivalent = models.DecimalField(
        _("budget in US dollars"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_(
            "Only as a cited source reports it; leave blank otherwise. Not needed when the budget is in USD."
        ),
    )
    cost_per_beneficiary = models.DecimalField(
        _("cost per beneficiary"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
    )
    people_reached = models.PositiveBigIntegerField(_("people reached"), null=True, blank=True)
    scale = models.CharField(
        _("scale"),
        max_length=500,
        blank=True,
        help_text=_("Where and how widely it runs: neighbourhoods, municipalities, population covered."),
    )
    funding_sources = models.CharField(_("funding sources"), max_length=500, blank=True)
    policy_cycle_stages = MultipleChoiceField(
        _("policy-cycle stages documented"), item_choices=PolicyCycleStage.choices
    )
    lessons_learned = RichTextField(_("lessons learned"), features=RICH_TEXT_FEATURES, blank=True)
    adapted_from = models.ForeignKey(
        "practices.CaseStudyPage",
        verbose_name=_("adapted from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        help_text=_("The practice this one replicated or adapted, if it is in the knowledge base."),
    )

    # Sources and contact
    contact_organisation = models.CharField(_("contact organisation"), max_length=255, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)

    parent_page_types = ["practices.CaseStudyIndexPage"]
    subpage_types: list[str] = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("objectives"),
        index.SearchField("intervention"),
        index.SearchField("city"),
        index.FilterField("country"),
        index.FilterField("evidence_strength"),
    ]

    summary_panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldRowPanel([FieldPanel("original_language"), FieldPanel("last_reviewed")]),
        FieldPanel("contributing_organisation"),
    ]
    context_panels = [
        FieldPanel("problem"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldRowPanel([FieldPanel("subnational_unit"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel(name, widget=forms.CheckboxSelectMultiple)
                for name in (
                    "levels_of_government",
                    "sectors",
                    "policy_areas",
                    "themes",
                    "target_populations",
                )
            ],
            heading=_("Classification"),
        ),
    ]
    intervention_panels = [FieldPanel("intervention")]
    evidence_panels = [
        FieldRowPanel([FieldPanel("evidence_strength"), FieldPanel("effect_direction")]),
        InlinePanel("evaluations", heading=_("Evaluations"), label=_("evaluation")),
        *InstitutionalChallengesMixin.challenge_panels,
    ]
    implementation_panels = [
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("ongoing")]),
        FieldPanel("status"),
        InlinePanel("actors", heading=_("Implementing actors"), label=_("actor")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("budget_amount"), FieldPanel("budget_currency"), FieldPanel("budget_year")]
                ),
                FieldRowPanel([FieldPanel("budget_usd_equivalent"), FieldPanel("cost_per_beneficiary")]),
                FieldPanel("funding_sources"),
            ],
            heading=_("Cost"),
        ),
        FieldRowPanel([FieldPanel("people_reached"), FieldPanel("scale")]),
        FieldPanel("policy_cycle_stages"),
        FieldPanel("lessons_learned"),
        FieldPanel("adapted_from"),
    ]
    sources_panels = [
        InlinePanel("sources", heading=_("Sources"), label=_("source"), min_num=1),
        InlinePanel("documents", heading=_("Documents"), label=_("document")),
        MultiFieldPanel(
            [FieldPanel("contact_organisation"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Public contact"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(summary_panels, heading=_("Summary")),
            ObjectList(context_panels, heading=_("Context")),
            ObjectList(intervention_panels, heading=_("Intervention")),
            ObjectList(evidence_panels, heading=_("Evidence")),
            ObjectList(implementation_panels, heading=_("Implementation")),
            ObjectList(sources_panels, heading=_("Sources")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            message = _("Give both latitude and longitude, or neither.")
            errors["latitude" if self.latitude is None else "longitude"] = message
        if self.end_year and self.start_year and self.end_year < self.start_year:
            errors["end_year"] = _("The end year (%(end)s) is before the start year (%(start)s).") % {
                "end": self.end_year,
                "start": self.start_year,
            }
        if self.ongoing and self.end_year:
            errors["ongoing"] = _("An ongoing practice has no end year: clear one of them.")
        if self.budget_amount is not None and not self.budget_currency:
            errors["budget_currency"] = _("Say which currency the budget is in.")
        if self.budget_amount is not None and not self.budget_year:
            errors["budget_year"] = _("Say which year the budget refers to.")
        if self.cost_per_beneficiary is not None and not self.budget_currency:
            errors["budget_currency"] = _("Say which currency the cost per beneficiary is in.")
        if self.adapted_from_id and self.adapted_from_id == self.pk:
            errors["adapted_from"] = _("A practice cannot be adapted from itself.")
        if errors:
            raise ValidationError(errors)

    # Every relation the page's template and its similarity document read: one query each, however
    # many rows (the documents with their files).
    SHOWN_RELATIONS = (
        "levels_of_government",
        "sectors",
        "policy_areas",
        "themes",
        "target_populations",
        "evaluations",
        "actors",
        "sources",
        "documents__document",
    )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documented = set(self.policy_cycle_stages or [])
        context["stages"] = [
            {"label": label, "documented": value in documented} for value, label in PolicyCycleStage.choices
        ]
        # Late imports: these modules import the page models.
        from practices.lineage import lineage
        from search.documents import build_document
        from search.service import run_similar

        similar_to = None
        # Only a page served as published: a preview holds the draft's relations in memory, and
        # its similar experiences are those of the published version, which run_similar looks up.
        if getattr(request, "is_preview", True) is False:
            prefetch_related_objects([self], *self.SHOWN_RELATIONS)
            # Served as published, the page is its own index document: no need to fetch it again.
            similar_to = build_document(self)

        context["lineage"] = lineage(self)
        # Only public lists count: a private or unlisted course says nothing to other readers.
        context["used_in_courses"] = (
            self.reading_list_items.filter(reading_list__visibility="public")
            .values("reading_list")
            .distinct()
            .count()
        )
        context["similar"] = run_similar(self, document=similar_to)
        return context

    @property
    def evidence(self):
        return evidence_level(self.evidence_strength)

    def reading_words(self) -> int:
        """Roughly how many words a reader goes through on this page, for reading-time estimates."""
        texts = [self.summary, self.problem, self.objectives, self.lessons_learned, str(self.intervention)]
        texts.extend(f"{e.outcome_measured} {e.result}" for e in self.evaluations.all())
        return sum(len(strip_tags((text or "").replace("<", " <")).split()) for text in texts)

    @property
    def budget_usd(self):
        """The budget in US dollars when it is known: reported in USD, or converted by a cited source."""
        if self.budget_amount is not None and self.budget_currency == "USD":
            return self.budget_amount
        return self.budget_usd_equivalent

    @property
    def period(self) -> str:
        if self.ongoing:
            return _("%(start)s – ongoing") % {"start": self.start_year}
        if not self.end_year:
            return _("%(start)s – end not reported") % {"start": self.start_year}
        if self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year)

    @property
    def place(self) -> str:
        # A dict lookup: get_country_display() rebuilds a hashable copy of every choice on each call,
        # which costs more than building the rest of a search document.
        parts = [self.city, self.subnational_unit, COUNTRY_NAMES.get(self.country, self.country)]
        return ", ".join(str(part) for part in parts if part)


class CaseStudyIndexPage(Page):
    """The list of all published case studies, paginated."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    SORTS = {
        "newest": ("-first_published_at", _("Newest first")),
        "evidence": ("-evidence_strength", _("Strongest evidence first")),
        "title": ("title", _("Title A–Z")),
    }

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["practices.CaseStudyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("case study index")

    def case_studies(self):
        return (
            CaseStudyPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("hero_image")
            .prefetch_related("levels_of_government", "sectors")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sort = request.GET.get("sort")
        if sort not in self.SORTS:
            sort = "evidence"
        order = self.SORTS[sort][0]
        context["sort"] = sort
        context["sorts"] = [(key, label) for key, (_order, label) in self.SORTS.items()]
        context["case_studies"] = paginate(request, self.case_studies().order_by(order, "title"))
        return context


class EvidenceScalePage(Page):
    """Explains the five-level evidence scale and the effect-direction labels to readers."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = RichTextField(_("further explanation"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("evidence scale page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        counts = dict(
            CaseStudyPage.objects.live()
            .public()
            .values_list("evidence_strength")
            .annotate(n=models.Count("id"))
            .order_by()
        )
        context["levels"] = [(level, counts.get(level.value, 0)) for level in EVIDENCE_LEVELS.values()]
        context["effect_directions"] = EffectDirection.choices
        return context
