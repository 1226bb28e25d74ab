"""Focus it, People it, and the five steps for the partnership."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.forms import post_data

from .. import charts, services
from ..access import can_shape_focus
from ..forms import ActivityForm, ScoreForm, StakeholderForm, StepForm
from ..models import Activity, ActivityScore, Classification, Stakeholder, Step, StepProgress
from ..rules import focus
from .picture import picture_required


def _shaper(request):
    if not can_shape_focus(request.roles):
        raise PermissionDenied


@picture_required
def priorities(request: HttpRequest) -> HttpResponse:
    activities = (
        Activity.objects.filter(partnership=request.partnership)
        .annotate(
            impact=Avg("scores__impact"), effort=Avg("scores__effort"), scorers=Count("scores")
        )
        .order_by("name")
    )
    rows = []
    for a in activities:
        kind = focus.priority(a.impact, a.effort) if a.scorers else None
        rows.append(
            {"activity": a, "kind": kind, "label": _(focus.PRIORITY_LABELS[kind]) if kind else ""}
        )
    scored = [r for r in rows if r["kind"]]
    chart = charts.quadrant_chart(
        [(r["activity"].name, r["activity"].effort, r["activity"].impact) for r in scored],
        title=_("Priority matrix"),
        x_label=_("Effort (1 little, 5 a lot)"),
        y_label=_("Impact (1 little, 5 a lot)"),
        corners={
            (1.7, 5.2): _("Quick wins"),
            (4.3, 5.2): _("Big projects"),
            (1.7, 0.8): _("Small jobs"),
            (4.3, 0.8): _("Hard slogs"),
        },
    )
    return render(
        request,
        "mapping/priorities.html",
        {
            "rows": rows,
            "chart": chart,
            "quick_wins": [r["activity"] for r in scored if r["kind"] == focus.QUICK_WIN],
            "hard_slogs": [r["activity"] for r in scored if r["kind"] == focus.HARD_SLOG],
            "can_add": can_shape_focus(request.roles),
        },
    )


@picture_required
def activity_add(request: HttpRequest) -> HttpResponse:
    _shaper(request)
    form = ActivityForm(post_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_add(
                partnership=request.partnership, by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Activity added. Ask people to score it."))
            return redirect("mapping:priorities")
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Add a candidate activity"), "back_url": "mapping:priorities"},
    )


@picture_required
def activity_score(request: HttpRequest, pk: int) -> HttpResponse:
    """Anyone on the staff side, and the board, may score: several views make the matrix."""
    activity = get_object_or_404(Activity, partnership=request.partnership, pk=pk)
    mine = ActivityScore.objects.filter(activity=activity, scorer=request.person).first()
    form = ScoreForm(
        post_data(request),
        initial={"impact": str(mine.impact), "effort": str(mine.effort)} if mine else None,
    )
    if request.method == "POST" and form.is_valid():
        services.activity_score(
            activity=activity, scorer=request.person, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Your score is saved."))
        return redirect("mapping:priorities")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Score: %(name)s") % {"name": activity.name},
            "lead": activity.description,
            "back_url": "mapping:priorities",
        },
    )


@picture_required
def stakeholders(request: HttpRequest) -> HttpResponse:
    found = list(Stakeholder.objects.filter(partnership=request.partnership))
    rows = [
        {
            "stakeholder": s,
            "label": _(focus.STAKEHOLDER_LABELS[focus.stakeholder_quadrant(s.power, s.influence)]),
        }
        for s in found
    ]
    chart = charts.quadrant_chart(
        [(s.name, s.influence, s.power) for s in found],
        title=_("Stakeholder grid"),
        x_label=_("Interest and influence (1 little, 5 a lot)"),
        y_label=_("Power (1 little, 5 a lot)"),
        corners={
            (1.7, 5.2): _("Keep satisfied"),
            (4.3, 5.2): _("Partners and champions"),
            (1.7, 0.8): _("Silent majority"),
            (4.3, 0.8): _("Inform and invite in"),
        },
    )
    return render(
        request,
        "mapping/stakeholders.html",
        {
            "rows": rows,
            "chart": chart,
            "ways": [_(text) for text in focus.STAKEHOLDER_LABELS.values()],
            "can_add": can_shape_focus(request.roles),
        },
    )


@picture_required
def stakeholder_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _shaper(request)
    stakeholder = (
        get_object_or_404(Stakeholder, partnership=request.partnership, pk=pk)
        if pk
        else Stakeholder(partnership=request.partnership)
    )
    form = StakeholderForm(post_data(request), instance=stakeholder)
    if request.method == "POST" and form.is_valid():
        try:
            services.stakeholder_save(stakeholder=form.save(commit=False), by=request.user)
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Stakeholder saved."))
            return redirect("mapping:stakeholders")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Change a stakeholder") if pk else _("Add a stakeholder"),
            "back_url": "mapping:stakeholders",
        },
    )


STEP_TERMS = {
    Step.MAP: "map-it",
    Step.FOCUS: "focus-it",
    Step.PEOPLE: "people-it",
    Step.MARKET: "market-it",
    Step.GROW: "grow-it",
}


@picture_required
def steps(request: HttpRequest) -> HttpResponse:
    progress = {p.step: p for p in StepProgress.objects.filter(partnership=request.partnership)}
    evidence = {
        Step.MAP: _("%(n)d initiatives classified")
        % {"n": Classification.objects.filter(initiative__partnership=request.partnership).count()},
        Step.FOCUS: _("%(n)d candidate activities")
        % {"n": Activity.objects.filter(partnership=request.partnership).count()},
        Step.PEOPLE: _("%(n)d stakeholders on the grid")
        % {"n": Stakeholder.objects.filter(partnership=request.partnership).count()},
    }
    rows = [
        {
            "step": value,
            "label": label,
            "term": STEP_TERMS[value],
            "progress": progress.get(value),
            "evidence": evidence.get(value, ""),
        }
        for value, label in Step.choices
    ]
    done = sum(
        1 for r in rows if r["progress"] and r["progress"].status == StepProgress.Status.DONE
    )
    return render(
        request,
        "mapping/steps.html",
        {"rows": rows, "done": done, "can_edit": can_shape_focus(request.roles)},
    )


@picture_required
def step_edit(request: HttpRequest, step: str) -> HttpResponse:
    _shaper(request)
    if step not in Step.values:
        from django.http import Http404

        raise Http404
    current = StepProgress.objects.filter(partnership=request.partnership, step=step).first()
    form = StepForm(
        post_data(request),
        instance=current or StepProgress(partnership=request.partnership, step=step),
    )
    if request.method == "POST" and form.is_valid():
        services.step_update(
            partnership=request.partnership,
            step=step,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            by=request.user,
        )
        messages.success(request, _("Progress saved."))
        return redirect("mapping:steps")
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": Step(step).label, "back_url": "mapping:steps"},
    )
