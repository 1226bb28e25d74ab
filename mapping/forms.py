from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import linkables
from core.forms import DateField

from .models import (
    Classification,
    Factor,
    Ingredient,
    Initiative,
    Invitation,
    Participant,
    Participation,
    Rating,
    RespondentGroup,
    Stakeholder,
    StepProgress,
)
from .services import ANSWER_FIELDS

YES_NO = [("yes", _("Yes")), ("no", _("No"))]

# The "you know you have it when" test of each ingredient (DOMAIN.md §3.6).
HAVE_IT_WHEN = {
    Ingredient.ASSETS: _(
        "all invested parties are equal partners in designing and delivering services."
    ),
    Ingredient.SHARED_ROLES: _(
        "barriers between professionals and participants are broken down by changing how "
        "services are developed and delivered."
    ),
    Ingredient.CAPACITY: _(
        "people's skills are recognised and grown, and they are supported to use them, on their "
        "own and in the community."
    ),
    Ingredient.MUTUALITY: _(
        "relationships go both ways: everyone has responsibilities and expectations, and taking "
        "part benefits the person before it benefits the project."
    ),
    Ingredient.NETWORKS: _(
        "peer and personal networks are valued alongside professionals as the best way to share "
        "and learn."
    ),
    Ingredient.CATALYSTS: _("people and organisations are helped to make change happen."),
}


class InitiativeForm(forms.ModelForm):
    starts_on = DateField(label=_("Start date"), required=False)
    ends_on = DateField(label=_("End date"), required=False)

    class Meta:
        model = Initiative
        fields = [
            "name",
            "purpose",
            "lead_organisation",
            "partners",
            "client_group",
            "stage",
            "status",
            "starts_on",
            "ends_on",
            "funding_amount",
            "funding_source",
            "short_term_funding",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.CheckboxSelectMultiple,
            "stage": forms.RadioSelect,
            "status": forms.RadioSelect,
            "funding_amount": forms.TextInput(
                attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}
            ),
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        orgs = partnership.organisations.filter(is_active=True)
        self.fields["lead_organisation"].queryset = orgs
        self.fields["partners"].queryset = orgs
        self.fields["partners"].required = False

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The end date must be on or after the start date"))
        return data


class ParticipationForm(forms.Form):
    """For each kind of participant: how many take part, and their main part."""

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        current = {p.who: p for p in initiative.participations.all()}
        for value, label in Participant.choices:
            row = current.get(value)
            self.fields[f"{value}_number"] = forms.IntegerField(
                label=_("%(who)s: how many") % {"who": label},
                required=False,
                min_value=0,
                max_value=100000,
                initial=row.number if row else None,
                widget=forms.TextInput(
                    attrs={"inputmode": "numeric", "class": "govuk-input--width-5"}
                ),
            )
            self.fields[f"{value}_part"] = forms.ChoiceField(
                label=_("%(who)s: their main part") % {"who": label},
                choices=Participation.Part.choices,
                initial=row.part if row else Participation.Part.USING,
                required=False,
            )

    def rows(self) -> list[tuple[str, str, int]]:
        return [
            (
                value,
                self.cleaned_data[f"{value}_part"] or Participation.Part.USING,
                self.cleaned_data[f"{value}_number"] or 0,
            )
            for value, _label in Participant.choices
        ]


def _yes_no(label, help_text=""):
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
    )


class ClassificationForm(forms.ModelForm):
    views_only = _yes_no(
        _("Were people who use services only asked for their views?"),
        _("For example a survey or a consultation event, after which others decided."),
    )
    power_moved = _yes_no(_("Did the power to decide move to people who use services?"))
    budget_moved = _yes_no(_("Do people who use services control a budget?"))
    citizens_fund = _yes_no(_("Do citizens put money in, for example by fundraising?"))

    class Meta:
        model = Classification
        fields = list(ANSWER_FIELDS)
        widgets = {
            name: forms.RadioSelect
            for name in (
                "defined",
                "decided",
                "designed",
                "delivered",
                "assessed",
                "scope",
                "one_way",
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("views_only", "power_moved", "budget_moved", "citizens_fund"):
            if self.instance.pk:
                self.initial[name] = "yes" if getattr(self.instance, name) else "no"
        for name in ("defined", "decided", "designed", "delivered", "assessed", "scope", "one_way"):
            # Drop the blank choice Django adds: each question needs an answer.
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]

    def answers(self) -> dict:
        return {name: self.cleaned_data[name] for name in ANSWER_FIELDS}


class DisagreeForm(forms.Form):
    owner_view = forms.CharField(
        label=_("What do you think it is?"),
        max_length=200,
        required=False,
        help_text=_("For example: co-design, because the carers' group chose the final plan."),
    )
    disagreement = forms.CharField(
        label=_("Why you disagree"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Say why you disagree")},
    )


class LinkForm(forms.Form):
    thing = forms.ChoiceField(label=_("What it uses on this site"))

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        groups = []
        for linkable in linkables.all_linkables():
            options = [
                (f"{linkable.key}:{obj.pk}", str(obj))
                for obj in linkable.choices(partnership)[:500]
            ]
            if options:
                groups.append((str(linkable.label), options))
        self.fields["thing"].choices = [("", _("Choose one"))] + groups

    def target(self) -> tuple[str, str]:
        key, _sep, pk = self.cleaned_data["thing"].rpartition(":")
        return key, pk


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["group", "label"]
        widgets = {"group": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = RespondentGroup.choices


class IngredientsForm(forms.Form):
    """Each ingredient: a rating against its test, and evidence in the respondent's words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in Ingredient.choices:
            self.fields[f"{value}_rating"] = forms.TypedChoiceField(
                label=_("%(ingredient)s: you know you have it when %(test)s")
                % {"ingredient": label, "test": HAVE_IT_WHEN[value]},
                choices=[*((str(v), label) for v, label in Rating.choices), ("", _("Don't know"))],
                widget=forms.RadioSelect,
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[f"{value}_evidence"] = forms.CharField(
                label=_("%(ingredient)s: what makes you say so?") % {"ingredient": label},
                help_text=_("In your own words. An example helps."),
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=2000,
                required=False,
            )

    def ratings(self) -> dict:
        return {
            value: (self.cleaned_data[f"{value}_rating"], self.cleaned_data[f"{value}_evidence"])
            for value in Ingredient.values
        }


class PaperForm(IngredientsForm):
    mode = forms.ChoiceField(
        label=_("How was it answered?"),
        choices=[
            (Invitation.Mode.PAPER, _("On paper")),
            (Invitation.Mode.INTERVIEW, _("In an interview or conversation")),
        ],
        widget=forms.RadioSelect,
    )

    field_order = ["mode"]


class FactorsForm(forms.Form):
    drivers = forms.ModelMultipleChoiceField(
        label=_("Drivers it meets"),
        queryset=Factor.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    barriers = forms.ModelMultipleChoiceField(
        label=_("Barriers it meets"),
        queryset=Factor.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        mine = Factor.objects.filter(Q(partnership__isnull=True) | Q(partnership=partnership))
        self.fields["drivers"].queryset = mine.filter(kind=Factor.Kind.DRIVER)
        self.fields["barriers"].queryset = mine.filter(kind=Factor.Kind.BARRIER)


class FactorForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Driver or barrier"), choices=Factor.Kind.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("Name"), max_length=200)


class SnapshotForm(forms.Form):
    period = forms.CharField(
        label=_("Period"),
        max_length=10,
        help_text=_("A year and quarter, for example 2026 Q4, or a year, for example 2026."),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )

    def clean_period(self):
        from .selectors import period_bounds

        value = " ".join(self.cleaned_data["period"].upper().split())
        if not period_bounds(value):
            raise forms.ValidationError(_("Enter a period like 2026 Q4, or a year like 2026"))
        return value


class ActivityForm(forms.Form):
    name = forms.CharField(label=_("Activity"), max_length=200)
    description = forms.CharField(
        label=_("What it would involve"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


SCALE = [(str(n), str(n)) for n in range(1, 6)]


class ScoreForm(forms.Form):
    impact = forms.TypedChoiceField(
        label=_("Impact: how much better or cheaper would things be? (1 little, 5 a lot)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    effort = forms.TypedChoiceField(
        label=_("Effort: how much work and citizen involvement would it need? (1 little, 5 a lot)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )


class StakeholderForm(forms.ModelForm):
    power = forms.TypedChoiceField(
        label=_("Power (1 little, 5 a lot)"), choices=SCALE, coerce=int, widget=forms.RadioSelect
    )
    influence = forms.TypedChoiceField(
        label=_("Interest and influence (1 little, 5 a lot)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Stakeholder
        fields = ["name", "power", "influence", "note"]


class StepForm(forms.ModelForm):
    class Meta:
        model = StepProgress
        fields = ["status", "note"]
        widgets = {"status": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}
