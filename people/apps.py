from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People and organisations")

    def ready(self) -> None:
        from . import home, signals  # noqa: F401  (navigation, home panels, signals)
