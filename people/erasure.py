"""Erasure: remove everything that says who a person was, keep the counts.

The person row stays (so ledgers, memberships and totals still add up) but
every field that identifies them is emptied, their login is deleted, and
each app clears its own free text through a registered handler.
"""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record

from .models import Consent, Membership, Person

Handler = Callable[[Person], None]
_handlers: list[Handler] = []

REMOVED = "(removed)"


def register(handler: Handler) -> Handler:
    """Register a function that clears an app's personal data about a person."""
    _handlers.append(handler)
    return handler


def _anonymise_person(person: Person) -> None:
    # Keep the age band (not identifying on its own) so counts by age stay right.
    person.age_band = person.effective_age_band()
    for name in (
        "given_name",
        "family_name",
        "preferred_name",
        "email",
        "phone",
        "address",
        "postcode",
        "contact_via_name",
        "contact_via_details",
        "interpreter_language",
        "other_access_needs",
        "what_matters",
        "disability",
    ):
        setattr(person, name, "")
    for name in (
        "needs_large_print",
        "needs_easy_read",
        "needs_interpreter",
        "needs_bsl",
        "needs_hearing_loop",
    ):
        setattr(person, name, False)
    person.date_of_birth = None
    person.availability = 0
    person.erased_at = timezone.now()


@register
def _clear_people_records(person: Person) -> None:
    person.assets.update(in_their_words="")
    person.notices.update(subject=REMOVED, body=REMOVED, recipient_name="", recipient_details="")
    # The description names someone; the row (and so the count of carers) stays.
    person.caring_for.exclude(cared_for_description="").update(cared_for_description=REMOVED)
    Consent.objects.filter(person=person, given_by=Consent.GivenBy.ON_BEHALF).update(
        given_by_name=REMOVED, given_by_relationship=""
    )
    Membership.objects.filter(person=person, ended_on__isnull=True).update(
        ended_on=timezone.localdate()
    )


@transaction.atomic
def person_erase(*, person: Person, by) -> Person:
    if person.erased_at:
        return person
    user = person.user
    own = user is not None and by is not None and by.pk == user.pk
    person.user = None
    _anonymise_person(person)
    person.save()
    for handler in _handlers:
        handler(person)
    if user is not None:
        user.delete()
    # Someone erasing themselves has no login left to name as the actor.
    audit_record(
        "people.person.erased",
        actor=None if own else by,
        person=person,
        target=person,
        data={"by_themselves": own},
    )
    return person
