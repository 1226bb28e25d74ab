"""Pages anyone can use without signing in: search, an entry, suggesting, embedding."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt

from core.errors import DomainError
from core.forms import post_data

from .. import services
from ..access import can_claim, can_keep, can_signpost
from ..entries import entry_values
from ..forms import DAY_NAMES, SearchForm, SuggestForm
from ..models.extension import DAYS
from ..results import page_of_cards
from ..search import KM_PER_MILE, Query, build_queryset, find_place
from ..selectors import categories_of, service_for_page

PLACE_KEYS = ("address_1", "city", "postal_code")


def _run_search(request: HttpRequest) -> dict:
    form = SearchForm(request.GET or None, partnership=request.partnership)
    context = {"form": form, "searched": False}
    if not form.is_bound or not form.is_valid():
        return context
    d = form.cleaned_data
    place = None
    if d["near"]:
        place = find_place(d["near"], request.partnership)
        if place is None:
            form.add_error(
                "near", _("We do not know that postcode or town. Check it and try again.")
            )
            return context
    within = float(d["within"]) * KM_PER_MILE if d["within"] and place else None
    query = Query(
        partnership=request.partnership,
        text=d["q"],
        term_id=d["category"] or None,
        audience=d["who"],
        free=d["free"],
        day=d["day"],
        place=place,
        within_km=within,
        sort=d["sort"],
    )
    qs, sort = build_queryset(query)
    page = page_of_cards(qs, request.GET.get("page"), place)
    context.update(searched=True, page=page, place=place, sort=sort, total=page.paginator.count)
    return context


def search(request: HttpRequest) -> HttpResponse:
    context = _run_search(request)
    context["can_signpost"] = request.person is not None and can_signpost(request.roles)
    return render(request, "directory/search.html", context)


@xframe_options_exempt
def embed(request: HttpRequest) -> HttpResponse:
    """The search, in a minimal layout partners can put in an iframe on their own sites."""
    return render(request, "directory/embed.html", _run_search(request))


def _opening_words(schedules) -> list[str]:
    lines = []
    for s in schedules:
        days = [str(DAY_NAMES[d]) for d in (s.byday or "").split(",") if d in DAYS]
        if not days and not s.description:
            continue
        when = ""
        if days:
            joined = days[0] if len(days) == 1 else ", ".join(days[:-1]) + _(" and ") + days[-1]
            when = _("Every %(days)s") % {"days": joined}
            if s.opens_at and s.closes_at:
                when += _(", from %(start)s to %(end)s") % {
                    "start": s.opens_at.strftime("%-I:%M%p").lower().replace(":00", ""),
                    "end": s.closes_at.strftime("%-I:%M%p").lower().replace(":00", ""),
                }
        lines.append(" ".join(x for x in [when, s.description] if x))
    return lines


def service_detail(request: HttpRequest, pk) -> HttpResponse:
    service = service_for_page(request.partnership, pk)
    if service is None:
        raise Http404
    profile = getattr(service, "profile", None)
    confidential = bool(profile and profile.confidential_address)
    places = [] if confidential else [sal.location for sal in service.service_at_locations.all()]
    context = {
        "service": service,
        "profile": profile,
        "confidential": confidential,
        "places": places,
        "opening": _opening_words(service.schedules.all()),
        "categories": categories_of(service),
        "can_keep": request.person is not None and can_keep(request.roles, service),
        "can_claim": request.person is not None and can_claim(request.roles),
        "can_signpost": request.person is not None and can_signpost(request.roles),
    }
    return render(request, "directory/service_detail.html", context)


def suggest(request: HttpRequest, pk=None) -> HttpResponse:
    service = None
    if pk is not None:
        service = service_for_page(request.partnership, pk)
        if service is None:
            raise Http404
    confidential = bool(service and service.profile.confidential_address)
    values = entry_values(service) if service else {}
    if confidential:
        # The public never sees where it is, so cannot be shown it to correct.
        for key in PLACE_KEYS:
            values.pop(key, None)
    initial = SuggestForm.initial_from(values)
    form = SuggestForm(
        post_data(request),
        initial=initial,
        partnership=request.partnership,
        signed_in=request.person is not None,
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.suggestion_submit(
                partnership=request.partnership,
                proposed={
                    k: v
                    for k, v in form.entry_data().items()
                    if not (confidential and k in PLACE_KEYS)
                },
                service=service,
                note=d["note"],
                contact_name=d["contact_name"],
                contact_email=d["contact_email"],
                person=request.person,
            )
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request, _("Thank you. A directory editor will look at your suggestion soon.")
            )
            return redirect("directory:search")
    title = (
        _("Suggest a change to %(name)s") % {"name": service.name}
        if service
        else _("Suggest a group or service")
    )
    return render(
        request, "directory/suggest.html", {"form": form, "title": title, "service": service}
    )
