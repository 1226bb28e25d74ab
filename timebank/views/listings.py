"""Offers and requests: browse and search, post, close; and matching helpers to a request."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.forms import post_data, show_domain_error
from people.decorators import person_required

from .. import services
from ..forms import ListingForm, ListingSearchForm
from ..matching import suggest_helpers
from ..models import Account, Exchange, Listing
from ..selectors import listings_for, shown_name
from .common import here


@person_required
def listing_list(request, bank):
    h = here(request, bank)
    form = ListingSearchForm(request.GET or None, bank=h.bank)
    filters = form.cleaned_data if form.is_valid() else {}
    listings = listings_for(
        h.bank,
        q=filters.get("q", ""),
        kind=filters.get("kind", ""),
        category=filters.get("category"),
        where=filters.get("where", ""),
    )
    page = Paginator(listings, 20).get_page(request.GET.get("page"))
    for listing in page:
        listing.shown_name = shown_name(listing.account, request.roles, h.subject)
    return render(request, "timebank/listing_list.html", h.context | {"form": form, "page": page})


@person_required
def listing_add(request, bank):
    h = here(request, bank)
    account = h.account
    if account is None:
        # A broker posts for a member by acting for them first.
        raise PermissionDenied
    kind = request.GET.get("kind")
    initial = {"kind": kind} if kind in Listing.Kind.values else {}
    form = ListingForm(post_data(request), bank=h.bank, initial=initial | {"timing": "one_off"})
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("kind", "slots")}
        try:
            listing = services.listing_create(
                account=account,
                kind=form.cleaned_data["kind"],
                by=request.user,
                on_behalf_of=request.acting_for,
                availability=form.availability,
                **data,
            )
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Posted: %(title)s") % {"title": listing.title})
            return redirect(listing.get_absolute_url())
    return render(
        request,
        "core/form_page.html",
        h.context
        | {
            "form": form,
            "title": _("Offer help or ask for it"),
            "lead": _(
                "Say what you can do, or what you would like help with. A broker may get in touch."
            ),
            "submit_label": _("Post it"),
        },
    )


def _listing(h, pk) -> Listing:
    return get_object_or_404(
        Listing.objects.select_related(
            "account__person__area", "account__organisation", "category", "area"
        ),
        bank=h.bank,
        pk=pk,
    )


@person_required
def listing_detail(request, bank, pk):
    h = here(request, bank)
    listing = _listing(h, pk)
    own = h.account is not None and listing.account_id == h.account.pk
    if listing.status == Listing.Status.CLOSED and not (own or h.broker):
        raise PermissionDenied
    return render(
        request,
        "timebank/listing_detail.html",
        h.context
        | {
            "listing": listing,
            "own": own,
            "shown_name": shown_name(listing.account, request.roles, h.subject),
            "sees_notes": own or h.broker or _is_helper(h, listing),
        },
    )


def _is_helper(h, listing) -> bool:
    """The person introduced to help with a request may read what they should know."""
    if h.account is None or listing.kind != Listing.Kind.REQUEST:
        return False
    return (
        Exchange.objects.filter(request=listing, participants__account=h.account)
        .exclude(status=Exchange.Status.CANCELLED)
        .exists()
    )


@require_POST
@person_required
def listing_close(request, bank, pk):
    h = here(request, bank)
    listing = _listing(h, pk)
    if not (h.broker or (h.account is not None and listing.account_id == h.account.pk)):
        raise PermissionDenied
    services.listing_close(listing=listing, by=request.user, on_behalf_of=request.acting_for)
    messages.success(request, _("Closed: %(title)s") % {"title": listing.title})
    return redirect("timebank:bank", h.bank.slug)


@person_required
def match(request, bank, pk):
    """For a request, the broker sees suggested helpers and introduces one."""
    h = here(request, bank, broker=True)
    listing = _listing(h, pk)
    if listing.kind != Listing.Kind.REQUEST:
        raise PermissionDenied
    error = None
    if request.method == "POST":
        helper = Account.objects.filter(
            bank=h.bank, kind=Account.Kind.PERSON, pk=_int(request.POST.get("helper"))
        ).first()
        if helper is None:
            error = _("Choose a helper from the list.")
        else:
            try:
                exchange = services.introduction_make(
                    request=listing, helper=helper, by=request.user
                )
            except DomainError as problem:
                error = str(problem.message)
            else:
                messages.success(
                    request,
                    _(
                        "%(helper)s has been introduced. Both have been told, by the way they prefer."
                    )
                    % {"helper": helper.owner_name},
                )
                return redirect(exchange.get_absolute_url())
    suggestions = suggest_helpers(listing)
    return render(
        request,
        "timebank/match.html",
        h.context | {"listing": listing, "suggestions": suggestions, "error": error},
        status=400 if error else 200,
    )


def _int(value) -> int | None:
    return int(value) if value and str(value).isdigit() and len(str(value)) < 10 else None
