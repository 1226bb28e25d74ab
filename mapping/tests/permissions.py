"""Who may open each page of the mapping app (collected by core's matrix test).

The board (Bill) reads everything; only the owner (Fiona) and administrators
change an initiative; Kirsty, at an organisation outside the initiative, and
Morag, likewise, are refused its record; a respondent sees only their own
invitation."""

from core.testing import (
    DENIED,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    Rule,
    everyone,
    signed_in,
)
from mapping.models import Activity, Stakeholder

from .fixtures import initiative_pk, invitation, link_kwargs

STAFF = signed_in(OK, member=DENIED)
READ = signed_in(
    DENIED,
    practitioner=OK,
    directory_editor=OK,
    commissioner=OK,
    board_member=OK,
    administrator=OK,
)
EDIT = signed_in(DENIED, commissioner=OK, administrator=OK)
SHAPERS = signed_in(DENIED, commissioner=OK, administrator=OK)


def _paper(world):
    return {"pk": invitation(world)[0].pk}


def _token(world):
    return {"token": invitation(world)[1]}


def _claires(world):
    return {"pk": invitation(world, person=world.claire)[0].pk}


def _activity(world):
    activity, _ = Activity.objects.get_or_create(partnership=world.partnership, name="Peer review")
    return {"pk": activity.pk}


def _stakeholder(world):
    s, _ = Stakeholder.objects.get_or_create(
        partnership=world.partnership, name="Carers' centre", defaults={"power": 2, "influence": 4}
    )
    return {"pk": s.pk}


RULES = [
    Rule("mapping:initiatives", STAFF),
    Rule("mapping:initiative-add", signed_in(OK, member=DENIED, board_member=DENIED)),
    Rule("mapping:initiative-detail", READ, kwargs=initiative_pk),
    Rule("mapping:classification", READ, kwargs=initiative_pk),
    Rule("mapping:ingredients", READ, kwargs=initiative_pk),
    Rule("mapping:questionnaire", READ, kwargs=initiative_pk),
    *[
        Rule(f"mapping:{name}", EDIT, kwargs=initiative_pk)
        for name in (
            "initiative-edit",
            "initiative-people",
            "initiative-links",
            "initiative-factors",
            "initiative-questions",
            "classification-disagree",
            "invite",
        )
    ],
    Rule("mapping:link-remove", everyone(NOT_ALLOWED), kwargs=link_kwargs),
    Rule(
        "mapping:link-remove",
        signed_in(DENIED, commissioner=REDIRECT, administrator=REDIRECT),
        kwargs=link_kwargs,
        method="post",
    ),
    Rule("mapping:invitation-paper", EDIT, kwargs=_paper),
    Rule("mapping:respond", everyone(OK), kwargs=_token),
    Rule("mapping:respond", everyone(NOT_FOUND), kwargs={"token": "not-a-real-token"}),
    Rule("mapping:my-invitations", signed_in(OK)),
    Rule("mapping:my-invitation", signed_in(NOT_FOUND, member=OK), kwargs=_claires),
    Rule("mapping:picture", STAFF),
    Rule("mapping:snapshots", STAFF),
    Rule("mapping:board-pack", STAFF),
    Rule("mapping:factors", STAFF),
    Rule("mapping:export", STAFF, kwargs={"kind": "register", "fmt": "csv"}),
    Rule("mapping:export", signed_in(NOT_FOUND, member=DENIED), kwargs={"kind": "x", "fmt": "csv"}),
    Rule("mapping:priorities", STAFF),
    Rule("mapping:activity-add", SHAPERS),
    Rule("mapping:activity-score", STAFF, kwargs=_activity),
    Rule("mapping:stakeholders", STAFF),
    Rule("mapping:stakeholder-add", SHAPERS),
    Rule("mapping:stakeholder-edit", SHAPERS, kwargs=_stakeholder),
    Rule("mapping:steps", STAFF),
    Rule("mapping:step-edit", SHAPERS, kwargs={"step": "map"}),
    Rule(
        "mapping:step-edit",
        signed_in(DENIED, commissioner=NOT_FOUND, administrator=NOT_FOUND),
        kwargs={"step": "nope"},
    ),
]

__all__ = ["LOGIN", "RULES"]
