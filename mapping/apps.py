from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MappingConfig(AppConfig):
    name = "mapping"
    verbose_name = _("Mapping co-production")

    def ready(self) -> None:
        from . import home, personal_data  # noqa: F401  (navigation, panels, audit labels, export)
