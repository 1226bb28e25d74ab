"""The partnership picture, its snapshots over time, drivers and barriers across
the partnership, the spreadsheets, and the board pack."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from core import exports
from core.charts import line_chart
from core.errors import DomainError
from core.forms import post_data
from core.pdf import pdf_response
from people.decorators import role_required

from .. import charts, services
from ..access import can_read_picture, can_register, can_shape_focus, visible_initiatives
from ..forms import FactorForm, SnapshotForm
from ..models import (
    ClientGroup,
    Factor,
    IngredientAnswer,
    Initiative,
    Snapshot,
    period_of,
)
from ..selectors import Filters, picture

picture_required = role_required(can_read_picture)


def picture_context(request, filters: Filters) -> dict:
    result = picture(request.partnership, filters)
    return {
        "picture": result,
        "filters": filters,
        "star_svg": charts.star_chart(result),
        "ingredients_svg": charts.ingredients_chart(result),
        "levels_svg": charts.counts_chart(result.levels, title=_("Initiatives at each level")),
        "ladder_svg": charts.counts_chart(
            result.ladder, title=_("Initiatives on each step of the ladder")
        ),
    }


@picture_required
def partnership_picture(request: HttpRequest) -> HttpResponse:
    filters = Filters.from_query(request.GET, request.partnership)
    context = picture_context(request, filters)
    context.update(
        {
            "organisations": request.partnership.organisations.filter(is_active=True),
            "client_groups": ClientGroup.choices,
            "snapshots": Snapshot.objects.filter(partnership=request.partnership).count(),
        }
    )
    return render(request, "mapping/picture.html", context)


@picture_required
def snapshots(request: HttpRequest) -> HttpResponse:
    can_take = can_shape_focus(request.roles)
    form = SnapshotForm(post_data(request), initial={"period": period_of(timezone.localdate())})
    if request.method == "POST":
        if not can_take:
            raise PermissionDenied
        if form.is_valid():
            data = picture(request.partnership).as_data()
            services.snapshot_take(
                partnership=request.partnership,
                period=form.cleaned_data["period"],
                data=data,
                by=request.user,
                person=request.person,
            )
            messages.success(request, _("Snapshot kept for %(period)s.") % form.cleaned_data)
            return redirect("mapping:snapshots")
    kept = list(Snapshot.objects.filter(partnership=request.partnership).order_by("period"))
    keys = ["co_commissioning", "co_design", "co_delivery", "co_assessment"]
    labels = [_("Co-commissioning"), _("Co-design"), _("Co-delivery"), _("Co-assessment")]
    rows = [
        {
            "period": s.period,
            "total": s.data.get("total", 0),
            "values": [s.data.get("star", {}).get(k, 0) for k in keys],
        }
        for s in kept
    ]
    chart = None
    if len(rows) > 1:
        chart = line_chart(
            [r["period"] for r in rows],
            {str(label): [r["values"][i] for r in rows] for i, label in enumerate(labels)},
            title=_("The four Co's over time"),
            description=_("Initiatives practising each of the four Co's, at each snapshot."),
            ylabel=_("Initiatives"),
        )
    return render(
        request,
        "mapping/snapshots.html",
        {
            "form": form,
            "can_take": can_take,
            "rows": rows,
            "labels": labels,
            "chart": chart,
            "latest": kept[-1] if kept else None,
        },
    )


@picture_required
def factors(request: HttpRequest) -> HttpResponse:
    allowed = can_register(request.roles)
    form = FactorForm(post_data(request))
    if request.method == "POST":
        if not allowed:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.factor_add(
                    partnership=request.partnership,
                    kind=form.cleaned_data["kind"],
                    name=form.cleaned_data["name"],
                    by=request.user,
                )
            except DomainError as error:
                form.add_error("name", error.message)
            else:
                messages.success(request, _("Added to the list."))
                return redirect("mapping:factors")
    result = picture(request.partnership)
    return render(
        request,
        "mapping/factors.html",
        {
            "form": form,
            "can_add": allowed,
            "picture": result,
            "own": Factor.objects.filter(partnership=request.partnership),
        },
    )


def _register_rows(initiatives):
    headers = [
        _("Name"),
        _("Purpose"),
        _("Lead organisation"),
        _("Partners"),
        _("Who it is mainly for"),
        _("Commissioning cycle"),
        _("Status"),
        _("Start"),
        _("End"),
        _("Funding (£)"),
        _("Funding source"),
        _("Short-term funding"),
        _("Ladder step"),
        _("Level"),
        _("Co-commissioning"),
        _("Co-design"),
        _("Co-delivery"),
        _("Co-assessment"),
        _("Organisations only"),
        _("Owner disagrees"),
    ]
    rows = []
    for i in initiatives:
        c = getattr(i, "classification", None)
        rows.append(
            [
                i.name,
                i.purpose,
                i.lead_organisation.name,
                "; ".join(p.name for p in i.partners.all()),
                i.get_client_group_display(),
                i.get_stage_display(),
                i.get_status_display(),
                i.starts_on,
                i.ends_on,
                i.funding_amount,
                i.funding_source,
                _("Yes") if i.short_term_funding else _("No"),
                c.get_ladder_display() if c else "",
                c.get_level_display() if c else "",
                c.co_commissioning if c else "",
                c.co_design if c else "",
                c.co_delivery if c else "",
                c.co_assessment if c else "",
                (_("Yes") if c.really_between_organisations else _("No")) if c else "",
                c.disagreement if c else "",
            ]
        )
    return headers, rows


def _assessment_rows(initiatives):
    headers = [
        _("Initiative"),
        _("Respondent group"),
        _("How answered"),
        _("Ingredient"),
        _("Rating"),
        _("Evidence"),
    ]
    answers = (
        IngredientAnswer.objects.filter(invitation__initiative__in=initiatives)
        .select_related("invitation__initiative")
        .order_by("invitation__initiative__name", "invitation_id", "ingredient")
    )
    rows = [
        [
            a.invitation.initiative.name,
            a.invitation.get_group_display(),
            a.invitation.get_mode_display(),
            a.get_ingredient_display(),
            a.rating,
            a.evidence,
        ]
        for a in answers
    ]
    return headers, rows


@picture_required
def export(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    initiatives = (
        visible_initiatives(request.roles, request.partnership)
        .select_related("lead_organisation", "classification")
        .prefetch_related("partners")
        .order_by("name")
    )
    if kind == "register":
        headers, rows = _register_rows(initiatives)
        title = _("Initiatives")
    elif kind == "assessments":
        headers, rows = _assessment_rows(initiatives)
        title = _("Six ingredients")
    else:
        raise Http404
    audit_record(
        "mapping.register.exported",
        actor=request.user,
        partnership=request.partnership,
        data={"kind": kind, "format": fmt, "rows": len(rows)},
    )
    return exports.download(
        exports.dataset(headers, rows, title=str(title)), filename=f"mapping-{kind}", fmt=fmt
    )


def board_pack_context(request) -> dict:
    context = picture_context(request, Filters())
    recent = (
        Initiative.objects.filter(partnership=request.partnership)
        .select_related("classification", "lead_organisation")
        .order_by("-updated_at")[:8]
    )
    context.update(
        {"recent": recent, "partnership": request.partnership, "today": timezone.localdate()}
    )
    return context


@picture_required
def board_pack(request: HttpRequest) -> HttpResponse:
    audit_record("mapping.board_pack.printed", actor=request.user, partnership=request.partnership)
    return pdf_response(
        "mapping/board_pack.html",
        board_pack_context(request),
        filename="co-production-board-pack.pdf",
        request=request,
    )
