from django.urls import URLPattern, URLResolver, path

from ostan.polling import views

app_name = "polling"
urlpatterns: list[URLPattern | URLResolver] = [
    path("checkin/", views.checkin, name="checkin"),
    path("kiosk/", views.kiosk, name="kiosk"),
    path("mine/", views.mine, name="mine"),
    path("guide/", views.guide_index, name="guide_index"),
    path("guide/<int:pk>/", views.guide, name="guide"),
    path("paper/<str:ballot_id>/", views.paper, name="paper"),
    path("paper/<str:ballot_id>/pdf/", views.paper_pdf, name="paper_pdf"),
    path("stations/", views.stations, name="stations"),
    path("stations/<int:pk>/", views.station, name="station"),
    path("stations/<int:pk>/devices/", views.device_new, name="device_new"),
    path("stations/<int:pk>/devices/<int:device_pk>/deactivate/", views.device_deactivate, name="device_deactivate"),
    path("stations/<int:pk>/officials/", views.official_add, name="official_add"),
    path("stations/<int:pk>/close/", views.close, name="close"),
    path("stations/<int:pk>/tokens/replace/", views.token_replace, name="token_replace"),
    path("stations/<int:pk>/tokens/lost/", views.token_lost, name="token_lost"),
    path("minutes/<int:pk>/", views.minutes_print, name="minutes"),
    path("minutes/<int:pk>/pdf/", views.minutes_pdf, name="minutes_pdf"),
    path("minutes/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("roll/", views.roll, name="roll"),
    path("roll/synthetic/", views.roll_synthetic, name="roll_synthetic"),
]
