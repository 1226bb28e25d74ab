"""Writes about safeguarding: each validates, writes and records what happened.

`by` is the user who did it; `on_behalf_of` the member a member of staff acts
for. The audit log holds ids and codes only, never what anyone wrote.
"""

import datetime
import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.errors import DomainError
from people.models import Organisation, Person

from .access import members_of, people_to_tell
from .models import Check, Concern, ConcernAction, ExtraCareFlag, SafeguardingPolicy, Visit

POLICY_FIELDS = (
    "disclosure_for_home_visits",
    "disclosure_level",
    "extra_care",
    "references_required",
    "induction_required",
    "check_in_for_home_visits",
    "grace_minutes",
    "warn_days",
)
CHECK_FIELDS = ("kind", "scheme", "reference_number", "issued_on", "expires_on", "notes")

# Certificate numbers as printed: a DBS certificate has 12 digits, PVG
# scheme membership 16. Spaces and dashes people type are allowed.
NUMBER_LENGTH = {
    Check.Scheme.PVG: 16,
    Check.Scheme.DBS_BASIC: 12,
    Check.Scheme.DBS_STANDARD: 12,
    Check.Scheme.DBS_ENHANCED: 12,
}


# Policy ---------------------------------------------------------------------


@transaction.atomic
def policy_save(*, organisation: Organisation, data: dict, by) -> SafeguardingPolicy:
    unknown = set(data) - set(POLICY_FIELDS)
    if unknown:
        raise ValueError(f"Not part of the policy: {sorted(unknown)}")
    policy, _created = SafeguardingPolicy.objects.get_or_create(organisation=organisation)
    changed = sorted(name for name, value in data.items() if getattr(policy, name) != value)
    for name, value in data.items():
        setattr(policy, name, value)
    policy.updated_by = by
    policy.full_clean()
    policy.save()
    audit_record(
        "safeguarding.policy.changed",
        actor=by,
        organisation=organisation,
        target=policy,
        data={"fields": changed},
    )
    return policy


# Checks ---------------------------------------------------------------------


def _clean_check(data: dict, *, today: datetime.date) -> dict:
    data = dict(data)
    if data["kind"] != Check.Kind.DISCLOSURE:
        data["scheme"] = ""
    elif not data.get("scheme"):
        raise DomainError(_("Choose which disclosure scheme it is."), field="scheme")
    number = re.sub(r"[\s-]", "", data.get("reference_number") or "")
    if data["kind"] == Check.Kind.DISCLOSURE:
        needed = NUMBER_LENGTH[data["scheme"]]
        if not number:
            raise DomainError(
                _("Enter the certificate or membership number."), field="reference_number"
            )
        if not number.isdigit() or len(number) != needed:
            raise DomainError(
                _("The number should be %(n)s digits, as printed on the certificate.")
                % {"n": needed},
                field="reference_number",
            )
    data["reference_number"] = number[:40]
    if data["issued_on"] > today:
        raise DomainError(_("The date issued must be today or in the past."), field="issued_on")
    if data.get("expires_on") and data["expires_on"] < data["issued_on"]:
        raise DomainError(_("The renewal date must be after the date issued."), field="expires_on")
    data["notes"] = (data.get("notes") or "")[:500]
    return data


@transaction.atomic
def check_record(*, organisation: Organisation, helper: Person, data: dict, by) -> Check:
    """Record a check the member of staff has seen for themselves (they are the verifier)."""
    unknown = set(data) - set(CHECK_FIELDS)
    if unknown:
        raise ValueError(f"Not part of a check: {sorted(unknown)}")
    if not members_of(organisation).filter(pk=helper.pk).exists():
        raise DomainError(_("This person is not part of this organisation."))
    data = _clean_check(data, today=timezone.localdate())
    check = Check.objects.create(
        organisation=organisation,
        helper=helper,
        verified_by=by,
        verified_at=timezone.now(),
        **data,
    )
    audit_record(
        "safeguarding.check.recorded",
        actor=by,
        person=helper,
        organisation=organisation,
        target=check,
        data={"kind": check.kind, "scheme": check.scheme},
    )
    return check


@transaction.atomic
def check_update(*, check: Check, data: dict, by) -> Check:
    if check.withdrawn_at is not None:
        raise DomainError(_("This check was withdrawn. Record a new one instead."))
    data = _clean_check(
        {**{n: getattr(check, n) for n in CHECK_FIELDS}, **data}, today=timezone.localdate()
    )
    changed = sorted(n for n in CHECK_FIELDS if getattr(check, n) != data[n])
    for name in CHECK_FIELDS:
        setattr(check, name, data[name])
    check.verified_by = by
    check.verified_at = timezone.now()
    check.save()
    audit_record(
        "safeguarding.check.changed",
        actor=by,
        person=check.helper,
        organisation=check.organisation,
        target=check,
        data={"fields": changed},
    )
    return check


@transaction.atomic
def check_withdraw(*, check: Check, reason: str, by) -> Check:
    """A check no longer counts (a mistake, a barring, someone leaving); it is kept, marked."""
    if check.withdrawn_at is not None:
        return check
    if not reason.strip():
        raise DomainError(_("Say why the check is withdrawn."), field="reason")
    check.withdrawn_at = timezone.now()
    check.withdrawn_by = by
    check.withdrawn_reason = reason.strip()[:300]
    check.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
    audit_record(
        "safeguarding.check.withdrawn",
        actor=by,
        person=check.helper,
        organisation=check.organisation,
        target=check,
        data={"kind": check.kind},
    )
    return check


# Extra care -------------------------------------------------------------------


@transaction.atomic
def extra_care_set(
    *,
    organisation: Organisation,
    person: Person,
    reason: str,
    review_on: datetime.date | None,
    by,
) -> ExtraCareFlag:
    if not members_of(organisation).filter(pk=person.pk).exists():
        raise DomainError(_("This person is not part of this organisation."))
    if not reason.strip():
        raise DomainError(_("Say briefly why, for the other brokers."), field="reason")
    if review_on and review_on < timezone.localdate():
        raise DomainError(_("The review date must be today or later."), field="review_on")
    flag = ExtraCareFlag.objects.filter(
        organisation=organisation, person=person, removed_at__isnull=True
    ).first()
    if flag is None:
        flag = ExtraCareFlag(organisation=organisation, person=person, set_by=by)
    flag.reason = reason.strip()[:300]
    flag.review_on = review_on
    flag.save()
    audit_record(
        "safeguarding.flag.set",
        actor=by,
        person=person,
        organisation=organisation,
        target=flag,
    )
    return flag


@transaction.atomic
def extra_care_remove(*, flag: ExtraCareFlag, by) -> ExtraCareFlag:
    if flag.removed_at is None:
        flag.removed_at = timezone.now()
        flag.removed_by = by
        flag.save(update_fields=["removed_at", "removed_by"])
        audit_record(
            "safeguarding.flag.removed",
            actor=by,
            person=flag.person,
            organisation=flag.organisation,
            target=flag,
        )
    return flag


# Concerns -------------------------------------------------------------------


@transaction.atomic
def concern_raise(
    *,
    organisation: Organisation,
    raiser: Person,
    by,
    category: str,
    urgency: str,
    what_happened: str,
    about: Person | None = None,
    subject: str = "",
    on_behalf_of: Person | None = None,
    idempotency_key=None,
) -> Concern:
    """Record a concern and tell the organisation's brokers at once (once per key)."""
    if idempotency_key is not None:
        existing = Concern.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    if not what_happened.strip():
        raise DomainError(_("Tell us what happened."), field="what_happened")
    if category not in Concern.Category.values:
        raise DomainError(_("Choose what it is about."), field="category")
    if urgency not in Concern.Urgency.values:
        raise DomainError(_("Choose how urgent it is."), field="urgency")
    for person in (raiser, about, on_behalf_of):
        if person is not None and person.partnership_id != organisation.partnership_id:
            raise DomainError(_("This person is not part of this partnership."))
    try:
        with transaction.atomic():
            concern = Concern.objects.create(
                organisation=organisation,
                raised_by=by,
                raised_by_person=on_behalf_of or raiser,
                on_behalf_of=on_behalf_of,
                about=about,
                subject=subject[:100],
                category=category,
                urgency=urgency,
                what_happened=what_happened.strip(),
                idempotency_key=idempotency_key,
            )
    except IntegrityError:
        # The same form sent twice at once: the other request recorded it.
        return Concern.objects.get(idempotency_key=idempotency_key)
    # Concern events are not attached to the person a concern is about: their
    # own history (and data export) must not tell them a concern was raised.
    audit_record(
        "safeguarding.concern.raised",
        actor=by,
        on_behalf_of=on_behalf_of,
        organisation=organisation,
        target=concern,
        data={
            "category": category,
            "urgency": urgency,
            "subject": concern.subject,
            "about": getattr(about, "pk", None),
        },
    )
    _tell_brokers(concern, by=by)
    return concern


def _tell_brokers(concern: Concern, *, by) -> None:
    # The notice says only that there is a concern and how urgent it is:
    # the details stay on the platform, behind the broker's sign-in.
    from people.notices import notice_send

    url = settings.SITE_URL + reverse("safeguarding:concern-detail", args=[concern.pk])
    # Someone a concern is about is never told of it, even if they are a broker.
    for broker in people_to_tell(concern.organisation, exclude=concern.about):
        notice_send(
            person=broker,
            subject=_("A concern has been raised (%(urgency)s)")
            % {"urgency": concern.get_urgency_display()},
            body=_(
                "Someone has raised a concern with %(organisation)s. "
                "Please sign in and read it as soon as you can: %(url)s"
            )
            % {"organisation": concern.organisation, "url": url},
            by=by,
            source="safeguarding.concern.raised",
        )


@transaction.atomic
def concern_act(*, concern: Concern, note: str, status: str = "", by) -> ConcernAction:
    """Add a step to a concern's timeline, perhaps moving it to 'being dealt with'."""
    if concern.status == Concern.Status.CLOSED:
        raise DomainError(_("This concern is closed."))
    if not note.strip():
        raise DomainError(_("Say what was done."), field="note")
    if status not in ("", Concern.Status.OPEN, Concern.Status.IN_HAND):
        raise DomainError(_("Close a concern with its outcome instead."), field="status")
    action = ConcernAction.objects.create(concern=concern, note=note.strip(), status=status, by=by)
    if status and status != concern.status:
        concern.status = status
        concern.save(update_fields=["status"])
    audit_record(
        "safeguarding.concern.acted",
        actor=by,
        organisation=concern.organisation,
        target=concern,
        data={"status": concern.status},
    )
    return action


@transaction.atomic
def concern_close(*, concern: Concern, outcome: str, by) -> Concern:
    if concern.status == Concern.Status.CLOSED:
        raise DomainError(_("This concern is already closed."))
    if not outcome.strip():
        raise DomainError(_("Say what the outcome was."), field="outcome")
    concern.status = Concern.Status.CLOSED
    concern.outcome = outcome.strip()
    concern.closed_at = timezone.now()
    concern.closed_by = by
    concern.save(update_fields=["status", "outcome", "closed_at", "closed_by"])
    ConcernAction.objects.create(
        concern=concern, note=concern.outcome, status=Concern.Status.CLOSED, by=by
    )
    audit_record(
        "safeguarding.concern.closed",
        actor=by,
        organisation=concern.organisation,
        target=concern,
    )
    return concern


# Visits ---------------------------------------------------------------------


@transaction.atomic
def visit_schedule(*, subject: str, helper, member, organisation, starts_at, ends_at, by) -> Visit:
    """Plan a visit the helper will check in and out of (subject like "timebank.exchange:42")."""
    if ends_at <= starts_at:
        raise DomainError(_("The visit must end after it starts."), field="ends_at")
    for person in (helper, member):
        if person is not None and person.partnership_id != organisation.partnership_id:
            raise DomainError(_("This person is not part of this partnership."))
    visit = Visit.objects.create(
        organisation=organisation,
        subject=subject[:100],
        helper=helper,
        member=member,
        starts_at=starts_at,
        ends_at=ends_at,
        created_by=by,
    )
    audit_record(
        "safeguarding.visit.scheduled",
        actor=by,
        person=helper,
        organisation=organisation,
        target=visit,
        data={"subject": visit.subject, "member": getattr(member, "pk", None)},
    )
    return visit


@transaction.atomic
def visit_check_in(*, visit: Visit, by, at: datetime.datetime | None = None) -> Visit:
    if visit.cancelled_at is not None:
        raise DomainError(_("This visit was cancelled."))
    if visit.checked_in_at is not None:
        return visit  # pressing the button twice is harmless
    visit.checked_in_at = at or timezone.now()
    visit.save(update_fields=["checked_in_at"])
    audit_record(
        "safeguarding.visit.checked_in",
        actor=by,
        person=visit.helper,
        organisation=visit.organisation,
        target=visit,
    )
    return visit


@transaction.atomic
def visit_check_out(*, visit: Visit, by, at: datetime.datetime | None = None) -> Visit:
    if visit.checked_in_at is None:
        raise DomainError(_("Check in first."))
    if visit.checked_out_at is not None:
        return visit
    visit.checked_out_at = max(at or timezone.now(), visit.checked_in_at)
    visit.checked_out_by = by
    visit.save(update_fields=["checked_out_at", "checked_out_by"])
    audit_record(
        "safeguarding.visit.checked_out",
        actor=by,
        person=visit.helper,
        organisation=visit.organisation,
        target=visit,
    )
    return visit


@transaction.atomic
def visit_cancel(*, visit: Visit, by) -> Visit:
    """The visit did not happen (only before anyone checked in)."""
    if visit.checked_in_at is not None:
        raise DomainError(_("The helper has checked in: check them out instead."))
    if visit.cancelled_at is None:
        visit.cancelled_at = timezone.now()
        visit.save(update_fields=["cancelled_at"])
        audit_record(
            "safeguarding.visit.cancelled",
            actor=by,
            person=visit.helper,
            organisation=visit.organisation,
            target=visit,
        )
    return visit
