"""RoPA as XLSX and CSV, with spreadsheet formula injection neutralised."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .rows import controller_text, dpo_text, or_none_recorded, ropa_rows

# A cell starting with one of these is read as a formula (or a DDE command) by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value):
    """Return `value` with a leading apostrophe when a spreadsheet would read it as a formula.

    The apostrophe is the OWASP-recommended prefix: spreadsheet programs show the text and never evaluate it.
    """
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def ropa_csv(organisation):
    """Return the RoPA as CSV text (UTF-8 with BOM so spreadsheet programs detect the encoding)."""
    header, rows = ropa_rows(organisation)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralise(value) for value in header])
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
    return buffer.getvalue()


def _string_cell(sheet, row, column, value):
    # A string cell, never a formula, keeps the exact text. The quote-prefix style flag (the XLSX form of the
    # leading apostrophe) keeps a program from turning it into a formula when the user edits the cell.
    text = "" if value is None else str(value)
    cell = sheet.cell(row=row, column=column)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True
    return cell


def ropa_xlsx(organisation):
    """Return the RoPA as XLSX bytes: a controller header block, then one row per activity."""
    header, rows = ropa_rows(organisation)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Record of processing")[:31]

    _string_cell(sheet, 1, 1, _("Record of processing activities (Art. 30(1) GDPR)")).font = Font(bold=True, size=14)
    _string_cell(sheet, 2, 1, _("Controller"))
    _string_cell(sheet, 2, 2, controller_text(organisation)).alignment = Alignment(wrap_text=True, vertical="top")
    _string_cell(sheet, 3, 1, _("Data protection officer"))
    _string_cell(sheet, 3, 2, dpo_text(organisation))
    _string_cell(sheet, 4, 1, _("EU representative"))
    _string_cell(sheet, 4, 2, or_none_recorded(organisation.eu_representative))
    _string_cell(sheet, 5, 1, _("Exported on"))
    _string_cell(sheet, 5, 2, timezone.localtime().strftime("%Y-%m-%d %H:%M %Z"))

    header_row = 7
    fill = PatternFill("solid", fgColor="DDE3EA")
    for column, label in enumerate(header, start=1):
        cell = _string_cell(sheet, header_row, column, label)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(column)].width = 28
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            _string_cell(sheet, header_row + offset, column, value).alignment = Alignment(
                wrap_text=True, vertical="top"
            )
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
    if rows:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(header))}{header_row + len(rows)}"

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
