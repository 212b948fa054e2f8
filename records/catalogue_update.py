"""Review of catalogue changes for a vendor use: a field-by-field diff, and taking the chosen changes.

A field the user edited is never overwritten: it appears in the diff for information only.
"""

import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .activity_catalogue_update import activity_catalogue_apply_plan, activity_catalogue_plan
from .autofill import vendor_use_values_from_service
from .checklist_actions import checklist_create_for_vendor_use
from .models import ChecklistTask, VendorUse
from .models.vendor_use import CATALOGUE_FILLED_FIELDS
from .provenance import add_source, catalogue_source

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    current: object
    catalogue: object
    edited_by_user: bool

    @property
    def selectable(self):
        return not self.edited_by_user


@dataclass(frozen=True)
class CatalogueDiff:
    from_version: int | None
    to_version: int
    changes: list
    new_tasks: list

    @property
    def is_empty(self):
        return not self.changes and not self.new_tasks


def vendor_use_catalogue_diff(vendor_use):
    """Return the differences between `vendor_use` and its catalogue entry as it is now, or None without one."""
    service = vendor_use.service
    if service is None:
        return None
    proposed = vendor_use_values_from_service(service)
    changes = []
    for field in CATALOGUE_FILLED_FIELDS:
        current = getattr(vendor_use, field)
        if field == "vendor_country":
            current = str(current or "")
        if current != proposed[field]:
            changes.append(
                FieldChange(
                    field=field,
                    label=str(VendorUse._meta.get_field(field).verbose_name),
                    current=current,
                    catalogue=proposed[field],
                    edited_by_user=field in vendor_use.user_edited_fields,
                )
            )
    titles = set(
        ChecklistTask.objects.for_organisation(vendor_use.organisation_id)
        .filter(vendor_use=vendor_use)
        .values_list("title", flat=True)
    )
    new_tasks = [item.title for item in service.checklist_items.all() if item.title not in titles]
    return CatalogueDiff(
        from_version=vendor_use.catalogue_version, to_version=service.version, changes=changes, new_tasks=new_tasks
    )


@transaction.atomic
def vendor_use_catalogue_apply(
    *, organisation, vendor_use, actor, fields=(), add_new_tasks=False, activity_choices=(), expected_version=None
):
    """Take the catalogue's values for `fields`, optionally add its new checklist items, and mark the entry reviewed.

    `activity_choices` are the `choice` values of the activity rows to add, change or remove (see
    activity_catalogue_update). `expected_version` is the catalogue version the reviewer saw, when known.
    Fields the user edited, a newer catalogue version and choices that are no longer proposed raise a
    ValidationError, and then nothing is saved.
    """
    if vendor_use.organisation_id != organisation.pk:
        raise ValidationError(_("This vendor belongs to another organisation."))
    service = vendor_use.service
    if service is None:
        raise ValidationError(_("This vendor was added by hand and has no catalogue entry to update from."))

    unknown = [field for field in fields if field not in CATALOGUE_FILLED_FIELDS]
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(unknown)})
    protected = [field for field in fields if field in vendor_use.user_edited_fields]
    if protected:
        raise ValidationError(
            _("These fields were edited in your register and are kept as they are: %(fields)s.")
            % {"fields": ", ".join(protected)}
        )
    if expected_version is not None and expected_version != service.version:
        raise ValidationError(
            _(
                "The catalogue entry changed to version %(version)s while you reviewed version %(expected)s. "
                "Nothing was changed. Reload the page and review the changes again."
            )
            % {"version": service.version, "expected": expected_version}
        )

    # The activity proposals depend on the vendor's current name, country and role, as the reviewer saw them, so
    # the choices are matched before the vendor's own fields change.
    plan = activity_catalogue_plan(organisation=organisation, vendor_use=vendor_use, choices=activity_choices)

    proposed = vendor_use_values_from_service(service)
    source = catalogue_source(service)
    for field in fields:
        setattr(vendor_use, field, proposed[field])
        add_source(vendor_use.provenance, field, source)
    vendor_use.catalogue_version = service.version
    vendor_use._history_user = actor
    vendor_use.save()

    if add_new_tasks:
        checklist_create_for_vendor_use(organisation=organisation, vendor_use=vendor_use, actor=actor)
    activity_catalogue_apply_plan(organisation=organisation, vendor_use=vendor_use, actor=actor, plan=plan)
    logger.info(
        "Vendor use %s of organisation %s reviewed against catalogue version %s (%d fields, %d activity rows taken)",
        vendor_use.pk,
        organisation.pk,
        service.version,
        len(fields),
        len(plan),
    )
    return vendor_use
