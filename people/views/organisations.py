"""Organisations in the partnership, and the shared category list."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.forms import post_data

from .. import services
from ..decorators import admin_required, caseworker_required, staff_required
from ..forms import CategoryForm, OrganisationForm
from ..models import STAFF_ROLES, AssetCategory, Membership, Organisation, Role


@staff_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.filter(partnership=request.partnership).annotate(
        members=Count(
            "memberships",
            filter=Q(memberships__role=Role.MEMBER, memberships__ended_on__isnull=True),
        )
    )
    return render(request, "people/organisation_list.html", {"organisations": organisations})


@staff_required
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, partnership=request.partnership, slug=slug)
    staff = Membership.objects.filter(
        organisation=organisation, role__in=STAFF_ROLES, ended_on__isnull=True
    ).select_related("person")
    members = organisation.memberships.filter(role=Role.MEMBER, ended_on__isnull=True).count()
    return render(
        request,
        "people/organisation_detail.html",
        {"organisation": organisation, "staff": staff, "member_count": members},
    )


@admin_required
def organisation_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    organisation = (
        get_object_or_404(Organisation, partnership=request.partnership, slug=slug)
        if slug
        else Organisation(partnership=request.partnership)
    )
    form = OrganisationForm(
        post_data(request), instance=organisation, partnership=request.partnership
    )
    if request.method == "POST" and form.is_valid():
        services.organisation_save(
            organisation=form.save(commit=False), by=request.user, created=slug is None
        )
        messages.success(request, _("Organisation saved."))
        return redirect(form.instance.get_absolute_url())
    title = _("Change organisation") if slug else _("Add an organisation")
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "back_url": "people:organisations"},
    )


@caseworker_required
def category_list(request: HttpRequest) -> HttpResponse:
    categories = AssetCategory.objects.filter(partnership=request.partnership)
    return render(request, "people/category_list.html", {"categories": categories})


@caseworker_required
def category_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    category = (
        get_object_or_404(AssetCategory, partnership=request.partnership, pk=pk)
        if pk
        else AssetCategory(partnership=request.partnership)
    )
    form = CategoryForm(post_data(request), instance=category)
    if request.method == "POST" and form.is_valid():
        try:
            services.category_save(
                category=form.save(commit=False), by=request.user, created=pk is None
            )
        except DomainError as error:
            form.add_error("name", error.message)
        else:
            messages.success(request, _("Category saved."))
            return redirect("people:categories")
    title = _("Change category") if pk else _("Add a category")
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "back_url": "people:categories"},
    )
