from django.urls import path

from ostan.elections import views

app_name = "elections"
urlpatterns = [
    path("", views.home, name="home"),
    path("c/<int:pk>/", views.constituency, name="constituency"),
    path("c/<int:pk>/import/<str:kind>/", views.import_file, name="import"),
    path("c/<int:pk>/count/", views.count, name="count"),
    path("c/<int:pk>/publish/", views.publish, name="publish"),
    path("c/<int:pk>/lot-seed/", views.set_seed, name="lot_seed"),
    path("c/<int:pk>/results/", views.results, name="results"),
    path("c/<int:pk>/results.json", views.results_json, name="results_json"),
    path("c/<int:pk>/results.csv", views.results_csv, name="results_csv"),
    path("c/<int:pk>/constituency.json", views.constituency_json, name="constituency_json"),
    path("c/<int:pk>/ballots.jsonl", views.ballots_jsonl, name="ballots_jsonl"),
]
