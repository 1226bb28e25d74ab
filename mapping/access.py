"""Who may read and change the mapping register.

Everyone on the staff side may see the partnership picture (numbers, no
names). An initiative's own record is for the staff of its lead and partner
organisations, its owner, commissioners, the co-production board (who read
everything) and administrators. Only its owner and administrators change it.
A respondent sees only their own invitation.
"""

from django.db.models import Q, QuerySet

from people.access import Roles
from people.models import STAFF_ROLES, Role

from .models import Initiative, Invitation


def sees_everything(roles: Roles) -> bool:
    return roles.is_admin or roles.has(Role.COMMISSIONER) or roles.has(Role.BOARD_MEMBER)


def can_read_picture(roles: Roles) -> bool:
    return roles.person is not None and roles.is_staff


def can_register(roles: Roles) -> bool:
    """Staff who run things may register an initiative; the board reads and challenges."""
    if roles.person is None:
        return False
    return roles.is_admin or bool(roles.organisations(*(STAFF_ROLES - {Role.BOARD_MEMBER})))


def can_shape_focus(roles: Roles) -> bool:
    """Commissioners and administrators keep the priority list, stakeholders and steps."""
    return roles.person is not None and (roles.is_admin or roles.has(Role.COMMISSIONER))


def visible_initiatives(roles: Roles, partnership) -> QuerySet[Initiative]:
    person = roles.person
    if person is None or not roles.is_staff or person.partnership_id != partnership.pk:
        return Initiative.objects.none()
    qs = Initiative.objects.filter(partnership=partnership)
    if sees_everything(roles):
        return qs
    orgs = roles.organisations(*STAFF_ROLES)
    return qs.filter(
        Q(owner=person) | Q(lead_organisation_id__in=orgs) | Q(partners__in=orgs)
    ).distinct()


def can_view(roles: Roles, initiative: Initiative) -> bool:
    person = roles.person
    if person is None or not roles.is_staff or person.partnership_id != initiative.partnership_id:
        return False
    if sees_everything(roles) or initiative.owner_id == person.pk:
        return True
    return bool(roles.organisations(*STAFF_ROLES) & initiative.organisation_ids())


def can_edit(roles: Roles, initiative: Initiative) -> bool:
    person = roles.person
    if person is None or person.partnership_id != initiative.partnership_id:
        return False
    return roles.is_admin or initiative.owner_id == person.pk


def can_answer(roles: Roles, invitation: Invitation) -> bool:
    """A signed-in respondent may open an invitation made out to them by name."""
    return roles.person is not None and invitation.person_id == roles.person.pk
