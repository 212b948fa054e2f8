"""Import cookie descriptions from a third-party data set into the catalogue."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from services.importers.open_cookie_database import ImportFileError, import_open_cookie_database

FORMATS = ["open-cookie-database"]


class Command(BaseCommand):
    help = (
        "Import cookies from an Open Cookie Database CSV file. Rows are attached to the catalogue entry whose name "
        "or alias equals the Platform column (case-insensitive); unknown platforms become draft entries. The import "
        "is all-or-nothing: any rejected row cancels it, unless --skip-invalid is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Path of the CSV file.")
        parser.add_argument("--format", choices=FORMATS, required=True, help="Format of the file.")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="Import the valid rows and report the rejected ones."
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would change, without saving.")

    def handle(self, *args, file, format, skip_invalid, dry_run, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except FileNotFoundError as error:
            raise CommandError(f"{file}: file not found") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{file}: not UTF-8 text ({error.reason}); save it as UTF-8 CSV") from error
        try:
            report = import_open_cookie_database(text, skip_invalid=skip_invalid, dry_run=dry_run)
        except ImportFileError as error:
            raise CommandError(f"{file}: {error}") from error

        for rejected in report.rejected:
            self.stderr.write(f"{file}: {rejected}")
        if report.rejected and not skip_invalid:
            raise CommandError(
                f"{len(report.rejected)} of {report.rows} row(s) rejected; nothing was imported. Fix the rows above, "
                "or run again with --skip-invalid to import the valid rows only."
            )
        prefix = "Dry run, nothing saved. Would have: " if dry_run else ""
        self.stdout.write(
            f"{prefix}{report.rows} rows read: {report.cookies_created} cookies created, "
            f"{report.cookies_updated} updated, {report.cookies_unchanged} unchanged, "
            f"{report.cookies_kept_curated} kept as curated in the catalogue; "
            f"{len(report.services_created)} draft services created, {len(report.rejected)} rows rejected."
        )
        if report.services_created and options["verbosity"] >= 1:
            self.stdout.write("Draft services to review: " + ", ".join(report.services_created))
        if report.services_versioned:
            self.stdout.write("Published services whose version was raised: " + ", ".join(report.services_versioned))
