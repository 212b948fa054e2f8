import pytest

from dpia.choices import Criterion, ScreeningOutcome
from dpia.screening import ActivityFacts, VendorHints, screening_outcome, suggest_criteria


@pytest.mark.parametrize(
    ("met", "national", "expected"),
    [
        (set(), "", ScreeningOutcome.NOT_REQUIRED),
        ({Criterion.LARGE_SCALE}, "", ScreeningOutcome.RECOMMENDED),
        ({Criterion.LARGE_SCALE, Criterion.SENSITIVE_DATA}, "", ScreeningOutcome.REQUIRED),
        ({Criterion.ART35_3C}, "", ScreeningOutcome.REQUIRED),
        (set(), "Large-scale location data", ScreeningOutcome.REQUIRED),
    ],
)
def test_outcome_follows_two_criteria_rule(met, national, expected):
    assert screening_outcome(met_criteria=met, national_list_case=national) == expected


def test_article_35_3_case_alone_is_not_counted_as_criterion():
    outcome = screening_outcome(met_criteria={Criterion.ART35_3A})

    assert outcome == ScreeningOutcome.REQUIRED


def test_contact_centre_hints_suggest_required():
    vendor = VendorHints(
        name="Genesys Cloud",
        ai_or_automated_decisions=True,
        special_category_data=True,
        large_scale=True,
        innovative_technology=True,
        transfers_outside_eea=True,
        transfer_destinations=["US"],
    )

    suggestions = suggest_criteria(vendors=[vendor], facts=ActivityFacts())

    assert Criterion.EVALUATION_SCORING in suggestions.reasons
    assert "sentiment analysis" in suggestions.reasons[Criterion.EVALUATION_SCORING][0]
    assert Criterion.SENSITIVE_DATA in suggestions.reasons
    assert Criterion.LARGE_SCALE in suggestions.reasons
    assert Criterion.ART35_3B in suggestions.reasons
    assert any("US" in factor for factor in suggestions.factors)
    assert screening_outcome(met_criteria=suggestions.reasons) == ScreeningOutcome.REQUIRED


def test_activity_facts_suggest_criteria():
    facts = ActivityFacts(
        special_categories=True,
        personal_data_categories={"location", "identifiers"},
        data_subject_categories={"employees", "customers"},
    )

    suggestions = suggest_criteria(vendors=[], facts=facts)

    assert len(suggestions.reasons[Criterion.SENSITIVE_DATA]) == 2
    assert "location" in suggestions.reasons[Criterion.SENSITIVE_DATA][1]
    assert "employees" in suggestions.reasons[Criterion.VULNERABLE_SUBJECTS][0]
    assert Criterion.LARGE_SCALE not in suggestions.reasons


def test_vendor_without_hints_suggests_nothing():
    suggestions = suggest_criteria(vendors=[VendorHints(name="Fonts")], facts=ActivityFacts())

    assert suggestions.reasons == {}
    assert suggestions.factors == []
