"""Validation of catalogue data files: the JSON schema, then cross-references between files.

Every problem is reported as a CatalogueError naming the file and the field as a JSON pointer
(RFC 6901), so that an author can go straight to it.
"""

import datetime
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from .yaml_loader import CatalogueYamlError, parse_yaml

SCHEMA_PATH = Path(__file__).resolve().parent / "schema.json"
DATA_DIR = Path(__file__).resolve().parent / "data"
ALLOWED_PLACEHOLDERS = {"organisation", "privacy_contact"}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class CatalogueError:
    file: str
    pointer: str
    message: str

    def __str__(self):
        where = f"{self.file} at {self.pointer}" if self.pointer else self.file
        return f"{where}: {self.message}"


@dataclass
class CatalogueFile:
    path: Path
    document: dict


@functools.cache
def catalogue_schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@functools.cache
def _validator():
    schema = catalogue_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def json_pointer(path):
    """Return the RFC 6901 pointer of a path of keys and indexes, with "/" standing for the document root."""
    parts = [str(part).replace("~", "~0").replace("/", "~1") for part in path]
    return "/" + "/".join(parts) if parts else "/"


def _schema_message(error):
    if error.validator == "oneOf" and "duration" in error.path:
        return "give either session: true or seconds: <number>, not both and not neither"
    if error.validator == "additionalProperties":
        return f"{error.message}; remove it or check its spelling against the schema"
    if error.validator == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return f"{error.instance!r} is not an allowed value; use one of: {allowed}"
    if error.validator == "format" and error.validator_value == "date":
        return f"{error.instance!r} is not a real calendar date (YYYY-MM-DD)"
    if error.validator == "pattern":
        return f"{error.instance!r} does not have the expected form (pattern {error.validator_value})"
    return error.message


def schema_errors(file_name, document):
    """Return every schema violation of one document, most relevant first per location."""
    errors = []
    for error in sorted(_validator().iter_errors(document), key=lambda item: list(map(str, item.path))):
        if error.validator in {"oneOf", "anyOf"} and error.context:
            inner = best_match(error.context)
            if inner.validator not in {"required", "const"}:
                error = inner
        errors.append(CatalogueError(file_name, json_pointer(error.absolute_path), _schema_message(error)))
    return errors


def read_file(path):
    """Parse one data file; return (CatalogueFile or None, errors)."""
    try:
        document = parse_yaml(path.read_text(encoding="utf-8"))
    except CatalogueYamlError as error:
        return None, [CatalogueError(path.name, "", f"invalid YAML, {error}")]
    except UnicodeDecodeError as error:
        return None, [CatalogueError(path.name, "", f"the file is not UTF-8 ({error.reason}); save it as UTF-8")]
    if not isinstance(document, dict):
        return None, [CatalogueError(path.name, "/", "the file must contain one mapping (a catalogue entry)")]
    errors = schema_errors(path.name, document)
    return (None if errors else CatalogueFile(path, document)), errors


def _single_file_errors(entry):
    name = entry.path.name
    doc = entry.document
    errors = []

    if entry.path.stem != doc["slug"]:
        errors.append(
            CatalogueError(name, "/slug", f"the slug {doc['slug']!r} must equal the file name {entry.path.stem!r}")
        )

    try:
        datetime.date.fromisoformat(doc["provenance"]["last_reviewed"])
    except ValueError:
        errors.append(CatalogueError(name, "/provenance/last_reviewed", "not a real calendar date (YYYY-MM-DD)"))

    text = doc["consent_text"]
    for placeholder in _PLACEHOLDER.findall(text):
        if placeholder not in ALLOWED_PLACEHOLDERS:
            errors.append(
                CatalogueError(
                    name,
                    "/consent_text",
                    f"unknown placeholder {{{placeholder}}}; use only {{organisation}} and {{privacy_contact}}",
                )
            )
    if _PLACEHOLDER.sub("", text).count("{") or _PLACEHOLDER.sub("", text).count("}"):
        errors.append(CatalogueError(name, "/consent_text", "unbalanced brace; braces are only for placeholders"))

    seen_cookies = {}
    for index, cookie in enumerate(doc["cookies"]):
        key = (cookie["name"], cookie["match"], cookie.get("storage", "cookie"), cookie.get("domain", ""))
        if key in seen_cookies:
            errors.append(
                CatalogueError(
                    name,
                    f"/cookies/{index}",
                    f"duplicate of /cookies/{seen_cookies[key]} (same name, match, storage and domain)",
                )
            )
        seen_cookies.setdefault(key, index)

    if doc["slug"] in (doc.get("related_services") or []):
        position = doc["related_services"].index(doc["slug"])
        errors.append(CatalogueError(name, f"/related_services/{position}", "a service cannot be related to itself"))

    aliases_lower = [alias.casefold() for alias in doc.get("aliases") or []]
    if doc["name"].casefold() in aliases_lower:
        position = aliases_lower.index(doc["name"].casefold())
        errors.append(CatalogueError(name, f"/aliases/{position}", "an alias must differ from the name"))
    return errors


def cross_reference_errors(entries, known_slugs=()):
    """Return errors that need several files: unique slugs and references to other entries.

    `known_slugs` are slugs already in the database, which references may also name.
    """
    errors = []
    by_slug = {}
    for entry in entries:
        errors.extend(_single_file_errors(entry))
        slug = entry.document["slug"]
        if slug in by_slug:
            errors.append(
                CatalogueError(entry.path.name, "/slug", f"slug {slug!r} is already used by {by_slug[slug].path.name}")
            )
        by_slug.setdefault(slug, entry)

    available = set(by_slug) | set(known_slugs)
    for entry in entries:
        doc = entry.document
        for index, slug in enumerate(doc.get("related_services") or []):
            if slug not in available:
                errors.append(
                    CatalogueError(
                        entry.path.name, f"/related_services/{index}", f"no catalogue entry has the slug {slug!r}"
                    )
                )
        for index, alternative in enumerate(doc.get("eu_alternatives") or []):
            slug = alternative.get("service")
            if slug and slug not in available:
                errors.append(
                    CatalogueError(
                        entry.path.name,
                        f"/eu_alternatives/{index}/service",
                        f"no catalogue entry has the slug {slug!r}; remove 'service' or add that entry",
                    )
                )
    return errors


def read_catalogue(directory=DATA_DIR, known_slugs=()):
    """Read and validate every *.yaml file of `directory`; return (entries, errors) sorted by file name."""
    directory = Path(directory)
    if not directory.is_dir():
        return [], [CatalogueError(str(directory), "", "the directory does not exist")]
    entries, errors = [], []
    paths = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    for path in paths:
        entry, file_errors = read_file(path)
        errors.extend(file_errors)
        if entry is not None:
            entries.append(entry)
    errors.extend(cross_reference_errors(entries, known_slugs=known_slugs))
    return entries, errors
