"""Shared pieces of the records views."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404

from organisations.views.mixins import OrganisationMixin

PAGE_SIZE = 25


class RecordsMixin(OrganisationMixin):
    """Organisation pages of the records app; `org_url_kwargs` fills the org slug into reversed URLs."""

    def paginate(self, queryset, page_size=PAGE_SIZE):
        paginator = Paginator(queryset, page_size)
        return paginator.get_page(self.request.GET.get("page"))


def validation_messages(error):
    """Return the readable messages of a ValidationError, field names included."""
    if hasattr(error, "message_dict"):
        return [
            f"{field}: {message}" if field != "__all__" else message
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return list(error.messages)


def apply_validation_error(form, error):
    """Attach the messages of an action's ValidationError to `form`."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def file_download(field_file):
    """Return the stored file as an attachment, or raise Http404 when there is none."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=field_file.name.rsplit("/", 1)[-1])


__all__ = ["RecordsMixin", "ValidationError", "apply_validation_error", "file_download", "validation_messages"]
