from django.urls import path

from ostan.indicators.views import catalogue, figures, units

app_name = "indicators"
urlpatterns = [
    path("", catalogue.catalogue, name="catalogue"),
    path("new/", catalogue.indicator_new, name="indicator_new"),
    path("rules/new/", catalogue.rule_new, name="rule_new"),
    path("import/", units.values_import, name="import"),
    path("units/<str:code>/", units.unit_dashboard, name="dashboard"),
    path("units/<str:code>/entry/", units.unit_entry, name="entry"),
    path("units/<str:code>/completeness/", units.unit_completeness, name="completeness"),
    path("units/<str:code>/targets/", units.unit_targets, name="targets"),
    path("i/<slug:indicator>/", figures.indicator_page, name="indicator"),
    path("i/<slug:indicator>/edit/", catalogue.indicator_edit, name="indicator_edit"),
    path("i/<slug:indicator>/export/", figures.indicator_export, name="export"),
]
