"""A contact-centre processing activity whose vendor has DPIA considerations, for the DPIA tests."""

from records.models import (
    ActivityDataCategory,
    ActivityPurpose,
    ActivityRecipient,
    ActivityTransfer,
    ProcessingActivity,
    RetentionPeriod,
    VendorUse,
)
from services.models import DpiaConsideration
from tests.records.factories import us_service


def contact_centre_activity(organisation, owner, *, name="Customer contact centre", slug="callcentre-cloud"):
    """Create a vendor like a cloud contact centre, linked to a new activity of `organisation`; return the activity."""
    service = us_service(
        slug=slug,
        name="Callcentre Cloud" if slug == "callcentre-cloud" else slug,
        screening_large_scale=True,
        screening_innovative_technology=True,
        screening_transfers_outside_eea=True,
        ai_act_implications="Sentiment analysis of callers is an AI system under the AI Act.",
        security_measures=["Encryption at rest", "Role-based access to recordings"],
    )
    considerations = [
        ("Special-category data in recordings", "Callers mention health data in calls.", "risk-source"),
        ("Automated decisions under Art. 22", "Predictive routing can shape how a caller is served.", "threat"),
        ("Access from the United States", "US support teams can reach EU-hosted data.", "risk-source"),
        ("Co-browse screenshots", "Mask sensitive fields during co-browse sessions.", "measure"),
        ("Recordings lost at end of contract", "Export recordings before the contract ends to avoid loss.", "threat"),
        ("AI Act high-risk classification", "Record the AI Act classification of each feature.", "principle"),
    ]
    for position, (title, detail, kind) in enumerate(considerations):
        DpiaConsideration.objects.create(service=service, title=title, detail=detail, kind=kind, position=position)

    vendor_use = VendorUse.objects.create(
        organisation=organisation,
        service=service,
        vendor_name=service.name,
        vendor_legal_entity=service.vendor_legal_entity,
        vendor_country="US",
        status="active",
        vendor_role="processor",
        catalogue_version=service.version,
    )
    activity = ProcessingActivity.objects.create(
        organisation=organisation,
        name=name,
        description="Answering customer calls and chats, with recording.",
        data_subject_categories=["callers", "customers"],
        owner=owner,
    )
    ActivityPurpose.objects.create(
        organisation=organisation, activity=activity, purpose="Answering enquiries", legal_basis="contract"
    )
    ActivityPurpose.objects.create(
        organisation=organisation, activity=activity, purpose="Call recording", legal_basis="consent"
    )
    ActivityDataCategory.objects.create(organisation=organisation, activity=activity, name="voice-recordings")
    ActivityDataCategory.objects.create(
        organisation=organisation, activity=activity, name="special-categories", special_category="art9"
    )
    ActivityRecipient.objects.create(
        organisation=organisation, activity=activity, vendor_use=vendor_use, name=service.name, kind="processor"
    )
    ActivityTransfer.objects.create(
        organisation=organisation,
        activity=activity,
        vendor_use=vendor_use,
        country="US",
        recipient=service.vendor_legal_entity,
        safeguard="dpf",
    )
    RetentionPeriod.objects.create(
        organisation=organisation, activity=activity, data_category="voice-recordings", period="90 days"
    )
    return activity
