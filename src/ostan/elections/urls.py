from django.urls import path

from ostan.elections import views

app_name = "elections"
urlpatterns = [path("", views.home, name="home")]
