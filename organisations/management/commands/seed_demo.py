"""Create the demo organisation and user. Safe to run repeatedly: nothing is duplicated."""

import secrets

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import User
from organisations.models import Membership, Organisation
from organisations.roles import Role

DEMO_EMAIL = "demo@example.com"
DEMO_SLUG = "demo"


class Command(BaseCommand):
    help = (
        "Create (or refresh) the demo organisation with slug 'demo' and the user demo@example.com, "
        "set a new random password for that user and print it."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        user, user_created = User.objects.get_or_create(email=DEMO_EMAIL, defaults={"full_name": "Demo DPO"})
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=DEMO_EMAIL, defaults={"verified": True, "primary": True}
        )

        organisation, organisation_created = Organisation.objects.get_or_create(
            slug=DEMO_SLUG,
            defaults={
                "name": "Demo Retail",
                "legal_name": "Demo Retail SAS",
                "address": "12 rue de la Paix\n75002 Paris",
                "country": "FR",
                "registration_number": "RCS Paris 000 000 000",
                "contact_email": "privacy@demo-retail.example",
                "dpo_name": "Camille Martin",
                "dpo_contact": "dpo@demo-retail.example",
            },
        )
        Membership.objects.update_or_create(organisation=organisation, user=user, defaults={"role": Role.OWNER})

        self._seed_extensions(organisation, user)

        verb = "Created" if organisation_created else "Kept"
        self.stdout.write(f"{verb} organisation '{organisation.slug}' ({organisation.name}).")
        self.stdout.write(f"{'Created' if user_created else 'Kept'} user {DEMO_EMAIL}.")
        self.stdout.write(self.style.SUCCESS(f"Sign in at /accounts/login/ as {DEMO_EMAIL} with password: {password}"))

    def _seed_extensions(self, organisation, user):
        """Run the demo-data hooks of other apps (`<app>.demo.seed(organisation=..., user=...)`)."""
        from importlib import import_module

        from django.apps import apps

        for app_config in apps.get_app_configs():
            try:
                module = import_module(f"{app_config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app_config.name}.demo":
                    raise
                continue
            messages = module.seed(organisation=organisation, user=user) or []
            for message in messages:
                self.stdout.write(message)
