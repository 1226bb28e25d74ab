"""The time bank's navigation item and home-page panels."""

from django.utils.translation import gettext_lazy as _

from core import home, linkables, navigation
from people import record_links


def _banks(request):
    if getattr(request, "person", None) is None:
        return []
    if not hasattr(request, "_timebank_banks"):
        from .access import banks_for

        request._timebank_banks = list(banks_for(request.roles, request.subject))
    return request._timebank_banks


def _in_a_bank(request) -> bool:
    return bool(_banks(request))


def _member_context(request) -> dict:
    from .access import account_for, balance_shown

    rows = []
    for bank in _banks(request):
        account = account_for(request.subject, bank)
        if account is not None:
            rows.append(
                {"bank": bank, "account": account, "shown": balance_shown(request.roles, account)}
            )
    return {"rows": rows}


def _is_member(request) -> bool:
    return bool(_member_context(request)["rows"]) if _in_a_bank(request) else False


def _broker_context(request) -> dict:
    from .access import is_broker
    from .models import Exchange, Listing

    rows = []
    for bank in _banks(request):
        if is_broker(request.roles, bank):
            rows.append(
                {
                    "bank": bank,
                    "open_requests": Listing.objects.filter(
                        bank=bank, kind="request", status="open"
                    ).count(),
                    "to_confirm": Exchange.objects.filter(bank=bank, status="done").count(),
                }
            )
    return {"rows": rows}


def _is_broker(request) -> bool:
    return bool(_broker_context(request)["rows"]) if _in_a_bank(request) else False


def _sees_time_banks(request) -> bool:
    """Members and brokers of a bank, and caseworkers (who refer people to one)."""
    person = getattr(request, "person", None)
    return person is not None and (request.roles.is_caseworker or _in_a_bank(request))


navigation.register(
    navigation.NavItem("timebank", _("Time bank"), "timebank:banks", _sees_time_banks, order=30)
)
home.register(
    home.HomePanel(
        "timebank.member", "timebank/home/member.html", _is_member, _member_context, order=15
    )
)
home.register(
    home.HomePanel(
        "timebank.broker", "timebank/home/broker.html", _is_broker, _broker_context, order=25
    )
)


def _linkable_banks(partnership):
    from .models import TimeBank

    return TimeBank.objects.filter(partnership=partnership)


linkables.register(linkables.Linkable("timebank.timebank", _("Time bank"), _linkable_banks))


def _statement_link(request, person, staff):
    """A person's time bank statement, for whoever may read it."""
    from django.urls import reverse

    from .access import can_see_account

    accounts = person.timebank_accounts.select_related("bank").order_by("pk")
    for account in accounts:
        if can_see_account(request.roles, request.subject, account):
            return reverse("timebank:statement", args=[account.bank.slug, account.pk])
    return None


record_links.register(
    record_links.RecordLink(
        "timebank-statement", _("Time bank statement"), _statement_link, order=20
    )
)
