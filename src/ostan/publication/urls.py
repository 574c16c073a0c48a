from django.urls import URLPattern, URLResolver, path

from ostan.publication import views

app_name = "publication"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("c/<int:pk>/", views.constituency, name="constituency"),
    path("c/<str:code>/", views.constituency_by_code, name="constituency_code"),
    path("c/<int:pk>/ballots.jsonl", views.ballots_jsonl, name="ballots"),
    path("s/<int:pk>/", views.station, name="station"),
    path("bulletin/", views.bulletin, name="bulletin"),
    path("bulletin/<int:seq>.json", views.payload, name="payload"),
    path("receipt/", views.receipt, name="receipt"),
    path("chain.jsonl", views.chain_jsonl, name="chain"),
    path("keys.json", views.keys_json, name="keys"),
    path("manifest.json", views.manifest_json, name="manifest"),
    path("manifest.pdf", views.manifest_print, name="manifest_pdf"),
    path("tree-head.json", views.tree_head_json, name="tree_head"),
    path("opening/", views.opening, name="opening"),
    path("u/<str:code>/", views.unit_totals, name="unit_totals"),
    path("u/<str:code>/publish/<int:round_pk>/", views.publish_unit_totals, name="publish_unit_totals"),
    path("opening/<int:pk>/", views.open_round, name="open_round"),
    path("day/", views.day, name="day"),
    path("s/<int:pk>/publish/", views.publish_station, name="publish_station"),
    path("c/<int:pk>/aggregate/", views.aggregate, name="aggregate"),
    path("c/<int:pk>/publish/", views.publish_result, name="publish_result"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/panel/", views.dashboard_panel, name="dashboard_panel"),
]
