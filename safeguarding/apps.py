from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafeguardingConfig(AppConfig):
    name = "safeguarding"
    verbose_name = _("Safeguarding")

    def ready(self) -> None:
        from . import actions, home, personal_data  # noqa: F401  (audit codes, panels, export)
