"""Writes about people: each service validates, writes, and records what happened.

Services take who did it (`by`, a user) and, when a member of staff is acting
for someone, `on_behalf_of` (that person); the audit log keeps both.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.errors import DomainError
from lib import postcode as postcodes

from . import consent as consents
from .models import (
    AssetCategory,
    CarerRelationship,
    Consent,
    Membership,
    Organisation,
    Partnership,
    Person,
    PersonAsset,
    Role,
)

# Special-category fields: kept only with consent for the "health" purpose.
HEALTH_FIELDS = (
    "needs_large_print",
    "needs_easy_read",
    "needs_interpreter",
    "interpreter_language",
    "needs_bsl",
    "needs_hearing_loop",
    "other_access_needs",
    "disability",
)
DETAIL_FIELDS = (
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "age_band",
    "email",
    "phone",
    "address",
    "postcode",
    "area",
    "contact_route",
    "contact_via_name",
    "contact_via_details",
)
EDITABLE_FIELDS = DETAIL_FIELDS + HEALTH_FIELDS + ("what_matters", "availability")


@dataclass(frozen=True)
class ConsentGiven:
    """What a form collected about one consent, before it is recorded."""

    purpose: str
    method: str
    given_by: str = Consent.GivenBy.SELF
    given_by_name: str = ""
    given_by_relationship: str = ""


def _clean_details(data: dict) -> dict:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    if data.get("postcode"):
        normal = postcodes.normalise(data["postcode"])
        if normal is None:
            raise DomainError(_("Enter a real postcode, like KY1 1AA"), field="postcode")
        data = {**data, "postcode": normal}
    return data


def _check_health_consent(person: Person, data: dict) -> None:
    """Adding health or access information needs consent; clearing it never does."""
    adds_health = any(data.get(name) for name in HEALTH_FIELDS)
    if adds_health and not consents.has(person, consents.HEALTH):
        raise DomainError(
            _("Record consent for health and access needs before adding them."),
            code="consent_missing",
            field="needs_large_print",
        )


@transaction.atomic
def person_register(
    *,
    partnership: Partnership,
    organisation: Organisation,
    by,
    details: dict,
    consents_given: list[ConsentGiven] = (),
) -> Person:
    """Register someone, with or without a login, as a member of an organisation."""
    details = _clean_details(details)
    if organisation.partnership_id != partnership.pk:
        raise DomainError(_("That organisation is not part of this partnership."))
    person = Person.objects.create(
        partnership=partnership,
        registered_by=by,
        **{k: v for k, v in details.items() if k not in HEALTH_FIELDS},
    )
    for given in consents_given:
        consent_give(person=person, given=given, by=by)
    health = {k: v for k, v in details.items() if k in HEALTH_FIELDS}
    if health:
        person_update(person=person, by=by, data=health, log=False)
    Membership.objects.create(
        person=person, organisation=organisation, role=Role.MEMBER, granted_by=by
    )
    audit_record(
        "people.person.registered",
        actor=by,
        person=person,
        organisation=organisation,
        target=person,
        data={"consents": [g.purpose for g in consents_given]},
    )
    return person


@transaction.atomic
def person_update(
    *, person: Person, by, data: dict, on_behalf_of: Person | None = None, log: bool = True
) -> list[str]:
    """Change someone's details; returns the names of the fields that changed."""
    if person.erased_at:
        raise DomainError(_("This person's details were removed and cannot be changed."))
    data = _clean_details(data)
    changed = [name for name, value in data.items() if getattr(person, name) != value]
    if not changed:
        return []
    _check_health_consent(person, {k: data[k] for k in changed})
    for name in changed:
        setattr(person, name, data[name])
    person.save(update_fields=[*changed, "updated_at"])
    if log:
        audit_record(
            "people.person.updated",
            actor=by,
            person=person,
            on_behalf_of=on_behalf_of,
            target=person,
            data={"fields": changed},
            sensitive=bool(set(changed) & set(HEALTH_FIELDS)),
        )
    return changed


def asset_add(
    *,
    person: Person,
    category: AssetCategory,
    in_their_words: str,
    by,
    on_behalf_of: Person | None = None,
) -> PersonAsset:
    if category.partnership_id != person.partnership_id or not category.is_active:
        raise DomainError(_("Choose a category from the list."), field="category")
    try:
        with transaction.atomic():
            asset = PersonAsset.objects.create(
                person=person, category=category, in_their_words=in_their_words, created_by=by
            )
    except IntegrityError as error:
        raise DomainError(
            _("“%(category)s” is already on the list.") % {"category": category},
            code="duplicate",
            field="category",
        ) from error
    audit_record(
        "people.asset.added",
        actor=by,
        person=person,
        on_behalf_of=on_behalf_of,
        target=asset,
        data={"category": category.pk},
    )
    return asset


def asset_remove(*, asset: PersonAsset, by, on_behalf_of: Person | None = None) -> None:
    audit_record(
        "people.asset.removed",
        actor=by,
        person=asset.person,
        on_behalf_of=on_behalf_of,
        data={"category": asset.category_id},
    )
    asset.delete()


def carer_add(
    *,
    carer: Person,
    relationship: str,
    by,
    cared_for: Person | None = None,
    cared_for_description: str = "",
    started_on: datetime.date | None = None,
    on_behalf_of: Person | None = None,
) -> CarerRelationship:
    if cared_for is not None and cared_for.pk == carer.pk:
        raise DomainError(_("Someone cannot be their own carer."), field="cared_for")
    if cared_for is None and not cared_for_description.strip():
        raise DomainError(_("Say who they care for."), field="cared_for_description")
    try:
        with transaction.atomic():
            link = CarerRelationship.objects.create(
                carer=carer,
                cared_for=cared_for,
                cared_for_description=cared_for_description,
                relationship=relationship,
                started_on=started_on,
                created_by=by,
            )
    except IntegrityError as error:
        raise DomainError(
            _("That caring relationship is already recorded."), code="duplicate"
        ) from error
    audit_record(
        "people.carer.added",
        actor=by,
        person=carer,
        on_behalf_of=on_behalf_of,
        target=link,
        data={"cared_for": cared_for.pk if cared_for else None},
    )
    return link


def carer_remove(*, link: CarerRelationship, by, on_behalf_of: Person | None = None) -> None:
    audit_record(
        "people.carer.removed",
        actor=by,
        person=link.carer,
        on_behalf_of=on_behalf_of,
        data={"cared_for": link.cared_for_id},
    )
    link.delete()


def consent_give(
    *, person: Person, given: ConsentGiven, by, on_behalf_of: Person | None = None
) -> Consent:
    """Record agreement to a purpose; agreeing again to a standing consent changes nothing."""
    purpose = consents.get(given.purpose)
    standing = consents.current(person).get(purpose.code)
    if standing is not None:
        return standing
    if given.given_by == Consent.GivenBy.ON_BEHALF and not given.given_by_name.strip():
        raise DomainError(
            _("Enter the name of the person who gave consent on their behalf."),
            field="given_by_name",
        )
    record = Consent.objects.create(
        person=person,
        purpose=purpose.code,
        lawful_basis=purpose.lawful_basis,
        given_by=given.given_by,
        given_by_name=given.given_by_name.strip(),
        given_by_relationship=given.given_by_relationship.strip(),
        method=given.method,
        recorded_by=by,
    )
    audit_record(
        "people.consent.given",
        actor=by,
        person=person,
        on_behalf_of=on_behalf_of,
        target=record,
        data={"purpose": purpose.code, "given_by": given.given_by, "method": given.method},
    )
    return record


@transaction.atomic
def consent_withdraw(
    *, person: Person, purpose: str, by, on_behalf_of: Person | None = None
) -> Consent | None:
    """Record a withdrawal. Without consent for health information, it is removed too."""
    standing = consents.current(person).get(purpose)
    if standing is None:
        return None
    standing.withdrawn_at = timezone.now()
    standing.withdrawn_by = by
    standing.save(update_fields=["withdrawn_at", "withdrawn_by"])
    if purpose == consents.HEALTH:
        cleared = {name: Person._meta.get_field(name).get_default() for name in HEALTH_FIELDS}
        person_update(person=person, by=by, data=cleared, on_behalf_of=on_behalf_of)
    audit_record(
        "people.consent.withdrawn",
        actor=by,
        person=person,
        on_behalf_of=on_behalf_of,
        target=standing,
        data={"purpose": purpose},
    )
    return standing


def membership_grant(*, person: Person, organisation: Organisation, role: str, by) -> Membership:
    if organisation.partnership_id != person.partnership_id:
        raise DomainError(_("That organisation is not part of this partnership."))
    if person.erased_at:
        raise DomainError(_("This person's details were removed."))
    existing = Membership.objects.filter(
        person=person, organisation=organisation, role=role, ended_on__isnull=True
    ).first()
    if existing:
        return existing
    membership = Membership.objects.create(
        person=person, organisation=organisation, role=role, granted_by=by
    )
    audit_record(
        "people.membership.granted",
        actor=by,
        person=person,
        organisation=organisation,
        target=membership,
        data={"role": role},
    )
    return membership


def membership_end(*, membership: Membership, by) -> None:
    if membership.ended_on is not None:
        return
    membership.ended_on = max(timezone.localdate(), membership.started_on)
    membership.save(update_fields=["ended_on"])
    audit_record(
        "people.membership.ended",
        actor=by,
        person=membership.person,
        organisation=membership.organisation,
        target=membership,
        data={"role": membership.role},
    )


def person_create_login(*, person: Person, email: str, by, request):
    """Give someone a login; they set their own password from the email they receive."""
    User = get_user_model()
    if person.user_id:
        raise DomainError(_("This person already has a login."))
    if person.erased_at:
        raise DomainError(_("This person's details were removed."))
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise DomainError(_("Someone already uses that email address to sign in."), field="email")
    with transaction.atomic():
        user = User.objects.create_user(email=email, password=None)
        person.user = user
        if not person.email:
            person.email = email
        person.save(update_fields=["user", "email", "updated_at"])
        audit_record("people.person.login_created", actor=by, person=person, target=person)
    from accounts.services import send_set_password_email

    send_set_password_email(request, user)
    return user


@transaction.atomic
def person_sign_up(*, user, partnership: Partnership, given_name: str, family_name: str) -> Person:
    """Create the person behind a login made on the sign-up page."""
    person = Person.objects.create(
        partnership=partnership,
        user=user,
        given_name=given_name,
        family_name=family_name,
        email=user.email,
        contact_route="email",
        registered_by=user,
    )
    consent_give(
        person=person,
        by=user,
        given=ConsentGiven(purpose=consents.MEMBERSHIP, method=Consent.Method.ONLINE),
    )
    audit_record("people.person.signed_up", actor=user, person=person, target=person)
    return person


def organisation_save(*, organisation: Organisation, by, created: bool) -> Organisation:
    organisation.save()
    audit_record(
        "people.organisation.created" if created else "people.organisation.updated",
        actor=by,
        organisation=organisation,
        target=organisation,
    )
    return organisation


def category_save(*, category: AssetCategory, by, created: bool) -> AssetCategory:
    try:
        with transaction.atomic():
            category.save()
    except IntegrityError as error:
        raise DomainError(_("There is already a category with that name."), field="name") from error
    audit_record(
        "people.category.created" if created else "people.category.updated",
        actor=by,
        partnership=category.partnership,
        target=category,
    )
    return category
