"""A person's own safeguarding pages: their checks, their visits, the concerns they raised,
and the visit page with its check-in and check-out buttons."""

import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from people.decorators import person_required

from .. import selectors, services, subjects
from ..access import can_manage
from ..models import Concern, Visit
from ..policy import policy_for
from . import record_view


@person_required
def me(request: HttpRequest) -> HttpResponse:
    person = request.subject
    today = timezone.localdate()
    checks = [
        (c, c.status_on(today, policy_for(c.organisation).warn_days))
        for c in selectors.checks_for_helper(person)
    ]
    concerns = Concern.objects.filter(raised_by_person=person).order_by("-raised_at")[:20]
    return render(
        request,
        "safeguarding/me.html",
        {
            "person": person,
            "checks": checks,
            "concerns": concerns,
            "visits": selectors.visits_for_helper(
                person, since=timezone.now() - datetime.timedelta(days=1)
            )[:20],
        },
    )


@person_required
def my_visits(request: HttpRequest) -> HttpResponse:
    person = request.subject
    now = timezone.now()
    return render(
        request,
        "safeguarding/my_visits.html",
        {
            "person": person,
            "today": selectors.todays_visits(person),
            "coming": selectors.visits_for_helper(person, since=now).filter(
                starts_at__date__gt=timezone.localdate()
            )[:20],
        },
    )


def _visit(request, pk: int) -> tuple[Visit, bool]:
    """The visit and whether the viewer is staff; the helper sees their own visits."""
    visit = get_object_or_404(
        Visit.objects.select_related("organisation", "helper", "member"),
        pk=pk,
        organisation__partnership=request.partnership,
    )
    subject = request.subject
    if subject is not None and visit.helper_id == subject.pk:
        return visit, False
    if can_manage(request.roles, visit.organisation):
        return visit, True
    raise Http404


@person_required
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit, staff = _visit(request, pk)
    if staff:
        record_view(
            request,
            "safeguarding.visit.viewed",
            target=visit,
            person=visit.helper,
            organisation=visit.organisation,
        )
    overdue = visit in selectors.overdue_visits([visit.organisation]) if staff else False
    return render(
        request,
        "safeguarding/visit.html",
        {
            "visit": visit,
            "staff": staff,
            "overdue": overdue,
            "subject": subjects.describe(visit.subject) if staff else None,
        },
    )


def _visit_action(request, pk: int, service, done: str) -> HttpResponse:
    visit, _staff = _visit(request, pk)
    try:
        service(visit=visit, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(visit)


@require_POST
@person_required
def visit_check_in(request: HttpRequest, pk: int) -> HttpResponse:
    return _visit_action(
        request, pk, services.visit_check_in, _("You are checked in. Check out when you leave.")
    )


@require_POST
@person_required
def visit_check_out(request: HttpRequest, pk: int) -> HttpResponse:
    return _visit_action(request, pk, services.visit_check_out, _("Checked out. Thank you."))


@require_POST
@person_required
def visit_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    visit, staff = _visit(request, pk)
    if not staff:
        raise Http404
    return _visit_action(request, pk, services.visit_cancel, _("Marked as not having happened."))
