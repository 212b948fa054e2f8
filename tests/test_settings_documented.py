"""docs/configuration.md documents every environment variable that config/settings.py reads."""

import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
READ_PATTERNS = (
    r"env\.\w+\(\s*\"([A-Z][A-Z0-9_]+)\"",
    r"os\.environ\.get\(\s*\"([A-Z][A-Z0-9_]+)\"",
    r"\"([A-Z][A-Z0-9_]+)\" in os\.environ",
)


def variables_read_by_settings():
    source = (REPO_ROOT / "config" / "settings.py").read_text()
    return {name for pattern in READ_PATTERNS for name in re.findall(pattern, source)}


def test_settings_variables_found():
    assert {"DEBUG", "SECRET_KEY", "DATABASE_URL", "REDIS_URL"} <= variables_read_by_settings()


def test_every_variable_documented():
    documentation = (REPO_ROOT / "docs" / "configuration.md").read_text()

    undocumented = sorted(name for name in variables_read_by_settings() if f"`{name}`" not in documentation)

    assert not undocumented, f"Document these variables in docs/configuration.md: {', '.join(undocumented)}"
