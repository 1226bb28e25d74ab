"""Who may see and change safeguarding records.

Brokers of an organisation and the partnership's administrators look after
its safeguarding; nobody else sees its checks, flags or concerns. Members see
only their own checks and visits, and the concerns they raised.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from people.access import Roles
from people.models import Organisation, Person, Role


def managed_organisations(roles: Roles) -> QuerySet[Organisation]:
    """The organisations whose safeguarding this person looks after."""
    person = roles.person
    if person is None:
        return Organisation.objects.none()
    qs = Organisation.objects.filter(partnership_id=person.partnership_id, is_active=True)
    if roles.is_admin:
        return qs
    return qs.filter(pk__in=roles.organisations(Role.BROKER))


def can_manage(roles: Roles, organisation: Organisation | int) -> bool:
    org_id = organisation if isinstance(organisation, int) else organisation.pk
    return managed_organisations(roles).filter(pk=org_id).exists()


def is_safeguarding_staff(roles: Roles) -> bool:
    return roles.person is not None and (roles.is_admin or roles.has(Role.BROKER))


def organisation_for(request, slug: str) -> Organisation:
    """The organisation in the address, if this person looks after its safeguarding."""
    if request.person is None:
        raise PermissionDenied
    organisation = get_object_or_404(
        Organisation, partnership=request.partnership, slug=slug, is_active=True
    )
    if not can_manage(request.roles, organisation):
        raise PermissionDenied
    return organisation


def members_of(organisation: Organisation) -> QuerySet[Person]:
    """People with an active role in the organisation (who may be helped or help)."""
    return (
        Person.objects.filter(
            memberships__organisation=organisation,
            memberships__ended_on__isnull=True,
            erased_at__isnull=True,
        )
        .distinct()
        .order_by("family_name", "given_name", "pk")
    )


def brokers_of(organisation: Organisation) -> QuerySet[Person]:
    return Person.objects.filter(
        memberships__organisation=organisation,
        memberships__role=Role.BROKER,
        memberships__ended_on__isnull=True,
        erased_at__isnull=True,
    ).distinct()


def people_to_tell(organisation: Organisation, *, exclude: Person | None = None) -> list[Person]:
    """The organisation's brokers, or if it has none (or the only one is the person a
    concern is about) the partnership's administrators."""
    brokers = brokers_of(organisation)
    if exclude is not None:
        brokers = brokers.exclude(pk=exclude.pk)
    found = list(brokers)
    if found:
        return found
    admins = Person.objects.filter(
        partnership_id=organisation.partnership_id,
        memberships__role=Role.ADMINISTRATOR,
        memberships__ended_on__isnull=True,
        erased_at__isnull=True,
    ).distinct()
    if exclude is not None:
        admins = admins.exclude(pk=exclude.pk)
    return list(admins)
