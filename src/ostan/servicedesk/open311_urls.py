"""Open311 GeoReport v2, mounted at ``/open311/v2/``: every resource as ``.json`` and as ``.xml``."""

from django.urls import path

from ostan.servicedesk.open311 import FORMATS
from ostan.servicedesk.views import open311

app_name = "open311"
urlpatterns = []
for fmt in FORMATS:
    urlpatterns += [
        path(f"discovery.{fmt}", open311.discovery, {"fmt": fmt}, name=f"discovery_{fmt}"),
        path(f"services.{fmt}", open311.services, {"fmt": fmt}, name=f"services_{fmt}"),
        path(f"services/<slug:code>.{fmt}", open311.service_definition, {"fmt": fmt}, name=f"service_{fmt}"),
        path(f"requests.{fmt}", open311.requests, {"fmt": fmt}, name=f"requests_{fmt}"),
        path(f"requests/<str:code>.{fmt}", open311.one_request, {"fmt": fmt}, name=f"request_{fmt}"),
        path(f"tokens/<str:code>.{fmt}", open311.token, {"fmt": fmt}, name=f"token_{fmt}"),
    ]
