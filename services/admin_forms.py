"""Model forms of the catalogue admin."""

from django import forms


class CatalogueAdminForm(forms.ModelForm):
    """A model form that stores line breaks as "\\n", whatever the browser sent.

    Browsers submit textarea line breaks as "\\r\\n" (HTML's form submission rules), while the catalogue's data
    files and imports store "\\n". Without this, saving an unchanged entry in the admin changed every
    multi-line text, which raised the entry's version and asked every organisation using it to review it.
    """

    def clean(self):
        cleaned_data = super().clean()
        for name, value in cleaned_data.items():
            if isinstance(value, str) and "\r" in value:
                cleaned_data[name] = value.replace("\r\n", "\n").replace("\r", "\n")
        return cleaned_data
