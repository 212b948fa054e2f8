from dpia.choices import FearedEvent, Principle
from dpia.models import Action


def test_draft_fills_context_from_record(dpia, organisation):
    assert dpia.title == "DPIA: Customer contact centre"
    assert "Answering enquiries (Contract (Art. 6(1)(b)))" in dpia.purposes
    assert f"Controller: {organisation.controller_name}" in dpia.stakeholders
    assert "Sub-processor of Callcentre Cloud: Hosting Inc. (US)" in dpia.stakeholders
    assert "Retention of voice-recordings: 90 days" in dpia.data_lifecycle
    assert "United States of America" in dpia.data_lifecycle
    assert dpia.sources["purposes"] == "Record of processing: Customer contact centre"


def test_draft_flags_ai_act(dpia):
    assert "Sentiment analysis of callers" in dpia.ai_act_notes
    assert "AI Act" in dpia.sources["ai_act_notes"]


def test_considerations_land_in_right_sections(dpia):
    risks = {risk.feared_event: risk for risk in dpia.risks.all()}

    access = risks[FearedEvent.ILLEGITIMATE_ACCESS]
    assert "Special-category data in recordings" in access.risk_sources
    assert "Access from the United States" in access.risk_sources
    assert "Automated decisions under Art. 22" in access.threats
    assert "Co-browse screenshots" in access.measures
    assert "Encryption at rest" in access.measures
    assert "Catalogue: Callcentre Cloud, version 1" in access.sources["risk_sources"]

    disappearance = risks[FearedEvent.DISAPPEARANCE]
    assert "Recordings lost at end of contract" in disappearance.threats

    principles = {entry.principle: entry for entry in dpia.principles.all()}
    assert "AI Act high-risk classification" in principles[Principle.LEGAL_BASIS].corrective_measures
    assert "Call recording: Consent (Art. 6(1)(a))" in principles[Principle.LEGAL_BASIS].assessment
    assert "90 days" in principles[Principle.RETENTION].assessment
    assert "no signed DPA recorded yet" in principles[Principle.PROCESSORS].assessment


def test_measures_become_actions(dpia):
    actions = list(Action.objects.filter(dpia=dpia))

    assert [action.measure for action in actions] == ["Co-browse screenshots (Callcentre Cloud)"]
    assert actions[0].source == "Catalogue: Callcentre Cloud, version 1"
    assert actions[0].organisation_id == dpia.organisation_id


def test_draft_has_every_principle_and_three_feared_events(dpia):
    assert dpia.principles.count() == len(Principle)
    assert set(dpia.risks.values_list("feared_event", flat=True)) == {
        FearedEvent.ILLEGITIMATE_ACCESS,
        FearedEvent.UNWANTED_MODIFICATION,
        FearedEvent.DISAPPEARANCE,
    }


def test_validator_defaults_to_activity_owner(dpia, owner):
    assert dpia.validator == owner
