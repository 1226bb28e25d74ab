"""The six-ingredients self-assessment: invitations by link, answers online or
entered by staff from paper or an interview, and results by respondent group."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.forms import post_data
from people.decorators import staff_required

from .. import services
from ..access import can_answer, can_edit
from ..forms import HAVE_IT_WHEN, IngredientsForm, InvitationForm, PaperForm
from ..models import Ingredient, Invitation, Rating
from ..selectors import Filters, picture
from .common import initiative_for


@staff_required
def ingredients(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request, pk)
    result = picture(request.partnership, _only(initiative))
    return render(
        request,
        "mapping/ingredients.html",
        {
            "initiative": initiative,
            "picture": result,
            "invitations": initiative.invitations.select_related("person", "entered_by"),
            "can_edit": can_edit(request.roles, initiative),
            "tests": [(label, HAVE_IT_WHEN[value]) for value, label in Ingredient.choices],
        },
    )


class _only(Filters):
    """A filter that keeps one initiative, so its results use the partnership's sums."""

    def __init__(self, initiative):
        super().__init__()
        self.initiative = initiative

    def apply(self, qs):
        return qs.filter(pk=self.initiative.pk)


@staff_required
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request, pk, edit=True)
    form = InvitationForm(post_data(request))
    if request.method == "POST" and form.is_valid():
        invitation, token = services.invitation_create(
            initiative=initiative,
            group=form.cleaned_data["group"],
            label=form.cleaned_data["label"],
            person=None,
            by=request.user,
            inviter=request.person,
        )
        # The link is shown once, here: only its hash is kept.
        link = request.build_absolute_uri(reverse("mapping:respond", kwargs={"token": token}))
        return render(
            request,
            "mapping/invitation_made.html",
            {"initiative": initiative, "invitation": invitation, "link": link},
        )
    return render(request, "mapping/invite.html", {"form": form, "initiative": initiative})


@staff_required
def paper(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.select_related("initiative"),
        initiative__partnership=request.partnership,
        pk=pk,
    )
    initiative = initiative_for(request, invitation.initiative_id, edit=True)
    form = PaperForm(post_data(request))
    if invitation.is_answered:
        messages.info(request, _("This invitation has already been answered."))
        return redirect("mapping:ingredients", pk=initiative.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.ingredients_answer(
                invitation=invitation,
                ratings=form.ratings(),
                by=request.user,
                entered_by=request.person,
                mode=form.cleaned_data["mode"],
                on_behalf_of=request.acting_for,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Answers entered on the respondent's behalf."))
            return redirect("mapping:ingredients", pk=initiative.pk)
    return render(
        request,
        "mapping/answer.html",
        {"form": form, "invitation": invitation, "initiative": initiative, "on_paper": True},
    )


def respond(request: HttpRequest, token: str) -> HttpResponse:
    """Whoever holds the link answers this invitation, and sees nothing else."""
    invitation = services.invitation_for_token(token)
    if invitation is None:
        raise Http404
    return _answer(request, invitation)


@login_required
def my_invitations(request: HttpRequest) -> HttpResponse:
    mine = Invitation.objects.filter(person=request.person).select_related("initiative")
    return render(request, "mapping/my_invitations.html", {"invitations": mine})


@login_required
def my_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("initiative"), pk=pk)
    if not can_answer(request.roles, invitation):
        raise Http404
    return _answer(request, invitation)


def _answer(request, invitation):
    if invitation.is_answered:
        return render(request, "mapping/answered.html", {"invitation": invitation})
    form = IngredientsForm(post_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.ingredients_answer(
                invitation=invitation,
                ratings=form.ratings(),
                by=request.user,
                on_behalf_of=getattr(request, "acting_for", None),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return render(
                request, "mapping/answered.html", {"invitation": invitation, "thanks": True}
            )
    return render(
        request,
        "mapping/answer.html",
        {"form": form, "invitation": invitation, "initiative": invitation.initiative},
    )


@staff_required
def questionnaire(request: HttpRequest, pk: int) -> HttpResponse:
    """The questions on paper, for people who would rather write or talk than go online."""
    initiative = initiative_for(request, pk)
    return render(
        request,
        "mapping/questionnaire.html",
        {
            "initiative": initiative,
            "tests": [(label, HAVE_IT_WHEN[value]) for value, label in Ingredient.choices],
            "scale": Rating.choices,
        },
    )
