"""Changing the directory, in the field's words. Every change is audited."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.errors import DomainError
from people.notices import notice_send

from .entries import apply_entry
from .models import Claim, Referral, Service, ServiceProfile, Shortlist, ShortlistItem, Suggestion
from .models.extension import Freshness

REMINDERS_BEFORE_SINKING = 3
REMINDER_GAP_DAYS = 14


def _tell(*, suggestion: Suggestion, subject: str, body: str, by) -> None:
    """Tell whoever made a suggestion what happened: a notice if we know them, else email."""
    if suggestion.suggested_by_id and not suggestion.suggested_by.erased_at:
        notice_send(
            person=suggestion.suggested_by,
            subject=subject,
            body=body,
            by=by,
            source="directory.suggestion.reviewed",
        )
    elif suggestion.contact_email:
        address = suggestion.contact_email
        transaction.on_commit(
            lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        )


def suggestion_submit(
    *,
    partnership,
    proposed: dict,
    service=None,
    note="",
    contact_name="",
    contact_email="",
    person=None,
) -> Suggestion:
    if not (proposed.get("name") or "").strip():
        raise DomainError(_("Give the name of the group or service."), field="name")
    if person is None and not contact_email:
        raise DomainError(
            _("Give an email address so we can tell you what happens."), field="contact_email"
        )
    suggestion = Suggestion.objects.create(
        partnership=partnership,
        kind=Suggestion.Kind.CORRECTION if service else Suggestion.Kind.NEW,
        service=service,
        proposed=proposed,
        note=note,
        contact_name=contact_name,
        contact_email=contact_email,
        suggested_by=person,
    )
    audit_record(
        "directory.suggestion.made",
        partnership=partnership,
        target=suggestion,
        data={"kind": suggestion.kind},
    )
    return suggestion


def _waiting(suggestion: Suggestion) -> None:
    if suggestion.status != Suggestion.Status.WAITING:
        raise DomainError(_("This suggestion has already been reviewed."))


@transaction.atomic
def suggestion_approve(*, suggestion: Suggestion, by, edited: dict | None = None) -> Service:
    _waiting(suggestion)
    data = dict(suggestion.proposed)
    data.update(edited or {})
    service = apply_entry(partnership=suggestion.partnership, data=data, service=suggestion.service)
    suggestion.status = Suggestion.Status.APPROVED
    suggestion.reviewed_by = by
    suggestion.reviewed_at = timezone.now()
    if edited is not None:
        suggestion.proposed = data
    suggestion.service = service
    suggestion.save()
    audit_record(
        "directory.suggestion.approved",
        actor=by,
        partnership=suggestion.partnership,
        target=suggestion,
        data={"service": str(service.pk), "edited": edited is not None},
    )
    _tell(
        suggestion=suggestion,
        subject=_("Your suggestion for the directory was added"),
        body=_("Thank you. “%(name)s” is now in the directory.") % {"name": service.name},
        by=by,
    )
    return service


@transaction.atomic
def suggestion_reject(*, suggestion: Suggestion, by, reason: str) -> Suggestion:
    _waiting(suggestion)
    if not (reason or "").strip():
        raise DomainError(_("Say why, so the person who suggested it knows."), field="reason")
    suggestion.status = Suggestion.Status.REJECTED
    suggestion.reason = reason.strip()
    suggestion.reviewed_by = by
    suggestion.reviewed_at = timezone.now()
    suggestion.save()
    audit_record(
        "directory.suggestion.rejected",
        actor=by,
        partnership=suggestion.partnership,
        target=suggestion,
    )
    _tell(
        suggestion=suggestion,
        subject=_("About your suggestion for the directory"),
        body=_("Thank you for your suggestion. We have not added it, because: %(reason)s")
        % {"reason": suggestion.reason},
        by=by,
    )
    return suggestion


@transaction.atomic
def entry_update(*, service: Service, data: dict, by) -> Service:
    """An editor or the owning organisation changes an entry; that counts as a check."""
    service = apply_entry(partnership=service.partnership, data=data, service=service)
    audit_record(
        "directory.entry.updated", actor=by, partnership=service.partnership, target=service
    )
    return service


def entry_mark_checked(*, service: Service, by) -> Service:
    service.assured_date = timezone.localdate()
    service.assurer_email = getattr(by, "email", "") or ""
    service.save(update_fields=["assured_date", "assurer_email"])
    ServiceProfile.objects.filter(service=service).update(
        reminders_sent=0, freshness=Freshness.CURRENT
    )
    audit_record(
        "directory.entry.checked", actor=by, partnership=service.partnership, target=service
    )
    return service


def claim_make(*, service: Service, organisation, person, by) -> Claim:
    if Claim.objects.filter(
        service=service, organisation=organisation, status=Claim.Status.WAITING
    ).exists():
        raise DomainError(_("Your organisation has already asked to keep this entry."))
    claim = Claim.objects.create(service=service, organisation=organisation, claimed_by=person)
    audit_record(
        "directory.claim.made",
        actor=by,
        organisation=organisation,
        target=claim,
        data={"service": str(service.pk)},
    )
    return claim


@transaction.atomic
def claim_decide(*, claim: Claim, by, approve: bool, reason: str = "") -> Claim:
    if claim.status != Claim.Status.WAITING:
        raise DomainError(_("This request has already been decided."))
    if not approve and not reason.strip():
        raise DomainError(_("Say why, so the organisation knows."), field="reason")
    claim.status = Claim.Status.APPROVED if approve else Claim.Status.REJECTED
    claim.reason = reason
    claim.save()
    if approve:
        profile, _created = ServiceProfile.objects.get_or_create(
            service=claim.service, defaults={"partnership": claim.service.partnership}
        )
        profile.owner = claim.organisation
        profile.save(update_fields=["owner"])
    audit_record(
        "directory.claim.approved" if approve else "directory.claim.rejected",
        actor=by,
        organisation=claim.organisation,
        target=claim,
    )
    return claim


# ---------------------------------------------------------------- signposting


def shortlist_create(*, person, made_by, services, note: str, by) -> Shortlist:
    services = list(services)
    if not services:
        raise DomainError(_("Choose at least one service."), field="services")
    shortlist = Shortlist.objects.create(person=person, made_by=made_by, note=note)
    ShortlistItem.objects.bulk_create(
        [ShortlistItem(shortlist=shortlist, service=s) for s in services]
    )
    audit_record("directory.shortlist.made", actor=by, person=person, target=shortlist)
    return shortlist


@transaction.atomic
def shortlist_refer(*, shortlist: Shortlist, route: str, by, body: str = "") -> list[Referral]:
    """Record the signposting (printed or sent) as a referral to each service on the list."""
    if route not in Referral.Route.values:
        raise DomainError(_("Choose how to give the list."), field="route")
    referrals = [
        Referral.objects.create(
            shortlist=shortlist,
            person=shortlist.person,
            service=item.service,
            made_by=shortlist.made_by,
            route=route,
        )
        for item in shortlist.items.select_related("service")
    ]
    if route == Referral.Route.SENT:
        notice_send(
            person=shortlist.person,
            subject=_("Groups and services that might help"),
            body=body,
            by=by,
            source="directory.referral.made",
        )
        shortlist.sent_at = timezone.now()
        shortlist.save(update_fields=["sent_at"])
    audit_record(
        "directory.referral.made",
        actor=by,
        person=shortlist.person,
        target=shortlist,
        data={"route": route, "services": [str(r.service_id) for r in referrals]},
    )
    return referrals


# ---------------------------------------------------------------- freshness


def send_reminders(*, partnership, today, send=None) -> dict:
    """Remind owners of entries due a check; mark entries unchecked after repeated reminders.

    `send(to, subject, body)` defaults to email; tests pass their own.
    """
    send = send or (lambda to, s, b: send_mail(s, b, settings.DEFAULT_FROM_EMAIL, [to]))
    counts = {"due": 0, "reminded": 0, "sunk": 0}
    profiles = ServiceProfile.objects.filter(partnership=partnership).select_related(
        "service", "owner"
    )
    gap = timezone.now() - timezone.timedelta(days=REMINDER_GAP_DAYS)
    for profile in profiles.iterator():
        if not profile.review_due(today):
            if profile.freshness != Freshness.CURRENT:
                profile.freshness = Freshness.CURRENT
                profile.save(update_fields=["freshness"])
            continue
        counts["due"] += 1
        recipient = (profile.owner.email if profile.owner else "") or profile.service.email
        if recipient and (profile.last_reminded_at is None or profile.last_reminded_at < gap):
            send(
                recipient,
                _("Please check your directory entry"),
                _("Is “%(name)s” still right? Please check it and tell us.")
                % {"name": profile.service.name},
            )
            profile.reminders_sent += 1
            profile.last_reminded_at = timezone.now()
            counts["reminded"] += 1
        new = (
            Freshness.UNCHECKED
            if profile.reminders_sent >= REMINDERS_BEFORE_SINKING
            else Freshness.DUE
        )
        counts["sunk"] += new == Freshness.UNCHECKED
        profile.freshness = new
        profile.save(update_fields=["freshness", "reminders_sent", "last_reminded_at"])
    audit_record("directory.reminders.sent", partnership=partnership, data=counts)
    return counts


def check_links(*, partnership, fetch) -> dict:
    """Find broken website links. `fetch(url)` returns an HTTP status or raises."""
    counts = {"checked": 0, "broken": 0}
    now = timezone.now()
    for profile in ServiceProfile.objects.filter(partnership=partnership).select_related("service"):
        url = profile.service.url
        if not url:
            continue
        counts["checked"] += 1
        try:
            ok = 200 <= int(fetch(url)) < 400
        except Exception:  # noqa: BLE001 - any failure to fetch means the link is broken
            ok = False
        profile.link_checked_at = now
        if ok:
            profile.link_broken_since = None
        else:
            counts["broken"] += 1
            profile.link_broken_since = profile.link_broken_since or now
        profile.save(update_fields=["link_checked_at", "link_broken_since"])
    return counts
