from django.urls import path

from ostan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_page, name="login"),
    path("logout/", views.logout_page, name="logout"),
    path("citizen/", views.citizen_start, name="citizen"),
    path("citizen/code/", views.citizen_verify, name="citizen_verify"),
]
