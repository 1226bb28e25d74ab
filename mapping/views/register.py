"""The initiative register: the list with its filters, one initiative, and its edits."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import linkables
from core.errors import DomainError
from core.forms import post_data
from people.decorators import staff_required

from .. import services
from ..access import can_edit, can_register, visible_initiatives
from ..forms import FactorsForm, InitiativeForm, LinkForm, ParticipationForm
from ..models import ClientGroup, Factor, Initiative, Link
from ..selectors import Filters
from .common import initiative_for


@staff_required
def initiative_list(request: HttpRequest) -> HttpResponse:
    filters = Filters.from_query(request.GET, request.partnership)
    initiatives = filters.apply(visible_initiatives(request.roles, request.partnership))
    initiatives = initiatives.select_related("lead_organisation", "classification")
    page = Paginator(initiatives.order_by("name", "pk"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "mapping/initiative_list.html",
        {
            "page": page,
            "filters": filters,
            "organisations": request.partnership.organisations.filter(is_active=True),
            "client_groups": ClientGroup.choices,
            "statuses": Initiative.Status.choices,
            "can_register": can_register(request.roles),
        },
    )


@staff_required
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request, pk)
    links = []
    for link in initiative.links.all():
        linkable = linkables.get(link.key)
        label = linkable.label if linkable else ""
        links.append({"link": link, "label": label, "thing": link.thing()})
    factors = initiative.factors.select_related("factor").order_by("factor__kind", "factor__name")
    return render(
        request,
        "mapping/initiative_detail.html",
        {
            "initiative": initiative,
            "classification": getattr(initiative, "classification", None),
            "participations": initiative.participations.all(),
            "partners": initiative.partners.all(),
            "links": links,
            "factors": factors,
            "invitations": initiative.invitations.all(),
            "can_edit": can_edit(request.roles, initiative),
            "linkable_kinds": linkables.all_linkables(),
        },
    )


@staff_required
def initiative_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk is None:
        if not can_register(request.roles):
            raise PermissionDenied
        initiative = Initiative(partnership=request.partnership, owner=request.person)
    else:
        initiative = initiative_for(request, pk, edit=True)
    form = InitiativeForm(post_data(request), instance=initiative, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_save(
                initiative=form.save(commit=False),
                partners=form.cleaned_data["partners"],
                by=request.user,
                created=pk is None,
            )
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            if pk is None:
                messages.success(request, _("Initiative registered. Now say who takes part."))
                return redirect("mapping:initiative-people", pk=form.instance.pk)
            messages.success(request, _("Initiative saved."))
            return redirect(form.instance.get_absolute_url())
    return render(
        request,
        "mapping/initiative_form.html",
        {
            "form": form,
            "title": _("Change the initiative") if pk else _("Register an initiative"),
            "initiative": initiative if pk else None,
        },
    )


@staff_required
def initiative_people(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request, pk, edit=True)
    form = ParticipationForm(post_data(request), initiative=initiative)
    if request.method == "POST" and form.is_valid():
        services.participation_set(initiative=initiative, rows=form.rows(), by=request.user)
        messages.success(request, _("Saved who takes part."))
        if hasattr(initiative, "classification"):
            return redirect(initiative.get_absolute_url())
        return redirect("mapping:initiative-questions", pk=initiative.pk)
    return render(
        request, "mapping/participation_form.html", {"form": form, "initiative": initiative}
    )


@staff_required
def initiative_links(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request, pk, edit=True)
    form = LinkForm(post_data(request), partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        key, object_id = form.target()
        try:
            services.link_add(initiative=initiative, key=key, object_id=object_id, by=request.user)
        except DomainError as error:
            form.add_error("thing", error.message)
        else:
            messages.success(request, _("Link added."))
            return redirect(initiative.get_absolute_url())
    return render(
        request,
        "mapping/link_form.html",
        {
            "form": form,
            "initiative": initiative,
            "has_choices": len(form.fields["thing"].choices) > 1,
        },
    )


@require_POST
@staff_required
def link_remove(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    initiative = initiative_for(request, pk, edit=True)
    link = get_object_or_404(Link, initiative=initiative, pk=link_pk)
    services.link_remove(link=link, by=request.user)
    messages.success(request, _("Link removed."))
    return redirect(initiative.get_absolute_url())


@staff_required
def initiative_factors(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request, pk, edit=True)
    chosen = Factor.objects.filter(uses__initiative=initiative)
    form = FactorsForm(
        post_data(request),
        partnership=request.partnership,
        initial={
            "drivers": chosen.filter(kind=Factor.Kind.DRIVER),
            "barriers": chosen.filter(kind=Factor.Kind.BARRIER),
        },
    )
    if request.method == "POST" and form.is_valid():
        picked = [*form.cleaned_data["drivers"], *form.cleaned_data["barriers"]]
        services.initiative_factors_set(initiative=initiative, factors=picked, by=request.user)
        messages.success(request, _("Drivers and barriers saved."))
        return redirect(initiative.get_absolute_url())
    return render(request, "mapping/factors_form.html", {"form": form, "initiative": initiative})
