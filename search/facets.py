"""The facets people filter on: one definition each, shared by both backends, the page and the API."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from practices.choices import LAC_COUNTRIES, EffectDirection, Language, Status
from practices.evidence import EVIDENCE_LEVELS
from practices.models import GovernmentLevel, PolicyArea, Sector, TargetPopulation, Theme


@dataclass(frozen=True)
class Facet:
    name: str  # URL parameter and API key
    label: str
    field: str  # field in the index document
    db_lookup: str  # lookup on CaseStudyPage for the database backend
    values: Callable[[], list[tuple[str, str]]]  # (value, label) in display order


def _taxonomy(model) -> Callable[[], list[tuple[str, str]]]:
    return lambda: [(term.slug, term.label) for term in model.objects.order_by("sort_order", "name")]


def _choices(choices) -> Callable[[], list[tuple[str, str]]]:
    return lambda: [(str(value), str(label)) for value, label in choices]


def _evidence_values() -> list[tuple[str, str]]:
    return [
        (str(level.value), f"{level.value} · {level.label}") for level in reversed(EVIDENCE_LEVELS.values())
    ]


FACETS: list[Facet] = [
    Facet("sector", _("Sector"), "sectors", "sectors__slug", _taxonomy(Sector)),
    Facet(
        "level", _("Level of government"), "levels", "levels_of_government__slug", _taxonomy(GovernmentLevel)
    ),
    Facet("country", _("Country"), "country", "country", _choices(LAC_COUNTRIES)),
    Facet("policy_area", _("Policy area"), "policy_areas", "policy_areas__slug", _taxonomy(PolicyArea)),
    Facet("theme", _("Theme"), "themes", "themes__slug", _taxonomy(Theme)),
    Facet(
        "population",
        _("Target population"),
        "populations",
        "target_populations__slug",
        _taxonomy(TargetPopulation),
    ),
    Facet("evidence", _("Evidence strength"), "evidence", "evidence_strength", _evidence_values),
    Facet("effect", _("Effect direction"), "effect", "effect_direction", _choices(EffectDirection.choices)),
    Facet("status", _("Status"), "status", "status", _choices(Status.choices)),
    # The language the programme documents itself in: a reader who reads only Portuguese can keep to
    # practices whose own sources they can read.
    Facet("language", _("Original language"), "language", "original_language", _choices(Language.choices)),
]
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


def facet_values(facet: Facet, counts: dict[str, int], selected: tuple[str, ...]) -> list:
    """Values with matches, plus every selected value (even at zero) so a choice never disappears."""
    from search.backends.base import FacetValue

    return [
        FacetValue(value=value, label=str(label), count=counts.get(value, 0), selected=value in selected)
        for value, label in facet.values()
        if counts.get(value, 0) > 0 or value in selected
    ]
