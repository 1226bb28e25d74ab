"""The plain questions, and the page that says what the answers make and why."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.forms import post_data
from people.decorators import staff_required

from .. import services
from ..access import can_edit
from ..forms import ClassificationForm, DisagreeForm
from ..models import Classification, Ladder, Level, Osborne
from ..rules import CO_LABELS, Co
from ..rules.types import STRENGTH_LABELS
from .common import initiative_for

CO_TERMS = {
    Co.COMMISSIONING: "co-commissioning",
    Co.DESIGN: "co-design",
    Co.DELIVERY: "co-delivery",
    Co.ASSESSMENT: "co-assessment",
}
LADDER_TERMS = {
    Ladder.COERCION: "coercion",
    Ladder.EDUCATING: "educating",
    Ladder.INFORMING: "informing",
    Ladder.CONSULTATION: "consultation",
    Ladder.ENGAGEMENT: "engagement",
    Ladder.CO_DESIGN: "co-design",
    Ladder.CO_PRODUCTION: "co-production",
}
LEVEL_TERMS = {
    Level.DESCRIPTIVE: "descriptive",
    Level.INTERMEDIATE: "intermediate",
    Level.TRANSFORMATIVE: "transformative",
}
OSBORNE_TERMS = {
    Osborne.CO_PRODUCTION: "osborne-co-production",
    Osborne.CO_CONSTRUCTION: "co-construction",
    Osborne.CO_DESIGN: "osborne-co-design",
    Osborne.CO_INNOVATION: "co-innovation",
}


@staff_required
def questions(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request, pk, edit=True)
    instance = getattr(initiative, "classification", None) or Classification(initiative=initiative)
    form = ClassificationForm(post_data(request), instance=instance)
    if request.method == "POST" and form.is_valid():
        services.classification_answer(
            initiative=initiative, answers=form.answers(), by=request.user, person=request.person
        )
        messages.success(request, _("Answers saved. Here is what they make, and why."))
        return redirect("mapping:classification", pk=initiative.pk)
    return render(request, "mapping/questions.html", {"form": form, "initiative": initiative})


def describe(classification: Classification) -> dict:
    """Everything the classification page and the board pack say about one initiative."""
    result = services.explain(classification)
    cos = []
    for co in Co:
        strength = result.cos[co]
        cos.append(
            {
                "term": CO_TERMS[co],
                "label": _(CO_LABELS[co]),
                "strength": strength,
                "strength_label": _(STRENGTH_LABELS[strength]),
                "sub_types": result.sub_types[co],
            }
        )
    return {
        "answers": _answers(classification),
        "why": [sentence.render(_) for sentence in result.why],
        "warnings": [sentence.render(_) for sentence in result.warnings],
        "cos": cos,
        "ladder": Ladder(int(result.ladder)),
        "ladder_term": LADDER_TERMS[Ladder(int(result.ladder))],
        "rungs": [(rung, LADDER_TERMS[rung]) for rung in Ladder],
        "level": Level(int(result.level)),
        "level_term": LEVEL_TERMS[Level(int(result.level))],
        "osborne": Osborne(result.osborne.value),
        "osborne_term": OSBORNE_TERMS[Osborne(result.osborne.value)],
        "between": result.between_organisations,
        "really_between": result.really_between_organisations,
    }


def _answers(classification: Classification) -> list[tuple[str, str]]:
    """The questions as asked and the answers as given, for reading beside the result."""
    found = []
    for name in services.ANSWER_FIELDS:
        field = ClassificationForm.base_fields.get(name) or Classification._meta.get_field(name)
        value = getattr(classification, name)
        if isinstance(value, bool):
            shown = _("Yes") if value else _("No")
        else:
            shown = getattr(classification, f"get_{name}_display")()
        label = getattr(field, "label", None) or field.verbose_name
        found.append((str(label), shown))
    return found


@staff_required
def classification(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request, pk)
    found = getattr(initiative, "classification", None)
    context = {
        "initiative": initiative,
        "classification": found,
        "can_edit": can_edit(request.roles, initiative),
    }
    if found is not None:
        context.update(describe(found))
    return render(request, "mapping/classification.html", context)


@staff_required
def disagree(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request, pk, edit=True)
    found = getattr(initiative, "classification", None)
    if found is None:
        messages.info(request, _("Answer the questions first."))
        return redirect("mapping:initiative-questions", pk=initiative.pk)
    form = DisagreeForm(
        post_data(request),
        initial={"disagreement": found.disagreement, "owner_view": found.owner_view},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.classification_disagree(
                classification=found,
                reason=form.cleaned_data["disagreement"],
                view=form.cleaned_data["owner_view"],
                by=request.user,
                person=request.person,
            )
        except DomainError as error:
            form.add_error("disagreement", error.message)
        else:
            messages.success(request, _("Your disagreement is recorded with the classification."))
            return redirect("mapping:classification", pk=initiative.pk)
    return render(
        request,
        "mapping/disagree.html",
        {"form": form, "initiative": initiative, "title": _("Disagree with the classification")},
    )
