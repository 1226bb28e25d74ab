"""Referrals in from practitioners and link workers, and what became of them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Min
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.forms import post_data, show_domain_error
from people.access import people_visible_to
from people.decorators import caseworker_required
from people.models import Role

from .. import services
from ..forms import ReferralForm
from ..models import Account, Exchange, Referral, TimeBank


def _outcome(referral) -> dict:
    account = Account.objects.filter(bank=referral.bank, person=referral.person).first()
    first = None
    if account is not None:
        first = (
            Exchange.objects.filter(status=Exchange.Status.CONFIRMED)
            .filter(receiver=account)
            .aggregate(first=Min("confirmed_at"))["first"]
        )
        given = Exchange.objects.filter(
            status=Exchange.Status.CONFIRMED, participants__account=account
        ).aggregate(first=Min("confirmed_at"))["first"]
        first = min(filter(None, [first, given]), default=None)
    return {"joined": account.opened_at if account else None, "first_exchange": first}


@caseworker_required
def referral_list(request):
    roles = request.roles
    brokered = roles.organisations(Role.BROKER)
    referrals = Referral.objects.filter(bank__partnership=request.partnership).select_related(
        "bank", "person"
    )
    mine = referrals.filter(referred_by=request.person)
    to_my_banks = referrals.filter(bank__organisation_id__in=brokered)
    rows = [(r, _outcome(r)) for r in (mine | to_my_banks).distinct()[:100]]
    return render(request, "timebank/referral_list.html", {"rows": rows})


@caseworker_required
def referral_add(request):
    banks = TimeBank.objects.filter(partnership=request.partnership)
    people = people_visible_to(request.roles).active()
    if not people.exists():
        raise PermissionDenied
    form = ReferralForm(post_data(request), banks=banks, people=people)
    if form.is_valid():
        try:
            services.referral_make(
                bank=form.cleaned_data["bank"],
                person=form.cleaned_data["person"],
                referred_by=request.person,
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(
                request,
                _("Referred. You will see here when they join and when they first exchange."),
            )
            return redirect("timebank:referrals")
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Refer someone to a time bank"), "submit_label": _("Refer")},
    )
