"""The outbox: letters to print, calls to make and words to pass on."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access import people_visible_to
from ..decorators import caseworker_required
from ..models import ContactRoute, Notice
from ..notices import notice_cancel, notice_mark_sent


def _outbox(request):
    return (
        Notice.objects.filter(
            person__in=people_visible_to(request.roles), status=Notice.Status.TO_DO
        )
        .select_related("person")
        .order_by("created_at", "pk")
    )


@caseworker_required
def outbox(request: HttpRequest) -> HttpResponse:
    notices = _outbox(request)
    groups = [
        (label, [n for n in notices if n.route == route])
        for route, label in ContactRoute.choices
        if route != ContactRoute.EMAIL
    ]
    return render(request, "people/outbox.html", {"groups": groups, "count": len(notices)})


@caseworker_required
def letters(request: HttpRequest) -> HttpResponse:
    """Every waiting letter, one to a printed page, in large print where the person needs it."""
    notices = _outbox(request).filter(route=ContactRoute.LETTER)
    only = request.GET.get("notice")
    if only and only.isdigit():
        notices = notices.filter(pk=int(only))
    return render(request, "people/letters.html", {"notices": notices})


@require_POST
@caseworker_required
def mark_sent(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(_outbox(request), pk=pk)
    notice_mark_sent(notice=notice, by=request.user)
    messages.success(request, _("Marked as done: %(subject)s") % {"subject": notice.subject})
    return redirect("people:outbox")


@require_POST
@caseworker_required
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(_outbox(request), pk=pk)
    notice_cancel(notice=notice, by=request.user)
    messages.success(request, _("Cancelled: %(subject)s") % {"subject": notice.subject})
    return redirect("people:outbox")
