"""The editors' review queue, keeping entries current, and organisations' claims."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.forms import post_data
from people.decorators import role_required
from people.models import STAFF_ROLES, Organisation

from .. import services
from ..access import can_claim, can_keep, is_editor
from ..entries import diff, entry_values
from ..forms import ClaimForm, EntryForm, RejectForm
from ..models import Claim, ServiceProfile, Suggestion
from ..models.extension import Freshness
from ..selectors import queue_counts, service_for_page

editor_required = role_required(is_editor)
claimer_required = role_required(can_claim)


def _suggestion(request, pk) -> Suggestion:
    return get_object_or_404(
        Suggestion.objects.select_related("service", "suggested_by"),
        partnership=request.partnership,
        pk=pk,
    )


@editor_required
def queue(request: HttpRequest) -> HttpResponse:
    suggestions = Suggestion.objects.filter(
        partnership=request.partnership, status=Suggestion.Status.WAITING
    ).select_related("service")
    claims = Claim.objects.filter(
        service__partnership=request.partnership, status=Claim.Status.WAITING
    ).select_related("service", "organisation")
    return render(
        request,
        "directory/queue.html",
        {"suggestions": suggestions, "claims": claims, "counts": queue_counts(request.partnership)},
    )


@editor_required
def stale(request: HttpRequest) -> HttpResponse:
    profiles = (
        ServiceProfile.objects.filter(
            partnership=request.partnership, freshness__gt=Freshness.CURRENT
        )
        .select_related("service", "owner")
        .order_by("-freshness", "service__assured_date")
    )
    page = Paginator(profiles, 50).get_page(request.GET.get("page"))
    return render(request, "directory/stale.html", {"page": page})


@editor_required
def suggestion_review(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = _suggestion(request, pk)
    reject_form = RejectForm(post_data(request) if request.POST.get("action") == "reject" else None)
    if request.method == "POST" and suggestion.status == Suggestion.Status.WAITING:
        try:
            if request.POST.get("action") == "approve":
                service = services.suggestion_approve(suggestion=suggestion, by=request.user)
                messages.success(request, _("Approved. The entry is in the directory."))
                return redirect(service.get_absolute_url())
            if reject_form.is_valid():
                services.suggestion_reject(
                    suggestion=suggestion,
                    by=request.user,
                    reason=reject_form.cleaned_data["reason"],
                )
                messages.success(request, _("Turned down. We have told the person why."))
                return redirect("directory:queue")
        except DomainError as error:
            reject_form.add_error(None, error.message)
    before = entry_values(suggestion.service) if suggestion.service else {}
    return render(
        request,
        "directory/suggestion_review.html",
        {
            "suggestion": suggestion,
            "changes": diff(before, suggestion.proposed),
            "reject_form": reject_form,
        },
    )


@editor_required
def suggestion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = _suggestion(request, pk)
    if suggestion.status != Suggestion.Status.WAITING:
        raise Http404
    form = EntryForm(
        post_data(request),
        initial=EntryForm.initial_from(suggestion.proposed),
        partnership=request.partnership,
    )
    if request.method == "POST" and form.is_valid():
        service = services.suggestion_approve(
            suggestion=suggestion, by=request.user, edited=form.entry_data()
        )
        messages.success(request, _("Changed and approved."))
        return redirect(service.get_absolute_url())
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Change, then approve"), "submit_label": _("Approve")},
    )


def _kept_service(request, pk):
    service = service_for_page(request.partnership, pk)
    if service is None:
        raise Http404
    if not can_keep(request.roles, service):
        raise PermissionDenied
    return service


@login_required
def entry_edit(request: HttpRequest, pk) -> HttpResponse:
    service = _kept_service(request, pk)
    form = EntryForm(
        post_data(request),
        initial=EntryForm.initial_from(entry_values(service)),
        partnership=request.partnership,
    )
    if request.method == "POST" and form.is_valid():
        services.entry_update(service=service, data=form.entry_data(), by=request.user)
        messages.success(request, _("Entry saved."))
        return redirect(service.get_absolute_url())
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Change %(name)s") % {"name": service.name}},
    )


@login_required
@require_POST
def entry_check(request: HttpRequest, pk) -> HttpResponse:
    service = _kept_service(request, pk)
    services.entry_mark_checked(service=service, by=request.user)
    messages.success(request, _("Thank you: marked as checked today."))
    return redirect(service.get_absolute_url())


@login_required
def entry_history(request: HttpRequest, pk) -> HttpResponse:
    service = _kept_service(request, pk)
    records = service.history.select_related("history_user").order_by("-history_date")[:100]
    return render(request, "directory/history.html", {"service": service, "records": records})


@claimer_required
def claim(request: HttpRequest, pk) -> HttpResponse:
    service = service_for_page(request.partnership, pk)
    if service is None:
        raise Http404
    organisations = Organisation.objects.filter(
        partnership=request.partnership, pk__in=request.roles.organisations(*STAFF_ROLES)
    )
    form = ClaimForm(post_data(request), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_make(
                service=service,
                organisation=form.cleaned_data["organisation"],
                person=request.person,
                by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. A directory editor will confirm it."))
            return redirect(service.get_absolute_url())
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Keep %(name)s up to date") % {"name": service.name},
            "lead": _("Your organisation will be asked to check this entry regularly."),
            "submit_label": _("Ask to keep this entry"),
        },
    )


@editor_required
@require_POST
def claim_decide(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Claim, service__partnership=request.partnership, pk=pk)
    approve = request.POST.get("action") == "approve"
    try:
        services.claim_decide(
            claim=item, by=request.user, approve=approve, reason=request.POST.get("reason", "")
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Decision recorded."))
    return redirect("directory:queue")
