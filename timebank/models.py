"""The time bank: banks, accounts, a double-entry ledger in whole minutes,
offers and requests, exchanges, referrals and expenses.

The ledger's rules are enforced by the database as well as by the services
(see migrations/0002_ledger_rules.py): a transfer's postings sum to zero and
number at least two, postings and transfers are never changed or deleted,
and each account's cached balance is kept by a trigger on every posting.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.models import Area, AssetCategory, Organisation, Partnership, Person


def hours(minutes: int | None) -> str:
    """Minutes as hours people read: 90 -> "1.5", 60 -> "1"."""
    if minutes is None:
        return ""
    value = minutes / 60
    return f"{value:.2f}".rstrip("0").rstrip(".")


class TimeBank(models.Model):
    class ProfileShown(models.TextChoices):
        FIRST_NAME = "first_name", _("First name only")
        NAME_AND_AREA = "name_and_area", _("First name and area")
        FULL = "full", _("Full name, area and what they offer")

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        related_name="timebank",
        verbose_name=_("run by"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"))
    overdraft_limit_minutes = models.IntegerField(
        _("lowest balance allowed, in minutes"),
        default=-600,
        help_text=_("For example −600 lets a member receive 10 hours before giving any."),
    )
    hide_negative_balances = models.BooleanField(
        _("hide balances below zero from members"), default=True
    )
    profile_shown = models.CharField(
        _("what members see of each other"),
        max_length=20,
        choices=ProfileShown.choices,
        default=ProfileShown.NAME_AND_AREA,
    )
    allows_other_banks = models.BooleanField(
        _("members may exchange with other banks that allow it"), default=False
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("time bank")
        verbose_name_plural = _("time banks")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="timebank_unique_slug"),
            models.CheckConstraint(
                condition=Q(overdraft_limit_minutes__lte=0), name="timebank_overdraft_not_positive"
            ),
            models.CheckConstraint(
                condition=Q(profile_shown__in=["first_name", "name_and_area", "full"]),
                name="timebank_profile_shown_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("timebank:bank", args=[self.slug])


class Account(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("Member")
        ORGANISATION = "organisation", _("Organisation")
        POT = "pot", _("Community pot")

    class Shown(models.TextChoices):
        BANK_DEFAULT = "", _("What the bank shows by default")
        FIRST_NAME = "first_name", _("My first name only")
        NAME_AND_AREA = "name_and_area", _("My first name and area")

    bank = models.ForeignKey(TimeBank, on_delete=models.PROTECT, related_name="accounts")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="timebank_accounts"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="timebank_accounts",
    )
    # Kept by a database trigger on every posting; check_ledger compares it with the sum.
    balance_minutes = models.IntegerField(_("balance in minutes"), default=0, editable=False)
    overdraft_limit_minutes = models.IntegerField(
        _("this account's own lowest balance, in minutes"), null=True, blank=True
    )
    overdraft_reason = models.CharField(_("why"), max_length=300, blank=True)
    overdraft_granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    profile_shown = models.CharField(
        _("what other members see of you"),
        max_length=20,
        choices=Shown.choices,
        default="",
        blank=True,
    )
    opened_at = models.DateTimeField(_("joined"), default=timezone.now)
    closed_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("time bank account")
        verbose_name_plural = _("time bank accounts")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="person", person__isnull=False, organisation__isnull=True)
                    | Q(kind="organisation", person__isnull=True, organisation__isnull=False)
                    | Q(kind="pot", person__isnull=True, organisation__isnull=True)
                ),
                name="timebank_account_owner_matches_kind",
            ),
            models.UniqueConstraint(
                fields=["bank", "person"],
                condition=Q(person__isnull=False),
                name="timebank_account_one_per_person",
            ),
            models.UniqueConstraint(
                fields=["bank", "organisation"],
                condition=Q(organisation__isnull=False),
                name="timebank_account_one_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["bank"], condition=Q(kind="pot"), name="timebank_account_one_pot"
            ),
            models.CheckConstraint(
                condition=Q(overdraft_limit_minutes__isnull=True)
                | Q(overdraft_limit_minutes__lte=0),
                name="timebank_account_overdraft_not_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.owner_name

    def get_absolute_url(self) -> str:
        return reverse("timebank:statement", args=[self.bank.slug, self.pk])

    @property
    def owner_name(self) -> str:
        if self.kind == self.Kind.POT:
            return str(_("Community pot"))
        if self.person_id:
            return self.person.display_name
        return self.organisation.name

    @property
    def limit_minutes(self) -> int:
        """The lowest balance allowed: the account's own, else nothing for the pot, else the bank's."""
        if self.overdraft_limit_minutes is not None:
            return self.overdraft_limit_minutes
        if self.kind == self.Kind.POT:
            return 0
        return self.bank.overdraft_limit_minutes

    @property
    def balance_hours(self) -> str:
        return hours(self.balance_minutes)


class Transfer(models.Model):
    """A movement of credits: two or more postings that sum to zero.

    The primary key is chosen before anything is written, because the
    postings go in first and this header last: its insert trigger checks
    the postings balance.
    """

    class Kind(models.TextChoices):
        EXCHANGE = "exchange", _("Exchange")
        GROUP = "group", _("Group activity")
        DONATION = "donation", _("Gift to the community pot")
        GRANT = "grant", _("Grant from the community pot")
        REVERSAL = "reversal", _("Correction")
        OPENING = "opening", _("Opening balance")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    bank = models.ForeignKey(TimeBank, on_delete=models.PROTECT, related_name="transfers")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True)
    reverses = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversed_by",
        verbose_name=_("corrects"),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, db_index=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    on_behalf_of = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["recorded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="reversal", reverses__isnull=False)
                | (~Q(kind="reversal") & Q(reverses__isnull=True)),
                name="timebank_transfer_reversal_links_original",
            ),
            models.CheckConstraint(
                condition=Q(
                    kind__in=["exchange", "group", "donation", "grant", "reversal", "opening"]
                ),
                name="timebank_transfer_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.recorded_at:%d %b %Y}"


class Posting(models.Model):
    transfer = models.ForeignKey(Transfer, on_delete=models.PROTECT, related_name="postings")
    account = models.ForeignKey(
        Account,
        on_delete=models.PROTECT,
        related_name="postings",
        db_index=False,  # the (account, transfer) index below serves it
    )
    minutes = models.IntegerField(_("minutes"))

    class Meta:
        verbose_name = _("posting")
        verbose_name_plural = _("postings")
        ordering = ["pk"]
        indexes = [models.Index(fields=["account", "transfer"])]
        constraints = [
            models.CheckConstraint(condition=~Q(minutes=0), name="timebank_posting_not_zero"),
        ]

    def __str__(self) -> str:
        return f"{self.account_id}: {self.minutes}"


class Where(models.TextChoices):
    HOME = "home", _("At their home")
    COMMUNITY = "community", _("Out in the community")
    REMOTE = "remote", _("By phone or online")


class Listing(models.Model):
    """An offer of help or a request for it."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Offer")
        REQUEST = "request", _("Request")

    class Timing(models.TextChoices):
        ONE_OFF = "one_off", _("Once")
        RECURRING = "recurring", _("Regularly")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        MATCHED = "matched", _("Someone is helping")
        CLOSED = "closed", _("Closed")

    bank = models.ForeignKey(TimeBank, on_delete=models.PROTECT, related_name="listings")
    kind = models.CharField(_("offer or request"), max_length=8, choices=Kind.choices)
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="listings")
    category = models.ForeignKey(
        AssetCategory, on_delete=models.PROTECT, related_name="+", verbose_name=_("category")
    )
    title = models.CharField(_("in a few words"), max_length=120)
    description = models.TextField(_("more detail"), blank=True)
    where = models.CharField(_("where"), max_length=10, choices=Where.choices)
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("area")
    )
    timing = models.CharField(
        _("when"), max_length=10, choices=Timing.choices, default=Timing.ONE_OFF
    )
    on_date = models.DateField(_("on what date"), null=True, blank=True)
    availability = models.PositiveIntegerField(_("days and times"), default=0)
    helper_notes = models.TextField(
        _("anything the helper should know"),
        blank=True,
        help_text=_("Only the broker and the person who helps see this."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    on_behalf_of = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("offer or request")
        verbose_name_plural = _("offers and requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["bank", "kind", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["offer", "request"]), name="timebank_listing_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(where__in=["home", "community", "remote"]),
                name="timebank_listing_where_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("timebank:listing", args=[self.bank.slug, self.pk])


class Exchange(models.Model):
    """Time given: proposed, agreed, done, then confirmed (which posts the transfer).

    The receiver's account pays; each participant earns the minutes. One
    participant is an ordinary exchange; several make a group activity.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        AGREED = "agreed", _("Agreed")
        DONE = "done", _("Done, waiting to be confirmed")
        CONFIRMED = "confirmed", _("Confirmed")
        CANCELLED = "cancelled", _("Cancelled")
        REVERSED = "reversed", _("Undone by the broker")

    bank = models.ForeignKey(TimeBank, on_delete=models.PROTECT, related_name="exchanges")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    receiver = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="received", verbose_name=_("who is helped")
    )
    request = models.ForeignKey(
        Listing, on_delete=models.SET_NULL, null=True, blank=True, related_name="exchanges"
    )
    category = models.ForeignKey(
        AssetCategory, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    description = models.CharField(_("what it is"), max_length=200)
    where = models.CharField(_("where"), max_length=10, choices=Where.choices)
    is_group = models.BooleanField(_("group activity"), default=False)
    starts_at = models.DateTimeField(_("when"), null=True, blank=True)
    minutes = models.PositiveIntegerField(_("minutes each"), null=True, blank=True)
    second_helper = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    visit_id = models.IntegerField(null=True, blank=True, editable=False)
    transfer = models.OneToOneField(
        Transfer, on_delete=models.PROTECT, null=True, blank=True, related_name="exchange"
    )
    cancel_reason = models.CharField(_("why it was cancelled"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    on_behalf_of = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=["proposed", "agreed", "done", "confirmed", "cancelled", "reversed"]
                ),
                name="timebank_exchange_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["confirmed", "reversed"]) | Q(transfer__isnull=False),
                name="timebank_exchange_confirmed_has_transfer",
            ),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancel_reason=""),
                name="timebank_exchange_cancel_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(minutes__isnull=True) | Q(minutes__gt=0),
                name="timebank_exchange_minutes_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.description

    def get_absolute_url(self) -> str:
        return reverse("timebank:exchange", args=[self.bank.slug, self.pk])

    @property
    def subject(self) -> str:
        return f"timebank.exchange:{self.pk}"

    @property
    def hours(self) -> str:
        return hours(self.minutes)


class Participant(models.Model):
    """Someone (or an organisation) who gives time in an exchange and earns the credits."""

    exchange = models.ForeignKey(
        Exchange,
        on_delete=models.CASCADE,
        related_name="participants",
        db_index=False,  # the unique (exchange, account) constraint's index serves it
    )
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="gave")

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["exchange", "account"], name="timebank_participant_unique"
            ),
        ]

    def __str__(self) -> str:
        return str(self.account)


class Referral(models.Model):
    """A practitioner or link worker refers someone; they hear back what happened."""

    bank = models.ForeignKey(TimeBank, on_delete=models.PROTECT, related_name="referrals")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="timebank_referrals")
    referred_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="timebank_referrals_made"
    )
    reason = models.TextField(_("what might help"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.person} → {self.bank}"


class Expense(models.Model):
    """Money spent helping (a bus fare, mileage): repaid in money, never in credits."""

    class Kind(models.TextChoices):
        MILEAGE = "mileage", _("Mileage")
        EXPENSE = "expense", _("Something paid for")

    class Status(models.TextChoices):
        CLAIMED = "claimed", _("Claimed")
        PAID = "paid", _("Paid")
        REFUSED = "refused", _("Not paid")

    exchange = models.ForeignKey(Exchange, on_delete=models.PROTECT, related_name="expenses")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="timebank_expenses")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    miles = models.DecimalField(_("miles"), max_digits=6, decimal_places=1, null=True, blank=True)
    amount_pence = models.PositiveIntegerField(_("amount in pence"))
    description = models.CharField(_("what for"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.CLAIMED
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_pence__gt=0), name="timebank_expense_amount_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pounds}"

    @property
    def pounds(self) -> str:
        return f"£{self.amount_pence / 100:.2f}"
