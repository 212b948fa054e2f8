"""The one tenancy mechanism: every organisation-owned model derives from OrganisationOwnedModel."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationQuerySet(models.QuerySet):
    """Base QuerySet of organisation-owned models. Scope first, then apply domain verbs."""

    def for_organisation(self, organisation):
        """Rows owned by `organisation` only."""
        return self.filter(organisation=organisation)


class OrganisationOwnedModel(models.Model):
    """Abstract base of every row an organisation owns, child rows included.

    Views, API viewsets, forms, serializers, exports and tasks reach these rows only through
    `for_organisation()`, and the isolation tests enumerate every subclass.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
        editable=False,
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        abstract = True


def organisation_owned_models():
    """Return every concrete model that derives from OrganisationOwnedModel."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, OrganisationOwnedModel) and not model._meta.abstract
    ]
