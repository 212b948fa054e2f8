"""Admin import of catalogue files: the uploaded file is checked before django-import-export reads it.

django-import-export reports an undecodable file as "'UnicodeDecodeError' encountered while trying to read
file" and a missing identifier column as a traceback. Staff get instead one message naming the file, what is
wrong in it and how to fix it, on the import form itself, and nothing is read further.
"""

from django.utils.translation import gettext as _
from import_export.admin import ImportExportMixin
from import_export.forms import ImportForm

# django-import-export decodes text formats with this encoding (ImportMixin.from_encoding), which also
# accepts the byte order mark that spreadsheet programs put in front of "CSV UTF-8" files.
TEXT_ENCODING = "utf-8-sig"


def required_import_columns(resource_class):
    """Return the column names a file must have for `resource_class`: its row identifiers without defaults."""
    resource = resource_class()
    defaulted = {key for key, _default in getattr(resource_class, "DEFAULTS", ())}
    columns = []
    for field_name in resource._meta.import_id_fields:
        column = resource.fields[field_name].column_name
        if column not in defaulted:
            columns.append(column)
    return columns


class CatalogueImportForm(ImportForm):
    """The import form, which also rejects a file that cannot be decoded or lacks an identifier column."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.import_formats = formats
        self.import_resources = resources

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("import_file")
        format_index = cleaned_data.get("format")
        if upload is None or format_index in (None, ""):
            return cleaned_data

        input_format = self.import_formats[int(format_index)]()
        content = upload.read()
        upload.seek(0)
        if not input_format.is_binary():
            try:
                content = content.decode(TEXT_ENCODING)
            except UnicodeDecodeError as error:
                self.add_error("import_file", self._decode_message(upload.name, error))
                return cleaned_data

        try:
            dataset = input_format.create_dataset(content)
        except Exception as error:  # noqa: BLE001 (each format's parser raises its own exception types)
            self.add_error(
                "import_file",
                _("%(file)s could not be read as %(format)s: %(error)s. Check that the file is in that format.")
                % {"file": upload.name, "format": input_format.get_title(), "error": error},
            )
            return cleaned_data

        resource_class = self.import_resources[int(cleaned_data.get("resource") or 0)]
        headers = [str(header).strip() for header in dataset.headers or []]
        missing = [column for column in required_import_columns(resource_class) if column not in headers]
        if missing:
            self.add_error(
                "import_file",
                _(
                    "%(file)s has no %(columns)s column. The first row must name the columns, and these "
                    "columns identify the row to create or update. Columns found: %(found)s."
                )
                % {
                    "file": upload.name,
                    "columns": ", ".join(f"“{column}”" for column in missing),
                    "found": ", ".join(headers) or _("none"),
                },
            )
        return cleaned_data

    @staticmethod
    def _decode_message(file_name, error):
        return _(
            "%(file)s is not UTF-8 text: the byte 0x%(byte)s at position %(position)d is not valid UTF-8. "
            "Save the file with the UTF-8 encoding (in Excel, “CSV UTF-8”) and import it again."
        ) % {
            "file": file_name,
            "byte": error.object[error.start : error.start + 1].hex(),
            "position": error.start,
        }


class CatalogueImportExportMixin(ImportExportMixin):
    """ImportExportMixin with the import form above."""

    import_form_class = CatalogueImportForm
    from_encoding = TEXT_ENCODING
