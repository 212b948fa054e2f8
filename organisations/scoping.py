"""Scope relation fields of forms and serializers to one organisation.

A submitted id of another organisation's row then fails exactly like an id that does not exist.
"""

from django.contrib.auth import get_user_model

from .tenancy import OrganisationOwnedModel


def scope_queryset(queryset, organisation):
    """Return `queryset` narrowed to what `organisation` may reference."""
    from .models import Organisation

    model = queryset.model
    if issubclass(model, OrganisationOwnedModel):
        return queryset.filter(organisation=organisation)
    if issubclass(model, get_user_model()):
        return queryset.filter(memberships__organisation=organisation).distinct()
    if issubclass(model, Organisation):
        return queryset.filter(pk=organisation.pk)
    # Shared reference data, such as catalogue services, is the same for every organisation.
    return queryset


def is_scoped_model(model):
    """Return whether rows of `model` belong to, or are limited by, an organisation."""
    from .models import Organisation

    return issubclass(model, (OrganisationOwnedModel, Organisation, get_user_model()))


class OrganisationScopedFormMixin:
    """Form mixin: takes `organisation=` and scopes every model choice field to it."""

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None:
                field.queryset = scope_queryset(queryset, organisation)


class OrganisationScopedSerializerMixin:
    """Serializer mixin: scopes every related field to `context["organisation"]`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.context.get("organisation")
        if organisation is None:
            return
        for field in self.fields.values():
            relation = getattr(field, "child_relation", field)
            queryset = getattr(relation, "queryset", None)
            if queryset is not None:
                relation.queryset = scope_queryset(queryset, organisation)
