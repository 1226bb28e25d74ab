"""Telling people things by the route they prefer (email, letter, phone, someone they named).

Any app that must tell someone something calls notice_send(); it never needs
to know whether the person has an email address.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.errors import DomainError

from . import consent as consents
from .models import ContactRoute, Notice, Person


def notice_send(
    *, person: Person, subject: str, body: str, by, source: str, marketing: bool = False
) -> Notice:
    """Email at once where that is how they like to hear; otherwise queue it for staff.

    `marketing` notices (news, invitations) need consent to be contacted; notices
    about something the person asked for or takes part in do not.
    """
    if person.erased_at:
        raise DomainError(_("This person's details were removed."))
    if marketing:
        consents.require(person, consents.CONTACT)
    route = person.contact_route
    if route == ContactRoute.EMAIL and not person.email:
        route = ContactRoute.LETTER if person.address else ContactRoute.PHONE
    notice = Notice.objects.create(
        person=person,
        route=route,
        subject=subject,
        body=body,
        source=source,
        created_by=by,
        recipient_name=person.contact_via_name if route == ContactRoute.NAMED_PERSON else "",
        recipient_details=person.contact_via_details if route == ContactRoute.NAMED_PERSON else "",
    )
    if route == ContactRoute.EMAIL:
        transaction.on_commit(lambda: _email(notice.pk))
    audit_record(
        "people.notice.created",
        actor=by,
        person=person,
        target=notice,
        data={"route": route, "source": source},
    )
    return notice


def _email(notice_id: int) -> None:
    notice = Notice.objects.select_related("person").get(pk=notice_id)
    send_mail(notice.subject, notice.body, settings.DEFAULT_FROM_EMAIL, [notice.person.email])
    Notice.objects.filter(pk=notice.pk, status=Notice.Status.TO_DO).update(
        status=Notice.Status.SENT, sent_at=timezone.now()
    )


def notice_mark_sent(*, notice: Notice, by) -> Notice:
    """A member of staff posted the letter, made the call or passed the word on."""
    if notice.status != Notice.Status.TO_DO:
        return notice
    notice.status = Notice.Status.SENT
    notice.sent_at = timezone.now()
    notice.sent_by = by
    notice.save(update_fields=["status", "sent_at", "sent_by"])
    audit_record(
        "people.notice.sent",
        actor=by,
        person=notice.person,
        target=notice,
        data={"route": notice.route},
    )
    return notice


def notice_cancel(*, notice: Notice, by) -> Notice:
    if notice.status == Notice.Status.TO_DO:
        notice.status = Notice.Status.CANCELLED
        notice.save(update_fields=["status"])
        audit_record("people.notice.cancelled", actor=by, person=notice.person, target=notice)
    return notice
