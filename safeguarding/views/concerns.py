"""Raising a concern (anyone signed in), and brokers' queue and concern pages."""

import re

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.forms import apply_service, post_data
from people.access import can_view_person
from people.decorators import person_required
from people.models import Organisation, Person, Role

from .. import selectors, services, subjects
from ..access import can_manage, members_of, organisation_for
from ..forms import ConcernActionForm, ConcernCloseForm, ConcernForm
from ..models import Concern
from . import record_view
from .staff import staff_required

SUBJECT = re.compile(r"^[a-z_]+(\.[a-z_]+)+:\d+$")


def _about(request) -> Person | None:
    value = request.GET.get("about", "")
    if not value.isdigit():
        return None
    return Person.objects.filter(
        pk=int(value), partnership=request.partnership, erased_at__isnull=True
    ).first()


def _active_orgs(person: Person):
    return Organisation.objects.filter(
        is_active=True, memberships__person=person, memberships__ended_on__isnull=True
    ).distinct()


def _with_brokers(qs):
    return qs.filter(memberships__role=Role.BROKER, memberships__ended_on__isnull=True).distinct()


def _organisations_for(request, raiser: Person, about: Person | None):
    """Where the concern should go: an organisation both belong to, else the
    organisations of the person it is about, else the raiser's own, else any
    organisation of the partnership with a broker."""
    own = _with_brokers(_active_orgs(raiser))
    if about is not None:
        theirs = _with_brokers(_active_orgs(about))
        shared = own.filter(pk__in=theirs.values("pk"))
        if shared.exists():
            return _plain(shared)
        if theirs.exists():
            return _plain(theirs)
    if own.exists():
        return _plain(own)
    everyone = Organisation.objects.filter(partnership=request.partnership, is_active=True)
    return _plain(_with_brokers(everyone))


def _plain(qs):
    # A fresh queryset without the joins, for the form's choices.
    return Organisation.objects.filter(pk__in=list(qs.values_list("pk", flat=True))).order_by(
        "name"
    )


def _may_name(request, raiser: Person, about: Person) -> bool:
    """Show the name only to someone who could know it already."""
    if can_view_person(request.roles, about):
        return True
    return _active_orgs(raiser).filter(pk__in=_active_orgs(about).values("pk")).exists()


@person_required
def concern_raise(request: HttpRequest) -> HttpResponse:
    raiser = request.subject
    about = _about(request)
    if about is not None and about.pk == raiser.pk:
        about = None
    subject = request.GET.get("subject", "")
    subject = subject if SUBJECT.match(subject) and len(subject) <= 100 else ""
    organisations = _organisations_for(request, raiser, about)
    form = ConcernForm(post_data(request), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # Never let a concern tell brokers elsewhere who a guessed number is.
        if about is not None and not (
            _may_name(request, raiser, about)
            or members_of(data["organisation"]).filter(pk=about.pk).exists()
        ):
            about = None
        if apply_service(
            form,
            lambda: services.concern_raise(
                organisation=data["organisation"],
                raiser=request.person,
                on_behalf_of=request.acting_for,
                by=request.user,
                about=about,
                subject=subject,
                category=data["category"],
                urgency=data["urgency"],
                what_happened=data["what_happened"],
                idempotency_key=data["idempotency_key"],
            ),
        ):
            return redirect("safeguarding:concern-thanks")
    return render(
        request,
        "safeguarding/concern_raise.html",
        {
            "form": form,
            "about_name": about.display_name if about and _may_name(request, raiser, about) else "",
            "about_given": about is not None,
            "no_organisation": not organisations.exists(),
        },
    )


@person_required
def concern_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "safeguarding/concern_thanks.html")


@staff_required
def concern_queue(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for(request, slug)
    record_view(
        request, "safeguarding.concerns.viewed", target=organisation, organisation=organisation
    )
    closed = (
        selectors.concerns_for([organisation], request.person)
        .filter(status=Concern.Status.CLOSED)
        .select_related("about")
        .order_by("-closed_at")[:20]
    )
    return render(
        request,
        "safeguarding/concerns.html",
        {
            "organisation": organisation,
            "open": selectors.open_concerns([organisation], request.person),
            "closed": closed,
        },
    )


def _concern(request, pk: int) -> tuple[Concern, bool]:
    """The concern and whether the viewer looks after it; its raiser sees their own."""
    concern = get_object_or_404(
        Concern.objects.select_related("organisation", "about", "raised_by_person", "on_behalf_of"),
        pk=pk,
        organisation__partnership=request.partnership,
    )
    about_me = request.person is not None and concern.about_id == request.person.pk
    if can_manage(request.roles, concern.organisation) and not about_me:
        return concern, True
    me = request.subject
    if me is not None and concern.raised_by_person_id == me.pk:
        return concern, False
    raise Http404


@person_required
def concern_detail(request: HttpRequest, pk: int) -> HttpResponse:
    concern, staff = _concern(request, pk)
    if not staff:
        return render(request, "safeguarding/concern_mine.html", {"concern": concern})
    record_view(
        request, "safeguarding.concern.viewed", target=concern, organisation=concern.organisation
    )
    form = ConcernActionForm(post_data(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.concern_act(
                concern=concern,
                note=form.cleaned_data["note"],
                status=form.cleaned_data["status"],
                by=request.user,
            ),
        )
    ):
        messages.success(request, _("Added to the timeline."))
        return redirect(concern)
    return render(
        request,
        "safeguarding/concern_detail.html",
        {
            "concern": concern,
            "organisation": concern.organisation,
            "actions": concern.actions.select_related("by__person"),
            "form": form if concern.status != Concern.Status.CLOSED else None,
            "subject": subjects.describe(concern.subject),
        },
    )


@person_required
def concern_close(request: HttpRequest, pk: int) -> HttpResponse:
    concern, staff = _concern(request, pk)
    if not staff:
        raise Http404
    if concern.status == Concern.Status.CLOSED:
        return redirect(concern)
    form = ConcernCloseForm(post_data(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.concern_close(
                concern=concern, outcome=form.cleaned_data["outcome"], by=request.user
            ),
        )
    ):
        messages.success(request, _("Concern closed."))
        return redirect("safeguarding:concerns", concern.organisation.slug)
    return render(
        request,
        "safeguarding/form_page.html",
        {
            "organisation": concern.organisation,
            "form": form,
            "title": _("Close this concern"),
            "lead": _("Closing records the outcome. The timeline is kept."),
            "submit_label": _("Close the concern"),
            "cancel_url": concern.get_absolute_url(),
        },
    )
