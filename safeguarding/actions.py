"""Audit codes for safeguarding, with the words people read in the audit log."""

from django.utils.translation import gettext_lazy as _

from audit.actions import register

ACTIONS = {
    "safeguarding.policy.changed": _("Changed the safeguarding policy"),
    "safeguarding.check.recorded": _("Recorded a check on a helper"),
    "safeguarding.check.changed": _("Changed a check on a helper"),
    "safeguarding.check.withdrawn": _("Withdrew a check on a helper"),
    "safeguarding.check.viewed": _("Looked at a check on a helper"),
    "safeguarding.helper.viewed": _("Looked at a helper's checks"),
    "safeguarding.register.viewed": _("Looked at the checks register"),
    "safeguarding.flags.viewed": _("Looked at the members who need extra care"),
    "safeguarding.flag.set": _("Marked a member as needing extra care"),
    "safeguarding.flag.removed": _("Removed a member's extra-care mark"),
    "safeguarding.concern.raised": _("Raised a concern"),
    "safeguarding.concern.viewed": _("Looked at a concern"),
    "safeguarding.concerns.viewed": _("Looked at the concerns queue"),
    "safeguarding.concern.acted": _("Added to a concern's timeline"),
    "safeguarding.concern.closed": _("Closed a concern"),
    "safeguarding.visit.scheduled": _("Planned a visit"),
    "safeguarding.visit.viewed": _("Looked at a visit"),
    "safeguarding.visits.viewed": _("Looked at the list of visits"),
    "safeguarding.visit.checked_in": _("Checked in to a visit"),
    "safeguarding.visit.checked_out": _("Checked out of a visit"),
    "safeguarding.visit.cancelled": _("Marked a visit as not having happened"),
    "safeguarding.visit.overdue_alerted": _("Alerted brokers to an overdue check-out"),
}

for _code, _label in ACTIONS.items():
    register(_code, _label)
