from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.access.guards import guarded
from ostan.territory.selectors import unit_count
from ostan.web.permissions import READ_SITE


@guarded(READ_SITE)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"unit_count": unit_count(), "nav": "home"})
