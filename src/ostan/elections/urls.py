from django.urls import path

from ostan.elections import views

app_name = "elections"
urlpatterns = [
    path("", views.home, name="home"),
    path("rounds/", views.rounds, name="rounds"),
    path("rounds/<int:pk>/status/", views.round_status, name="round_status"),
    path("rounds/<int:pk>/schedule/", views.round_schedule, name="round_schedule"),
    path("rounds/<int:pk>/constituencies/new/", views.constituency_new, name="constituency_new"),
    path("rounds/<int:pk>/settlements/", views.settlements, name="settlements"),
    path("rounds/<int:pk>/population/", views.population, name="population"),
    path("c/<int:pk>/", views.constituency, name="constituency"),
    path("c/<int:pk>/voting/", views.voting, name="voting"),
    path("c/<int:pk>/candidates/new/", views.candidate_new, name="candidate_new"),
    path("c/<int:pk>/candidates/<int:candidate_pk>/", views.candidate_edit, name="candidate_edit"),
    path("c/<int:pk>/candidates/<int:candidate_pk>/photo/", views.candidate_photo, name="candidate_photo"),
    path("c/<int:pk>/lists/new/", views.list_new, name="list_new"),
    path("c/<int:pk>/import/<str:kind>/", views.import_file, name="import"),
    path("c/<int:pk>/count/", views.count, name="count"),
    path("c/<int:pk>/publish/", views.publish, name="publish"),
    path("c/<int:pk>/lot-seed/", views.set_seed, name="lot_seed"),
    path("c/<int:pk>/results/", views.results, name="results"),
    path("c/<int:pk>/results.json", views.results_json, name="results_json"),
    path("c/<int:pk>/results.csv", views.results_csv, name="results_csv"),
    path("c/<int:pk>/constituency.json", views.constituency_json, name="constituency_json"),
    path("c/<int:pk>/ballots.jsonl", views.ballots_jsonl, name="ballots_jsonl"),
    path("photo/<int:pk>/", views.photo, name="photo"),
]
