"""People, not just logins: the partnership, its organisations, the people in
them, what they bring (assets), who cares for whom, and their consent."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib import ageband


class PartnershipQuerySet(models.QuerySet):
    def current(self) -> "Partnership | None":
        """The partnership this instance serves (the first one; see core.middleware)."""
        return self.order_by("pk").first()


class Partnership(models.Model):
    class Nation(models.TextChoices):
        SCOTLAND = "scotland", _("Scotland")
        ENGLAND = "england", _("England")
        WALES = "wales", _("Wales")
        NORTHERN_IRELAND = "northern_ireland", _("Northern Ireland")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), unique=True)
    nation = models.CharField(
        _("nation"), max_length=20, choices=Nation.choices, default=Nation.SCOTLAND
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self) -> str:
        return self.name

    @property
    def disclosure_scheme(self) -> str:
        """The name of the disclosure check where this partnership works."""
        return {
            self.Nation.SCOTLAND: _("PVG scheme"),
            self.Nation.NORTHERN_IRELAND: _("AccessNI check"),
        }.get(self.nation, _("DBS check"))


class Area(models.Model):
    """A locality within the partnership, as people there would name it."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="areas")
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="area_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COUNCIL = "council", _("Council")
        NHS_BOARD = "nhs_board", _("NHS board")
        HSCP = "hscp", _("Health and social care partnership")
        THIRD_SECTOR = "third_sector", _("Third-sector organisation")
        COMMUNITY_GROUP = "community_group", _("Community group")
        SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="organisations"
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"))
    kind = models.CharField(_("kind of organisation"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("what it does"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("area")
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "slug"], name="organisation_unique_slug"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("people:organisation-detail", args=[self.slug])


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    BROKER = "broker", _("Broker")
    PRACTITIONER = "practitioner", _("Practitioner")
    DIRECTORY_EDITOR = "directory_editor", _("Directory editor")
    COMMISSIONER = "commissioner", _("Commissioner")
    BOARD_MEMBER = "board_member", _("Co-production board member")
    ADMINISTRATOR = "administrator", _("Administrator")


STAFF_ROLES = frozenset(Role.values) - {Role.MEMBER}
# Roles whose work is with individual people, so who may open their records.
CASEWORK_ROLES = frozenset({Role.BROKER, Role.PRACTITIONER})


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    AGE_18_24 = "18_24", _("18 to 24")
    AGE_25_34 = "25_34", _("25 to 34")
    AGE_35_49 = "35_49", _("35 to 49")
    AGE_50_64 = "50_64", _("50 to 64")
    AGE_65_74 = "65_74", _("65 to 74")
    AGE_75_84 = "75_84", _("75 to 84")
    AGE_85_PLUS = "85_plus", _("85 or over")


class ContactRoute(models.TextChoices):
    PHONE = "phone", _("Phone")
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("Email")
    NAMED_PERSON = "named_person", _("Through someone they name")


class Disability(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class PersonQuerySet(models.QuerySet):
    def for_partnership(self, partnership: Partnership) -> "PersonQuerySet":
        return self.filter(partnership=partnership)

    def active(self) -> "PersonQuerySet":
        return self.filter(erased_at__isnull=True)


class Person(models.Model):
    """Someone who takes part, whether or not they ever log in."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="people")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    given_name = models.CharField(_("first name"), max_length=100)
    family_name = models.CharField(_("last name"), max_length=100, blank=True)
    preferred_name = models.CharField(
        _("preferred name"),
        max_length=100,
        blank=True,
        help_text=_("What they like to be called, if different."),
    )
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    age_band = models.CharField(
        _("age group"),
        max_length=10,
        choices=AgeBand.choices,
        blank=True,
        help_text=_("If the date of birth is not known."),
    )

    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    address = models.TextField(_("address"), blank=True, help_text=_("For letters."))
    postcode = models.CharField(_("postcode"), max_length=8, blank=True)
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("area")
    )
    contact_route = models.CharField(
        _("best way to get in touch"),
        max_length=20,
        choices=ContactRoute.choices,
        default=ContactRoute.PHONE,
    )
    contact_via_name = models.CharField(
        _("name of the person to go through"), max_length=200, blank=True
    )
    contact_via_details = models.CharField(
        _("how to reach that person"),
        max_length=200,
        blank=True,
        help_text=_("For example their phone number, and how they are related."),
    )

    # Accessibility needs and disability are special-category information:
    # they are kept only with the person's consent (purpose "health").
    needs_large_print = models.BooleanField(_("large print"), default=False)
    needs_easy_read = models.BooleanField(_("easy read"), default=False)
    needs_interpreter = models.BooleanField(_("an interpreter"), default=False)
    interpreter_language = models.CharField(_("interpreter's language"), max_length=60, blank=True)
    needs_bsl = models.BooleanField(_("British Sign Language"), default=False)
    needs_hearing_loop = models.BooleanField(_("a hearing loop"), default=False)
    other_access_needs = models.TextField(_("anything else that helps"), blank=True)
    disability = models.CharField(
        _("considers themselves disabled"), max_length=12, choices=Disability.choices, blank=True
    )

    what_matters = models.TextField(
        _("what matters to them"),
        blank=True,
        help_text=_("In their own words: what a good life looks like to them."),
    )
    availability = models.PositiveIntegerField(
        _("when they are usually free"),
        default=0,
        help_text=_("Days and parts of the day (see lib/availability.py)."),
    )

    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(_("details removed"), null=True, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["family_name", "given_name", "pk"]
        indexes = [models.Index(fields=["partnership", "family_name", "given_name"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(contact_route__in=ContactRoute.values),
                name="person_contact_route_valid",
            ),
            models.CheckConstraint(
                condition=Q(age_band="") | Q(age_band__in=AgeBand.values),
                name="person_age_band_valid",
            ),
            models.CheckConstraint(
                condition=Q(erased_at__isnull=True) | Q(user__isnull=True),
                name="person_erased_has_no_login",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("people:person-detail", args=[self.pk])

    @property
    def display_name(self) -> str:
        if self.erased_at:
            return str(_("Person whose details were removed"))
        first = self.preferred_name or self.given_name
        return f"{first} {self.family_name}".strip()

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    def effective_age_band(self, today: datetime.date | None = None) -> str:
        if self.date_of_birth:
            return ageband.band_for_birth_date(self.date_of_birth, today or timezone.localdate())
        return self.age_band

    def get_effective_age_band_display(self) -> str:
        return str(dict(AgeBand.choices).get(self.effective_age_band(), _("Not known")))

    @property
    def access_needs(self) -> list[str]:
        needs = [
            str(self._meta.get_field(name).verbose_name)
            for name in (
                "needs_large_print",
                "needs_easy_read",
                "needs_interpreter",
                "needs_bsl",
                "needs_hearing_loop",
            )
            if getattr(self, name)
        ]
        if self.needs_interpreter and self.interpreter_language:
            needs[needs.index(str(_("an interpreter")))] = str(
                _("an interpreter (%(language)s)") % {"language": self.interpreter_language}
            )
        return needs


class Membership(models.Model):
    """A person's role in an organisation. Ending it keeps the history."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    started_on = models.DateField(_("started"), default=datetime.date.today)
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "role"],
                condition=Q(ended_on__isnull=True),
                name="membership_one_active_role_per_organisation",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="membership_ends_after_start",
            ),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()} – {self.organisation}"

    @property
    def is_active(self) -> bool:
        return self.ended_on is None


class AssetCategory(models.Model):
    """The shared, editable list people's assets (and time-bank offers) are sorted into."""

    class Kind(models.TextChoices):
        SKILL = "skill", _("Skill")
        KNOWLEDGE = "knowledge", _("Knowledge")
        INTEREST = "interest", _("Interest")
        NETWORK = "network", _("Network")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="asset_categories"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("description"), max_length=300, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("asset category")
        verbose_name_plural = _("asset categories")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "name"], name="asset_category_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["skill", "knowledge", "interest", "network"]),
                name="asset_category_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PersonAsset(models.Model):
    """Something a person brings: a skill, knowledge, an interest or a network."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assets")
    category = models.ForeignKey(
        AssetCategory, on_delete=models.PROTECT, related_name="+", verbose_name=_("category")
    )
    in_their_words = models.CharField(_("in their words"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("asset")
        verbose_name_plural = _("assets")
        ordering = ["category__kind", "category__name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "category"], name="person_asset_unique"),
        ]

    def __str__(self) -> str:
        return str(self.category)


class CarerRelationship(models.Model):
    """Who cares for whom. The person cared for may not be registered."""

    class Relationship(models.TextChoices):
        PARTNER = "partner", _("Husband, wife or partner")
        PARENT = "parent", _("Parent")
        CHILD = "child", _("Son or daughter")
        RELATIVE = "relative", _("Other relative")
        FRIEND = "friend", _("Friend")
        NEIGHBOUR = "neighbour", _("Neighbour")
        OTHER = "other", _("Other")

    carer = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="caring_for", verbose_name=_("carer")
    )
    cared_for = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="cared_for_by",
        verbose_name=_("person cared for"),
    )
    cared_for_description = models.CharField(
        _("who they care for"),
        max_length=200,
        blank=True,
        help_text=_("If the person cared for is not registered, for example “my husband”."),
    )
    relationship = models.CharField(_("relationship"), max_length=12, choices=Relationship.choices)
    started_on = models.DateField(_("caring since"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("caring relationship")
        verbose_name_plural = _("caring relationships")
        constraints = [
            models.CheckConstraint(
                condition=~Q(carer=models.F("cared_for")), name="carer_not_self"
            ),
            models.CheckConstraint(
                condition=Q(cared_for__isnull=False) | ~Q(cared_for_description=""),
                name="carer_cares_for_someone",
            ),
            models.UniqueConstraint(
                fields=["carer", "cared_for"],
                condition=Q(cared_for__isnull=False),
                name="carer_relationship_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.carer} → {self.cared_for or self.cared_for_description}"


class Consent(models.Model):
    """Agreement to one purpose (see people.consent), given and perhaps withdrawn."""

    class LawfulBasis(models.TextChoices):
        CONSENT = "consent", _("Consent")
        EXPLICIT_CONSENT = "explicit_consent", _("Explicit consent (special category)")
        LEGITIMATE_INTERESTS = "legitimate_interests", _("Legitimate interests")
        PUBLIC_TASK = "public_task", _("Public task")
        VITAL_INTERESTS = "vital_interests", _("Vital interests")

    class GivenBy(models.TextChoices):
        SELF = "self", _("The person themselves")
        ON_BEHALF = "on_behalf", _("Someone on their behalf")

    class Method(models.TextChoices):
        ONLINE = "online", _("Online, by the person")
        IN_PERSON = "in_person", _("In person, told to staff")
        PHONE = "phone", _("By phone")
        PAPER = "paper", _("On a paper form")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=40)
    lawful_basis = models.CharField(_("lawful basis"), max_length=24, choices=LawfulBasis.choices)
    given_by = models.CharField(
        _("given by"), max_length=10, choices=GivenBy.choices, default=GivenBy.SELF
    )
    given_by_name = models.CharField(
        _("name of the person who gave it"), max_length=200, blank=True
    )
    given_by_relationship = models.CharField(
        _("their relationship or authority"),
        max_length=200,
        blank=True,
        help_text=_("For example “daughter, holds power of attorney”."),
    )
    method = models.CharField(_("how it was given"), max_length=10, choices=Method.choices)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]
        indexes = [models.Index(fields=["person", "purpose", "-given_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=models.F("given_at")),
                name="consent_withdrawn_after_given",
            ),
            models.CheckConstraint(
                condition=Q(given_by="self") | ~Q(given_by_name=""),
                name="consent_on_behalf_names_who",
            ),
            models.CheckConstraint(
                condition=Q(given_by__in=["self", "on_behalf"]), name="consent_given_by_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.purpose}"

    @property
    def is_current(self) -> bool:
        return self.withdrawn_at is None


class Notice(models.Model):
    """Something a person must be told, by the route they prefer.

    Email goes at once; a letter, a phone call or a word through someone they
    named waits in the outbox until a member of staff has done it.
    """

    class Status(models.TextChoices):
        TO_DO = "to_do", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        CANCELLED = "cancelled", _("Cancelled")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="notices")
    route = models.CharField(_("how"), max_length=20, choices=ContactRoute.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    source = models.CharField(
        _("what it is about"),
        max_length=100,
        help_text=_("The action code of what prompted it, like timebank.introduction.made."),
    )
    recipient_name = models.CharField(_("send to"), max_length=200, blank=True)
    recipient_details = models.CharField(_("their details"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.TO_DO
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "route"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="to_do") | Q(sent_at__isnull=False) | Q(status="cancelled"),
                name="notice_sent_has_time",
            ),
            models.CheckConstraint(
                condition=Q(route__in=ContactRoute.values), name="notice_route_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.subject
