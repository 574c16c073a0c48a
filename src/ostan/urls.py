from django.contrib import admin
from django.urls import include, path

from ostan.api import api
from ostan.territory import urls as territory_urls
from ostan.web.units import unit_page

admin.site.site_header = "مدیریت سامانه استان"
admin.site.site_title = "سامانه استان"
admin.site.index_title = "مدیریت"

territory_patterns = [
    path("u/<str:code>/", unit_page, name="unit"),
    *(p for p in territory_urls.urlpatterns if getattr(p, "name", None) != "unit"),
]

urlpatterns = [
    path("", include("ostan.web.urls")),
    # A unit's page is the site's: the territory's facts joined with every area's summary (ostan.web.units).
    path("territory/", include((territory_patterns, "territory"))),
    path("accounts/", include("ostan.accounts.urls")),
    path("organisations/", include("ostan.access.urls")),
    path("elections/", include("ostan.elections.urls")),
    path("polling/", include("ostan.polling.urls")),
    path("results/", include("ostan.publication.urls")),
    path("audit/", include("ostan.auditlog.urls")),
    path("desk/", include("ostan.servicedesk.urls")),
    path("network/", include("ostan.network.urls")),
    path("open311/v2/", include("ostan.servicedesk.open311_urls")),
    path("indicators/", include("ostan.indicators.urls")),
    path("programs/", include("ostan.programs.urls")),
    path("participation/", include("ostan.participation.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
