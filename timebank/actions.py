"""Readable labels for the time bank's audit codes."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "timebank.bank.created": _("Set up a time bank"),
    "timebank.bank.updated": _("Changed a time bank's settings"),
    "timebank.account.opened": _("Joined a time bank"),
    "timebank.account.limit_changed": _("Changed an account's lowest balance"),
    "timebank.offer.posted": _("Posted an offer of help"),
    "timebank.offer.closed": _("Closed an offer of help"),
    "timebank.request.posted": _("Asked for help"),
    "timebank.request.closed": _("Closed a request for help"),
    "timebank.exchange.proposed": _("Proposed an exchange"),
    "timebank.exchange.agreed": _("Agreed an exchange"),
    "timebank.exchange.done": _("Recorded the time given"),
    "timebank.exchange.confirmed": _("Confirmed an exchange"),
    "timebank.exchange.cancelled": _("Cancelled an exchange"),
    "timebank.exchange.reversed": _("Undid an exchange"),
    "timebank.exchange.recorded": _("Recorded an exchange that has happened"),
    "timebank.introduction.made": _("Introduced a helper"),
    "timebank.pot.donated": _("Gave time to the community pot"),
    "timebank.pot.granted": _("Gave time from the community pot"),
    "timebank.referral.made": _("Referred someone to the time bank"),
    "timebank.expense.claimed": _("Claimed expenses"),
    "timebank.expense.settled": _("Settled an expense claim"),
    "timebank.statement.viewed": _("Looked at someone's time bank statement"),
    "timebank.insight.exported": _("Downloaded time bank figures"),
}


def register_all() -> None:
    from audit.actions import register

    for code, label in LABELS.items():
        register(code, label)
