"""Members and accounts: statements, the community pot, and per-account limits."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.errors import DomainError
from core.exports import dataset, download
from core.forms import post_data, show_domain_error
from core.pdf import pdf_response
from people.decorators import person_required

from .. import services
from ..access import balance_shown, can_see_account
from ..forms import DonateForm, GrantForm, LimitForm
from ..models import Account, hours
from ..selectors import statement_lines
from .common import here


@person_required
def member_list(request, bank):
    h = here(request, bank, broker=True)
    accounts = (
        Account.objects.filter(bank=h.bank)
        .select_related("person", "organisation", "bank")
        .order_by("kind", "person__family_name", "person__given_name", "organisation__name", "pk")
    )
    q = (request.GET.get("q") or "").strip()[:100]
    if q:
        accounts = accounts.filter(person__given_name__icontains=q) | accounts.filter(
            person__family_name__icontains=q
        )
    page = Paginator(accounts, 30).get_page(request.GET.get("page"))
    return render(request, "timebank/member_list.html", h.context | {"page": page, "q": q})


def _account(request, h, pk) -> Account:
    account = get_object_or_404(
        Account.objects.select_related("person", "organisation", "bank"), bank=h.bank, pk=pk
    )
    if not can_see_account(request.roles, h.subject, account):
        raise PermissionDenied
    if account.person_id and h.subject and account.person_id != h.subject.pk:
        audit_record(
            "timebank.statement.viewed",
            actor=request.user,
            person=account.person,
            organisation=h.bank.organisation,
            target=account,
            sensitive=True,
        )
    return account


@person_required
def my_statement(request, bank):
    h = here(request, bank, member=True)
    return redirect(h.account.get_absolute_url())


@person_required
def statement(request, bank, pk):
    h = here(request, bank)
    account = _account(request, h, pk)
    lines = statement_lines(account, request.roles, h.subject)
    shown = balance_shown(request.roles, account)
    if not shown:
        for line in lines:
            line.balance_hidden = True
    return render(
        request,
        "timebank/statement.html",
        h.context
        | {
            "account": account,
            "lines": lines,
            "balance_shown": shown,
            "given": hours(sum(line.minutes for line in lines if line.minutes > 0)),
            "received": hours(-sum(line.minutes for line in lines if line.minutes < 0)),
        },
    )


@person_required
def statement_download(request, bank, pk, fmt):
    """The statement as CSV or XLSX, or as a printable easy-read PDF in large print."""
    h = here(request, bank)
    account = _account(request, h, pk)
    shown = balance_shown(request.roles, account)
    if fmt == "pdf":
        lines = statement_lines(account, request.roles, h.subject)
        context = h.context | {
            "account": account,
            "lines": lines,
            "balance_shown": shown,
            "given": hours(sum(x.minutes for x in lines if x.minutes > 0)) or "0",
            "received": hours(-sum(x.minutes for x in lines if x.minutes < 0)) or "0",
        }
        return pdf_response(
            "timebank/statement_print.html", context, filename=f"statement-{account.pk}.pdf"
        )
    rows = [
        [
            line.when.date().isoformat(),
            line.kind,
            line.description,
            line.with_whom,
            line.hours_in,
            line.hours_out,
            line.balance_hours if shown else "",
        ]
        for line in statement_lines(account, request.roles, h.subject)
    ]
    headers = [
        _("Date"),
        _("Kind"),
        _("What"),
        _("With"),
        _("Hours earned"),
        _("Hours used"),
        _("Balance"),
    ]
    return download(
        dataset(headers, rows, title=_("Statement")), filename=f"statement-{account.pk}", fmt=fmt
    )


@person_required
def limit(request, bank, pk):
    h = here(request, bank, broker=True)
    account = get_object_or_404(Account, bank=h.bank, pk=pk)
    initial = {"reason": account.overdraft_reason}
    if account.overdraft_limit_minutes is not None:
        initial["lowest_hours"] = -account.overdraft_limit_minutes // 60
    form = LimitForm(post_data(request), initial=initial)
    if form.is_valid():
        lowest = form.cleaned_data["lowest_hours"]
        try:
            services.overdraft_grant(
                account=account,
                limit_minutes=None if lowest is None else -lowest * 60,
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(account.get_absolute_url())
    return render(
        request,
        "core/form_page.html",
        h.context
        | {
            "form": form,
            "title": _("Lowest balance for %(name)s") % {"name": account.owner_name},
            "lead": _("The bank lets members receive %(hours)s hours before giving.")
            % {"hours": hours(-h.bank.overdraft_limit_minutes)},
        },
    )


@person_required
def donate(request, bank):
    h = here(request, bank, member=True)
    form = DonateForm(post_data(request))
    if form.is_valid():
        try:
            services.donate(
                account=h.account,
                minutes=form.cleaned_data["minutes"],
                by=request.user,
                on_behalf_of=request.acting_for,
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Thank you. Your gift is in the community pot."))
            return redirect(h.account.get_absolute_url())
    return render(
        request,
        "core/form_page.html",
        h.context
        | {
            "form": form,
            "title": _("Give time credits to the community pot"),
            "lead": _("The pot helps people who cannot give time themselves."),
            "submit_label": _("Give"),
        },
    )


@person_required
def grant(request, bank):
    h = here(request, bank, broker=True)
    pot = services.pot_for(h.bank)
    form = GrantForm(post_data(request), bank=h.bank)
    if form.is_valid():
        try:
            services.grant(
                account=form.cleaned_data["account"],
                minutes=form.cleaned_data["minutes"],
                reason=form.cleaned_data["reason"],
                by=request.user,
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Given from the community pot."))
            return redirect("timebank:bank", h.bank.slug)
    return render(
        request,
        "core/form_page.html",
        h.context
        | {
            "form": form,
            "title": _("Give from the community pot"),
            "lead": _("The pot holds %(hours)s hours.") % {"hours": pot.balance_hours},
            "submit_label": _("Give"),
        },
    )
