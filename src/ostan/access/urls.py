from django.urls import path

from ostan.access import views

app_name = "access"
urlpatterns = [
    path("", views.organisation_list, name="organisations"),
    path("new/", views.organisation_new, name="organisation_new"),
    path("import/", views.organisation_import, name="organisation_import"),
    path("<str:code>/", views.organisation_detail, name="organisation"),
    path("<str:code>/edit/", views.organisation_edit, name="organisation_edit"),
]
