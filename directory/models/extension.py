"""What the field needs beyond HSDS: the profile of a service, and the workflow.

HSDS allows profiles to extend it; these live in their own tables so an HSDS
export never carries them, and an HSDS import never needs them.
"""

import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .hsds import Service


class Audience(models.TextChoices):
    CHILDREN = "children", _("Children")
    YOUNG_PEOPLE = "young_people", _("Young people")
    ADULTS = "adults", _("Adults")
    OLDER_PEOPLE = "older_people", _("Older people")
    CARERS = "carers", _("Carers")
    FAMILIES = "families", _("Families")


class Capacity(models.TextChoices):
    TAKING = "taking", _("Taking new people")
    WAITING_LIST = "waiting_list", _("Waiting list")
    FULL = "full", _("Full just now")
    UNKNOWN = "unknown", _("Not known")


class Freshness(models.IntegerChoices):
    CURRENT = 0, _("Checked recently")
    DUE = 1, _("Due for a check")
    UNCHECKED = 2, _("Not checked after reminders")


# Weight applied to relevance so entries unchecked after reminders sink, not vanish.
FRESHNESS_WEIGHT = {Freshness.CURRENT: 1.0, Freshness.DUE: 0.8, Freshness.UNCHECKED: 0.4}
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class ServiceProfile(models.Model):
    """The directory's own facts about a service, and its search columns."""

    service = models.OneToOneField(
        Service, on_delete=models.CASCADE, primary_key=True, related_name="profile"
    )
    partnership = models.ForeignKey(
        "people.Partnership", on_delete=models.CASCADE, null=True, related_name="+"
    )
    # Stored as ",older_people,carers," so one indexed-free LIKE finds a group.
    audience = models.CharField(_("who it is for"), max_length=200, blank=True)
    informal_group = models.BooleanField(_("an informal group"), default=False)
    confidential_address = models.BooleanField(
        _("keep the address confidential"),
        default=False,
        help_text=_("People can find it, but the address is never shown."),
    )
    capacity = models.CharField(
        _("taking new people?"), max_length=20, choices=Capacity.choices, default=Capacity.UNKNOWN
    )
    is_free = models.BooleanField(_("free"), default=False)
    review_interval_months = models.PositiveSmallIntegerField(_("check every (months)"), default=12)
    radius_km = models.FloatField(_("serves within (km)"), null=True, blank=True)
    owner = models.ForeignKey(
        "people.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directory_entries",
        verbose_name=_("kept up to date by"),
    )
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    freshness = models.PositiveSmallIntegerField(
        choices=Freshness.choices, default=Freshness.CURRENT
    )
    link_broken_since = models.DateTimeField(null=True, blank=True)
    link_checked_at = models.DateTimeField(null=True, blank=True)
    # Search columns, kept in step by directory.search.reindex().
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    open_days = models.PositiveSmallIntegerField(default=0)  # bit 0 = Monday
    status = models.CharField(max_length=20, default="active")
    search_vector = SearchVectorField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="dir_profile_latlng"),
            models.Index(
                fields=["latitude", "longitude"],
                condition=models.Q(radius_km__isnull=False),
                name="dir_profile_radius",
            ),
            models.Index(fields=["partnership", "freshness"], name="dir_profile_fresh"),
        ]

    def __str__(self):
        return str(self.service_id)

    @property
    def audiences(self) -> list[str]:
        return [a for a in self.audience.split(",") if a]

    def audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [str(labels.get(a, a)) for a in self.audiences]

    def review_due(self, today: datetime.date) -> bool:
        assured = self.service.assured_date
        if assured is None:
            return True
        months = self.review_interval_months or 12
        return assured + datetime.timedelta(days=round(months * 30.44)) <= today


class Suggestion(models.Model):
    """A new entry or a correction suggested by anyone, waiting for an editor."""

    class Kind(models.TextChoices):
        NEW = "new", _("A new entry")
        CORRECTION = "correction", _("A correction")

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not taken up")

    partnership = models.ForeignKey(
        "people.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="suggestions"
    )
    # The proposed values of the entry's fields, as the form gave them.
    proposed = models.JSONField(default=dict)
    note = models.TextField(_("anything else"), blank=True)
    contact_name = models.CharField(_("your name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("your email"), blank=True)
    suggested_by = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    reason = models.TextField(_("reason"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return str(self.proposed.get("name", self.pk))


class Claim(models.Model):
    """An organisation asking to keep an entry up to date itself."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not taken up")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="claims")
    organisation = models.ForeignKey(
        "people.Organisation", on_delete=models.CASCADE, related_name="directory_claims"
    )
    claimed_by = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.organisation_id}:{self.service_id}"


class Shortlist(models.Model):
    """Services a practitioner picked for one person."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="directory_shortlists"
    )
    made_by = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(_("a note for them"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"shortlist {self.pk}"


class ShortlistItem(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="items")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["shortlist", "service"], name="dir_shortlist_once")
        ]

    def __str__(self):
        return f"{self.shortlist_id}:{self.service_id}"


class Referral(models.Model):
    """A signposting recorded as evidence: this person was pointed to this service."""

    class Route(models.TextChoices):
        PRINTED = "printed", _("Printed")
        SENT = "sent", _("Sent")

    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="referrals")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="directory_referrals"
    )
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="referrals")
    made_by = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    route = models.CharField(max_length=10, choices=Route.choices)
    made_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"referral {self.pk}"
