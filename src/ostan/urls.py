from django.contrib import admin
from django.urls import include, path

from ostan.api import api

admin.site.site_header = "مدیریت سامانه استان"
admin.site.site_title = "سامانه استان"
admin.site.index_title = "مدیریت"

urlpatterns = [
    path("", include("ostan.web.urls")),
    path("territory/", include("ostan.territory.urls")),
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
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
