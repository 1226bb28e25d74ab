"""Who may do what: roles from memberships, and who may open whose record.

Everything here takes the organisation or partnership explicitly, so the
rules stay the same if one instance ever hosts several partnerships.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from .models import CASEWORK_ROLES, STAFF_ROLES, Membership, Organisation, Person, Role


@dataclass
class Roles:
    """A person's active roles, as (role, organisation id) pairs."""

    person: Person | None
    grants: frozenset[tuple[str, int]] = field(default_factory=frozenset)

    @classmethod
    def for_person(cls, person: Person | None) -> "Roles":
        if person is None or person.erased_at is not None:
            return cls(person=None)
        pairs = Membership.objects.filter(
            person=person, ended_on__isnull=True, organisation__is_active=True
        ).values_list("role", "organisation_id")
        return cls(person=person, grants=frozenset(pairs))

    def has(self, role: str, organisation: Organisation | int | None = None) -> bool:
        if organisation is None:
            return any(r == role for r, _ in self.grants)
        org_id = organisation if isinstance(organisation, int) else organisation.pk
        return (role, org_id) in self.grants

    def organisations(self, *roles: str) -> set[int]:
        return {org for r, org in self.grants if r in roles}

    @property
    def is_admin(self) -> bool:
        return self.has(Role.ADMINISTRATOR)

    @property
    def is_staff(self) -> bool:
        return any(r in STAFF_ROLES for r, _ in self.grants)

    @property
    def is_caseworker(self) -> bool:
        return self.is_admin or any(r in CASEWORK_ROLES for r, _ in self.grants)

    @property
    def is_member(self) -> bool:
        return self.person is not None

    @property
    def labels(self) -> list[str]:
        present = {r for r, _ in self.grants}
        return [str(label) for value, label in Role.choices if value in present]


def people_visible_to(roles: Roles) -> QuerySet[Person]:
    """The people whose records this viewer may open (never erased ones' details)."""
    person = roles.person
    if person is None:
        return Person.objects.none()
    base = Person.objects.filter(partnership_id=person.partnership_id)
    if roles.is_admin:
        return base
    orgs = roles.organisations(*CASEWORK_ROLES)
    if not orgs:
        return base.filter(pk=person.pk)
    return base.filter(
        memberships__organisation_id__in=orgs, memberships__ended_on__isnull=True
    ).distinct()


def can_view_person(roles: Roles, person: Person) -> bool:
    if roles.person is None:
        return False
    if roles.person.pk == person.pk:
        return True
    return people_visible_to(roles).filter(pk=person.pk).exists()


def can_manage_person(roles: Roles, person: Person) -> bool:
    """Staff who may change someone's record and act for them (not themselves)."""
    if roles.person is None or roles.person.pk == person.pk or person.erased_at:
        return False
    return roles.is_caseworker and can_view_person(roles, person)


def organisations_for_registering(roles: Roles) -> QuerySet[Organisation]:
    """Organisations a member of staff may register new people into."""
    if roles.person is None:
        return Organisation.objects.none()
    qs = Organisation.objects.filter(partnership_id=roles.person.partnership_id, is_active=True)
    if roles.is_admin:
        return qs
    return qs.filter(pk__in=roles.organisations(*CASEWORK_ROLES))
