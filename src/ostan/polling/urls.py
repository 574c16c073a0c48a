from django.urls import URLPattern, URLResolver

app_name = "polling"
urlpatterns: list[URLPattern | URLResolver] = []
