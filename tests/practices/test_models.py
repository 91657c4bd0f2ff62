from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from practices.evidence import EVIDENCE_LEVELS, EvidenceStrength, evidence_level
from practices.models import CaseStudyPage, Evaluation
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db


def errors_of(page: CaseStudyPage) -> dict:
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    return excinfo.value.message_dict


def test_a_valid_case_study_passes_validation():
    page = CaseStudyPageFactory(latitude=Decimal("6.2442"), longitude=Decimal("-75.5812"))
    page.full_clean()
    assert page.place == "Medellín, Antioquia, Colombia"
    assert page.period == "2010 – ongoing"


@pytest.mark.parametrize(
    ("field", "value"),
    [("latitude", Decimal("91")), ("latitude", Decimal("-90.5")), ("longitude", Decimal("181"))],
)
def test_coordinates_out_of_range_are_refused(field, value):
    page = CaseStudyPageFactory(latitude=Decimal("6"), longitude=Decimal("-75"))
    setattr(page, field, value)
    assert field in errors_of(page)


def test_half_a_coordinate_is_refused():
    page = CaseStudyPageFactory()
    page.latitude = Decimal("6.2")
    assert "longitude" in errors_of(page)


def test_end_year_before_start_year_is_refused_with_a_clear_message():
    page = CaseStudyPageFactory(start_year=2012, ongoing=False)
    page.end_year = 2008
    message = errors_of(page)["end_year"][0]
    assert "2008" in message and "2012" in message


def test_ongoing_practice_cannot_have_an_end_year():
    page = CaseStudyPageFactory(start_year=2012, ongoing=True)
    page.end_year = 2015
    assert "ongoing" in errors_of(page)


def test_negative_budget_and_cost_are_refused():
    page = CaseStudyPageFactory()
    page.budget_amount = Decimal("-1")
    page.budget_currency = "USD"
    page.budget_year = 2015
    page.cost_per_beneficiary = Decimal("-5")
    errors = errors_of(page)
    assert "budget_amount" in errors
    assert "cost_per_beneficiary" in errors


def test_budget_needs_currency_and_year():
    page = CaseStudyPageFactory()
    page.budget_amount = Decimal("1000000")
    errors = errors_of(page)
    assert "budget_currency" in errors
    assert "budget_year" in errors


@pytest.mark.parametrize("code", ["US", "ES", "XX", "col"])
def test_unknown_or_non_regional_country_codes_are_refused(code):
    page = CaseStudyPageFactory()
    page.country = code
    assert "country" in errors_of(page)


@pytest.mark.parametrize("rating", [-1, 4, 10])
def test_challenge_ratings_out_of_range_are_refused(rating):
    page = CaseStudyPageFactory()
    page.rigour_rating = rating
    assert "rigour_rating" in errors_of(page)


def test_evidence_strength_out_of_scale_is_refused():
    page = CaseStudyPageFactory()
    page.evidence_strength = 6
    assert "evidence_strength" in errors_of(page)


def test_unknown_policy_cycle_stage_is_refused():
    page = CaseStudyPageFactory()
    page.policy_cycle_stages = ["design", "celebration"]
    assert "celebration" in errors_of(page)["policy_cycle_stages"][0]


def test_a_practice_cannot_be_adapted_from_itself():
    page = CaseStudyPageFactory()
    page.adapted_from = page
    assert "adapted_from" in errors_of(page)


def test_effect_size_needs_a_unit():
    evaluation = Evaluation(
        design="rct", evaluators="Team", outcome_measured="Crime", result="Fell", effect_size=Decimal("-0.2")
    )
    with pytest.raises(ValidationError) as excinfo:
        evaluation.full_clean(exclude=["page"])
    assert "effect_size_unit" in excinfo.value.message_dict


def test_challenge_profile_lists_the_four_challenges_in_order():
    page = CaseStudyPageFactory(rigour_rating=3, rigour_justification="Two independent evaluations.")
    profile = page.challenge_profile()
    assert [item["key"] for item in profile] == [
        "comprehensiveness",
        "multisectoriality",
        "rigour",
        "sustainability",
    ]
    assert profile[2]["rating"] == 3
    assert page.has_challenge_ratings


def test_every_evidence_level_has_a_definition_and_a_maryland_mapping():
    assert set(EVIDENCE_LEVELS) == set(EvidenceStrength)
    for value in EvidenceStrength:
        level = evidence_level(value)
        assert level.value == value
        assert str(level.definition) and str(level.maryland)
    assert evidence_level(None) is None


def test_adaptations_are_linked_both_ways():
    original = CaseStudyPageFactory(title="Fica Vivo")
    copy = CaseStudyPageFactory(title="Adapted programme", adapted_from=original)
    assert list(original.adaptations.all()) == [copy]
