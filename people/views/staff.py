"""Pages only staff use: finding and registering people, roles, acting for someone."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.services import audit_record
from core.errors import DomainError
from core.forms import post_data

from .. import services
from ..access import Roles, can_manage_person, organisations_for_registering, people_visible_to
from ..decorators import caseworker_required
from ..forms import CreateLoginForm, MembershipForm, PeopleFilterForm, RegisterPersonForm
from ..middleware import SESSION_KEY
from ..models import CASEWORK_ROLES, Membership, Organisation, Person, Role
from ..pages import record_for
from ..services import DETAIL_FIELDS


@caseworker_required
def people_list(request: HttpRequest) -> HttpResponse:
    form = PeopleFilterForm(
        request.GET or None,
        partnership=request.partnership,
        organisations=organisations_for_registering(request.roles),
    )
    people = people_visible_to(request.roles).active().select_related("area")
    if form.is_valid():
        people = _filter_people(people, form.cleaned_data)
    page = Paginator(people.order_by("family_name", "given_name", "pk"), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "people/people_list.html", {"form": form, "page": page})


def _filter_people(people, data):
    if data.get("q"):
        q = data["q"].strip()
        words = Q()
        for word in q.split():
            words &= (
                Q(given_name__icontains=word)
                | Q(family_name__icontains=word)
                | Q(preferred_name__icontains=word)
            )
        people = people.filter(words | Q(postcode__iexact=q) | Q(postcode__istartswith=q))
    if data.get("organisation"):
        people = people.filter(
            memberships__organisation=data["organisation"], memberships__ended_on__isnull=True
        ).distinct()
    if data.get("area"):
        people = people.filter(area=data["area"])
    return people


@caseworker_required
def register(request: HttpRequest) -> HttpResponse:
    organisations = organisations_for_registering(request.roles)
    form = RegisterPersonForm(
        post_data(request), organisations=organisations, partnership=request.partnership
    )
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_register(
                partnership=request.partnership,
                organisation=form.cleaned_data["organisation"],
                by=request.user,
                consents_given=form.consents_given(),
                details={name: form.cleaned_data[name] for name in DETAIL_FIELDS},
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("%(name)s is registered.") % {"name": person.display_name})
            return redirect(person.get_absolute_url())
    return render(request, "people/register.html", {"form": form})


@caseworker_required
def memberships(request: HttpRequest, pk: int) -> HttpResponse:
    person, pages = record_for(request, pk)
    roles = _grantable_roles(request.roles)
    orgs = (
        Organisation.objects.filter(partnership=request.partnership, is_active=True)
        if request.roles.is_admin
        else organisations_for_registering(request.roles)
    )
    form = MembershipForm(post_data(request), organisations=orgs, roles=roles)
    if request.method == "POST" and form.is_valid():
        services.membership_grant(
            person=person,
            organisation=form.cleaned_data["organisation"],
            role=form.cleaned_data["role"],
            by=request.user,
        )
        messages.success(request, _("Role given."))
        return redirect(pages["detail"])
    return render(
        request,
        "people/memberships.html",
        {
            "form": form,
            "pages": pages,
            "person": person,
            "memberships": person.memberships.select_related("organisation"),
        },
    )


def _grantable_roles(roles: Roles) -> list[str]:
    """Administrators give any role; brokers and practitioners add members to their organisations."""
    return list(Role.values) if roles.is_admin else [Role.MEMBER]


@require_POST
@caseworker_required
def membership_end(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    person, pages = record_for(request, pk)
    membership = get_object_or_404(Membership, pk=membership_pk, person=person)
    allowed = request.roles.is_admin or (
        membership.role == Role.MEMBER
        and membership.organisation_id in request.roles.organisations(*CASEWORK_ROLES)
    )
    if not allowed:
        raise PermissionDenied
    services.membership_end(membership=membership, by=request.user)
    messages.success(request, _("Role ended."))
    return redirect(pages["detail"])


@caseworker_required
def create_login(request: HttpRequest, pk: int) -> HttpResponse:
    person, pages = record_for(request, pk)
    form = CreateLoginForm(post_data(request), initial={"email": person.email})
    if request.method == "POST" and form.is_valid():
        try:
            services.person_create_login(
                person=person, email=form.cleaned_data["email"], by=request.user, request=request
            )
        except DomainError as error:
            form.add_error("email" if error.field == "email" else None, error.message)
        else:
            messages.success(
                request, _("Login created. They have been emailed to choose a password.")
            )
            return redirect(pages["detail"])
    return render(
        request,
        "people/form_page.html",
        {
            "form": form,
            "pages": pages,
            "person": person,
            "title": _("Give them a login"),
            "submit_label": _("Create login"),
        },
    )


@require_POST
@caseworker_required
def act_start(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk, partnership=request.partnership)
    if not can_manage_person(request.roles, person):
        raise PermissionDenied
    request.session[SESSION_KEY] = person.pk
    audit_record("people.assisted.started", actor=request.user, person=person, on_behalf_of=person)
    messages.info(request, _("You are now acting for %(name)s.") % {"name": person.display_name})
    return redirect("people:me")


@require_POST
def act_stop(request: HttpRequest) -> HttpResponse:
    person = getattr(request, "acting_for", None)
    request.session.pop(SESSION_KEY, None)
    if person is not None:
        audit_record(
            "people.assisted.stopped", actor=request.user, person=person, on_behalf_of=person
        )
        return redirect(person.get_absolute_url())
    return redirect("core:home")
