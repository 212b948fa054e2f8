"""English dates are written and read day first, as EU readers expect."""

import datetime

from django import forms
from django.utils import formats, translation


def test_english_dates_are_day_first():
    day = datetime.date(2026, 12, 4)
    afternoon = datetime.datetime(2026, 12, 4, 14, 30)

    with translation.override("en"):
        assert formats.date_format(day) == "4 December 2026"
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "2026-12-04"
        assert formats.date_format(afternoon, "DATETIME_FORMAT") == "4 December 2026, 14:30"


def test_typed_dates_are_read_day_first():
    with translation.override("en"):
        field = forms.DateField()

        assert field.clean("04/12/2026") == datetime.date(2026, 12, 4)
        assert field.clean("2026-12-04") == datetime.date(2026, 12, 4)
        assert field.clean("4.12.2026") == datetime.date(2026, 12, 4)
