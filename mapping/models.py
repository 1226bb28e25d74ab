"""The mapping register: initiatives, how they are classified, what respondents
say about the six ingredients, the drivers and barriers they meet, and the
partnership's focus (priorities, stakeholders, the five steps)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from people.models import Organisation, Partnership, Person

from . import rules


class ClientGroup(models.TextChoices):
    OLDER_PEOPLE = "older_people", _("Older people")
    DEMENTIA = "dementia", _("People with dementia")
    DISABLED = "disabled", _("Disabled people")
    LONG_TERM = "long_term", _("People with long-term conditions")
    MENTAL_HEALTH = "mental_health", _("People who use mental health services")
    YOUNG_PEOPLE = "young_people", _("Young people in transition")
    CARERS = "carers", _("Unpaid carers")
    EVERYONE = "everyone", _("The whole community")


class Initiative(models.Model):
    class Stage(models.TextChoices):
        ANALYSE = "analyse", _("Analyse: understanding needs and assets")
        PLAN = "plan", _("Plan: deciding priorities and services")
        DO = "do", _("Do: delivering and monitoring")
        REVIEW = "review", _("Review: judging the results")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        PAUSED = "paused", _("Paused")
        ENDED = "ended", _("Ended")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="initiatives"
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("what it is for"))
    owner = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_initiatives",
        verbose_name=_("owner"),
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="led_initiatives",
        verbose_name=_("lead organisation"),
    )
    partners = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="partner_initiatives",
        verbose_name=_("partner organisations"),
    )
    stage = models.CharField(
        _("where it sits in the commissioning cycle"), max_length=10, choices=Stage.choices
    )
    client_group = models.CharField(
        _("who it is mainly for"), max_length=20, choices=ClientGroup.choices
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    funding_amount = models.DecimalField(
        _("funding (£)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    funding_source = models.CharField(_("where the funding comes from"), max_length=200, blank=True)
    short_term_funding = models.BooleanField(_("the funding is short-term"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="mapping_initiative_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="mapping_initiative_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(funding_amount__isnull=True) | Q(funding_amount__gte=0),
                name="mapping_initiative_funding_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("mapping:initiative-detail", kwargs={"pk": self.pk})

    def organisation_ids(self) -> set[int]:
        return {self.lead_organisation_id, *self.partners.values_list("pk", flat=True)}


class Participant(models.TextChoices):
    USERS = "users", _("People who use services")
    CARERS = "carers", _("Unpaid carers")
    FAMILIES = "families", _("Families")
    COMMUNITY = "community", _("Community members")
    VOLUNTEERS = "volunteers", _("Volunteers")
    FRONTLINE = "frontline", _("Frontline staff")
    MANAGERS = "managers", _("Managers")
    THIRD_SECTOR = "third_sector", _("Third-sector staff")
    ELECTED = "elected", _("Elected members")


CITIZEN_PARTICIPANTS = {
    Participant.USERS,
    Participant.CARERS,
    Participant.FAMILIES,
    Participant.COMMUNITY,
}


class Participation(models.Model):
    """Who takes part in an initiative, in what role, and how many of them."""

    class Part(models.TextChoices):
        VIEWS = "views", _("Giving views")
        PLANNING = "planning", _("Planning and deciding")
        DESIGNING = "designing", _("Designing")
        DELIVERING = "delivering", _("Delivering")
        ASSESSING = "assessing", _("Checking how it goes")
        USING = "using", _("Using it")

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="participations"
    )
    who = models.CharField(_("who"), max_length=20, choices=Participant.choices)
    part = models.CharField(_("their part"), max_length=20, choices=Part.choices)
    number = models.PositiveIntegerField(_("how many"))

    class Meta:
        ordering = ["who", "part"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "who", "part"], name="mapping_participation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_who_display()}: {self.number}"


class Link(models.Model):
    """Something on the platform the initiative uses: (linkable key, object id).

    The id is kept as text, so things with number ids and things with UUIDs
    (directory entries) can both be linked.
    """

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="links")
    key = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "key", "object_id"], name="mapping_link_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key}:{self.object_id}"

    def thing(self):
        """What it points at, or None if that is gone or its app is not installed."""
        from core import linkables

        linkable = linkables.get(self.key)
        if linkable is None:
            return None
        try:
            return linkable.model.objects.filter(pk=self.object_id).first()
        except (ValueError, ValidationError):
            return None


def _choices(enum_cls, labels):
    return [(member.value, labels[member]) for member in enum_cls]


WHO_CHOICES = _choices(
    rules.Who,
    {
        rules.Who.PROFESSIONALS: _("Professionals, on their own"),
        rules.Who.ORGANISATIONS: _(
            "Several organisations together, without people who use services"
        ),
        rules.Who.TOGETHER: _(
            "People who use services, carers or community members with professionals"
        ),
        rules.Who.CITIZENS: _("People who use services, carers or community members themselves"),
        rules.Who.NOBODY: _("Nobody, or we do not know"),
    },
)
SCOPE_CHOICES = _choices(
    rules.Scope,
    {
        rules.Scope.INDIVIDUAL: _("Each person's own support"),
        rules.Scope.SYSTEM: _("The service, or services, for everyone"),
    },
)
ONE_WAY_CHOICES = _choices(
    rules.OneWay,
    {
        rules.OneWay.NONE: _("None of these"),
        rules.OneWay.INFORMED: _("They were told what had been decided"),
        rules.OneWay.EDUCATED: _("They were taught or trained, for example to manage a condition"),
        rules.OneWay.REQUIRED: _("They had to take part and had no say"),
    },
)


class Ladder(models.IntegerChoices):
    COERCION = 1, _("Coercion")
    EDUCATING = 2, _("Educating")
    INFORMING = 3, _("Informing")
    CONSULTATION = 4, _("Consultation")
    ENGAGEMENT = 5, _("Engagement")
    CO_DESIGN = 6, _("Co-design")
    CO_PRODUCTION = 7, _("Co-production")


class Level(models.IntegerChoices):
    DESCRIPTIVE = 1, _("Descriptive")
    INTERMEDIATE = 2, _("Intermediate")
    TRANSFORMATIVE = 3, _("Transformative")


class Osborne(models.TextChoices):
    CO_PRODUCTION = "co_production", _("Co-production")
    CO_CONSTRUCTION = "co_construction", _("Co-construction")
    CO_DESIGN = "co_design", _("Co-design")
    CO_INNOVATION = "co_innovation", _("Co-innovation")


class Classification(models.Model):
    """The plain answers for one initiative, what the rules make of them, and any
    disagreement the owner recorded. The derived columns are kept so the
    partnership picture is a quick query."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="classification"
    )
    defined = models.CharField(_("Who defined the problem?"), max_length=20, choices=WHO_CHOICES)
    decided = models.CharField(_("Who decided what to do?"), max_length=20, choices=WHO_CHOICES)
    designed = models.CharField(_("Who designed it?"), max_length=20, choices=WHO_CHOICES)
    delivered = models.CharField(_("Who delivers it?"), max_length=20, choices=WHO_CHOICES)
    assessed = models.CharField(
        _("Who judges how well it works?"), max_length=20, choices=WHO_CHOICES
    )
    views_only = models.BooleanField(
        _("Were people who use services only asked for their views?"), default=False
    )
    power_moved = models.BooleanField(
        _("Did the power to decide move to people who use services?"), default=False
    )
    budget_moved = models.BooleanField(
        _("Do people who use services control a budget?"), default=False
    )
    citizens_fund = models.BooleanField(
        _("Do citizens put money in (fundraising, charges)?"), default=False
    )
    scope = models.CharField(
        _("Is it about each person's own support, or the service for everyone?"),
        max_length=20,
        choices=SCOPE_CHOICES,
        default=rules.Scope.SYSTEM,
    )
    one_way = models.CharField(
        _("Where people had no say, how were they reached?"),
        max_length=20,
        choices=ONE_WAY_CHOICES,
        default=rules.OneWay.NONE,
    )
    # What the rules made of the answers.
    co_commissioning = models.PositiveSmallIntegerField(default=0)
    co_design = models.PositiveSmallIntegerField(default=0)
    co_delivery = models.PositiveSmallIntegerField(default=0)
    co_assessment = models.PositiveSmallIntegerField(default=0)
    sub_types = models.JSONField(default=list)
    osborne = models.CharField(max_length=20, choices=Osborne.choices)
    between_organisations = models.JSONField(default=list)
    really_between_organisations = models.BooleanField(default=False)
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    ladder = models.PositiveSmallIntegerField(choices=Ladder.choices)
    answered_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    answered_at = models.DateTimeField()
    # The owner's disagreement, kept with this classification.
    disagreement = models.TextField(_("Why you disagree"), blank=True)
    owner_view = models.CharField(_("What you think it is"), max_length=200, blank=True)
    disagreed_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    disagreed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ladder__gte=1) & Q(ladder__lte=7), name="mapping_ladder_in_range"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1) & Q(level__lte=3), name="mapping_level_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative}: {self.get_ladder_display()}"

    def answers(self, citizens_take_part: bool | None = None) -> rules.Answers:
        return rules.Answers(
            defined=rules.Who(self.defined),
            decided=rules.Who(self.decided),
            designed=rules.Who(self.designed),
            delivered=rules.Who(self.delivered),
            assessed=rules.Who(self.assessed),
            views_only=self.views_only,
            power_moved=self.power_moved,
            budget_moved=self.budget_moved,
            citizens_fund=self.citizens_fund,
            scope=rules.Scope(self.scope),
            one_way=rules.OneWay(self.one_way),
            citizens_take_part=citizens_take_part,
        )


class RespondentGroup(models.TextChoices):
    STAFF = "staff", _("Staff")
    USERS = "users", _("People who use services")
    CARERS = "carers", _("Carers")
    PARTNERS = "partners", _("Partners")


class Ingredient(models.TextChoices):
    ASSETS = "assets", _("Assets")
    SHARED_ROLES = "shared_roles", _("Shared roles")
    CAPACITY = "capacity", _("Capacity")
    MUTUALITY = "mutuality", _("Mutuality")
    NETWORKS = "networks", _("Networks")
    CATALYSTS = "catalysts", _("Catalysts")


class Rating(models.IntegerChoices):
    NOT_AT_ALL = 1, _("Not at all")
    A_LITTLE = 2, _("A little")
    PARTLY = 3, _("Partly")
    MOSTLY = 4, _("Mostly")
    FULLY = 5, _("Fully")


class Invitation(models.Model):
    """An invitation to one respondent to rate the six ingredients for an initiative.

    Only a hash of the link's token is kept: the link is shown once, to the
    person who made it, and whoever holds it may answer this invitation alone.
    """

    class Mode(models.TextChoices):
        ONLINE = "online", _("Online, by the respondent")
        PAPER = "paper", _("On paper, entered by staff")
        INTERVIEW = "interview", _("In an interview, entered by staff")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="invitations")
    group = models.CharField(_("respondent group"), max_length=20, choices=RespondentGroup.choices)
    label = models.CharField(
        _("who it is for"),
        max_length=100,
        blank=True,
        help_text=_("A first name or a description, for you to recognise it by."),
    )
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="mapping_invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    mode = models.CharField(max_length=20, choices=Mode.choices, blank=True)
    entered_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.initiative}: {self.get_group_display()}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class IngredientAnswer(models.Model):
    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="answers")
    ingredient = models.CharField(max_length=20, choices=Ingredient.choices)
    rating = models.PositiveSmallIntegerField(choices=Rating.choices, null=True, blank=True)
    evidence = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "ingredient"], name="mapping_answer_one_per_ingredient"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | (Q(rating__gte=1) & Q(rating__lte=5)),
                name="mapping_answer_rating_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_ingredient_display()}: {self.rating}"


class Factor(models.Model):
    """A driver or barrier. The standard list (DOMAIN.md §3.9) has no partnership."""

    class Kind(models.TextChoices):
        DRIVER = "driver", _("Driver")
        BARRIER = "barrier", _("Barrier")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("driver or barrier"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "name"], name="mapping_factor_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class InitiativeFactor(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="factors")
    factor = models.ForeignKey(Factor, on_delete=models.PROTECT, related_name="uses")
    note = models.CharField(_("a note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "factor"], name="mapping_initiative_factor_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative}: {self.factor}"


class Snapshot(models.Model):
    """The partnership picture as it stood at the end of a period."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("period"), max_length=40)
    taken_at = models.DateTimeField(auto_now_add=True)
    taken_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    data = models.JSONField()

    class Meta:
        ordering = ["taken_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "period"], name="mapping_snapshot_one_per_period"
            ),
        ]

    def __str__(self) -> str:
        return self.period


class Activity(models.Model):
    """A candidate activity for the priority matrix (Focus it)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("activity"), max_length=200)
    description = models.TextField(_("what it would involve"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="mapping_activity_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ActivityScore(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="scores")
    scorer = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    impact = models.PositiveSmallIntegerField(_("impact"))
    effort = models.PositiveSmallIntegerField(_("effort"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "scorer"], name="mapping_score_once"),
            models.CheckConstraint(
                condition=Q(impact__gte=1, impact__lte=5, effort__gte=1, effort__lte=5),
                name="mapping_score_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.impact}/{self.effort}"


class Stakeholder(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("stakeholder"), max_length=200)
    power = models.PositiveSmallIntegerField(_("power"))
    influence = models.PositiveSmallIntegerField(_("interest and influence"))
    note = models.CharField(_("a note"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="mapping_stakeholder_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(power__gte=1, power__lte=5, influence__gte=1, influence__lte=5),
                name="mapping_stakeholder_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Step(models.TextChoices):
    MAP = "map", _("Map it")
    FOCUS = "focus", _("Focus it")
    PEOPLE = "people", _("People it")
    MARKET = "market", _("Market it")
    GROW = "grow", _("Grow it")


class StepProgress(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        UNDER_WAY = "under_way", _("Under way")
        DONE = "done", _("Done")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    step = models.CharField(max_length=10, choices=Step.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    note = models.TextField(_("what has been done"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "step"], name="mapping_step_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()}: {self.get_status_display()}"


def period_of(day: datetime.date) -> str:
    """A quarter, named the way people say it: "2026 Q4"."""
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"
