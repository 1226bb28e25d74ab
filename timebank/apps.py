from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TimebankConfig(AppConfig):
    name = "timebank"
    verbose_name = _("Time bank")

    def ready(self) -> None:
        from . import actions, dbguard, home, privacy  # noqa: F401

        actions.register_all()
        dbguard.install()
