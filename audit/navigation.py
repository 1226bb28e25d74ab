from django.utils.translation import gettext_lazy as _

from core import navigation


def _is_admin(request) -> bool:
    return getattr(request, "person", None) is not None and request.roles.is_admin


navigation.register(navigation.NavItem("audit", _("Audit log"), "audit:log", _is_admin, order=90))
