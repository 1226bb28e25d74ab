"""The time bank's part of a person's data export, and of erasure.

Erasure keeps the ledger whole: postings and transfers are never changed,
so the person's account stays (closed) under their anonymised record, and
only the free text that could say who they were or what help they needed
is cleared.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people import erasure, export


@export.register("timebank", _("Time bank"))
def _export(person) -> dict:
    from .models import Account, Exchange, Expense, Listing, Referral
    from .selectors import statement_lines

    accounts = []
    for account in Account.objects.filter(person=person).select_related("bank", "person"):
        accounts.append(
            {
                "time bank": account.bank.name,
                "joined": account.opened_at.isoformat(),
                "balance in hours": account.balance_hours,
                "what other members see": account.get_profile_shown_display(),
                "statement": [
                    {
                        "date": line.when.date().isoformat(),
                        "what": line.description,
                        "with": line.with_whom,
                        "minutes": line.minutes,
                    }
                    for line in statement_lines(account, viewer=person)
                ],
            }
        )
    return {
        "accounts": accounts,
        "offers and requests": [
            {
                "kind": listing.kind,
                "title": listing.title,
                "description": listing.description,
                "for the helper": listing.helper_notes,
                "status": listing.status,
            }
            for listing in Listing.objects.filter(account__person=person)
        ],
        "exchanges": [
            {
                "what": e.description,
                "status": e.status,
                "minutes": e.minutes,
                "cancel reason": e.cancel_reason,
            }
            for e in Exchange.objects.filter(receiver__person=person)
            | Exchange.objects.filter(participants__account__person=person)
        ],
        "expenses": [
            {"kind": x.kind, "pence": x.amount_pence, "what for": x.description, "status": x.status}
            for x in Expense.objects.filter(person=person)
        ],
        "referrals": [
            {"time bank": r.bank.name, "date": r.created_at.isoformat(), "reason": r.reason}
            for r in Referral.objects.filter(person=person).select_related("bank")
        ],
    }


@erasure.register
def _erase(person) -> None:
    from .models import Account, Exchange, Expense, Listing, Referral

    removed = erasure.REMOVED
    Listing.objects.filter(account__person=person).update(
        title=removed, description="", helper_notes="", status=Listing.Status.CLOSED
    )
    Exchange.objects.filter(receiver__person=person).update(description=removed, cancel_reason="")
    Exchange.objects.filter(participants__account__person=person, cancel_reason__gt="").update(
        cancel_reason=""
    )
    Expense.objects.filter(person=person).update(description="")
    Referral.objects.filter(person=person).update(reason="")
    Account.objects.filter(person=person, closed_at__isnull=True).update(closed_at=timezone.now())
