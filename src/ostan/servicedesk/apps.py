from django.apps import AppConfig


class ServicedeskConfig(AppConfig):
    name = "ostan.servicedesk"
    label = "servicedesk"
    verbose_name = "میز خدمت"
