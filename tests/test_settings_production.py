"""The production shape of config/settings.py: secure defaults, and refusal to start when a secret is missing."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.production_settings import load_settings, subprocess_environment

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_production_settings_are_secure():
    production = load_settings()

    assert production["DEBUG"] is False
    assert production["ALLOWED_HOSTS"] == ["dpo.example.com"]
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production["ACCOUNT_EMAIL_VERIFICATION"] == "mandatory"
    assert production["CELERY_TASK_ALWAYS_EAGER"] is False
    assert production["DATABASES"]["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_settings_require(variable):
    with pytest.raises(ImproperlyConfigured, match=variable):
        load_settings(**{variable: None})


def test_development_settings_use_embedded_default():
    development = load_settings(DEBUG="true", SECRET_KEY=None, ALLOWED_HOSTS=None, DATABASE_URL=None, REDIS_URL=None)

    assert development["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert development["CELERY_TASK_ALWAYS_EAGER"] is True


def test_deploy_check_reports_nothing():
    completed = subprocess.run(  # noqa: S603 (fixed argument list, no shell)
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO_ROOT,
        env=subprocess_environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "System check identified no issues" in completed.stdout


def test_s3_storage_signs_private_urls():
    # Runs in a child process, because storages are configured once per process. Signing a URL is computed
    # locally from the credentials, so no request reaches any S3 service.
    script = (
        "import django; django.setup()\n"
        "from django.core.files.storage import default_storage, storages\n"
        "print(type(storages['default']).__name__)\n"
        "print(default_storage.default_acl)\n"
        "print(default_storage.url('reports/r.pdf'))\n"
    )
    completed = subprocess.run(  # noqa: S603 (fixed argument list, no shell)
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        env=subprocess_environment(
            DJANGO_SETTINGS_MODULE="config.settings",
            AWS_STORAGE_BUCKET_NAME="dpo-desk-files",
            AWS_S3_REGION_NAME="eu-west-3",
            AWS_ACCESS_KEY_ID="AKIAEXAMPLEEXAMPLE00",
            AWS_SECRET_ACCESS_KEY="example-secret-key-for-signing-only",
        ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    storage_class, acl, url = completed.stdout.split()
    assert storage_class == "S3Storage"
    assert acl == "private"
    assert "dpo-desk-files" in url
    assert "X-Amz-Signature=" in url
