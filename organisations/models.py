import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from .roles import Role
from .tenancy import OrganisationOwnedModel, OrganisationQuerySet


class OrganisationQuerySetForUser(models.QuerySet):
    def for_user(self, user):
        """Organisations `user` is a member of."""
        if not user.is_authenticated:
            return self.none()
        # Membership.organisation has no reverse accessor (related_name="+"), so filter through a subquery.
        return self.filter(pk__in=Membership.objects.filter(user=user).values("organisation_id"))


class Organisation(models.Model):
    """A tenant, and the controller named in its records of processing activities (Art. 30(1)(a) GDPR)."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Used in addresses such as /o/<slug>/. Lower-case letters, digits and hyphens."),
    )
    legal_name = models.CharField(_("legal name"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    country = CountryField(_("country"), blank=True)
    registration_number = models.CharField(_("registration number"), max_length=100, blank=True)
    contact_email = models.EmailField(_("privacy contact e-mail"), blank=True)
    eu_representative = models.TextField(
        _("EU representative"),
        blank=True,
        help_text=_("Name and contact details of the representative under Art. 27 GDPR, if one is designated."),
    )
    dpo_name = models.CharField(_("DPO name"), max_length=150, blank=True)
    dpo_contact = models.CharField(_("DPO contact"), max_length=254, blank=True)
    acts_as_processor = models.BooleanField(
        _("acts as a processor"),
        default=False,
        help_text=_("Keep records of processing carried out on behalf of other controllers (Art. 30(2) GDPR)."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = OrganisationQuerySetForUser.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def controller_name(self):
        return self.legal_name or self.name

    @property
    def privacy_contact(self):
        return self.dpo_contact or self.contact_email


class MembershipQuerySet(OrganisationQuerySet):
    def owners(self):
        """Memberships with the owner role."""
        return self.filter(role=Role.OWNER)


class Membership(OrganisationOwnedModel):
    """A user's role in one organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    history = HistoricalRecords()
    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["user__email"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="membership_unique_user_per_organisation"),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


def _new_invitation_token():
    return secrets.token_urlsafe(32)


class InvitationQuerySet(OrganisationQuerySet):
    def pending(self):
        """Invitations neither accepted, revoked nor expired."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(OrganisationOwnedModel):
    """An e-mailed offer to join an organisation with a role, valid until `expires_at`."""

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    token = models.CharField(max_length=64, unique=True, default=_new_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["token"])
    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                "organisation",
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_unique_open_email_per_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.email} ({self.get_role_display()})"

    def save(self, *args, **kwargs):
        if self.expires_at is None:
            self.expires_at = timezone.now() + timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
        super().save(*args, **kwargs)

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_pending(self):
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired
