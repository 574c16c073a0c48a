from django.urls import URLPattern, URLResolver, path

from ostan.polling import views

app_name = "polling"
urlpatterns: list[URLPattern | URLResolver] = [
    path("checkin/", views.checkin, name="checkin"),
    path("kiosk/", views.kiosk, name="kiosk"),
    path("paper/<str:ballot_id>/", views.paper, name="paper"),
    path("stations/<int:pk>/", views.station, name="station"),
    path("stations/<int:pk>/close/", views.close, name="close"),
    path("minutes/<int:pk>/", views.minutes_print, name="minutes"),
    path("minutes/<int:pk>/confirm/", views.confirm, name="confirm"),
]
