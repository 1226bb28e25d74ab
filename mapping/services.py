"""Writes to the mapping register, in the field's words. Each validates, writes,
and records what happened in the audit log (ids and codes, never free text)."""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from core import linkables
from core.errors import DomainError

from . import rules
from .models import (
    CITIZEN_PARTICIPANTS,
    Activity,
    ActivityScore,
    Classification,
    Factor,
    Ingredient,
    IngredientAnswer,
    Initiative,
    InitiativeFactor,
    Invitation,
    Link,
    Participation,
    Snapshot,
    Stakeholder,
    StepProgress,
)

ANSWER_FIELDS = (
    "defined",
    "decided",
    "designed",
    "delivered",
    "assessed",
    "views_only",
    "power_moved",
    "budget_moved",
    "citizens_fund",
    "scope",
    "one_way",
)


def _audit(action, *, by, initiative=None, target=None, partnership=None, **data):
    audit_record(
        action,
        actor=by,
        organisation=initiative.lead_organisation if initiative else None,
        partnership=partnership or (initiative.partnership if initiative else None),
        target=target or initiative,
        data=data,
    )


@transaction.atomic
def initiative_save(*, initiative: Initiative, partners, by, created: bool) -> Initiative:
    if initiative.starts_on and initiative.ends_on and initiative.ends_on < initiative.starts_on:
        raise DomainError(_("The end date must be on or after the start date"), field="ends_on")
    if initiative.lead_organisation.partnership_id != initiative.partnership_id:
        raise DomainError(
            _("Choose an organisation in this partnership"), field="lead_organisation"
        )
    clash = Initiative.objects.filter(
        partnership=initiative.partnership, name__iexact=initiative.name
    ).exclude(pk=initiative.pk)
    if clash.exists():
        raise DomainError(_("There is already an initiative with this name"), field="name")
    initiative.save()
    initiative.partners.set([p for p in partners if p.pk != initiative.lead_organisation_id])
    _audit(
        "mapping.initiative.registered" if created else "mapping.initiative.updated",
        by=by,
        initiative=initiative,
    )
    if not created and hasattr(initiative, "classification"):
        # Who takes part can change what the answers mean (the register check).
        classification_refresh(initiative=initiative)
    return initiative


def participation_set(*, initiative: Initiative, rows: list[tuple[str, str, int]], by) -> None:
    """Replace who takes part: rows of (who, part, number); numbers of 0 are left out."""
    with transaction.atomic():
        initiative.participations.all().delete()
        seen = set()
        for who, part, number in rows:
            if number is None or number <= 0 or (who, part) in seen:
                continue
            seen.add((who, part))
            Participation.objects.create(initiative=initiative, who=who, part=part, number=number)
        _audit("mapping.participation.updated", by=by, initiative=initiative, rows=len(seen))
    if hasattr(initiative, "classification"):
        classification_refresh(initiative=initiative)


def citizens_take_part(initiative: Initiative) -> bool | None:
    """What the register says: None when nobody has been recorded at all."""
    whos = set(initiative.participations.values_list("who", flat=True))
    if not whos:
        return None
    return bool(whos & {str(w) for w in CITIZEN_PARTICIPANTS})


def _apply(classification: Classification, result: rules.Classification) -> None:
    for co, strength in result.cos.items():
        setattr(classification, co.value, strength)
    classification.sub_types = [slug for slugs in result.sub_types.values() for slug in slugs]
    classification.osborne = result.osborne.value
    classification.between_organisations = list(result.between_organisations)
    classification.really_between_organisations = result.really_between_organisations
    classification.level = int(result.level)
    classification.ladder = int(result.ladder)


def explain(classification: Classification) -> rules.Classification:
    return rules.classify(classification.answers(citizens_take_part(classification.initiative)))


@transaction.atomic
def classification_answer(*, initiative: Initiative, answers: dict, by, person) -> Classification:
    """Record the plain answers and what they make; an earlier disagreement goes with
    the earlier answers (the audit log keeps it)."""
    classification = getattr(initiative, "classification", None) or Classification(
        initiative=initiative
    )
    for name in ANSWER_FIELDS:
        setattr(classification, name, answers[name])
    classification.answered_by = person
    classification.answered_at = timezone.now()
    classification.disagreement = ""
    classification.owner_view = ""
    classification.disagreed_by = None
    classification.disagreed_at = None
    _apply(classification, explain(classification))
    classification.save()
    _audit(
        "mapping.initiative.classified",
        by=by,
        initiative=initiative,
        ladder=classification.ladder,
        level=classification.level,
    )
    return classification


def classification_refresh(*, initiative: Initiative) -> None:
    classification = initiative.classification
    _apply(classification, explain(classification))
    classification.save()


def classification_disagree(*, classification: Classification, reason: str, view: str, by, person):
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Say why you disagree"), field="disagreement")
    classification.disagreement = reason
    classification.owner_view = view.strip()
    classification.disagreed_by = person
    classification.disagreed_at = timezone.now()
    classification.save()
    _audit(
        "mapping.classification.disputed",
        by=by,
        initiative=classification.initiative,
        ladder=classification.ladder,
    )


def link_add(*, initiative: Initiative, key: str, object_id, by) -> Link:
    linkable = linkables.get(key)
    if linkable is None:
        raise DomainError(_("That kind of thing cannot be linked"), field="thing")
    object_id = str(object_id)
    try:
        found = linkable.choices(initiative.partnership).filter(pk=object_id).exists()
    except (ValueError, ValidationError):
        found = False
    if not found:
        raise DomainError(_("Choose something from the list"), field="thing")
    link, _created = Link.objects.get_or_create(initiative=initiative, key=key, object_id=object_id)
    _audit("mapping.link.added", by=by, initiative=initiative, key=key, object_id=object_id)
    return link


def link_remove(*, link: Link, by) -> None:
    initiative = link.initiative
    link.delete()
    _audit("mapping.link.removed", by=by, initiative=initiative, key=link.key)


# Invitations to the six-ingredients self-assessment.


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_create(*, initiative: Initiative, group: str, label: str, person, by, inviter):
    """Make an invitation; the token is returned once and only its hash is kept."""
    token = secrets.token_urlsafe(24)
    invitation = Invitation.objects.create(
        initiative=initiative,
        group=group,
        label=label.strip(),
        person=person,
        token_hash=_hash(token),
        created_by=inviter,
    )
    _audit(
        "mapping.invitation.created",
        by=by,
        initiative=initiative,
        target=invitation,
        group=group,
    )
    return invitation, token


def invitation_for_token(token: str) -> Invitation | None:
    if not token or len(token) > 100:
        return None
    return Invitation.objects.select_related("initiative").filter(token_hash=_hash(token)).first()


@transaction.atomic
def ingredients_answer(
    *, invitation: Invitation, ratings: dict, by=None, entered_by=None, mode=None, on_behalf_of=None
) -> None:
    """Record one respondent's ratings: {ingredient: (rating or None, evidence)}.

    Staff entering a paper or interview response pass `entered_by` and the
    mode; the audit log records it as done on the respondent's behalf.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.is_answered:
        raise DomainError(_("This invitation has already been answered"), code="answered")
    if set(ratings) != set(Ingredient.values):
        raise DomainError(_("Answer for each of the six ingredients"))
    if all(rating is None for rating, _evidence in ratings.values()):
        raise DomainError(_("Rate at least one ingredient, or say why not in your own words"))
    for ingredient, (rating, evidence) in ratings.items():
        IngredientAnswer.objects.create(
            invitation=invitation, ingredient=ingredient, rating=rating, evidence=evidence.strip()
        )
    invitation.answered_at = timezone.now()
    invitation.mode = mode or Invitation.Mode.ONLINE
    invitation.entered_by = entered_by
    invitation.save()
    audit_record(
        "mapping.ingredients.answered",
        actor=by,
        person=invitation.person,
        on_behalf_of=on_behalf_of or (invitation.person if entered_by else None),
        organisation=invitation.initiative.lead_organisation,
        partnership=invitation.initiative.partnership,
        target=invitation,
        data={"group": invitation.group, "mode": invitation.mode},
    )


# Drivers and barriers.


def factor_add(*, partnership, kind: str, name: str, by) -> Factor:
    name = " ".join(name.split())
    if not name:
        raise DomainError(_("Enter a name"), field="name")
    if (
        Factor.objects.filter(partnership__isnull=True, kind=kind, name__iexact=name).exists()
        or Factor.objects.filter(partnership=partnership, kind=kind, name__iexact=name).exists()
    ):
        raise DomainError(_("That is already on the list"), field="name")
    factor = Factor.objects.create(partnership=partnership, kind=kind, name=name)
    _audit("mapping.factor.added", by=by, partnership=partnership, target=factor, kind=kind)
    return factor


def initiative_factors_set(*, initiative: Initiative, factors, by) -> None:
    wanted = {f.pk for f in factors}
    with transaction.atomic():
        initiative.factors.exclude(factor_id__in=wanted).delete()
        have = set(initiative.factors.values_list("factor_id", flat=True))
        for factor in factors:
            if factor.pk not in have:
                InitiativeFactor.objects.create(initiative=initiative, factor=factor)
        _audit("mapping.factors.recorded", by=by, initiative=initiative, count=len(wanted))


# The partnership picture over time, and Focus it / People it / the five steps.


def snapshot_take(*, partnership, period: str, data: dict, by, person) -> Snapshot:
    snapshot, _created = Snapshot.objects.update_or_create(
        partnership=partnership, period=period, defaults={"data": data, "taken_by": person}
    )
    _audit("mapping.snapshot.taken", by=by, partnership=partnership, target=snapshot)
    return snapshot


def activity_add(*, partnership, name: str, description: str, by) -> Activity:
    name = " ".join(name.split())
    if Activity.objects.filter(partnership=partnership, name__iexact=name).exists():
        raise DomainError(_("That activity is already on the list"), field="name")
    activity = Activity.objects.create(partnership=partnership, name=name, description=description)
    _audit("mapping.activity.added", by=by, partnership=partnership, target=activity)
    return activity


def activity_score(*, activity: Activity, scorer, impact: int, effort: int, by) -> ActivityScore:
    if not (1 <= impact <= 5 and 1 <= effort <= 5):
        raise DomainError(_("Score impact and effort from 1 to 5"))
    score, _created = ActivityScore.objects.update_or_create(
        activity=activity, scorer=scorer, defaults={"impact": impact, "effort": effort}
    )
    _audit("mapping.activity.scored", by=by, partnership=activity.partnership, target=activity)
    return score


def stakeholder_save(*, stakeholder: Stakeholder, by) -> Stakeholder:
    try:
        with transaction.atomic():
            stakeholder.save()
    except IntegrityError as error:
        raise DomainError(_("That stakeholder is already on the grid"), field="name") from error
    _audit(
        "mapping.stakeholder.saved", by=by, partnership=stakeholder.partnership, target=stakeholder
    )
    return stakeholder


def step_update(*, partnership, step: str, status: str, note: str, by) -> StepProgress:
    progress, _created = StepProgress.objects.update_or_create(
        partnership=partnership, step=step, defaults={"status": status, "note": note}
    )
    _audit("mapping.step.updated", by=by, partnership=partnership, target=progress, step=step)
    return progress
