from django.urls import path

from ostan.territory import views

app_name = "territory"
urlpatterns = [
    path("", views.browse, name="browse"),
    path("u/<str:code>/", views.unit, name="unit"),
    path("u/<str:code>/neighbourhoods/", views.add_neighbourhood, name="add_neighbourhood"),
    path("u/<str:code>/population/", views.set_population, name="set_population"),
    path("search/", views.search, name="search"),
    path("map/", views.map_view, name="map"),
    path("map/<str:province_code>/", views.map_view, name="province_map"),
]
