"""The audit log: the platform's record of what happened.

Every service writes here as the work happens, with a namespaced action code
("people.person.registered", "timebank.exchange.confirmed"). Staff views of
sensitive records are written here too. Evidence reports read it later, so
entries hold ids and codes, never names or free text about a person.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The log names people, organisations and records by id but holds no database
# foreign-key constraints on them (db_constraint=False): writing an entry must
# not lock the rows it mentions (every entry names the same partnership, so
# concurrent writers would pile share locks onto that one row), and an entry is
# cheaper to write. Deleting a row still empties its ids here, through on_delete.
NO_LOCK = {"db_constraint": False}


class AuditEvent(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now)
    action = models.CharField(_("action"), max_length=100)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
        **NO_LOCK,
        db_index=False,  # the (actor, at) index below serves it
    )
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("whose record"),
        **NO_LOCK,
        db_index=False,  # the (person, at) index below serves it
    )
    on_behalf_of = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("on behalf of"),
        **NO_LOCK,
    )
    organisation = models.ForeignKey(
        "people.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        **NO_LOCK,
    )
    partnership = models.ForeignKey(
        "people.Partnership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        **NO_LOCK,
    )
    target_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # the (target_type, target_id) index below serves it
        **NO_LOCK,
    )
    target_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)
    sensitive = models.BooleanField(
        _("sensitive"),
        default=False,
        help_text=_("A member of staff viewed or changed a sensitive record."),
    )

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["action", "at"]),
            models.Index(fields=["person", "at"]),
            models.Index(fields=["actor", "at"]),
            models.Index(fields=["target_type", "target_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__regex=r"^[a-z_]+(\.[a-z_]+){2,}$"),
                name="audit_action_is_namespaced",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    @property
    def label(self) -> str:
        from .actions import label_for

        return label_for(self.action)
