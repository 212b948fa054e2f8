"""Display labels of the catalogue keys stored in records (data subjects, data categories)."""

from services.choices import DataSubjectCategory, PersonalDataCategory

_DATA_SUBJECT_LABELS = dict(DataSubjectCategory.choices)
_PERSONAL_DATA_LABELS = dict(PersonalDataCategory.choices)


def data_subject_label(value):
    """Return the label of a catalogue data subject key, or the free text as entered."""
    return str(_DATA_SUBJECT_LABELS.get(value, value))


def data_category_label(value):
    """Return the label of a catalogue personal data key, or the free text as entered."""
    return str(_PERSONAL_DATA_LABELS.get(value, value))
