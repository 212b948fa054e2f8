"""Load config/settings.py as production reads it, from a production-like environment."""

import os
import runpy
import secrets
from pathlib import Path
from unittest import mock

SETTINGS_PATH = Path(__file__).resolve().parents[1] / "config" / "settings.py"

# Variables that change the shape of the settings; they are removed so the environment of the test run cannot
# leak into the production-like one.
SHAPE_VARIABLES = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "BEHIND_TLS_PROXY",
    "ACCOUNT_EMAIL_VERIFICATION",
)


def production_environment(**overrides):
    """Return the environment variables of a production deployment on dpo.example.com."""
    environment = {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "dpo.example.com",
        "DATABASE_URL": "postgres://dpodesk:secret@127.0.0.1:5432/dpodesk",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    environment.update(overrides)
    return {name: value for name, value in environment.items() if value is not None}


def subprocess_environment(**overrides):
    """Return os.environ with the shape variables replaced by the production-like ones."""
    base = {name: value for name, value in os.environ.items() if name not in SHAPE_VARIABLES}
    return {**base, **production_environment(**overrides)}


def load_settings(**overrides):
    """Execute config/settings.py under the production-like environment and return its upper-case names.

    Pass a variable as None to leave it out, e.g. `load_settings(SECRET_KEY=None)`.
    """
    with mock.patch.dict(os.environ, subprocess_environment(**overrides), clear=True):
        namespace = runpy.run_path(str(SETTINGS_PATH))
    return {name: value for name, value in namespace.items() if name.isupper()}
