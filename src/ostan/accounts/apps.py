from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ostan.accounts"
    label = "accounts"
    verbose_name = "حساب‌ها و نقش‌ها"
