"""Safeguarding's navigation item and home-page panels."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import home, navigation
from people import record_links


def _is_person(request) -> bool:
    return getattr(request, "person", None) is not None


def _is_staff(request) -> bool:
    from .access import is_safeguarding_staff

    return _is_person(request) and is_safeguarding_staff(request.roles)


def _staff_context(request) -> dict:
    from . import selectors
    from .access import managed_organisations

    organisations = list(managed_organisations(request.roles))
    today = timezone.localdate()
    expiring = expired = 0
    for organisation in organisations:
        rows = selectors.register(organisation, today)
        expiring += len(rows["expiring"])
        expired += len(rows["expired"])
    concerns = selectors.open_concerns(organisations, request.person)
    return {
        "organisations": organisations,
        "first": organisations[0] if len(organisations) == 1 else None,
        "expiring": expiring,
        "expired": expired,
        "concerns": concerns[:5],
        "concern_count": len(concerns),
        "overdue": selectors.overdue_visits(organisations),
    }


def _has_visits_today(request) -> bool:
    if not _is_person(request):
        return False
    from .selectors import todays_visits

    return todays_visits(request.subject).exists()


def _helper_context(request) -> dict:
    from .selectors import todays_visits

    return {"visits": todays_visits(request.subject)}


navigation.register(
    navigation.NavItem("safeguarding", _("Safeguarding"), "safeguarding:index", _is_staff, order=45)
)
home.register(
    home.HomePanel(
        "safeguarding.staff",
        "safeguarding/home/staff.html",
        _is_staff,
        _staff_context,
        order=15,
    )
)
home.register(
    home.HomePanel(
        "safeguarding.helper",
        "safeguarding/home/helper.html",
        _has_visits_today,
        _helper_context,
        order=5,
    )
)
home.register(
    home.HomePanel("safeguarding.member", "safeguarding/home/member.html", _is_person, order=95)
)


def _checks_link(request, person, staff):
    """From a person's record: their checks with the first organisation that both
    manages safeguarding for this viewer and counts the person as a member; for
    the person themselves, their own checks."""
    from django.urls import reverse

    from .access import managed_organisations, members_of

    if not staff:
        return reverse("safeguarding:me") if request.subject == person else None
    for organisation in managed_organisations(request.roles).order_by("pk"):
        if members_of(organisation).filter(pk=person.pk).exists():
            return reverse("safeguarding:helper", args=[organisation.slug, person.pk])
    return None


record_links.register(
    record_links.RecordLink("safeguarding-checks", _("Safeguarding checks"), _checks_link, order=30)
)
