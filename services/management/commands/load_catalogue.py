"""Load the catalogue data files into the database: all files or none, and safe to run again."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from services.actions import catalogue_load_documents
from services.catalogue.document import document_hash, normalise_document
from services.catalogue.validation import DATA_DIR, read_catalogue
from services.models import Service


class Command(BaseCommand):
    help = (
        "Validate every catalogue data file (YAML) against the schema and the references between files, then "
        "create or update the catalogue entries in one transaction. A file that has not changed since it was "
        "last loaded is skipped, so edits made in the admin are kept unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--path", type=Path, default=DATA_DIR, help=f"Directory of the data files (default: {DATA_DIR})."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate and report what would change, without saving."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Compare every file with the database even when the file has not changed since its last load.",
        )

    def handle(self, *args, path, dry_run, force, **options):
        known_slugs = set(Service.objects.values_list("slug", flat=True))
        entries, errors = read_catalogue(path, known_slugs=known_slugs)
        if errors:
            for error in errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(errors)} error(s) in the catalogue data files under {path}; nothing was changed. "
                "Fix the fields listed above and run the command again."
            )
        if not entries:
            raise CommandError(f"No *.yaml data files found under {path}; nothing was changed.")

        documents = []
        for entry in entries:
            document = normalise_document(entry.document)
            documents.append((document, document_hash(document), entry.path.name))

        with transaction.atomic():
            result = catalogue_load_documents(documents=documents, force=force, source_name=str(path))
            if dry_run:
                transaction.set_rollback(True)

        prefix = "Dry run, nothing saved. Would have: " if dry_run else ""
        self.stdout.write(
            f"{prefix}{len(result['created'])} created, {len(result['updated'])} updated, "
            f"{len(result['unchanged'])} unchanged ({len(entries)} files)."
        )
        if options["verbosity"] >= 2:
            for outcome in ("created", "updated", "unchanged"):
                for slug in result[outcome]:
                    self.stdout.write(f"  {outcome}: {slug}")
