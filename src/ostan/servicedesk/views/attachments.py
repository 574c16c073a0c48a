"""Serving a request's attached file, only to those who may read the request (and, for a citizen, only the
files of its public steps): always as a download under its cleaned name, never rendered by the browser."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.servicedesk.attachments import AttachmentKind
from ostan.pages.forms import found
from ostan.servicedesk import files, selectors
from ostan.servicedesk.permissions import READ_REQUESTS


@guarded(READ_REQUESTS, target="service_attachment")
def download(request: HttpRequest, pk: int, file_id: int) -> FileResponse:
    row = found(selectors.attachment, acting(request), pk, file_id)
    try:
        handle = files.open_stored(row.stored_name)
    except FileNotFoundError:
        raise Http404("پروندهٔ این پیوست در دسترس نیست.") from None
    response = FileResponse(
        handle, as_attachment=True, filename=row.name, content_type=AttachmentKind(row.kind).content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
