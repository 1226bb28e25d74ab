"""What the mapping app holds about a person: invitations made out to them and
their answers in their own words. Erasure clears the words and keeps the ratings,
so the partnership's counts and averages stay right."""

from django.utils.translation import gettext_lazy as _

from people import erasure, export


@export.register("mapping", _("Co-production self-assessments"))
def _export(person) -> list:
    from .models import Invitation

    found = []
    for invitation in Invitation.objects.filter(person=person).prefetch_related("answers"):
        found.append(
            {
                "initiative": invitation.initiative.name,
                "group": invitation.get_group_display(),
                "described as": invitation.label,
                "answered": invitation.answered_at.isoformat() if invitation.answered_at else "",
                "answers": [
                    {
                        "ingredient": a.get_ingredient_display(),
                        "rating": a.rating,
                        "in their words": a.evidence,
                    }
                    for a in invitation.answers.all()
                ],
            }
        )
    return found


@erasure.register
def _erase(person) -> None:
    from .models import IngredientAnswer, Invitation

    IngredientAnswer.objects.filter(invitation__person=person).update(evidence="")
    Invitation.objects.filter(person=person).update(label="")
