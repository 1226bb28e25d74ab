"""This app's navigation items, home-page panels and audit labels."""

from django.utils.translation import gettext_lazy as _

from audit import actions
from core import home, navigation


def _staff(request) -> bool:
    from .access import can_read_picture

    return getattr(request, "person", None) is not None and can_read_picture(request.roles)


def _invited(request) -> bool:
    from .models import Invitation

    person = getattr(request, "person", None)
    return (
        person is not None
        and Invitation.objects.filter(person=person, answered_at__isnull=True).exists()
    )


def _mapping_context(request) -> dict:
    from .access import visible_initiatives
    from .selectors import picture

    result = picture(request.partnership)
    return {
        "visible": visible_initiatives(request.roles, request.partnership).count(),
        "picture": result,
        "gaps": result.gaps[:3],
    }


def _invited_context(request) -> dict:
    from .models import Invitation

    return {
        "invitations": Invitation.objects.filter(
            person=request.person, answered_at__isnull=True
        ).select_related("initiative")
    }


navigation.register(
    navigation.NavItem("mapping", _("Mapping"), "mapping:initiatives", _staff, order=60)
)
home.register(
    home.HomePanel("mapping", "mapping/home/panel.html", _staff, _mapping_context, order=60)
)
home.register(
    home.HomePanel(
        "mapping-invited", "mapping/home/invited.html", _invited, _invited_context, order=5
    )
)

for _code, _label in {
    "mapping.initiative.registered": _("Registered an initiative"),
    "mapping.initiative.updated": _("Changed an initiative"),
    "mapping.participation.updated": _("Recorded who takes part in an initiative"),
    "mapping.initiative.classified": _("Answered the questions that classify an initiative"),
    "mapping.classification.disputed": _("Recorded a disagreement with a classification"),
    "mapping.link.added": _("Linked an initiative to something on the site"),
    "mapping.link.removed": _("Removed a link from an initiative"),
    "mapping.invitation.created": _("Invited someone to rate the six ingredients"),
    "mapping.ingredients.answered": _("Rated the six ingredients"),
    "mapping.factor.added": _("Added a driver or barrier to the list"),
    "mapping.factors.recorded": _("Recorded an initiative's drivers and barriers"),
    "mapping.snapshot.taken": _("Kept a snapshot of the partnership picture"),
    "mapping.activity.added": _("Added a candidate activity"),
    "mapping.activity.scored": _("Scored a candidate activity"),
    "mapping.stakeholder.saved": _("Saved a stakeholder"),
    "mapping.step.updated": _("Updated progress on one of the five steps"),
    "mapping.register.exported": _("Downloaded the mapping register"),
    "mapping.board_pack.printed": _("Printed the co-production board pack"),
}.items():
    actions.register(_code, _label)
