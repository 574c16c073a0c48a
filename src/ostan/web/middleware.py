"""Two doors every request passes.

Requests carrying text no database column can hold are refused at the door, with a Persian reason.

PostgreSQL refuses a NUL character in any text value, so a NUL in a URL, a query or a form field would
otherwise surface as a server error wherever that text reached a query (``/polling/paper/%00/``,
``/audit/?event=%00``). One check here instead of one in every view.

Under ``/api/`` a path no operation serves, or a method an operation does not take, is answered in the
API's one error shape like every other refusal, not with an HTML page a program cannot read.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
Handler = Callable[[HttpRequest], HttpResponse]
CODE = "invalid_characters"
MESSAGE = "نشانی یا داده‌های فرستاده‌شده نویسهٔ نامعتبر (NUL) دارد؛ آن را بردارید و دوباره بفرستید."


def _has_nul(request: HttpRequest) -> bool:
    if NUL in request.path:
        return True
    if any(NUL in key or any(NUL in v for v in values) for key, values in request.GET.lists()):
        return True
    if request.method == "POST" and request.content_type in FORM_TYPES:
        return any(NUL in key or any(NUL in v for v in values) for key, values in request.POST.lists())
    return False


def refuse_unstorable_text(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        if _has_nul(request):
            if request.path.startswith("/api/"):
                return JsonResponse({"code": CODE, "message": MESSAGE, "details": None}, status=400)
            return HttpResponseBadRequest(MESSAGE, content_type="text/plain; charset=utf-8")
        return get_response(request)

    return middleware


API_REFUSALS = {
    404: ("not_found", "چنین نشانی‌ای در API نیست؛ فهرست عملیات در /api/docs است."),
    405: ("method_not_allowed", "این نشانی این روش درخواست را نمی‌پذیرد."),
}


def api_error_shape(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        refusal = API_REFUSALS.get(response.status_code)
        if refusal is None or not request.path.startswith("/api/"):
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        code, message = refusal
        answer = JsonResponse({"code": code, "message": message, "details": None}, status=response.status_code)
        if response.has_header("Allow"):
            answer["Allow"] = response["Allow"]
        return answer

    return middleware
