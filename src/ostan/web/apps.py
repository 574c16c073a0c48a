from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "ostan.web"
    label = "web"
    verbose_name = "پوسته وب"
