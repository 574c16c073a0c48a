from django.urls import path

from ostan.auditlog import views

app_name = "auditlog"
urlpatterns = [path("", views.entry_list, name="entries")]
