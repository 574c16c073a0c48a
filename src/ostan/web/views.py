from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.territory.selectors import unit_count


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"unit_count": unit_count(), "nav": "home"})
