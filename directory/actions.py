"""The directory's audit codes, with labels people can read, and its linkable things."""

from django.utils.translation import gettext_lazy as _

from audit import actions
from core import linkables

CODES = {
    "directory.suggestion.made": _("Suggested a directory entry or a correction"),
    "directory.suggestion.approved": _("Approved a directory suggestion"),
    "directory.suggestion.rejected": _("Turned down a directory suggestion"),
    "directory.entry.updated": _("Changed a directory entry"),
    "directory.entry.checked": _("Checked a directory entry was still right"),
    "directory.claim.made": _("Asked to keep a directory entry up to date"),
    "directory.claim.approved": _("Agreed an organisation keeps a directory entry"),
    "directory.claim.rejected": _("Turned down a request to keep a directory entry"),
    "directory.shortlist.made": _("Made a shortlist of services for someone"),
    "directory.referral.made": _("Signposted someone to services"),
    "directory.reminders.sent": _("Sent reminders to check directory entries"),
    "directory.links.checked": _("Checked the directory's website links"),
    "directory.imported": _("Imported directory data"),
}


def _services(partnership):
    from .models import Service

    return Service.objects.filter(partnership=partnership, status="active")


def _links_can_hold_uuids() -> bool:
    """Directory entries have HSDS UUID ids; a linker storing integer ids cannot point at them.

    The mapping register's Link.object_id is an integer field today; once it holds
    text (as the audit log's target_id does) entries become linkable with no change here.
    """
    from django.apps import apps
    from django.db import models

    try:
        field = apps.get_model("mapping", "Link")._meta.get_field("object_id")
    except LookupError:
        return True
    return not isinstance(field, models.IntegerField)


def register_all() -> None:
    for code, label in CODES.items():
        actions.register(code, label)
    if not _links_can_hold_uuids():
        return
    linkables.register(
        linkables.Linkable(key="directory.service", label=_("Directory entry"), choices=_services)
    )
