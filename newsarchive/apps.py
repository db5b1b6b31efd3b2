"""django-axes under a translatable name: its AppConfig has none, so the admin index showed "Axes"
in every language."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class LoginLockoutConfig(AxesAppConfig):
    verbose_name = _("Khoá đăng nhập")
