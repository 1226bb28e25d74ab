"""Safeguarding: each organisation's policy, the checks on its helpers, members
who need extra care, concerns raised about people, and visits with a
check-in and check-out.

Nothing here is specific to the time bank: any app that sends a helper to
someone asks `safeguarding.policy.clearance()` first and, where the policy
asks for it, schedules a `Visit` (its `subject` names the thing in the other
app, like "timebank.exchange:42").
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.models import Organisation, Person

USER = settings.AUTH_USER_MODEL


class SafeguardingPolicy(models.Model):
    """What an organisation asks of its helpers before they go to someone."""

    class ExtraCare(models.TextChoices):
        CHECKED_OR_TWO = "checked_or_two", _("A checked helper, or two people together")
        CHECKED = "checked", _("Always a checked helper")
        TWO_PEOPLE = "two_people", _("Always two people, one of them checked")

    class DisclosureLevel(models.TextChoices):
        BASIC = "basic", _("Any disclosure check, basic or higher")
        STANDARD = "standard", _("Standard or enhanced (or PVG)")
        ENHANCED = "enhanced", _("Enhanced, or PVG membership")

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="safeguarding_policy"
    )
    disclosure_for_home_visits = models.BooleanField(
        _("a disclosure check is needed for visits to someone's home"), default=True
    )
    disclosure_level = models.CharField(
        _("which disclosure checks count"),
        max_length=10,
        choices=DisclosureLevel.choices,
        default=DisclosureLevel.ENHANCED,
    )
    extra_care = models.CharField(
        _("for members who need extra care"),
        max_length=16,
        choices=ExtraCare.choices,
        default=ExtraCare.CHECKED_OR_TWO,
    )
    references_required = models.PositiveSmallIntegerField(_("references needed"), default=2)
    induction_required = models.BooleanField(_("an induction is needed"), default=True)
    check_in_for_home_visits = models.BooleanField(
        _("helpers check in and out of home visits"), default=True
    )
    grace_minutes = models.PositiveSmallIntegerField(
        _("minutes after a visit's planned end before a check-out is overdue"), default=30
    )
    warn_days = models.PositiveSmallIntegerField(
        _("days ahead to warn that a check will expire"), default=60
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("safeguarding policy")
        verbose_name_plural = _("safeguarding policies")
        constraints = [
            models.CheckConstraint(
                condition=Q(references_required__lte=10), name="sg_policy_references_sensible"
            ),
            models.CheckConstraint(
                condition=Q(grace_minutes__lte=24 * 60), name="sg_policy_grace_within_a_day"
            ),
            models.CheckConstraint(
                condition=Q(warn_days__gte=1) & Q(warn_days__lte=365),
                name="sg_policy_warn_days_sensible",
            ),
        ]

    def __str__(self) -> str:
        return str(
            _("Safeguarding policy of %(organisation)s") % {"organisation": self.organisation}
        )


class CheckQuerySet(models.QuerySet):
    def current(self, on: datetime.date) -> "CheckQuerySet":
        """Checks that count on this date: not withdrawn, issued, and not expired.

        A check is good up to and including its expiry date.
        """
        return self.filter(withdrawn_at__isnull=True, issued_on__lte=on).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=on)
        )


class Check(models.Model):
    """One check on a helper, recorded by the member of staff who verified it."""

    class Kind(models.TextChoices):
        REFERENCE = "reference", _("Reference")
        INDUCTION = "induction", _("Induction")
        DISCLOSURE = "disclosure", _("Disclosure check")

    class Scheme(models.TextChoices):
        PVG = "pvg", _("PVG scheme (Scotland)")
        DBS_BASIC = "dbs_basic", _("DBS basic (England and Wales)")
        DBS_STANDARD = "dbs_standard", _("DBS standard (England and Wales)")
        DBS_ENHANCED = "dbs_enhanced", _("DBS enhanced (England and Wales)")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="safeguarding_checks"
    )
    helper = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="safeguarding_checks")
    kind = models.CharField(_("kind of check"), max_length=12, choices=Kind.choices)
    scheme = models.CharField(_("scheme"), max_length=14, choices=Scheme.choices, blank=True)
    reference_number = models.CharField(
        _("certificate or membership number"), max_length=40, blank=True
    )
    issued_on = models.DateField(_("date issued or done"))
    expires_on = models.DateField(
        _("renew by"),
        null=True,
        blank=True,
        help_text=_("Leave empty if this check does not need renewing."),
    )
    notes = models.CharField(_("notes for staff"), max_length=500, blank=True)
    verified_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_reason = models.CharField(_("why it was withdrawn"), max_length=300, blank=True)

    objects = CheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("check")
        verbose_name_plural = _("checks")
        ordering = ["expires_on", "pk"]
        indexes = [models.Index(fields=["organisation", "kind", "expires_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["reference", "induction", "disclosure"]),
                name="sg_check_kind_valid",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="disclosure")
                    & Q(scheme__in=["pvg", "dbs_basic", "dbs_standard", "dbs_enhanced"])
                )
                | (~Q(kind="disclosure") & Q(scheme="")),
                name="sg_check_scheme_only_for_disclosure",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=F("issued_on")),
                name="sg_check_expires_after_issue",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == self.Kind.DISCLOSURE:
            return self.get_scheme_display()
        return self.get_kind_display()

    def counts_on(self, on: datetime.date) -> bool:
        return (
            self.withdrawn_at is None
            and self.issued_on <= on
            and (self.expires_on is None or self.expires_on >= on)
        )

    def status_on(self, on: datetime.date, warn_days: int = 60) -> str:
        """'withdrawn', 'expired', 'not_yet', 'expiring' or 'current'."""
        if self.withdrawn_at is not None:
            return "withdrawn"
        if self.issued_on > on:
            return "not_yet"
        if self.expires_on is not None and self.expires_on < on:
            return "expired"
        if self.expires_on is not None and self.expires_on <= on + datetime.timedelta(warn_days):
            return "expiring"
        return "current"


class ExtraCareFlag(models.Model):
    """A member needs extra care: a checked helper or two people go to them.

    The reason is a short note for brokers only; the member never sees it.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="extra_care_flags"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="extra_care_flags")
    reason = models.CharField(_("why (for brokers only)"), max_length=300)
    review_on = models.DateField(_("review by"), null=True, blank=True)
    set_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("extra care flag")
        verbose_name_plural = _("extra care flags")
        ordering = ["-set_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"],
                condition=Q(removed_at__isnull=True),
                name="sg_flag_one_active_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Needs extra care"))


class Concern(models.Model):
    """Something someone is worried about, tracked until it is closed."""

    class Category(models.TextChoices):
        HARM = "harm", _("Someone is being hurt or abused")
        NEGLECT = "neglect", _("Someone is not being looked after")
        MONEY = "money", _("Money or belongings")
        HELPER = "helper", _("How a helper behaved")
        HEALTH = "health", _("Health or wellbeing")
        ACCIDENT = "accident", _("An accident or near miss")
        OTHER = "other", _("Something else")

    class Urgency(models.TextChoices):
        NOW = "now", _("Someone may be in danger now")
        SOON = "soon", _("It needs looking at in the next day or two")
        ROUTINE = "routine", _("It is not urgent")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_HAND = "in_hand", _("Being dealt with")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="concerns"
    )
    raised_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    raised_by_person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="concerns_raised"
    )
    on_behalf_of = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="concerns_raised_for",
    )
    about = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="concerns_about",
        verbose_name=_("who it is about"),
    )
    subject = models.CharField(max_length=100, blank=True)
    category = models.CharField(_("what it is about"), max_length=10, choices=Category.choices)
    urgency = models.CharField(_("how urgent it is"), max_length=8, choices=Urgency.choices)
    what_happened = models.TextField(_("what happened"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    outcome = models.TextField(_("outcome"), blank=True)
    raised_at = models.DateTimeField(_("raised"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The form's one-time key: a concern sent twice (a double click) is recorded once.
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("concern")
        verbose_name_plural = _("concerns")
        ordering = ["-raised_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["open", "in_hand", "closed"]),
                name="sg_concern_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | (Q(closed_at__isnull=False) & ~Q(outcome="")),
                name="sg_concern_closed_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Concern %(number)s") % {"number": self.pk})

    def get_absolute_url(self) -> str:
        return reverse("safeguarding:concern-detail", args=[self.pk])


class ConcernAction(models.Model):
    """One step on a concern's timeline: what was done, by whom, when."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="actions")
    note = models.TextField(_("what was done"))
    status = models.CharField(
        _("status after this"), max_length=8, choices=Concern.Status.choices, blank=True
    )
    by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("action on a concern")
        verbose_name_plural = _("actions on concerns")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.get_status_display() or str(_("Note"))


class Visit(models.Model):
    """A helper going to someone, with a check-in and a check-out."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="visits")
    subject = models.CharField(max_length=100, blank=True)
    helper = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="visits_made")
    member = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="visits_received"
    )
    starts_at = models.DateTimeField(_("planned start"))
    ends_at = models.DateTimeField(_("planned end"))
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_out_at = models.DateTimeField(_("checked out"), null=True, blank=True)
    checked_out_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    overdue_alert_sent_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["organisation", "checked_out_at", "ends_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="sg_visit_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(checked_out_at__isnull=True) | Q(checked_in_at__isnull=False),
                name="sg_visit_check_out_after_check_in",
            ),
            models.CheckConstraint(
                condition=Q(checked_out_at__isnull=True)
                | Q(checked_out_at__gte=F("checked_in_at")),
                name="sg_visit_check_out_not_before_check_in",
            ),
        ]

    def __str__(self) -> str:
        return str(
            _("Visit on %(date)s")
            % {"date": timezone.localtime(self.starts_at).strftime("%d %B %Y")}
        )

    def get_absolute_url(self) -> str:
        return reverse("safeguarding:visit-detail", args=[self.pk])
