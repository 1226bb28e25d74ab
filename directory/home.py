"""The directory's navigation items and home-page panels."""

from django.utils.translation import gettext_lazy as _

from core import home, navigation
from people import record_links

from .access import can_signpost, is_editor


def _is_editor(request) -> bool:
    return getattr(request, "person", None) is not None and is_editor(request.roles)


def _signposts(request) -> bool:
    return getattr(request, "person", None) is not None and can_signpost(request.roles)


def _editor_context(request) -> dict:
    from .selectors import queue_counts

    return {"counts": queue_counts(request.partnership)}


navigation.register(
    navigation.NavItem("directory", _("Find help"), "directory:search", lambda r: True, order=30)
)
navigation.register(
    navigation.NavItem(
        "directory-queue", _("Directory queue"), "directory:queue", _is_editor, order=70
    )
)
home.register(
    home.HomePanel("directory.search", "directory/home/search.html", lambda r: True, order=40)
)
home.register(
    home.HomePanel(
        "directory.editor", "directory/home/editor.html", _is_editor, _editor_context, order=45
    )
)
home.register(
    home.HomePanel("directory.signpost", "directory/home/signpost.html", _signposts, order=46)
)


def _kept_entries(request):
    from people.models import STAFF_ROLES

    from .models import ServiceProfile

    orgs = request.roles.organisations(*STAFF_ROLES)
    return (
        ServiceProfile.objects.filter(partnership=request.partnership, owner_id__in=orgs)
        .select_related("service")
        .order_by("-freshness", "service__name")
    )


def _keeps_entries(request) -> bool:
    return getattr(request, "person", None) is not None and _kept_entries(request).exists()


home.register(
    home.HomePanel(
        "directory.kept",
        "directory/home/kept.html",
        _keeps_entries,
        lambda request: {"entries": _kept_entries(request)[:10]},
        order=47,
    )
)


def _shortlist_link(request, person, staff):
    from django.urls import reverse

    from people.access import can_view_person

    if staff and _signposts(request) and can_view_person(request.roles, person):
        return reverse("directory:shortlist-new", args=[person.pk])
    return None


record_links.register(
    record_links.RecordLink(
        "directory-shortlist", _("Suggest groups and services"), _shortlist_link
    )
)
