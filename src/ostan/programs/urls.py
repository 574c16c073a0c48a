from django.urls import path

from ostan.programs.views import figures, library, projects

app_name = "programs"
urlpatterns = [
    path("", projects.index, name="index"),
    path("new/", projects.create, name="create"),
    path("rollup/", projects.rollup, name="rollup"),
    path("<int:pk>/", projects.project, name="project"),
    path("<int:pk>/progress/", projects.progress, name="progress"),
    path("<int:pk>/adopt/", projects.adopt, name="adopt"),
    path("<int:pk>/publish/", projects.publish, name="publish"),
    path("<int:pk>/critique/", projects.critique, name="critique"),
    path("evidence/<int:pk>/", projects.evidence_file, name="evidence"),
    path("deprivation/", figures.deprivation, name="deprivation"),
    path("outcomes/", figures.outcomes, name="outcomes"),
    path("outcomes/record/", figures.record_outcome, name="record_outcome"),
    path("outcomes/publish/", figures.publish_achievements, name="publish_achievements"),
    path("achievements/", figures.achievements, name="achievements"),
    path("achievements/<str:code>/<int:year>/", figures.achievements_page, name="achievements_page"),
    path("library/", library.library, name="library"),
    path("library/<int:pk>/", library.experience, name="experience"),
    path("offices/", library.offices, name="offices"),
    path("offices/<str:code>/", library.office, name="office"),
    path("offices/<str:code>/critique/", library.office_critique, name="office_critique"),
]
