"""Draft a DPIA from the processing activity's record and the catalogue entries of its vendors.

Each drafted value carries its source (the record, or a catalogue entry with its version) so the DPO can
see where it came from, and edit or remove it.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .choices import FearedEvent, Principle

# Keywords that route a vendor's DPIA consideration to the right feared event or principle. A consideration
# that matches nothing goes to illegitimate access (risk sources, threats, measures) or minimisation.
FEARED_EVENT_KEYWORDS = [
    (FearedEvent.DISAPPEARANCE, re.compile(r"\b(loss|lost|deletion|delete|outage|availability|backup)", re.I)),
    (FearedEvent.UNWANTED_MODIFICATION, re.compile(r"\b(integrity|modif|tamper|alter|accuracy|inaccura)", re.I)),
]
PRINCIPLE_KEYWORDS = [
    (Principle.TRANSFERS, re.compile(r"\b(transfer|third countr|united states|\bUS\b|adequacy|DPF|SCC)", re.I)),
    (Principle.PROCESSORS, re.compile(r"\b(sub-?processor|processor|DPA\b|vendor)", re.I)),
    (Principle.RETENTION, re.compile(r"\b(retention|retain|storage period|delete)", re.I)),
    (Principle.CONSENT, re.compile(r"\b(consent|opt-?in|cookie)", re.I)),
    (Principle.INFORMATION, re.compile(r"\b(inform|transparen|notice|announce)", re.I)),
    (Principle.RESTRICTION_OBJECTION, re.compile(r"\b(object|Art\. ?22|automated decision|human review)", re.I)),
    (Principle.LEGAL_BASIS, re.compile(r"\b(legal basis|legitimate interest|AI Act)", re.I)),
]

GENERIC_RISKS = {
    FearedEvent.ILLEGITIMATE_ACCESS: {
        "impacts": _(
            "Disclosure of personal data to people who should not see it: embarrassment, fraud, "
            "discrimination or loss of trust."
        ),
    },
    FearedEvent.UNWANTED_MODIFICATION: {
        "impacts": _("Wrong data used to serve or assess people: wrong decisions, lost requests, incorrect records."),
        "threats": _("Errors or malicious changes in the vendor's platform or in integrations."),
    },
    FearedEvent.DISAPPEARANCE: {
        "impacts": _(
            "Requests, evidence or history lost: people cannot exercise their rights and the "
            "organisation cannot prove what happened."
        ),
        "threats": _("Deletion by mistake, vendor outage or end of contract without data return."),
    },
}


@dataclass
class Draft:
    """The drafted content of a DPIA before it is saved."""

    fields: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    principles: dict = field(default_factory=dict)  # principle -> {"assessment", "corrective_measures", "source"}
    risks: dict = field(default_factory=dict)  # feared event -> {field: text, "sources": {field: [source]}}
    actions: list = field(default_factory=list)  # {"measure", "source"}


def _service_source(service):
    return _("Catalogue: %(name)s, version %(version)s") % {"name": service.name, "version": service.version}


def _append(mapping, key, text):
    mapping[key] = f"{mapping[key]}\n{text}" if mapping.get(key) else text


def _feared_event_for(consideration):
    text = f"{consideration.title} {consideration.detail}"
    for event, pattern in FEARED_EVENT_KEYWORDS:
        if pattern.search(text):
            return event
    return FearedEvent.ILLEGITIMATE_ACCESS


def _principle_for(consideration):
    text = f"{consideration.title} {consideration.detail}"
    for principle, pattern in PRINCIPLE_KEYWORDS:
        if pattern.search(text):
            return principle
    return Principle.MINIMISATION


def draft_dpia(*, activity, vendor_uses):
    """Return the Draft of a DPIA for `activity`, whose vendors are `vendor_uses` (services prefetched)."""
    draft = Draft()
    organisation = activity.organisation
    record_source = _("Record of processing: %(name)s") % {"name": activity.name}
    services = [use.service for use in vendor_uses if use.service is not None]

    _draft_context(draft, activity, vendor_uses, services, organisation, record_source)
    _draft_principles(draft, activity, vendor_uses, services, record_source)
    _draft_risks(draft, services)
    return draft


def _draft_context(draft, activity, vendor_uses, services, organisation, record_source):
    fields, sources = draft.fields, draft.sources

    fields["title"] = _("DPIA: %(activity)s") % {"activity": activity.name}
    fields["description"] = activity.description
    sources["description"] = record_source

    purposes = [
        f"{purpose.purpose} ({purpose.get_legal_basis_display()})" if purpose.legal_basis else purpose.purpose
        for purpose in activity.purposes.all()
    ]
    fields["purposes"] = "\n".join(purposes)
    sources["purposes"] = record_source

    lines = [_("Controller: %(name)s") % {"name": organisation.controller_name}]
    if organisation.dpo_name:
        lines.append(_("Data protection officer: %(name)s") % {"name": organisation.dpo_name})
    for use in vendor_uses:
        entity = use.vendor_legal_entity or use.vendor_name
        lines.append(
            _("%(role)s: %(name)s (%(entity)s)")
            % {"role": use.get_vendor_role_display(), "name": use.vendor_name, "entity": entity}
        )
    for service in services:
        for subprocessor in service.subprocessors.all():
            condition = f", {subprocessor.condition}" if subprocessor.condition else ""
            lines.append(
                _("Sub-processor of %(vendor)s: %(name)s (%(country)s) for %(purpose)s%(condition)s")
                % {
                    "vendor": service.name,
                    "name": subprocessor.name,
                    "country": subprocessor.country,
                    "purpose": subprocessor.purpose,
                    "condition": condition,
                }
            )
    fields["stakeholders"] = "\n".join(lines)
    sources["stakeholders"] = _("Organisation settings, vendor register and catalogue sub-processors")

    standards = []
    for service in services:
        if service.certifications:
            standards.append(f"{service.name}: {', '.join(service.certifications)}")
    fields["standards"] = "\n".join(standards)
    if standards:
        sources["standards"] = _("Catalogue: vendors' certifications")

    lifecycle = []
    categories = [
        f"{category.name} ({category.get_special_category_display()})" if category.special_category else category.name
        for category in activity.data_categories.all()
    ]
    if categories:
        lifecycle.append(_("Personal data: %(list)s") % {"list": "; ".join(categories)})
    if activity.data_subject_categories:
        lifecycle.append(_("Data subjects: %(list)s") % {"list": ", ".join(activity.data_subject_categories)})
    for period in activity.retention_periods.all():
        lifecycle.append(
            _("Retention of %(category)s: %(period)s") % {"category": period.data_category, "period": period.period}
        )
    for transfer in activity.transfers.all():
        lifecycle.append(
            _("Transfer to %(recipient)s in %(country)s: %(safeguard)s")
            % {
                "recipient": transfer.recipient,
                "country": transfer.country.name,
                "safeguard": transfer.get_safeguard_display() or _("safeguard not identified yet"),
            }
        )
    fields["data_lifecycle"] = "\n".join(lifecycle)
    sources["data_lifecycle"] = record_source

    assets = [f"{service.name}: {service.server_location}" for service in services]
    assets += [use.vendor_name for use in vendor_uses if use.service is None]
    fields["supporting_assets"] = "\n".join(assets)
    sources["supporting_assets"] = _("Vendor register and catalogue server locations")

    ai_notes = [
        f"{service.name}: {service.ai_act_implications}"
        for service in services
        if service.screening_ai_or_automated_decisions and service.ai_act_implications
    ]
    fields["ai_act_notes"] = "\n\n".join(ai_notes)
    if ai_notes:
        sources["ai_act_notes"] = _("Catalogue: AI Act implications of vendors with AI features or automated decisions")


def _draft_principles(draft, activity, vendor_uses, services, record_source):
    principles = {principle: {"assessment": "", "corrective_measures": "", "source": ""} for principle in Principle}

    legal_bases = [
        f"{purpose.purpose}: {purpose.get_legal_basis_display()}"
        for purpose in activity.purposes.all()
        if purpose.legal_basis
    ]
    if legal_bases:
        principles[Principle.LEGAL_BASIS]["assessment"] = "\n".join(legal_bases)
        principles[Principle.LEGAL_BASIS]["source"] = record_source

    retention = [f"{period.data_category}: {period.period}" for period in activity.retention_periods.all()]
    if retention:
        principles[Principle.RETENTION]["assessment"] = "\n".join(retention)
        principles[Principle.RETENTION]["source"] = record_source

    transfers = []
    for transfer in activity.transfers.all():
        safeguard = transfer.get_safeguard_display() or _("safeguard not identified yet")
        line = f"{transfer.recipient} ({transfer.country.name}): {safeguard}"
        if transfer.tia_required:
            line += f" — {_('transfer impact assessment needed')}"
        transfers.append(line)
    if transfers:
        principles[Principle.TRANSFERS]["assessment"] = "\n".join(transfers)
        principles[Principle.TRANSFERS]["source"] = record_source

    processors = []
    for use in vendor_uses:
        if use.dpa_signed_on:
            processors.append(
                _("%(name)s: DPA signed on %(date)s") % {"name": use.vendor_name, "date": use.dpa_signed_on}
            )
        else:
            processors.append(_("%(name)s: no signed DPA recorded yet") % {"name": use.vendor_name})
    if processors:
        principles[Principle.PROCESSORS]["assessment"] = "\n".join(processors)
        principles[Principle.PROCESSORS]["source"] = _("Vendor register")

    for service in services:
        source = _service_source(service)
        if service.consent_advice:
            _append(principles[Principle.CONSENT], "corrective_measures", f"{service.name}: {service.consent_advice}")
            _append(principles[Principle.CONSENT], "source", source)
        for consideration in service.dpia_considerations.all():
            if consideration.kind != "principle":
                continue
            principle = _principle_for(consideration)
            _append(
                principles[principle],
                "corrective_measures",
                f"{consideration.title} ({service.name}): {consideration.detail}",
            )
            _append(principles[principle], "source", source)
    for entry in principles.values():
        entry["source"] = "\n".join(dict.fromkeys(entry["source"].split("\n"))).strip()[:300]
    draft.principles = principles


def _draft_risks(draft, services):
    risks = {}
    for event in (FearedEvent.ILLEGITIMATE_ACCESS, FearedEvent.UNWANTED_MODIFICATION, FearedEvent.DISAPPEARANCE):
        generic = GENERIC_RISKS[event]
        risks[event] = {
            "risk_sources": "",
            "threats": generic.get("threats", ""),
            "impacts": generic["impacts"],
            "measures": "",
            "sources": {name: [_("Generic CNIL PIA knowledge base")] for name in generic},
        }

    target_field = {"risk-source": "risk_sources", "threat": "threats", "measure": "measures"}
    for service in services:
        source = _service_source(service)
        for consideration in service.dpia_considerations.all():
            if consideration.kind not in target_field:
                continue
            event = _feared_event_for(consideration)
            name = target_field[consideration.kind]
            _append(risks[event], name, f"{consideration.title} ({service.name}): {consideration.detail}")
            if source not in risks[event]["sources"].setdefault(name, []):
                risks[event]["sources"][name].append(source)
            if consideration.kind == "measure":
                draft.actions.append({"measure": f"{consideration.title} ({service.name})", "source": source})
        if service.security_measures:
            measures = "; ".join(service.security_measures)
            _append(risks[FearedEvent.ILLEGITIMATE_ACCESS], "measures", f"{service.name}: {measures}")
            measure_sources = risks[FearedEvent.ILLEGITIMATE_ACCESS]["sources"].setdefault("measures", [])
            if source not in measure_sources:
                measure_sources.append(source)
    draft.risks = risks
