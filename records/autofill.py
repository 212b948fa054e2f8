"""Values the catalogue proposes for a vendor use and its processing activities.

Nothing here writes: the actions call these functions and save the result. `service` is a catalogue
Service whose child rows are best prefetched with CATALOGUE_PREFETCH.
"""

import re
from dataclasses import dataclass, replace

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from .choices import RecipientKind, RetentionSubject, SpecialCategory, TransferSafeguard, VendorRole
from .purposes import purpose_keys_for_categories, purpose_label
from .subprocessor_catalogue import catalogue_listings, dpf_listing_for, name_keys
from .transfers import (
    assess_destination,
    assess_onward_destination,
    condition_note,
    dpf_basis_note,
    is_eea,
    join_notes,
)

CATALOGUE_PREFETCH = ("legal_bases", "subprocessors", "cookies", "checklist_items", "vendor_roles")

# Catalogue safeguard values and the register's values for the same transfer tool.
CATALOGUE_SAFEGUARDS = {
    "scc-2021": TransferSafeguard.SCC,
    "eu-us-dpf": TransferSafeguard.DPF,
    "adequacy": TransferSafeguard.ADEQUACY,
    "bcr": TransferSafeguard.BCR,
    "derogation": TransferSafeguard.DEROGATION,
}
_ARTICLE_PREFIX = re.compile(r"^\s*Art\.\s*6\(1\)\([a-f]\)\s*:\s*", re.IGNORECASE)


def vendor_role_for(service):
    """Return the vendor's role for a customer: processor when the catalogue lists that role, else its first role."""
    roles = [row.role for row in service.vendor_roles.all()]
    if VendorRole.PROCESSOR in roles or not roles:
        return VendorRole.PROCESSOR
    return roles[0]


def vendor_use_values_from_service(service):
    """Return the catalogue-filled fields of a vendor use (see CATALOGUE_FILLED_FIELDS) for `service`."""
    safeguards = []
    for value in service.transfer_safeguards or []:
        mapped = CATALOGUE_SAFEGUARDS.get(value)
        # The DPF covers only certified organisations, whatever else the vendor's documents mention.
        if mapped == TransferSafeguard.DPF and not service.dpf_certified:
            continue
        if mapped and mapped.value not in safeguards:
            safeguards.append(mapped.value)
    return {
        "vendor_name": service.name,
        "vendor_legal_entity": service.vendor_legal_entity,
        "vendor_country": str(service.vendor_country or ""),
        "vendor_website": service.website,
        "vendor_role": vendor_role_for(service),
        "dpa_url": service.dpa_url,
        "purpose_of_use": service.summary,
        "eu_region": (service.eu_regions or [""])[0],
        "transfer_safeguards": safeguards,
    }


def purpose_text(covers):
    """Return the purpose a catalogue legal basis covers, without its leading article reference."""
    return _ARTICLE_PREFIX.sub("", covers or "").strip()[:500]


def purposes_for(service, purpose_key=None):
    """Return (purpose, legal basis) pairs from the catalogue's legal bases that apply to `purpose_key`.

    A legal basis tagged with purposes belongs only to the activities of those purposes; an untagged one applies
    to every purpose of the service. So an activity with a purpose key gets the rows tagged with that key and
    the untagged rows. An activity without a purpose key (created by hand) gets only the untagged rows, because
    the catalogue cannot tell which of the vendor's purposes it serves. A purpose recorded for the wrong
    activity misstates the record, while a missing one stays visible for the DPO to fill in. A service without
    tagged rows therefore gives all its rows in both cases.
    """
    pairs = []
    for row in service.legal_bases.all():
        tags = row.purposes or []
        if tags and purpose_key not in tags:
            continue
        text = purpose_text(row.covers)
        if text:
            pairs.append((text, row.basis))
    return pairs


def purpose_specific_bases(service):
    """Return True when some of the service's legal bases belong only to particular purposes."""
    return any(row.purposes for row in service.legal_bases.all())


def data_categories_for(service):
    """Return (category key, special category flag) pairs of `service`."""
    flags = {"special-categories": SpecialCategory.ART_9, "criminal-data": SpecialCategory.ART_10}
    return [(key, flags.get(key, SpecialCategory.NONE)) for key in service.personal_data_categories or []]


@dataclass(frozen=True)
class RecipientProposal:
    kind: str
    name: str
    country: str
    note: str
    is_vendor: bool


def recipients_for(service, vendor_use):
    """Return the vendor and its sub-processors as recipients."""
    kind = RecipientKind.PROCESSOR if vendor_use.vendor_role == VendorRole.PROCESSOR else RecipientKind.EXTERNAL
    proposals = [
        RecipientProposal(
            kind=kind,
            name=vendor_use.vendor_name,
            country=str(vendor_use.vendor_country or ""),
            note=service.vendor_legal_entity,
            is_vendor=True,
        )
    ]
    for row in service.subprocessors.all():
        note = row.purpose if not row.condition else f"{row.purpose} ({row.condition})"
        proposals.append(
            RecipientProposal(
                kind=RecipientKind.SUB_PROCESSOR,
                name=row.name,
                country=str(row.country),
                note=note[:500],
                is_vendor=False,
            )
        )
    return proposals


@dataclass(frozen=True)
class TransferProposal:
    recipient: str
    assessment: object
    documentation_url: str
    # For a DPF transfer, the organisation whose certification it relies on when that is not the recipient.
    dpf_certified_entity: str = ""


def vendor_country_for(service, vendor_use):
    """Return the country of the vendor's legal entity: the register's value, else the catalogue's."""
    return str(vendor_use.vendor_country or service.vendor_country or "").upper()


def subprocessor_names_to_look_up(service):
    """Return the names of `service`'s US sub-processors, whose own DPF certification the catalogue may record."""
    return [row.name for row in service.subprocessors.all() if str(row.country) == "US"]


def transfers_for(service, vendor_use, *, organisation_is_processor=False, vendor_role=None, listings=None):
    """Return the Chapter V transfers to the vendor and by the vendor to its sub-processors.

    The vendor's own country decides who exports. A vendor outside the EEA (or of unknown country) is an importer
    from the organisation for every catalogue destination, and passes data on under the terms of that
    safeguard. A vendor in the EEA receives no Chapter V transfer: the catalogue destinations are onward
    transfers it makes as exporter. So they are recorded through its sub-processors, plus one row for each
    destination that no listed sub-processor covers. EEA destinations are left out because they are no transfer.

    A DPF transfer gets no check date. Its note states what the catalogue records and requests a check on the DPF
    list. `vendor_role` overrides the vendor use's role, as in a record kept as a processor. Sub-processors are
    looked up in the catalogue in one query unless `listings` (from catalogue_listings()) is given.
    """
    role = vendor_role or vendor_use.vendor_role
    vendor_country = vendor_country_for(service, vendor_use)
    offered = service.transfer_safeguards or []
    documentation_url = service.subprocessors_url or service.dpa_url
    proposals = []

    vendor_assessment = None
    if not is_eea(vendor_country):
        dpf_note = dpf_basis_note(
            name=service.name,
            legal_entity=service.vendor_legal_entity,
            entity_is_us=str(service.vendor_country or "") == "US",
            reviewed_on=service.last_reviewed,
        )
        for country in service.transfer_destinations or []:
            assessment = assess_destination(
                country,
                dpf_certified=service.dpf_certified,
                dpf_note=dpf_note,
                offered_safeguards=offered,
                recipient_role=role,
                organisation_is_processor=organisation_is_processor,
            )
            if assessment.is_transfer:
                proposals.append(TransferProposal(vendor_use.vendor_name, assessment, service.dpa_url))
        if vendor_country:
            vendor_assessment = assess_destination(
                vendor_country,
                dpf_certified=service.dpf_certified,
                dpf_note=dpf_note,
                offered_safeguards=offered,
                recipient_role=role,
                organisation_is_processor=organisation_is_processor,
            )

    if is_eea(vendor_country) and role == VendorRole.INDEPENDENT_CONTROLLER:
        # An independent controller in the EEA receives no transfer, and what it then sends abroad it sends for
        # its own purposes, under its own safeguards: those transfers are not the organisation's to record.
        return proposals

    subprocessors = list(service.subprocessors.all())
    if listings is None:
        listings = catalogue_listings(subprocessor_names_to_look_up(service))
    onward = {
        "vendor_name": vendor_use.vendor_name,
        "vendor_role": role,
        "vendor_country": vendor_country,
        "vendor_assessment": vendor_assessment,
    }
    for row in subprocessors:
        own_dpf_note = _subprocessor_dpf_note(row.name, listings)
        assessment = assess_onward_destination(str(row.country), subprocessor_dpf_note=own_dpf_note, **onward)
        if assessment.is_transfer:
            note = join_notes(assessment.basis_note, condition_note(row.condition))
            # Without a certification of its own, a DPF row relies on the vendor's, which passes the data on.
            relies_on_vendor = assessment.safeguard == TransferSafeguard.DPF and not own_dpf_note
            proposals.append(
                TransferProposal(
                    row.name,
                    replace(assessment, basis_note=note),
                    documentation_url,
                    dpf_certified_entity=vendor_use.vendor_name if relies_on_vendor else "",
                )
            )

    if is_eea(vendor_country):
        covered = {str(row.country).upper() for row in subprocessors}
        for country in service.transfer_destinations or []:
            if country.upper() in covered:
                continue
            assessment = assess_onward_destination(country, **onward)
            if assessment.is_transfer:
                recipient = _("Sub-processors or group companies of %(vendor)s in %(country)s") % {
                    "vendor": vendor_use.vendor_name,
                    "country": countries.name(country.upper()) or country,
                }
                relies_on_vendor = assessment.safeguard == TransferSafeguard.DPF
                proposals.append(
                    TransferProposal(
                        recipient[:200],
                        assessment,
                        documentation_url,
                        dpf_certified_entity=vendor_use.vendor_name if relies_on_vendor else "",
                    )
                )
    return proposals


def _subprocessor_dpf_note(name, listings):
    """Return the DPF note naming the sub-processor `name` itself, and the catalogue entry the fact comes from."""
    listing = dpf_listing_for(name, listings)
    if listing is None:
        return ""
    # Matched through the legal entity behind catalogue entries (Google LLC behind every Google product): the
    # entity is the fact, and naming one of its products would read as a confusion.
    keys = set(name_keys(name))
    matched_by_name = bool(keys & set(name_keys(listing.name)))
    return dpf_basis_note(
        name=name,
        legal_entity=name,
        reviewed_on=listing.last_reviewed,
        catalogue_entry=listing.name if matched_by_name else "",
    )


@dataclass(frozen=True)
class RetentionProposal:
    data_category: str
    period: str
    max_seconds: int | None
    applies_to: str = RetentionSubject.PERSONAL_DATA


def retention_for(service):
    """Return retention periods: one row for the service's cookies (the longest duration) and one for its data.

    The data row exists only when the catalogue documents the vendor's data retention. Without it nothing is
    invented, so the activity lists the retention of the data as missing until the DPO records it.
    """
    proposals = []
    cookies = list(service.cookies.all())
    if cookies:
        lasting = [cookie for cookie in cookies if not cookie.is_session and cookie.duration_seconds is not None]
        session_count = sum(1 for cookie in cookies if cookie.is_session)
        if lasting:
            longest = max(lasting, key=lambda cookie: cookie.duration_seconds)
            if len(cookies) == 1:
                period = _("Up to %(duration)s (%(name)s)") % {"duration": longest.duration_text, "name": str(longest)}
            else:
                period = _("Up to %(duration)s (%(name)s, the longest-lived of %(count)d cookies or similar)") % {
                    "duration": longest.duration_text,
                    "name": str(longest),
                    "count": len(cookies),
                }
            if session_count:
                period += ngettext(
                    "; %(count)d ends with the browser session",
                    "; %(count)d end with the browser session",
                    session_count,
                ) % {"count": session_count}
            proposals.append(
                RetentionProposal(
                    _("Cookies and similar identifiers set by %(vendor)s") % {"vendor": service.name},
                    period[:500],
                    longest.duration_seconds,
                    RetentionSubject.COOKIES,
                )
            )
        else:
            proposals.append(
                RetentionProposal(
                    _("Cookies and similar identifiers set by %(vendor)s") % {"vendor": service.name},
                    _("Until the end of the browser session"),
                    0,
                    RetentionSubject.COOKIES,
                )
            )
    if service.data_retention:
        proposals.append(
            RetentionProposal(
                _("Data held by %(vendor)s") % {"vendor": service.name}, service.data_retention[:500], None
            )
        )
    return proposals


def security_measures_for(service):
    """Return the paragraph describing the security measures the vendor documents, or ""."""
    parts = list(service.security_measures or [])
    if service.certifications:
        parts.append(_("certifications: %(list)s") % {"list": ", ".join(service.certifications)})
    if not parts:
        return ""
    return f"{service.name}: " + "; ".join(parts) + "."


@dataclass(frozen=True)
class ActivityProposal:
    """A processing activity proposed for a vendor use: a new one, or an existing one to link to."""

    purpose_key: str
    name: str
    existing: object = None
    linked: bool = False


def activity_proposals(service, existing_activities, linked_activity_ids=()):
    """Return one proposal per purpose of `service`'s categories.

    An existing activity with the same purpose key or name is proposed for linking instead of a new one.
    """
    by_key = {activity.purpose_key: activity for activity in existing_activities if activity.purpose_key}
    by_name = {activity.name.casefold(): activity for activity in existing_activities}
    proposals = []
    for key in purpose_keys_for_categories(service.categories or []):
        name = purpose_label(key)
        existing = by_key.get(key) or by_name.get(name.casefold())
        linked = existing is not None and existing.pk in set(linked_activity_ids)
        proposals.append(ActivityProposal(purpose_key=key, name=name, existing=existing, linked=linked))
    return proposals
