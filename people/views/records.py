"""A person's record: the same pages for the person (/me/) and for staff (/people/<id>/)."""

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.selectors import events_about
from core.forms import apply_service, post_data
from lib import availability

from .. import consent as consents
from .. import record_links, services
from ..access import people_visible_to
from ..decorators import person_required
from ..erasure import person_erase
from ..export import person_export_recorded
from ..forms import (
    AccessNeedsForm,
    AssetForm,
    AvailabilityForm,
    CarerForm,
    ConsentForm,
    EraseForm,
    PersonDetailsForm,
    WhatMattersForm,
)
from ..models import CarerRelationship, PersonAsset
from ..pages import record_for


def _form_page(request, *, form, pages, title, lead="", submit=None, extra=None):
    context = {
        "form": form,
        "pages": pages,
        "person": pages.person,
        "title": title,
        "lead": lead,
        "submit_label": submit,
        **(extra or {}),
    }
    return render(request, "people/form_page.html", context)


@person_required
def detail(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    context = {
        "person": person,
        "pages": pages,
        "assets": person.assets.select_related("category"),
        "caring_for": person.caring_for.select_related("cared_for"),
        "cared_for_by": person.cared_for_by.select_related("carer"),
        "consents": consents.current(person),
        "purposes": consents.purposes(),
        "memberships": person.memberships.select_related("organisation"),
        "events": events_about(person)[:20] if pages.staff else None,
        "elsewhere": record_links.links_for(request, person, staff=pages.staff),
    }
    return render(request, "people/person_detail.html", context)


@person_required
def edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    form = PersonDetailsForm(post_data(request), instance=person, partnership=person.partnership)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        form.instance.refresh_from_db()
        if apply_service(
            form,
            lambda: services.person_update(
                person=person, by=request.user, data=data, on_behalf_of=request.acting_for
            ),
        ):
            messages.success(request, _("Details saved."))
            return redirect(pages["detail"])
    return _form_page(request, form=form, pages=pages, title=_("Contact and personal details"))


@person_required
def access_needs(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    has_consent = consents.has(person, consents.HEALTH)
    form = AccessNeedsForm(post_data(request), instance=person)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        form.instance.refresh_from_db()
        if apply_service(
            form,
            lambda: services.person_update(
                person=person, by=request.user, data=data, on_behalf_of=request.acting_for
            ),
        ):
            messages.success(request, _("Access needs saved."))
            return redirect(pages["detail"])
    lead = (
        ""
        if has_consent
        else _("Before anything can be saved here, record consent for “Health and access needs”.")
    )
    return _form_page(
        request,
        form=form,
        pages=pages,
        title=_("Access needs"),
        lead=lead,
        extra={"needs_consent": not has_consent},
    )


@person_required
def what_matters(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    form = WhatMattersForm(post_data(request), instance=person)
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["what_matters"]
        form.instance.refresh_from_db()
        services.person_update(
            person=person,
            by=request.user,
            data={"what_matters": text},
            on_behalf_of=request.acting_for,
        )
        messages.success(request, _("Saved."))
        return redirect(pages["detail"])
    return _form_page(request, form=form, pages=pages, title=_("What matters"))


@person_required
def availability_page(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    form = AvailabilityForm(
        post_data(request), initial={"slots": availability.to_slots(person.availability)}
    )
    if request.method == "POST" and form.is_valid():
        services.person_update(
            person=person,
            by=request.user,
            data={"availability": form.mask},
            on_behalf_of=request.acting_for,
        )
        messages.success(request, _("Saved when they are usually free."))
        return redirect(pages["detail"])
    return _form_page(request, form=form, pages=pages, title=_("When they are usually free"))


@person_required
def assets(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    form = AssetForm(post_data(request), partnership=person.partnership)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.asset_add(
                person=person,
                category=form.cleaned_data["category"],
                by=request.user,
                in_their_words=form.cleaned_data["in_their_words"],
                on_behalf_of=request.acting_for,
            ),
        )
    ):
        messages.success(request, _("Added “%(name)s”.") % {"name": form.cleaned_data["category"]})
        return redirect(pages["assets"])
    return render(
        request,
        "people/assets.html",
        {
            "form": form,
            "pages": pages,
            "person": person,
            "assets": person.assets.select_related("category"),
        },
    )


@require_POST
@person_required
def asset_remove(request: HttpRequest, asset_pk: int, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    asset = get_object_or_404(PersonAsset, pk=asset_pk, person=person)
    services.asset_remove(asset=asset, by=request.user, on_behalf_of=request.acting_for)
    messages.success(request, _("Removed “%(name)s”.") % {"name": asset.category})
    return redirect(pages["assets"])


@person_required
def caring(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    people = (
        people_visible_to(request.roles).exclude(pk=person.pk).active() if pages.staff else None
    )
    form = CarerForm(post_data(request), people=people)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.carer_add(
                carer=person,
                cared_for=form.cleaned_data.get("cared_for"),
                cared_for_description=form.cleaned_data["cared_for_description"],
                relationship=form.cleaned_data["relationship"],
                started_on=form.cleaned_data["started_on"],
                by=request.user,
                on_behalf_of=request.acting_for,
            ),
        )
    ):
        messages.success(request, _("Caring relationship saved."))
        return redirect(pages["caring"])
    return render(
        request,
        "people/caring.html",
        {
            "form": form,
            "pages": pages,
            "person": person,
            "caring_for": person.caring_for.select_related("cared_for"),
            "cared_for_by": person.cared_for_by.select_related("carer"),
        },
    )


@require_POST
@person_required
def caring_remove(request: HttpRequest, link_pk: int, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    link = get_object_or_404(CarerRelationship, pk=link_pk, carer=person)
    services.carer_remove(link=link, by=request.user, on_behalf_of=request.acting_for)
    messages.success(request, _("Caring relationship removed."))
    return redirect(pages["caring"])


@person_required
def consent_page(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    form = ConsentForm(post_data(request))
    if not pages.staff and not request.acting_for:
        # People agreeing for themselves online: no need to ask who or how.
        for name in ("given_by", "given_by_name", "given_by_relationship", "method"):
            form.fields.pop(name)
    if request.method == "POST" and form.is_valid():
        given = _consents_from(form, online=not pages.staff and not request.acting_for)
        for item in given:
            services.consent_give(
                person=person, given=item, by=request.user, on_behalf_of=request.acting_for
            )
        messages.success(request, _("Consent recorded."))
        return redirect(pages["consents"])
    return render(
        request,
        "people/consents.html",
        {
            "form": form,
            "pages": pages,
            "person": person,
            "standing": consents.current(person),
            "purposes": consents.purposes(),
            "history": person.consents.all(),
        },
    )


def _consents_from(form, *, online: bool):
    from ..models import Consent
    from ..services import ConsentGiven

    if online:
        return [
            ConsentGiven(purpose=code, method=Consent.Method.ONLINE)
            for code in form.cleaned_data["purposes"]
        ]
    return form.consents_given()


@require_POST
@person_required
def consent_withdraw(request: HttpRequest, purpose: str, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    if purpose not in {p.code for p in consents.purposes()}:
        messages.error(request, _("There is no such purpose."))
        return redirect(pages["consents"])
    services.consent_withdraw(
        person=person, purpose=purpose, by=request.user, on_behalf_of=request.acting_for
    )
    messages.success(request, _("Withdrawal recorded."))
    return redirect(pages["consents"])


def _exported(request, pk, fmt: str):
    person, pages = record_for(request, pk)
    document = person_export_recorded(
        person=person, by=request.user, on_behalf_of=request.acting_for, fmt=fmt
    )
    return person, pages, document


@person_required
def data_page(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person, pages, document = _exported(request, pk, "page")
    return render(
        request, "people/data.html", {"document": document, "pages": pages, "person": person}
    )


@person_required
def data_json(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person, _pages, document = _exported(request, pk, "json")
    response = HttpResponse(
        json.dumps(document, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="my-data-{person.pk}.json"'
    return response


@person_required
def erase(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person, pages = record_for(request, pk)
    form = EraseForm(post_data(request))
    if request.method == "POST" and form.is_valid():
        own = person.user_id is not None and person.user_id == request.user.pk
        person_erase(person=person, by=request.user)
        if own:
            from django.contrib.auth import logout

            logout(request)
            messages.success(request, _("Your details have been removed."))
            return redirect("core:home")
        messages.success(request, _("Their details have been removed."))
        return redirect("people:list")
    return render(request, "people/erase.html", {"form": form, "pages": pages, "person": person})
