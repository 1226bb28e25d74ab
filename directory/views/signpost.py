"""Signposting: a practitioner's shortlist for a person, printed or sent, recorded."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.forms import post_data
from people.access import can_view_person
from people.decorators import role_required
from people.models import Person

from .. import services
from ..access import can_signpost
from ..forms import ShortlistForm
from ..models import Referral, Service, Shortlist
from ..search import Query, build_queryset

signposter_required = role_required(can_signpost)


def _person(request, pk) -> Person:
    person = get_object_or_404(
        Person, partnership=request.partnership, pk=pk, erased_at__isnull=True
    )
    if not can_view_person(request.roles, person):
        raise Http404
    return person


@signposter_required
def shortlist_new(request: HttpRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk)
    q = request.GET.get("q", "")[:200]
    found = []
    if q:
        qs, _sort = build_queryset(Query(partnership=request.partnership, text=q))
        found = [p.service for p in qs.select_related("service")[:20]]
    chosen_ids = request.POST.getlist("services") if request.method == "POST" else []
    chosen = list(
        Service.objects.filter(partnership=request.partnership, pk__in=_uuids(chosen_ids))
    )
    form = ShortlistForm(post_data(request), services=found + [s for s in chosen if s not in found])
    if request.method == "POST" and form.is_valid():
        try:
            shortlist = services.shortlist_create(
                person=person,
                made_by=request.person,
                services=chosen,
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            return redirect("directory:shortlist", pk=shortlist.pk)
    return render(
        request,
        "directory/shortlist_new.html",
        {"person": person, "form": form, "q": q, "found": found},
    )


def _uuids(values):
    import uuid

    out = []
    for v in values:
        try:
            out.append(uuid.UUID(v))
        except ValueError:
            continue
    return out


def _shortlist(request, pk) -> Shortlist:
    shortlist = get_object_or_404(
        Shortlist.objects.select_related("person", "made_by"),
        person__partnership=request.partnership,
        pk=pk,
    )
    if not can_view_person(request.roles, shortlist.person):
        raise Http404
    return shortlist


@signposter_required
def shortlist_detail(request: HttpRequest, pk: int) -> HttpResponse:
    shortlist = _shortlist(request, pk)
    items = [i.service for i in shortlist.items.select_related("service", "service__organization")]
    return render(
        request,
        "directory/shortlist.html",
        {
            "shortlist": shortlist,
            "items": items,
            "print": request.GET.get("print") == "1",
            "referrals": shortlist.referrals.count(),
        },
    )


@signposter_required
@require_POST
def shortlist_give(request: HttpRequest, pk: int) -> HttpResponse:
    shortlist = _shortlist(request, pk)
    route = request.POST.get("route", "")
    names = "\n".join(f"- {i.service.name}" for i in shortlist.items.select_related("service"))
    body = _("Here are some groups and services that might help:\n%(names)s\n\n%(note)s") % {
        "names": names,
        "note": shortlist.note,
    }
    try:
        services.shortlist_refer(shortlist=shortlist, route=route, by=request.user, body=body)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("directory:shortlist", pk=shortlist.pk)
    if route == Referral.Route.PRINTED:
        return redirect(reverse("directory:shortlist", kwargs={"pk": shortlist.pk}) + "?print=1")
    messages.success(request, _("Sent the way they like to hear from us."))
    return redirect("directory:shortlist", pk=shortlist.pk)
