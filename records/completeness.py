"""Completeness of a processing activity: the Art. 30(1) items it still lacks.

Completeness is computed from the activity's own rows and stored on it (`missing_items`, `missing_count`), so
lists can order by it. The controller's details (Art. 30(1)(a)) belong to the organisation and are checked
apart, because they are the same for every activity.
"""

from django.utils.translation import gettext_lazy as _

from .choices import RetentionSubject, TransferSafeguard

MISSING_ITEM_LABELS = {
    "purposes": _("Art. 30(1)(b): purposes of the processing"),
    "legal-basis": _("Legal basis (Art. 6) for every purpose"),
    "data-subjects": _("Art. 30(1)(c): categories of data subjects"),
    "data-categories": _("Art. 30(1)(c): categories of personal data"),
    "recipients": _("Art. 30(1)(d): categories of recipients"),
    "transfer-safeguards": _("Art. 30(1)(e): a safeguard for every transfer"),
    "transfer-documentation": _("Art. 30(1)(e): documentation of transfers relying on a derogation"),
    "transfer-dpf-basis": _(
        "Art. 30(1)(e): a transfer relies on a vendor's DPF certification, but the transfer to that vendor does "
        "not use the DPF"
    ),
    "transfer-dpf-check": _("Art. 30(1)(e): the DPF certification of a US recipient has not been checked"),
    "retention": _("Art. 30(1)(f): retention periods"),
    "retention-data": _(
        "Art. 30(1)(f): retention period for the personal data itself (only cookie lifetimes are recorded)"
    ),
    "security-measures": _("Art. 30(1)(g): technical and organisational security measures"),
    "dpia": _("DPIA required but none drafted or linked (Art. 35)"),
}

ORGANISATION_ITEM_LABELS = {
    "controller-name": _("Art. 30(1)(a): controller name"),
    "controller-contact": _("Art. 30(1)(a): controller contact details (address or e-mail)"),
}


def activity_missing_items(activity):
    """Return the keys of the items `activity` lacks, in Art. 30 order.

    Reads the activity's child rows through their related managers, so prefetch them when checking many.
    """
    missing = []
    purposes = list(activity.purposes.all())
    transfers = list(activity.transfers.all())

    if not purposes:
        missing.append("purposes")
    elif any(not purpose.legal_basis for purpose in purposes):
        missing.append("legal-basis")
    if not activity.data_subject_categories:
        missing.append("data-subjects")
    if not list(activity.data_categories.all()):
        missing.append("data-categories")
    if not list(activity.recipients.all()):
        missing.append("recipients")
    if any(not transfer.safeguard for transfer in transfers):
        missing.append("transfer-safeguards")
    if any(
        transfer.safeguard == TransferSafeguard.DEROGATION and not transfer.documentation_url for transfer in transfers
    ):
        missing.append("transfer-documentation")
    if _dpf_basis_broken(transfers):
        missing.append("transfer-dpf-basis")
    if any(transfer.safeguard == TransferSafeguard.DPF and not transfer.dpf_checked_on for transfer in transfers):
        missing.append("transfer-dpf-check")
    retention_periods = list(activity.retention_periods.all())
    if not retention_periods:
        missing.append("retention")
    elif not any(row.applies_to == RetentionSubject.PERSONAL_DATA for row in retention_periods):
        # The lifetime of cookies on a device does not tell how long the records of personal data are kept.
        missing.append("retention-data")
    if not activity.security_measures.strip():
        missing.append("security-measures")
    # A DPIA kept in the DPIA app (`dpias`, the reverse relation from dpia.Dpia) counts as much as a link to one
    # kept elsewhere.
    if activity.dpia_required and not activity.dpia_link and not activity.dpias.all():
        missing.append("dpia")
    return missing


def _dpf_basis_broken(transfers):
    """Return whether a transfer relies on the DPF certification of a vendor whose own transfer has no DPF."""
    certified = {
        transfer.recipient.casefold() for transfer in transfers if transfer.safeguard == TransferSafeguard.DPF
    }
    return any(
        transfer.safeguard == TransferSafeguard.DPF
        and transfer.dpf_certified_entity
        and transfer.dpf_certified_entity.casefold() not in certified
        for transfer in transfers
    )


def organisation_missing_items(organisation):
    """Return the keys of the controller details (Art. 30(1)(a)) the organisation lacks."""
    missing = []
    if not organisation.controller_name.strip():
        missing.append("controller-name")
    if not (organisation.address.strip() or organisation.contact_email.strip()):
        missing.append("controller-contact")
    return missing


def missing_item_labels(keys):
    """Return the labels of missing item keys, activity and organisation items alike."""
    labels = {**MISSING_ITEM_LABELS, **ORGANISATION_ITEM_LABELS}
    return [labels.get(key, key) for key in keys]
