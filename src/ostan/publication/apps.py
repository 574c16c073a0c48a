from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "ostan.publication"
    label = "publication"
    verbose_name = "تجمیع و انتشار نتایج"
