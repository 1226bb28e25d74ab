"""This app's navigation items and home-page panels."""

from django.utils.translation import gettext_lazy as _

from core import home, navigation

from . import consent as consents
from .access import people_visible_to


def _is_person(request) -> bool:
    return getattr(request, "person", None) is not None


def _is_caseworker(request) -> bool:
    return _is_person(request) and request.roles.is_caseworker


def _is_staff(request) -> bool:
    return _is_person(request) and request.roles.is_staff


def _sees_numbers(request) -> bool:
    from .models import Role

    roles = getattr(request, "roles", None)
    return _is_person(request) and (
        roles.is_admin or roles.has(Role.COMMISSIONER) or roles.has(Role.BOARD_MEMBER)
    )


def _numbers_context(request) -> dict:
    from .selectors import partnership_numbers

    return {"numbers": partnership_numbers(request.partnership)}


def _is_admin(request) -> bool:
    return _is_person(request) and request.roles.is_admin


navigation.register(navigation.NavItem("home", _("Home"), "core:home", lambda r: True, order=0))
navigation.register(navigation.NavItem("me", _("Your details"), "people:me", _is_person, order=10))
navigation.register(
    navigation.NavItem("people", _("People"), "people:list", _is_caseworker, order=20)
)
navigation.register(
    navigation.NavItem(
        "organisations", _("Organisations"), "people:organisations", _is_staff, order=80
    )
)


def _member_context(request) -> dict:
    subject = request.subject
    standing = consents.current(subject)
    return {
        "subject": subject,
        "asset_count": subject.assets.count(),
        "missing_consents": [p for p in consents.purposes() if p.code not in standing],
    }


def _caseworker_context(request) -> dict:
    visible = people_visible_to(request.roles).active()
    return {
        "people_count": visible.count(),
        "recent_people": visible.order_by("-registered_at")[:5],
    }


def _staff_context(request) -> dict:
    person = request.person
    return {
        "my_memberships": person.memberships.filter(ended_on__isnull=True)
        .exclude(role="member")
        .select_related("organisation")
    }


home.register(
    home.HomePanel(
        "people.member", "people/home/member.html", _is_person, _member_context, order=10
    )
)
home.register(
    home.HomePanel(
        "people.caseworker",
        "people/home/caseworker.html",
        _is_caseworker,
        _caseworker_context,
        order=20,
    )
)
home.register(
    home.HomePanel("people.staff", "people/home/staff.html", _is_staff, _staff_context, order=80)
)
home.register(
    home.HomePanel(
        "people.numbers", "people/home/numbers.html", _sees_numbers, _numbers_context, order=60
    )
)
home.register(home.HomePanel("people.admin", "people/home/admin.html", _is_admin, order=90))
