"""Downloads: the result as JSON (the core's output as stored) and CSV, and the two recount files."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.errors import NotFound
from ostan.elections import files, selectors
from ostan.elections.ballot_files import jsonl_lines
from ostan.elections.models import Constituency
from ostan.elections.permissions import READ_RESULTS
from ostan.elections.result_sheets import csv_text
from ostan.elections.views.pages import visible_constituency


def _attachment(response: HttpResponse | StreamingHttpResponse, name: str) -> HttpResponse | StreamingHttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _counted(request: HttpRequest, pk: int) -> tuple[Constituency, dict[str, object]]:
    try:
        constituency, record = selectors.count_for_user(acting(request), pk)
    except NotFound as exc:
        raise Http404(exc.message) from None
    return constituency, record.result


@guarded(READ_RESULTS, target="published_constituency")
def results_json(request: HttpRequest, pk: int) -> HttpResponse | StreamingHttpResponse:
    constituency, result = _counted(request, pk)
    body = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    return _attachment(response, f"result-{files.constituency_id(constituency)}.json")


@guarded(READ_RESULTS, target="published_constituency")
def results_csv(request: HttpRequest, pk: int) -> HttpResponse | StreamingHttpResponse:
    constituency, result = _counted(request, pk)
    response = HttpResponse(csv_text(result), content_type="text/csv; charset=utf-8")
    return _attachment(response, f"result-{files.constituency_id(constituency)}.csv")


def _exportable(request: HttpRequest, pk: int) -> Constituency:
    constituency = visible_constituency(request, pk)
    if not (constituency.is_published or selectors.can_see_unpublished(acting(request), constituency)):
        raise Http404(selectors.NOT_FOUND)
    return constituency


@guarded(READ_RESULTS, target="published_constituency")
def constituency_json(request: HttpRequest, pk: int) -> HttpResponse | StreamingHttpResponse:
    """The constituency file as last counted (so its SHA-256 matches the results page), else as it is now."""
    constituency = _exportable(request, pk)
    record = selectors.latest_count(constituency)
    data = record.constituency_file if record else files.constituency_file(files.core_constituency(constituency))
    response = HttpResponse(files.constituency_file_bytes(data), content_type="application/json; charset=utf-8")
    return _attachment(response, f"constituency-{files.constituency_id(constituency)}.json")


def _chunks(codes: Iterator[str], size: int = 10_000) -> Iterator[bytes]:
    pending: list[str] = []
    for line in jsonl_lines(codes):
        pending.append(line)
        if len(pending) >= size:
            yield "".join(pending).encode()
            pending = []
    yield "".join(pending).encode()


@guarded(READ_RESULTS, target="published_constituency")
def ballots_jsonl(request: HttpRequest, pk: int) -> HttpResponse | StreamingHttpResponse:
    """The ballots counted: imported here, or, for the electronic count, served where it was published."""
    constituency = _exportable(request, pk)
    record = selectors.latest_count(constituency)
    if record is not None and record.ballots_url:
        return redirect(record.ballots_url)
    response = StreamingHttpResponse(
        _chunks(files.stored_codes(constituency)), content_type="application/jsonl; charset=utf-8"
    )
    return _attachment(response, f"ballots-{files.constituency_id(constituency)}.jsonl")
