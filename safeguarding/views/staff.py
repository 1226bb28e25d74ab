"""Brokers' pages for one organisation: the checks register, a helper's checks,
members needing extra care, the policy and overdue visits."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import apply_service, post_data
from people.decorators import person_required, role_required

from .. import selectors, services
from ..access import can_manage, is_safeguarding_staff, managed_organisations, members_of
from ..access import organisation_for as _organisation
from ..forms import CheckForm, FlagForm, PolicyForm, WithdrawForm
from ..models import Check, ExtraCareFlag
from ..policy import clearance, may_accompany, policy_for
from . import record_view

staff_required = role_required(is_safeguarding_staff)


@person_required
def index(request: HttpRequest) -> HttpResponse:
    """Staff: the organisations they look after. Everyone else: their own page."""
    organisations = list(managed_organisations(request.roles))
    if not organisations:
        return redirect("safeguarding:me")
    if len(organisations) == 1:
        return redirect("safeguarding:checks", organisations[0].slug)
    rows = [
        {
            "organisation": org,
            "concerns": len(selectors.open_concerns([org], request.person)),
            "overdue": len(selectors.overdue_visits([org])),
        }
        for org in organisations
    ]
    return render(request, "safeguarding/index.html", {"rows": rows})


def _context(organisation, **extra) -> dict:
    return {"organisation": organisation, **extra}


@staff_required
def checks_register(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    wanted = request.GET.get("helper", "")
    if wanted.isdigit() and members_of(organisation).filter(pk=int(wanted)).exists():
        return redirect("safeguarding:helper", organisation.slug, int(wanted))
    record_view(
        request, "safeguarding.register.viewed", target=organisation, organisation=organisation
    )
    rows = selectors.register(organisation)
    context = _context(
        organisation,
        rows=rows,
        policy=policy_for(organisation),
        helpers=members_of(organisation),
    )
    return render(request, "safeguarding/checks.html", context)


@staff_required
def check_add(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    helpers = members_of(organisation)
    initial = {
        "scheme": Check.Scheme.PVG
        if organisation.partnership.nation == "scotland"
        else Check.Scheme.DBS_ENHANCED
    }
    wanted = request.GET.get("helper", "")
    if wanted.isdigit():
        initial["helper"] = int(wanted)
    form = CheckForm(post_data(request), helpers=helpers, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "helper"}
        helper = form.cleaned_data["helper"]
        if apply_service(
            form,
            lambda: services.check_record(
                organisation=organisation, helper=helper, data=data, by=request.user
            ),
        ):
            messages.success(
                request, _("Check recorded for %(name)s.") % {"name": helper.display_name}
            )
            return redirect("safeguarding:helper", organisation.slug, helper.pk)
    return render(
        request,
        "safeguarding/form_page.html",
        _context(
            organisation,
            form=form,
            title=_("Record a check"),
            lead=_(
                "Record only a check you have seen for yourself: you are recorded as verifying it."
            ),
            submit_label=_("Record the check"),
        ),
    )


def _staff_check(request, pk: int) -> Check:
    check = get_object_or_404(
        Check.objects.select_related("organisation", "helper"),
        pk=pk,
        organisation__partnership=request.partnership,
    )
    if not can_manage(request.roles, check.organisation):
        raise PermissionDenied
    return check


@staff_required
def check_edit(request: HttpRequest, pk: int) -> HttpResponse:
    check = _staff_check(request, pk)
    if check.withdrawn_at is not None:
        raise Http404
    record_view(
        request,
        "safeguarding.check.viewed",
        target=check,
        person=check.helper,
        organisation=check.organisation,
    )
    initial = {name: getattr(check, name) for name in services.CHECK_FIELDS}
    form = CheckForm(post_data(request), initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.check_update(check=check, data=form.cleaned_data, by=request.user),
        )
    ):
        messages.success(request, _("Check saved."))
        return redirect("safeguarding:helper", check.organisation.slug, check.helper_id)
    return render(
        request,
        "safeguarding/form_page.html",
        _context(
            check.organisation,
            form=form,
            title=_("Change a check for %(name)s") % {"name": check.helper.display_name},
            lead=_("Saving records you as having verified it again today."),
        ),
    )


@staff_required
def check_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    check = _staff_check(request, pk)
    if check.withdrawn_at is not None:
        return redirect("safeguarding:helper", check.organisation.slug, check.helper_id)
    form = WithdrawForm(post_data(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.check_withdraw(
                check=check, reason=form.cleaned_data["reason"], by=request.user
            ),
        )
    ):
        messages.success(request, _("Check withdrawn. It no longer counts."))
        return redirect("safeguarding:helper", check.organisation.slug, check.helper_id)
    return render(
        request,
        "safeguarding/form_page.html",
        _context(
            check.organisation,
            form=form,
            title=_("Withdraw a check for %(name)s") % {"name": check.helper.display_name},
            lead=_("A withdrawn check is kept on record but never counts again."),
            submit_label=_("Withdraw the check"),
            warning=True,
        ),
    )


@staff_required
def helper_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _organisation(request, slug)
    helper = get_object_or_404(members_of(organisation), pk=pk)
    record_view(
        request,
        "safeguarding.helper.viewed",
        target=helper,
        person=helper,
        organisation=organisation,
    )
    today = timezone.localdate()
    policy = policy_for(organisation)
    checks = [
        (c, c.status_on(today, policy.warn_days))
        for c in selectors.helper_checks(organisation, helper).select_related(
            "verified_by__person", "withdrawn_by__person"
        )
    ]
    return render(
        request,
        "safeguarding/helper.html",
        _context(
            organisation,
            helper=helper,
            checks=checks,
            alone=clearance(helper=helper, member=None, organisation=organisation, at_home=False),
            at_home=clearance(helper=helper, member=None, organisation=organisation, at_home=True),
            second=may_accompany(helper=helper, organisation=organisation),
            flag=selectors.active_flags(organisation).filter(person=helper).first(),
        ),
    )


@staff_required
def flags(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    record_view(
        request, "safeguarding.flags.viewed", target=organisation, organisation=organisation
    )
    members = members_of(organisation)
    initial = {}
    wanted = request.GET.get("person", "")
    if wanted.isdigit():
        initial["person"] = int(wanted)
    form = FlagForm(post_data(request), members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        if apply_service(
            form,
            lambda: services.extra_care_set(
                organisation=organisation,
                person=person,
                reason=form.cleaned_data["reason"],
                review_on=form.cleaned_data["review_on"],
                by=request.user,
            ),
        ):
            messages.success(
                request,
                _("%(name)s is marked as needing extra care.") % {"name": person.display_name},
            )
            return redirect("safeguarding:flags", organisation.slug)
    return render(
        request,
        "safeguarding/flags.html",
        _context(
            organisation,
            form=form,
            flags=selectors.active_flags(organisation),
            today=timezone.localdate(),
        ),
    )


@require_POST
@staff_required
def flag_remove(request: HttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(
        ExtraCareFlag.objects.select_related("organisation", "person"),
        pk=pk,
        organisation__partnership=request.partnership,
    )
    if not can_manage(request.roles, flag.organisation):
        raise PermissionDenied
    services.extra_care_remove(flag=flag, by=request.user)
    messages.success(
        request,
        _("%(name)s is no longer marked as needing extra care.")
        % {"name": flag.person.display_name},
    )
    return redirect("safeguarding:flags", flag.organisation.slug)


@staff_required
def policy_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    policy = policy_for(organisation)
    form = PolicyForm(post_data(request), instance=policy)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.POLICY_FIELDS}
        if apply_service(
            form,
            lambda: services.policy_save(organisation=organisation, data=data, by=request.user),
        ):
            messages.success(request, _("Safeguarding policy saved."))
            return redirect("safeguarding:checks", organisation.slug)
    return render(
        request,
        "safeguarding/form_page.html",
        _context(
            organisation,
            form=form,
            title=_("Safeguarding policy"),
            lead=_("What %(organisation)s asks of its helpers before they go to someone.")
            % {"organisation": organisation},
        ),
    )


@staff_required
def visits(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    record_view(
        request, "safeguarding.visits.viewed", target=organisation, organisation=organisation
    )
    now = timezone.now()
    upcoming = (
        organisation.visits.filter(
            cancelled_at__isnull=True, checked_out_at__isnull=True, ends_at__gte=now
        )
        .select_related("helper", "member")
        .order_by("starts_at")[:50]
    )
    return render(
        request,
        "safeguarding/visits.html",
        _context(
            organisation,
            overdue=selectors.overdue_visits([organisation], now),
            upcoming=upcoming,
        ),
    )
