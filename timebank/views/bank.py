"""The list of banks, a bank's home page, its settings, and joining members."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.forms import post_data, show_domain_error
from people.decorators import person_required
from people.models import Person

from .. import services
from ..access import banks_for, can_manage_settings, is_broker
from ..forms import BankSettingsForm, MemberAddForm, PrivacyForm
from ..models import Account, Exchange, Listing
from .common import here


@person_required
def bank_list(request):
    banks = banks_for(request.roles, request.subject)
    return render(request, "timebank/bank_list.html", {"banks": banks})


@person_required
def bank_home(request, bank):
    h = here(request, bank)
    context = h.context
    if h.broker:
        context |= {
            "open_requests": Listing.objects.filter(
                bank=h.bank, kind=Listing.Kind.REQUEST, status=Listing.Status.OPEN
            )
            .select_related("account__person", "category")
            .order_by("created_at")[:10],
            "to_confirm": Exchange.objects.filter(bank=h.bank, status=Exchange.Status.DONE).count(),
            "in_progress": Exchange.objects.filter(
                bank=h.bank, status__in=[Exchange.Status.PROPOSED, Exchange.Status.AGREED]
            ).count(),
            "member_count": Account.objects.filter(
                bank=h.bank, kind=Account.Kind.PERSON, closed_at__isnull=True
            ).count(),
        }
    if h.account is not None:
        from ..access import balance_shown

        context |= {
            "balance_shown": balance_shown(request.roles, h.account),
            "my_listings": h.account.listings.exclude(status=Listing.Status.CLOSED)[:10],
            "my_exchanges": Exchange.objects.filter(
                Q(receiver=h.account) | Q(participants__account=h.account)
            )
            .distinct()
            .order_by("-created_at")[:10],
        }
    return render(request, "timebank/bank_home.html", context)


@person_required
def bank_settings(request, bank):
    h = here(request, bank)
    if not can_manage_settings(request.roles, h.bank):
        raise PermissionDenied
    form = BankSettingsForm(post_data(request), instance=h.bank)
    if form.is_valid():
        changed = {
            name: form.cleaned_data[name] for name in form.changed_data if name in form.Meta.fields
        }
        changed["overdraft_limit_minutes"] = -form.cleaned_data["lowest_hours"] * 60
        services.bank_update(bank=h.bank, by=request.user, **changed)
        messages.success(request, _("Settings saved."))
        return redirect("timebank:bank", h.bank.slug)
    return render(
        request,
        "core/form_page.html",
        h.context
        | {"form": form, "title": _("Time bank settings"), "submit_label": _("Save settings")},
    )


@person_required
def member_add(request, bank):
    h = here(request, bank, broker=True)
    # Members of the organisation, and anyone referred to this bank, not yet in it.
    people = (
        Person.objects.active()
        .filter(partnership=h.bank.partnership)
        .filter(
            Q(
                memberships__organisation=h.bank.organisation,
                memberships__ended_on__isnull=True,
            )
            | Q(timebank_referrals__bank=h.bank)
        )
        .exclude(timebank_accounts__bank=h.bank)
        .distinct()
    )
    form = MemberAddForm(post_data(request), people=people)
    if form.is_valid():
        try:
            account = services.account_open(
                bank=h.bank,
                person=form.cleaned_data["person"],
                by=request.user,
                on_behalf_of=request.acting_for,
            )
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("%(name)s has joined.") % {"name": account.owner_name})
            return redirect("timebank:members", h.bank.slug)
    return render(
        request,
        "core/form_page.html",
        h.context
        | {
            "form": form,
            "title": _("Add a member"),
            "lead": _(
                "People who belong to %(org)s, or were referred to it, can join its time bank."
            )
            % {"org": h.bank.organisation},
            "submit_label": _("Add to the time bank"),
        },
    )


@person_required
def privacy(request, bank):
    h = here(request, bank, member=True)
    form = PrivacyForm(post_data(request), instance=h.account)
    if form.is_valid():
        form.save()
        messages.success(request, _("Saved: what other members see of you."))
        return redirect("timebank:bank", h.bank.slug)
    return render(
        request,
        "core/form_page.html",
        h.context
        | {
            "form": form,
            "title": _("What other members see of you"),
            "lead": _(
                "The bank's brokers always see your full name. Other members see no more than this."
            ),
        },
    )


def is_any_broker(request) -> bool:
    return any(is_broker(request.roles, b) for b in banks_for(request.roles, request.subject))
