"""Readable labels for action codes; apps register theirs in AppConfig.ready()."""

from django.utils.translation import gettext_lazy as _

_labels: dict[str, str] = {}


def register(code: str, label: str) -> None:
    _labels[code] = label


def label_for(code: str) -> str:
    return str(_labels.get(code, code))


def known() -> dict[str, str]:
    return dict(_labels)


for _code, _label in {
    "people.person.registered": _("Registered a person"),
    "people.person.signed_up": _("Joined online"),
    "people.person.viewed": _("Looked at a person's record"),
    "people.person.updated": _("Changed a person's details"),
    "people.person.exported": _("Took a copy of a person's data"),
    "people.person.erased": _("Removed a person's details"),
    "people.person.login_created": _("Gave a person a login"),
    "people.asset.added": _("Added an asset"),
    "people.asset.removed": _("Removed an asset"),
    "people.carer.added": _("Recorded a caring relationship"),
    "people.carer.removed": _("Removed a caring relationship"),
    "people.consent.given": _("Recorded consent"),
    "people.consent.withdrawn": _("Recorded that consent was withdrawn"),
    "people.membership.granted": _("Gave a role"),
    "people.membership.ended": _("Ended a role"),
    "people.organisation.created": _("Added an organisation"),
    "people.organisation.updated": _("Changed an organisation"),
    "people.category.created": _("Added a category"),
    "people.category.updated": _("Changed a category"),
    "people.notice.created": _("Prepared a letter, call or message"),
    "people.notice.sent": _("Sent a letter, made a call or passed a message on"),
    "people.notice.cancelled": _("Cancelled a letter, call or message"),
    "people.assisted.started": _("Started acting for someone"),
    "people.assisted.stopped": _("Stopped acting for someone"),
}.items():
    register(_code, _label)
