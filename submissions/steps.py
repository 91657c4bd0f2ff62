"""The steps of the guided submission, in order, with their forms and what readers of each step need
to know. The review step shows everything and submits."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from submissions import forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    intro: str
    form: type[forms.StepForm] | None = None
    formsets: dict[str, type] = field(default_factory=dict)
    # Formsets that need at least one row before the case study can be submitted.
    required_formsets: tuple[str, ...] = ()


STEPS = [
    Step(
        "basics",
        _("Basics"),
        _("What the practice is called, where it happened and how it is classified."),
        forms.BasicsForm,
    ),
    Step(
        "context",
        _("Context and problem"),
        _("The situation the practice responded to, and what it set out to change."),
        forms.ContextForm,
    ),
    Step("intervention", _("Intervention"), _("What was actually done."), forms.InterventionForm),
    Step(
        "evidence",
        _("Evidence and evaluations"),
        _(
            "Every evaluation of the practice, with its design and result. You describe the evaluations; an "
            "editor then rates the strength of the evidence on our five-level scale (from “no evaluation "
            "yet” to “several rigorous evaluations”), according to the strongest design. If there was no "
            "evaluation, say so by leaving this empty: that is useful to know too."
        ),
        formsets={"evaluations": forms.EvaluationFormSet},
    ),
    Step(
        "implementation",
        _("Implementation and costs"),
        _(
            "When it ran, who implemented it, what it cost and what was learned. Write “not reported” "
            "rather than estimating a figure no source gives."
        ),
        forms.ImplementationForm,
        formsets={"actors": forms.ActorFormSet},
        required_formsets=("actors",),
    ),
    Step(
        "sources",
        _("Sources"),
        _(
            "The published documents every figure comes from, and a contact for officials who want to "
            "know more."
        ),
        forms.SourcesForm,
        formsets={"sources": forms.SourceFormSet},
        required_formsets=("sources",),
    ),
    Step(
        "media",
        _("Images and documents"),
        _("A photograph of the practice and the reports you can share. Both are optional."),
        forms.MediaForm,
    ),
    Step("review", _("Review and submit"), _("Check everything, then send it to the editors.")),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}
EDITABLE_STEPS = [step for step in STEPS if step.slug != "review"]

# Which step holds each page field, so a problem found on submission points at the right step.
FIELD_STEPS = {
    name: step.slug for step in EDITABLE_STEPS if step.form is not None for name in step.form.base_fields
}
FIELD_STEPS.update({"evaluations": "evidence", "actors": "implementation", "sources": "sources"})

# How the repeatable groups are named to people: the group as a whole (in "add at least one row to …")
# and one of its rows (when the answers are read back).
FORMSET_NAMES = {"evaluations": _("evaluations"), "actors": _("actors"), "sources": _("sources")}
FORMSET_ROW_LABELS = {"evaluations": _("Evaluation"), "actors": _("Actor"), "sources": _("Source")}


def next_step(slug: str) -> Step | None:
    index = [step.slug for step in STEPS].index(slug)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def previous_step(slug: str) -> Step | None:
    index = [step.slug for step in STEPS].index(slug)
    return STEPS[index - 1] if index > 0 else None
