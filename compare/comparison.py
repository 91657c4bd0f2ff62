"""The comparison as aligned rows: one list of values per row, one value per practice. The page,
the CSV and the PDF all read these rows, so the three always agree."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from languages.formatting import money
from practices.choices import ActorType, PolicyCycleStage
from practices.models import CaseStudyPage

NOT_REPORTED = gettext_lazy("Not reported")


@dataclass
class Row:
    key: str  # stable machine name: the CSV column
    label: str
    values: list[list[str]]  # per practice, one or more lines; empty means not reported

    @property
    def differs(self) -> bool:
        return len({tuple(value) for value in self.values}) > 1

    def cells(self) -> list[list[str]]:
        return [value or [str(NOT_REPORTED)] for value in self.values]


@dataclass
class Section:
    key: str
    label: str
    rows: list[Row] = field(default_factory=list)


def _names(related) -> list[str]:
    return [term.label for term in related.all()]


def _money(amount: Decimal | None, currency: str = "") -> list[str]:
    if amount is None:
        return []
    # Whole units for budgets, where cents are noise; cents for small amounts such as a cost per person.
    return [money(amount, currency, whole=amount == amount.to_integral_value() or amount >= 1000)]


def _text(html: str) -> list[str]:
    text = " ".join(strip_tags((html or "").replace("<", " <")).split())
    return [text] if text else []


def _evaluations(page: CaseStudyPage) -> tuple[list[str], list[str], list[str]]:
    designs, results, sizes = [], [], []
    for evaluation in page.evaluations.all():
        design = f"{evaluation.get_design_display()} ({evaluation.year or _('year not reported')})"
        designs.append(design)
        results.append(
            f"{design}, {evaluation.evaluators}: {evaluation.outcome_measured} — {evaluation.result}"
        )
        if evaluation.effect_size is not None:
            sizes.append(f"{evaluation.effect_size.normalize():f} {evaluation.effect_size_unit}")
    return designs, results, sizes


def _actors(page: CaseStudyPage, actor_type: str) -> list[str]:
    return [
        f"{actor.name} ({actor.get_role_display().lower()})"
        for actor in page.actors.all()
        if actor.actor_type == actor_type
    ]


def build_sections(pages: list[CaseStudyPage]) -> list[Section]:
    def row(key: str, label, value) -> Row:
        return Row(key, str(label), [value(page) for page in pages])

    evaluations = {page.pk: _evaluations(page) for page in pages}
    sections = [
        Section(
            "facts",
            str(_("Key facts")),
            [
                row("country", _("Country"), lambda p: [str(p.get_country_display())]),
                row("place", _("Place"), lambda p: [p.place]),
                row("levels", _("Level of government"), lambda p: _names(p.levels_of_government)),
                row("sectors", _("Sectors"), lambda p: _names(p.sectors)),
                row("policy_areas", _("Policy areas"), lambda p: _names(p.policy_areas)),
                row("themes", _("Themes"), lambda p: _names(p.themes)),
                row("populations", _("Target populations"), lambda p: _names(p.target_populations)),
                row("status", _("Status"), lambda p: [str(p.get_status_display())]),
                row("years", _("Years"), lambda p: [str(p.period)]),
                row("scale", _("Scale"), lambda p: [p.scale] if p.scale else []),
                row(
                    "people_reached",
                    _("People reached"),
                    lambda p: [f"{p.people_reached:,}"] if p.people_reached is not None else [],
                ),
            ],
        ),
        Section(
            "evidence",
            str(_("Evidence")),
            [
                row(
                    "evidence_strength",
                    _("Evidence strength"),
                    lambda p: [f"{p.evidence_strength} · {p.evidence.label}"],
                ),
                row(
                    "effect_direction",
                    _("Effect direction"),
                    lambda p: [str(p.get_effect_direction_display())],
                ),
                row("evaluation_designs", _("Evaluation designs"), lambda p: evaluations[p.pk][0]),
                row("evaluation_results", _("Evaluation results"), lambda p: evaluations[p.pk][1]),
                row("effect_sizes", _("Effect sizes"), lambda p: evaluations[p.pk][2]),
            ],
        ),
        Section(
            "cost",
            str(_("Cost")),
            [
                row(
                    "budget",
                    _("Budget"),
                    lambda p: (
                        [
                            _money(p.budget_amount, p.budget_currency)[0]
                            + f" ({p.budget_year or _('year not reported')})"
                        ]
                        if p.budget_amount is not None
                        else []
                    ),
                ),
                row("budget_usd", _("Budget in US dollars"), lambda p: _money(p.budget_usd, "USD")),
                row(
                    "cost_per_beneficiary",
                    _("Cost per beneficiary"),
                    lambda p: _money(p.cost_per_beneficiary, p.budget_currency),
                ),
                row(
                    "funding_sources",
                    _("Funding sources"),
                    lambda p: [p.funding_sources] if p.funding_sources else [],
                ),
            ],
        ),
        Section(
            "actors",
            str(_("Implementing actors")),
            [
                row(f"actors_{value.replace('-', '_')}", label, lambda p, value=value: _actors(p, value))
                for value, label in ActorType.choices
                if any(actor.actor_type == value for page in pages for actor in page.actors.all())
            ],
        ),
        Section(
            "challenges",
            str(_("The four institutional challenges")),
            [
                row(
                    item["key"],
                    item["label"],
                    lambda p, key=item["key"]: [_rating(p, key)],
                )
                for item in pages[0].challenge_profile()
            ]
            if pages
            else [],
        ),
        Section(
            "cycle",
            str(_("Policy cycle")),
            [
                row(
                    "policy_cycle_stages",
                    _("Stages documented"),
                    lambda p: [
                        str(label)
                        for value, label in PolicyCycleStage.choices
                        if value in (p.policy_cycle_stages or [])
                    ],
                ),
                row("lessons_learned", _("Lessons learned"), lambda p: _text(p.lessons_learned)),
            ],
        ),
    ]
    return [section for section in sections if section.rows]


def _rating(page: CaseStudyPage, key: str) -> str:
    rating = getattr(page, f"{key}_rating")
    if rating is None:
        return str(_("Not rated"))
    return dict(page._meta.get_field(f"{key}_rating").choices)[rating].__str__()


def only_differences(sections: list[Section]) -> list[Section]:
    kept = [
        Section(section.key, section.label, [row for row in section.rows if row.differs])
        for section in sections
    ]
    return [section for section in kept if section.rows]
