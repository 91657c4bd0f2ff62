"""The guided submission, one form per step. Every text a contributor types goes through the one
sanitiser (knowledgebase.sanitiser); the page model's own validation runs again on submission."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from knowledgebase.sanitiser import PlainTextField, SanitisedHTMLField
from knowledgebase.uploads import SafeDocumentField, SafeImageField
from practices.choices import (
    CURRENCIES,
    LAC_COUNTRIES,
    ActorRole,
    ActorType,
    EvaluationDesign,
    Language,
    PolicyCycleStage,
    Status,
)
from practices.models import GovernmentLevel, PolicyArea, Sector, TargetPopulation, Theme

YEAR = [MinValueValidator(1950), MaxValueValidator(2100)]
BLANK = [("", "—")]


def taxonomy_field(model, label, help_text, required=True):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=model.objects.order_by("sort_order", "name"),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=required,
        help_text=help_text,
    )


class StepForm(forms.Form):
    """A step's form. As a draft, nothing is required yet; to continue, the step must be complete."""

    def __init__(self, *args, draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.use_required_attribute = False
        if draft:
            for field in self.fields.values():
                field.required = False


class BasicsForm(StepForm):
    title = PlainTextField(
        label=_("Name of the practice"),
        max_length=255,
        help_text=_("Its official name, followed by an English translation in brackets if it has one."),
    )
    summary = PlainTextField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One paragraph, at most 600 characters: what was done, where, for whom, with what result."
        ),
    )
    organisation = forms.ModelChoiceField(
        label=_("Submitted on behalf of"),
        queryset=None,
        help_text=_("One of your organisations confirmed by an editor."),
    )
    original_language = forms.ChoiceField(label=_("Language you write in"), choices=Language.choices)
    country = forms.ChoiceField(label=_("Country"), choices=BLANK + LAC_COUNTRIES)
    subnational_unit = PlainTextField(
        label=_("State, department or province"), max_length=120, required=False
    )
    city = PlainTextField(label=_("City or municipality"), max_length=120, required=False)
    levels_of_government = taxonomy_field(
        GovernmentLevel, _("Levels of government"), _("Every level that led, funded or ran the practice.")
    )
    sectors = taxonomy_field(Sector, _("Sectors"), _("The sectors whose agencies took part."))
    policy_areas = taxonomy_field(PolicyArea, _("Policy areas"), _("Prevention, control or both."))
    themes = taxonomy_field(Theme, _("Themes"), _("The crimes or problems it addressed."), required=False)
    target_populations = taxonomy_field(
        TargetPopulation, _("Target populations"), _("Who it was meant to reach."), required=False
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class ContextForm(StepForm):
    problem = SanitisedHTMLField(
        label=_("The problem"),
        max_length=20_000,
        help_text=_(
            "What was happening before: figures with their source and year, where, and who was affected. "
            "You may use paragraphs, lists, links, headings and quotes; anything else is removed."
        ),
    )
    objectives = SanitisedHTMLField(
        label=_("Objectives"), max_length=10_000, help_text=_("What the practice set out to change.")
    )


class InterventionForm(StepForm):
    intervention = SanitisedHTMLField(
        label=_("What was done"),
        max_length=40_000,
        help_text=_(
            "The components, how they were delivered, by whom, in what sequence, and what changed "
            "along the way."
        ),
    )


class EvaluationForm(StepForm):
    design = forms.ChoiceField(label=_("Design"), choices=BLANK + EvaluationDesign.choices)
    year = forms.IntegerField(label=_("Year"), validators=YEAR, required=False)
    evaluators = PlainTextField(label=_("Evaluators"), max_length=255)
    outcome_measured = PlainTextField(label=_("Outcome measured"), max_length=255)
    result = PlainTextField(
        label=_("Result in words"), max_length=2_000, widget=forms.Textarea(attrs={"rows": 3})
    )
    effect_size = forms.DecimalField(label=_("Effect size"), max_digits=10, decimal_places=3, required=False)
    effect_size_unit = PlainTextField(
        label=_("Effect size unit"),
        max_length=100,
        required=False,
        help_text=_("e.g. % change in homicides, standard deviations"),
    )
    link = forms.URLField(label=_("Link or DOI"), max_length=500, required=False, assume_scheme="https")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("effect_size") is not None and not cleaned.get("effect_size_unit"):
            self.add_error("effect_size_unit", _("Say what the effect size measures."))
        return cleaned


class ImplementationForm(StepForm):
    start_year = forms.IntegerField(label=_("Start year"), validators=YEAR)
    end_year = forms.IntegerField(label=_("End year"), validators=YEAR, required=False)
    ongoing = forms.BooleanField(label=_("Still running"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=BLANK + Status.choices)
    budget_amount = forms.DecimalField(
        label=_("Budget"), max_digits=16, decimal_places=2, min_value=0, required=False
    )
    budget_currency = forms.ChoiceField(label=_("Currency"), choices=BLANK + CURRENCIES, required=False)
    budget_year = forms.IntegerField(label=_("Budget year"), validators=YEAR, required=False)
    cost_per_beneficiary = forms.DecimalField(
        label=_("Cost per beneficiary"), max_digits=12, decimal_places=2, min_value=0, required=False
    )
    people_reached = forms.IntegerField(label=_("People reached"), min_value=0, required=False)
    scale = PlainTextField(label=_("Scale"), max_length=500, required=False)
    funding_sources = PlainTextField(label=_("Funding sources"), max_length=500, required=False)
    policy_cycle_stages = forms.MultipleChoiceField(
        label=_("Policy-cycle stages documented"),
        choices=PolicyCycleStage.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    lessons_learned = SanitisedHTMLField(label=_("Lessons learned"), max_length=10_000, required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year is before the start year."))
        if cleaned.get("ongoing") and end:
            self.add_error(
                "ongoing", _("A practice that is still running has no end year: clear one of them.")
            )
        if cleaned.get("budget_amount") is not None and not cleaned.get("budget_currency"):
            self.add_error("budget_currency", _("Say which currency the budget is in."))
        if cleaned.get("budget_amount") is not None and not cleaned.get("budget_year"):
            self.add_error("budget_year", _("Say which year the budget refers to."))
        return cleaned


class ActorForm(StepForm):
    name = PlainTextField(label=_("Name"), max_length=255)
    actor_type = forms.ChoiceField(label=_("Type"), choices=BLANK + ActorType.choices)
    role = forms.ChoiceField(label=_("Role"), choices=BLANK + ActorRole.choices)


class SourcesForm(StepForm):
    contact_organisation = PlainTextField(label=_("Contact organisation"), max_length=255, required=False)
    contact_role = PlainTextField(label=_("Contact role"), max_length=255, required=False)
    contact_email = forms.EmailField(
        label=_("Contact email"),
        required=False,
        help_text=_("Shown on the published page, so that officials can ask about the practice."),
    )


class SourceForm(StepForm):
    title = PlainTextField(label=_("Title"), max_length=500)
    authors = PlainTextField(label=_("Publisher or authors"), max_length=500, required=False)
    year = forms.IntegerField(label=_("Year"), validators=YEAR, required=False)
    url = forms.URLField(label=_("URL"), max_length=500, required=False, assume_scheme="https")


class MediaForm(StepForm):
    hero_image = SafeImageField(
        label=_("Main image"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, at most 10 MB. Location data and other metadata are removed."),
    )
    image_alt = PlainTextField(
        label=_("Describe the image"),
        max_length=255,
        required=False,
        help_text=_("For readers who cannot see it."),
    )
    document = SafeDocumentField(
        label=_("Add a document"),
        required=False,
        help_text=_("PDF only, at most 20 MB: reports, evaluations."),
    )
    document_description = PlainTextField(label=_("What the document is"), max_length=255, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hero_image") and not cleaned.get("image_alt"):
            self.add_error("image_alt", _("Describe the image in a few words."))
        return cleaned


def formset(form, max_num: int):
    return forms.formset_factory(form, extra=1, max_num=max_num, validate_max=True, can_delete=True)


EvaluationFormSet = formset(EvaluationForm, 10)
ActorFormSet = formset(ActorForm, 20)
SourceFormSet = formset(SourceForm, 30)
