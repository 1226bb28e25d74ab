"""Exchanges: list, propose or record, the steps from agreed to confirmed, group activities."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.forms import post_data, show_domain_error
from people.decorators import person_required

from .. import services
from ..access import can_see_exchange
from ..forms import (
    AgreeForm,
    BrokerExchangeForm,
    ConfirmForm,
    DoneForm,
    ExpenseForm,
    GroupForm,
    MemberExchangeForm,
    ReasonForm,
)
from ..models import Exchange, Expense
from ..selectors import shown_name
from .common import here


@person_required
def exchange_list(request, bank):
    h = here(request, bank)
    exchanges = Exchange.objects.filter(bank=h.bank).select_related(
        "receiver__person", "receiver__organisation", "receiver__bank"
    )
    if not h.broker:
        if h.account is None:
            raise PermissionDenied
        exchanges = exchanges.filter(
            Q(receiver=h.account) | Q(participants__account=h.account)
        ).distinct()
    status = request.GET.get("status")
    if status in Exchange.Status.values:
        exchanges = exchanges.filter(status=status)
    page = Paginator(exchanges.order_by("-created_at", "-pk"), 25).get_page(request.GET.get("page"))
    for exchange in page:
        exchange.receiver_name = shown_name(exchange.receiver, request.roles, h.subject)
    return render(
        request,
        "timebank/exchange_list.html",
        h.context | {"page": page, "statuses": Exchange.Status.choices, "status": status},
    )


def _render_form(request, h, form, title, lead="", submit=None, status=200):
    return render(
        request,
        "core/form_page.html",
        h.context | {"form": form, "title": title, "lead": lead, "submit_label": submit},
        status=status,
    )


@person_required
def exchange_add(request, bank):
    """Brokers propose or record any exchange; a member proposes one they take part in."""
    h = here(request, bank)
    if h.broker and request.acting_for is None:
        return _broker_add(request, h)
    if h.account is None:
        raise PermissionDenied
    form = MemberExchangeForm(
        post_data(request),
        bank=h.bank,
        me=h.account,
        names=lambda a: shown_name(a, request.roles, h.subject),
    )
    if form.is_valid():
        data = form.cleaned_data
        mine, other = h.account, data["other"]
        receiver, giver = (other, mine) if data["direction"] == "i_helped" else (mine, other)
        try:
            exchange = services.exchange_propose(
                bank=h.bank,
                receiver=receiver,
                givers=[giver],
                description=data["description"],
                where=data["where"],
                by=request.user,
                on_behalf_of=request.acting_for,
            )
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Proposed. The other person can now agree it."))
            return redirect(exchange.get_absolute_url())
    return _render_form(request, h, form, _("Propose an exchange"), submit=_("Propose it"))


def _broker_add(request, h):
    form = BrokerExchangeForm(post_data(request), bank=h.bank)
    if form.is_valid():
        data = form.cleaned_data
        common = {
            "bank": h.bank,
            "receiver": data["receiver"],
            "givers": [data["giver"]],
            "description": data["description"],
            "where": data["where"],
            "category": data["category"],
            "by": request.user,
            "on_behalf_of": data["receiver"].person,
        }
        try:
            if data["minutes"]:
                exchange = services.exchange_record(
                    minutes=data["minutes"], idempotency_key=data["idempotency_key"], **common
                )
            else:
                exchange = services.exchange_propose(**common)
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Exchange saved."))
            return redirect(exchange.get_absolute_url())
    return _render_form(request, h, form, _("Record an exchange"), submit=_("Save the exchange"))


@person_required
def group_add(request, bank):
    h = here(request, bank, broker=True)
    form = GroupForm(post_data(request), bank=h.bank)
    if form.is_valid():
        data = form.cleaned_data
        try:
            exchange = services.exchange_record(
                bank=h.bank,
                receiver=data["organiser"],
                givers=list(data["participants"]),
                minutes=data["minutes"],
                description=data["description"],
                by=request.user,
                idempotency_key=data["idempotency_key"],
            )
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Group activity recorded."))
            return redirect(exchange.get_absolute_url())
    return _render_form(
        request,
        h,
        form,
        _("Record a group activity"),
        _("One organiser pays each person who took part the same number of hours."),
        _("Record it"),
    )


def _exchange(request, h, pk) -> Exchange:
    exchange = get_object_or_404(
        Exchange.objects.select_related(
            "receiver__person__area",
            "receiver__organisation",
            "receiver__bank",
            "bank__organisation",
            "transfer",
        ),
        bank=h.bank,
        pk=pk,
    )
    if not can_see_exchange(request.roles, h.subject, exchange):
        raise PermissionDenied
    return exchange


def _givers(exchange):
    return [
        p.account
        for p in exchange.participants.select_related(
            "account__person__area", "account__organisation", "account__bank"
        )
    ]


def _allowed_steps(h, exchange, givers) -> list[str]:
    me = h.account.pk if h.account else None
    party = me is not None and (me == exchange.receiver_id or me in {g.pk for g in givers})
    giver = me is not None and me in {g.pk for g in givers}
    receiver = me is not None and me == exchange.receiver_id
    s = Exchange.Status
    steps = {
        "agree": exchange.status == s.PROPOSED and (h.broker or party),
        "done": exchange.status in (s.AGREED, s.DONE) and (h.broker or giver),
        "confirm": exchange.status == s.DONE and (h.broker or receiver),
        "cancel": exchange.status in (s.PROPOSED, s.AGREED, s.DONE) and (h.broker or party),
        "reverse": exchange.status == s.CONFIRMED and h.broker,
        "expense": exchange.status in (s.AGREED, s.DONE, s.CONFIRMED) and (h.broker or giver),
    }
    return [name for name, ok in steps.items() if ok]


def _safe_url(name, *args, query="") -> str | None:
    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None


@person_required
def exchange_detail(request, bank, pk):
    h = here(request, bank)
    exchange = _exchange(request, h, pk)
    givers = _givers(exchange)
    others = [
        a.person
        for a in [exchange.receiver, *givers]
        if a.person_id and a.person_id != getattr(h.subject, "pk", None)
    ]
    concern_links = [
        (
            shown_name(a, request.roles, h.subject),
            _safe_url(
                "safeguarding:concern-raise",
                query=f"?about={a.person_id}&subject={exchange.subject}",
            ),
        )
        for a in [exchange.receiver, *givers]
        if a.person_id and a.person in others
    ]
    clearances = []
    if h.broker and exchange.receiver.person_id and exchange.status == Exchange.Status.PROPOSED:
        people = [g for g in givers if g.person_id]
        answers = services.clearances_for(exchange, [g.person for g in people])
        clearances = [(g.owner_name, answers[g.person_id]) for g in people]
    return render(
        request,
        "timebank/exchange_detail.html",
        h.context
        | {
            "exchange": exchange,
            "receiver_name": shown_name(exchange.receiver, request.roles, h.subject),
            "giver_names": [shown_name(g, request.roles, h.subject) for g in givers],
            "steps": _allowed_steps(h, exchange, givers),
            "visit_url": _safe_url("safeguarding:visit-detail", exchange.visit_id)
            if exchange.visit_id
            else None,
            "concern_links": [(n, u) for n, u in concern_links if u],
            "clearances": clearances,
            "expenses": exchange.expenses.select_related("person")
            if h.broker
            else exchange.expenses.filter(person=h.subject),
            "reversal": getattr(exchange.transfer, "reversed_by", None)
            if exchange.transfer_id
            else None,
        },
    )


STEP_TITLES = {
    "agree": (gettext_lazy("Agree the exchange"), gettext_lazy("Agree")),
    "done": (gettext_lazy("Record the time given"), gettext_lazy("Save the time")),
    "confirm": (gettext_lazy("Confirm the exchange"), gettext_lazy("Confirm")),
    "cancel": (gettext_lazy("Cancel the exchange"), gettext_lazy("Cancel it")),
    "reverse": (gettext_lazy("Undo the exchange"), gettext_lazy("Undo it")),
}


@person_required
def exchange_step(request, bank, pk, step):
    h = here(request, bank)
    exchange = _exchange(request, h, pk)
    if step not in STEP_TITLES:
        raise Http404
    if step not in _allowed_steps(h, exchange, _givers(exchange)):
        raise PermissionDenied
    forms = {"agree": lambda d: AgreeForm(d, bank=h.bank), "done": DoneForm, "confirm": ConfirmForm}
    form = forms.get(step, ReasonForm)(post_data(request))
    if form.is_valid():
        data = form.cleaned_data
        # A broker who is not a party records on behalf of the person helped.
        party = h.account is not None and not h.broker
        on_behalf_of = request.acting_for or (None if party else exchange.receiver.person)
        common = {"exchange": exchange, "by": request.user}
        try:
            if step == "agree":
                second = data["second_helper"].person if data["second_helper"] else None
                services.exchange_agree(second_helper=second, on_behalf_of=on_behalf_of, **common)
            elif step == "done":
                services.exchange_done(minutes=data["minutes"], on_behalf_of=on_behalf_of, **common)
            elif step == "confirm":
                services.exchange_confirm(
                    idempotency_key=data["idempotency_key"], on_behalf_of=on_behalf_of, **common
                )
            elif step == "cancel":
                services.exchange_cancel(reason=data["reason"], on_behalf_of=on_behalf_of, **common)
            else:
                services.exchange_reverse(reason=data["reason"], **common)
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(exchange.get_absolute_url())
    title, submit = STEP_TITLES[step]
    lead = _("%(what)s, for %(name)s.") % {
        "what": exchange.description,
        "name": shown_name(exchange.receiver, request.roles, h.subject),
    }
    return _render_form(request, h, form, title, lead, submit)


@person_required
def expense_add(request, bank, pk):
    h = here(request, bank)
    exchange = _exchange(request, h, pk)
    if "expense" not in _allowed_steps(h, exchange, _givers(exchange)):
        raise PermissionDenied
    form = ExpenseForm(post_data(request))
    if form.is_valid():
        data = form.cleaned_data
        person = h.subject if not h.broker or h.account else _givers(exchange)[0].person
        if person is None:
            form.add_error(None, _("Only a person who helped can claim expenses."))
        else:
            services.expense_claim(
                exchange=exchange,
                person=person,
                kind=data["kind"],
                miles=data["miles"],
                amount_pence=int(data["amount"] * 100),
                description=data["description"],
                by=request.user,
            )
            messages.success(
                request, _("Expenses claimed. They are paid back in money, never in time credits.")
            )
            return redirect(exchange.get_absolute_url())
    return _render_form(request, h, form, _("Claim expenses or mileage"), submit=_("Claim"))


@require_POST
@person_required
def expense_settle(request, bank, pk, expense_pk):
    h = here(request, bank, broker=True)
    exchange = _exchange(request, h, pk)
    expense = get_object_or_404(Expense, exchange=exchange, pk=expense_pk)
    try:
        services.expense_settle(
            expense=expense, paid=request.POST.get("paid") == "yes", by=request.user
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Claim settled."))
    return redirect(exchange.get_absolute_url())
