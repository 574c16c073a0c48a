from django.urls import path

from ostan.accounts import staff_views, views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_page, name="login"),
    path("logout/", views.logout_page, name="logout"),
    path("password/", views.password_change, name="password_change"),
    path("post/", views.post_page, name="post"),
    path("citizen/", views.citizen_start, name="citizen"),
    path("citizen/code/", views.citizen_verify, name="citizen_verify"),
    path("staff/", staff_views.staff_list, name="staff_list"),
    path("staff/new/", staff_views.staff_new, name="staff_new"),
    path("staff/units/", staff_views.staff_units, name="staff_units"),
    path("staff/<int:pk>/", staff_views.staff_detail, name="staff_detail"),
    path("staff/<int:pk>/role/", staff_views.staff_change, name="staff_change"),
    path("staff/<int:pk>/posts/", staff_views.staff_post_add, name="staff_post_add"),
    path("staff/posts/<int:post_pk>/end/", staff_views.staff_post_end, name="staff_post_end"),
    path("staff/<int:pk>/password/", staff_views.staff_password, name="staff_password"),
    path("staff/<int:pk>/deactivate/", staff_views.staff_state, {"change": "deactivate"}, name="staff_deactivate"),
    path("staff/<int:pk>/reactivate/", staff_views.staff_state, {"change": "reactivate"}, name="staff_reactivate"),
    path("staff/<int:pk>/unlock/", staff_views.staff_state, {"change": "unlock"}, name="staff_unlock"),
]
