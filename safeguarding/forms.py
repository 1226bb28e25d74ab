from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateField, IdempotencyField

from .models import Check, Concern, SafeguardingPolicy
from .services import POLICY_FIELDS


class PersonChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": _("Choose someone from the list")}

    def label_from_instance(self, obj) -> str:
        return obj.display_name


class PolicyForm(forms.ModelForm):
    references_required = forms.IntegerField(
        label=_("References needed"),
        min_value=0,
        max_value=10,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-2"}),
    )
    grace_minutes = forms.IntegerField(
        label=_("Minutes after a visit's planned end before a check-out is overdue"),
        min_value=0,
        max_value=24 * 60,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )
    warn_days = forms.IntegerField(
        label=_("Days ahead to warn that a check will expire"),
        min_value=1,
        max_value=365,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )

    class Meta:
        model = SafeguardingPolicy
        fields = POLICY_FIELDS
        widgets = {"disclosure_level": forms.RadioSelect, "extra_care": forms.RadioSelect}


class CheckForm(forms.Form):
    helper = PersonChoiceField(
        label=_("Helper"),
        error_messages={"required": _("Choose the helper")},
        queryset=None,
        empty_label=_("Choose a helper"),
    )
    kind = forms.ChoiceField(
        label=_("Kind of check"),
        error_messages={"required": _("Choose the kind of check")},
        choices=Check.Kind.choices,
        widget=forms.RadioSelect,
    )
    scheme = forms.ChoiceField(
        label=_("Disclosure scheme"),
        choices=Check.Scheme.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Only for a disclosure check. PVG in Scotland; DBS in England and Wales."),
    )
    reference_number = forms.CharField(
        label=_("Certificate or membership number"),
        required=False,
        max_length=60,
        help_text=_("A PVG membership number has 16 digits; a DBS certificate number 12."),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
    )
    issued_on = DateField(
        label=_("Date issued or done"),
        error_messages={"required": _("Enter the date it was issued or done")},
        allow_future=False,
        help_text=_("For example, 14 3 2025."),
    )
    expires_on = DateField(
        label=_("Renew by"),
        required=False,
        help_text=_("Leave it empty if this check does not need renewing."),
    )
    notes = forms.CharField(
        label=_("Notes for staff"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The helper does not see these notes."),
    )

    def __init__(self, *args, helpers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if helpers is None:
            del self.fields["helper"]
        else:
            self.fields["helper"].queryset = helpers

    def clean(self):
        data = super().clean()
        if data.get("kind") == Check.Kind.DISCLOSURE and not data.get("scheme"):
            self.add_error("scheme", _("Choose which disclosure scheme it is"))
        issued, expires = data.get("issued_on"), data.get("expires_on")
        if issued and expires and expires < issued:
            self.add_error("expires_on", _("The renewal date must be after the date issued"))
        return data


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this check withdrawn?"),
        error_messages={"required": _("Say why the check is withdrawn")},
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, entered by mistake, or the helper has left."),
    )


class FlagForm(forms.Form):
    person = PersonChoiceField(
        label=_("Member"),
        error_messages={"required": _("Choose the member")},
        queryset=None,
        empty_label=_("Choose a member"),
    )
    reason = forms.CharField(
        label=_("Why (a short note, for brokers only)"),
        error_messages={"required": _("Say briefly why, for the other brokers")},
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The member does not see this note. Keep it short and factual."),
    )
    review_on = DateField(label=_("Review by"), required=False)

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        if members is None:
            del self.fields["person"]
        else:
            self.fields["person"].queryset = members


class ConcernForm(forms.Form):
    idempotency_key = IdempotencyField(required=False)
    organisation = forms.ModelChoiceField(
        label=_("Who should look at it"),
        error_messages={
            "required": _("Choose who should look at it"),
            "invalid_choice": _("Choose one of the organisations listed"),
        },
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
    )
    category = forms.ChoiceField(
        label=_("What is it about?"),
        error_messages={"required": _("Choose what it is about")},
        choices=Concern.Category.choices,
        widget=forms.RadioSelect,
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"),
        error_messages={"required": _("Choose how urgent it is")},
        choices=Concern.Urgency.choices,
        widget=forms.RadioSelect,
    )
    what_happened = forms.CharField(
        label=_("What happened?"),
        error_messages={"required": _("Tell us what happened")},
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("In your own words: what you saw or heard, when, and who was there."),
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        choices = list(organisations) if organisations is not None else []
        if len(choices) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = choices[0].pk


class ConcernActionForm(forms.Form):
    note = forms.CharField(
        label=_("What was done"),
        error_messages={"required": _("Say what was done")},
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    status = forms.ChoiceField(
        label=_("Status after this"),
        choices=[
            (Concern.Status.IN_HAND, _("Being dealt with")),
            (Concern.Status.OPEN, _("Still open")),
        ],
        widget=forms.RadioSelect,
        initial=Concern.Status.IN_HAND,
    )


class ConcernCloseForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        error_messages={"required": _("Say what the outcome was")},
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was decided and done, and whether anyone else was told."),
    )
