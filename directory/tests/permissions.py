"""Who may open each page of the directory (collected by core's matrix test)."""

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
from directory.models import Claim, Shortlist, ShortlistItem

from .factories import category, entry, suggestion


def _service(world):
    if "service" not in world.extra:
        world.extra["service"] = entry(world.partnership, category=str(category().pk))
    return world.extra["service"]


def service(world):
    return {"pk": _service(world).pk}


def api_service(world):
    return {"id": str(_service(world).pk)}


def api_org(world):
    return {"id": str(_service(world).organization_id)}


def api_term(world):
    return {"id": str(category().pk)}


def api_taxonomy(world):
    return {"id": str(category().taxonomy_detail_id)}


def a_suggestion(world):
    return {"pk": suggestion(world.partnership).pk}


def a_claim(world):
    item = Claim.objects.create(service=_service(world), organisation=world.other_org)
    return {"pk": item.pk}


def anne(world):
    return {"person_pk": world.anne.pk}


def annes_shortlist(world):
    shortlist = Shortlist.objects.create(person=world.anne, made_by=world.morag)
    ShortlistItem.objects.create(shortlist=shortlist, service=_service(world))
    return {"pk": shortlist.pk}


EDITOR = signed_in(DENIED, directory_editor=OK, administrator=OK)
EDITOR_POST_ONLY = signed_in(DENIED, directory_editor=NOT_ALLOWED, administrator=NOT_ALLOWED)
STAFF = signed_in(OK, member=DENIED)
# Shortlists are for people a caseworker may open: Anne's broker and administrators.
SIGNPOST = signed_in(
    DENIED, broker=OK, administrator=OK, practitioner=NOT_FOUND, outsider=NOT_FOUND
)
SIGNPOST_POST_ONLY = signed_in(
    DENIED,
    broker=NOT_ALLOWED,
    administrator=NOT_ALLOWED,
    practitioner=NOT_ALLOWED,
    outsider=NOT_ALLOWED,
)

RULES = [
    Rule("directory:search", everyone(OK)),
    Rule("directory:embed", everyone(OK)),
    Rule("directory:suggest", everyone(OK)),
    Rule("directory:service", everyone(OK), kwargs=service),
    Rule("directory:suggest-change", everyone(OK), kwargs=service),
    Rule("directory:entry-edit", EDITOR, kwargs=service),
    Rule("directory:entry-history", EDITOR, kwargs=service),
    Rule("directory:entry-check", signed_in(NOT_ALLOWED), kwargs=service),
    Rule(
        "directory:entry-check",
        signed_in(DENIED, directory_editor=REDIRECT, administrator=REDIRECT),
        kwargs=service,
        method="post",
    ),
    Rule("directory:claim", STAFF, kwargs=service),
    Rule("directory:queue", EDITOR),
    Rule("directory:stale", EDITOR),
    Rule("directory:suggestion", EDITOR, kwargs=a_suggestion),
    Rule("directory:suggestion-edit", EDITOR, kwargs=a_suggestion),
    Rule("directory:claim-decide", EDITOR_POST_ONLY, kwargs=a_claim),
    Rule("directory:shortlist-new", SIGNPOST, kwargs=anne),
    Rule("directory:shortlist", SIGNPOST, kwargs=annes_shortlist),
    Rule("directory:shortlist-give", SIGNPOST_POST_ONLY, kwargs=annes_shortlist),
    Rule("directory:api-root", everyone(OK)),
    Rule("directory:api-openapi", everyone(OK)),
    Rule("directory:api-services", everyone(OK)),
    Rule("directory:api-service", everyone(OK), kwargs=api_service),
    Rule("directory:api-organizations", everyone(OK)),
    Rule("directory:api-organization", everyone(OK), kwargs=api_org),
    Rule("directory:api-taxonomies", everyone(OK)),
    Rule("directory:api-taxonomy", everyone(OK), kwargs=api_taxonomy),
    Rule("directory:api-taxonomy-terms", everyone(OK)),
    Rule("directory:api-taxonomy-term", everyone(OK), kwargs=api_term),
]

__all__ = ["RULES", "LOGIN"]
