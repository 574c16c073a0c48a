"""The project's URLs plus the audit-log pages at /audit/, until the root URLconf includes them."""

from django.urls import include, path

from ostan.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("audit/", include("ostan.auditlog.urls")), *project_urlpatterns]
