"""Whose record a page is about, and the links between a record's pages.

The same views serve a member's own pages (/me/...) and staff's pages about
someone (/people/<id>/...). `record_for` finds the person and checks access;
`RecordPages` builds the right links for whichever way in was used.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse

from audit.services import audit_record

from .access import can_manage_person
from .models import Person

SECTIONS = (
    "detail",
    "edit",
    "access",
    "what-matters",
    "availability",
    "assets",
    "caring",
    "consents",
    "data",
    "data-json",
    "erase",
)


class RecordPages:
    def __init__(self, person: Person, staff: bool):
        self.person = person
        self.staff = staff

    def __getitem__(self, section: str) -> str:
        # Templates look attributes up as keys first: only sections are keys.
        if section not in SECTIONS:
            raise KeyError(section)
        return self.url(section)

    def url(self, section: str, *args) -> str:
        if self.staff:
            name = "people:person-detail" if section == "detail" else f"people:person-{section}"
            return reverse(name, args=[self.person.pk, *args])
        name = "people:me" if section == "detail" else f"people:me-{section}"
        return reverse(name, args=args)


def record_for(request, pk: int | None) -> tuple[Person, RecordPages]:
    """The person a page is about, checked. Staff opening any page of someone's
    record is written to the audit log as a sensitive view."""
    if pk is None:
        if request.subject is None:
            raise PermissionDenied
        return request.subject, RecordPages(request.subject, staff=False)
    person = get_object_or_404(Person, pk=pk, partnership=request.partnership)
    if not can_manage_person(request.roles, person):
        raise PermissionDenied
    if request.method == "GET":
        page = request.resolver_match.url_name if request.resolver_match else ""
        audit_record(
            "people.person.viewed",
            actor=request.user,
            person=person,
            target=person,
            sensitive=True,
            data={"page": page},
        )
    return person, RecordPages(person, staff=True)
