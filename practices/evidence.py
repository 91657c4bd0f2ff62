"""The evidence scale: one documented five-level scale, mapped to the Maryland Scientific Methods Scale.

Every place that shows or explains evidence strength (badges, the "About the evidence scale" page,
facets) reads from here, so the definitions exist once.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceStrength(models.IntegerChoices):
    NO_EVALUATION = 1, _("No evaluation yet")
    DESCRIPTIVE = 2, _("Before/after or descriptive")
    QUASI_EXPERIMENTAL = 3, _("Quasi-experimental")
    RANDOMISED = 4, _("Randomised controlled trial")
    SEVERAL_RIGOROUS = 5, _("Several rigorous evaluations")


@dataclass(frozen=True)
class EvidenceLevel:
    value: int
    label: str
    definition: str
    maryland: str

    @property
    def slug(self) -> str:
        return f"level-{self.value}"


EVIDENCE_LEVELS = {
    EvidenceStrength.NO_EVALUATION: EvidenceLevel(
        1,
        EvidenceStrength.NO_EVALUATION.label,
        _(
            "The practice has monitoring data (activities delivered, people reached) but no "
            "evaluation of its results yet."
        ),
        _("Below Maryland level 1: no outcome measured."),
    ),
    EvidenceStrength.DESCRIPTIVE: EvidenceLevel(
        2,
        EvidenceStrength.DESCRIPTIVE.label,
        _(
            "Outcomes were measured before and after the practice, or described over time, but "
            "without a comparison group, so other causes cannot be ruled out."
        ),
        _("Maryland levels 1–2: correlation or before/after without a comparison group."),
    ),
    EvidenceStrength.QUASI_EXPERIMENTAL: EvidenceLevel(
        3,
        EvidenceStrength.QUASI_EXPERIMENTAL.label,
        _(
            "Outcomes in the places or people reached were compared with a similar group that was "
            "not reached (for example difference-in-differences or matching)."
        ),
        _("Maryland levels 3–4: comparison group, with or without statistical controls."),
    ),
    EvidenceStrength.RANDOMISED: EvidenceLevel(
        4,
        EvidenceStrength.RANDOMISED.label,
        _(
            "Places or people were assigned to receive the practice at random, and compared with "
            "those that were not."
        ),
        _("Maryland level 5: random assignment."),
    ),
    EvidenceStrength.SEVERAL_RIGOROUS: EvidenceLevel(
        5,
        EvidenceStrength.SEVERAL_RIGOROUS.label,
        _(
            "Two or more independent evaluations with a comparison group or random assignment, or "
            "a systematic review, point to the same conclusion."
        ),
        _("Several studies at Maryland level 3 or above, or a systematic review of them."),
    ),
}


def evidence_level(value: int | None) -> EvidenceLevel | None:
    if value is None:
        return None
    return EVIDENCE_LEVELS.get(EvidenceStrength(value))
