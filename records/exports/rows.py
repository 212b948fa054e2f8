"""One row per processing activity with one column per Art. 30(1) item, shared by the XLSX, CSV and PDF exports.

The columns follow the order of Art. 30(1) and the per-activity layout of the CNIL register model and the ICO
controller template: controller, purposes and legal bases, data subjects and data, recipients, transfers,
retention, security measures, then DPIA and management columns.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import RecipientKind, TransferSafeguard
from ..completeness import missing_item_labels, organisation_missing_items
from ..labels import data_category_label, data_subject_label
from ..selectors import activities_for_export

COLUMNS = (
    ("name", gettext_lazy("Processing activity")),
    ("status", gettext_lazy("Status")),
    ("owner", gettext_lazy("Owner")),
    ("controller", gettext_lazy("Art. 30(1)(a) Controller and contact details")),
    ("joint_controller", gettext_lazy("Art. 30(1)(a) Joint controller")),
    ("representative", gettext_lazy("Art. 30(1)(a) EU representative")),
    ("dpo", gettext_lazy("Art. 30(1)(a) Data protection officer")),
    ("purposes", gettext_lazy("Art. 30(1)(b) Purposes")),
    ("legal_bases", gettext_lazy("Legal basis per purpose (Art. 6)")),
    ("data_subjects", gettext_lazy("Art. 30(1)(c) Categories of data subjects")),
    ("data_categories", gettext_lazy("Art. 30(1)(c) Categories of personal data")),
    ("special_categories", gettext_lazy("Special categories (Art. 9) or criminal data (Art. 10)")),
    ("processors", gettext_lazy("Art. 30(1)(d) Recipients: processors and sub-processors")),
    ("other_recipients", gettext_lazy("Art. 30(1)(d) Other recipients")),
    ("processor_contracts", gettext_lazy("Link to contract with processor")),
    ("transfer_countries", gettext_lazy("Art. 30(1)(e) Third countries")),
    ("transfer_safeguards", gettext_lazy("Art. 30(1)(e) Safeguards")),
    ("transfer_documentation", gettext_lazy("Art. 30(1)(e) Documentation of safeguards")),
    ("retention", gettext_lazy("Art. 30(1)(f) Retention periods")),
    ("security_measures", gettext_lazy("Art. 30(1)(g) Technical and organisational security measures")),
    ("dpia_required", gettext_lazy("DPIA required")),
    ("dpia_link", gettext_lazy("Link to DPIA")),
    ("next_review", gettext_lazy("Next review")),
    ("updated", gettext_lazy("Last updated")),
    ("missing", gettext_lazy("Missing items")),
)
MISSING = "—"
# Text of an empty Art. 30(1)(a) or (d) cell: joint controller, EU representative and DPO (required only where
# they exist) and recipients other than processors. A blank cell would not show whether the item was checked.
NONE_RECORDED = gettext_lazy("None recorded")


def or_none_recorded(text):
    """Return `text`, or the translated "None recorded" when it is blank."""
    text = (text or "").strip()
    return text or str(NONE_RECORDED)


def _lines(values):
    return "\n".join(value for value in values if value)


def retention_text(row):
    """Return "category (subject): period", leaving out the subject when the category already starts with it."""
    subject = str(row.get_applies_to_display())
    if row.data_category.casefold().startswith(subject.casefold()):
        return f"{row.data_category}: {row.period}"
    return f"{row.data_category} ({subject}): {row.period}"


def controller_text(organisation):
    parts = [organisation.controller_name, organisation.address.strip(), organisation.contact_email]
    if organisation.country:
        parts.insert(2, str(organisation.country.name))
    return _lines(parts)


def dpo_text(organisation):
    """Return the data protection officer as "name (contact)" on one line, or "None recorded"."""
    name, contact = organisation.dpo_name.strip(), organisation.dpo_contact.strip()
    if name and contact:
        return f"{name} ({contact})"
    return or_none_recorded(name or contact)


def activity_row(activity, organisation, organisation_missing=()):
    """Return the export row of `activity`; its child rows must be prefetched."""
    purposes = list(activity.purposes.all())
    data_categories = list(activity.data_categories.all())
    recipients = list(activity.recipients.all())
    transfers = list(activity.transfers.all())
    processors = [row for row in recipients if row.kind in (RecipientKind.PROCESSOR, RecipientKind.SUB_PROCESSOR)]
    others = [row for row in recipients if row not in processors]
    contracts = sorted({row.vendor_use.dpa_url for row in recipients if row.vendor_use_id and row.vendor_use.dpa_url})

    def transfer_safeguard(row):
        if not row.safeguard:
            return _("%(recipient)s: safeguard not identified") % {"recipient": row.recipient}
        text = f"{row.recipient} ({row.country}): {row.get_safeguard_display()}"
        if row.scc_module:
            text += f", {row.get_scc_module_display()}"
        if row.dpf_certified_entity:
            text += ", " + _("relying on the DPF certification of %(entity)s") % {"entity": row.dpf_certified_entity}
        if row.dpf_checked_on:
            text += ", " + _("DPF certification checked on %(date)s") % {"date": row.dpf_checked_on.isoformat()}
        elif row.safeguard == TransferSafeguard.DPF:
            text += ", " + _("DPF certification not checked yet")
        if row.tia_required:
            text += ", " + _("transfer impact assessment needed")
        # The note carries what the safeguard alone does not: who exports in an onward transfer, the clause
        # that covers it, the SCCs kept as a fallback, and the condition under which a sub-processor is used.
        if row.basis_note:
            text += f". {row.basis_note}"
        return text

    def recipient_text(row):
        country = f" ({row.country})" if row.country else ""
        return f"{row.name}{country}: {row.get_kind_display()}"

    missing = missing_item_labels([*organisation_missing, *activity.missing_items])
    return {
        "name": activity.name,
        "status": str(activity.get_status_display()),
        "owner": str(activity.owner or ""),
        "controller": controller_text(organisation),
        "joint_controller": or_none_recorded(activity.joint_controller),
        "representative": or_none_recorded(organisation.eu_representative),
        "dpo": or_none_recorded(_lines([organisation.dpo_name, organisation.dpo_contact])),
        "purposes": _lines(row.purpose for row in purposes),
        "legal_bases": _lines(
            f"{row.purpose}: {row.get_legal_basis_display() if row.legal_basis else _('missing')}" for row in purposes
        ),
        "data_subjects": _lines(data_subject_label(value) for value in activity.data_subject_categories),
        "data_categories": _lines(data_category_label(row.name) for row in data_categories),
        "special_categories": _lines(
            f"{data_category_label(row.name)}: {row.get_special_category_display()}"
            for row in data_categories
            if row.special_category
        )
        # "None" states a fact about the recorded categories; with none recorded there is nothing to state.
        or (_("None") if data_categories else str(NONE_RECORDED)),
        "processors": _lines(recipient_text(row) for row in processors),
        "other_recipients": or_none_recorded(_lines(recipient_text(row) for row in others)),
        "processor_contracts": _lines(contracts),
        "transfer_countries": _lines(sorted({str(row.country.name) for row in transfers})) or _("None outside the EEA"),
        "transfer_safeguards": _lines(transfer_safeguard(row) for row in transfers),
        "transfer_documentation": _lines(sorted({row.documentation_url for row in transfers if row.documentation_url})),
        "retention": _lines(retention_text(row) for row in activity.retention_periods.all()),
        "security_measures": activity.security_measures,
        "dpia_required": _("Yes") if activity.dpia_required else _("No"),
        "dpia_link": activity.dpia_link,
        "next_review": activity.next_review_date.isoformat() if activity.next_review_date else "",
        # The day in the organisation's time zone (TIME_ZONE), as on the pages and in the PDF.
        "updated": timezone.localdate(activity.updated_at).isoformat(),
        "missing": _lines(str(label) for label in missing) or _("None"),
    }


def ropa_rows(organisation):
    """Return the header labels and one row (a list of texts) per activity, incomplete activities first."""
    organisation_missing = organisation_missing_items(organisation)
    rows = []
    for activity in activities_for_export(organisation=organisation):
        row = activity_row(activity, organisation, organisation_missing)
        rows.append([row[key] for key, _label in COLUMNS])
    return [str(label) for _key, label in COLUMNS], rows
