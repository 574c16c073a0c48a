from django.urls import path

from ostan.territory import views

app_name = "territory"
urlpatterns = [path("", views.browse, name="browse")]
