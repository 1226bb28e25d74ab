from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.forms import DateField, IdempotencyField
from lib import availability
from people.forms import availability_choices
from people.models import AssetCategory

from .models import Account, Expense, Listing, TimeBank, Where


class HoursField(forms.CharField):
    """Hours as people write them ("1.5", "2"), cleaned to whole minutes."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 6)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in ("", None):
            return None
        try:
            number = Decimal(str(value).replace(",", ".").strip())
        except InvalidOperation as error:
            raise ValidationError(
                _("Enter hours as a number, like 1.5 for an hour and a half")
            ) from error
        if not number.is_finite() or number <= 0:
            raise ValidationError(_("Enter hours above zero, like 1.5"))
        if number > 24:
            raise ValidationError(_("Enter no more than 24 hours at a time"))
        return int((number * 60).to_integral_value())


def _accounts(bank: TimeBank, *kinds: str, other_banks: bool = False):
    """Open accounts in this bank (and, where both allow it, in the partnership's other banks)."""
    where = Q(bank=bank)
    if other_banks and bank.allows_other_banks:
        where |= Q(bank__partnership=bank.partnership_id, bank__allows_other_banks=True)
    qs = Account.objects.filter(where, closed_at__isnull=True).select_related(
        "person__area", "organisation", "bank"
    )
    if kinds:
        qs = qs.filter(kind__in=kinds)
    return qs.order_by("kind", "person__given_name", "organisation__name", "pk")


def _cross_bank_label(account: Account, bank: TimeBank) -> str:
    """Full names in one's own bank; another bank's members as that bank lets members see them."""
    if account.bank_id == bank.pk:
        return account.owner_name
    from .selectors import shown_name

    return f"{shown_name(account)} ({account.bank.name})"


class AccountChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.owner_name


class BankSettingsForm(forms.ModelForm):
    lowest_hours = forms.IntegerField(
        label=_("How many hours can a member receive before giving any?"),
        min_value=0,
        max_value=1000,
        help_text=_("For example 10. Brokers can agree a different figure for one person."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
    )

    class Meta:
        model = TimeBank
        fields = ["name", "hide_negative_balances", "profile_shown", "allows_other_banks"]
        widgets = {"profile_shown": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lowest_hours"].initial = -self.instance.overdraft_limit_minutes // 60
        self.order_fields(["name", "lowest_hours"])

    def save(self, commit=True):
        self.instance.overdraft_limit_minutes = -self.cleaned_data["lowest_hours"] * 60
        return super().save(commit)


class ListingForm(forms.ModelForm):
    on_date = DateField(
        label=_("On what date?"),
        required=False,
        help_text=_("For help needed once. For example 27 3 2026."),
    )
    slots = forms.MultipleChoiceField(
        label=_("Which days and times suit?"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
    )

    class Meta:
        model = Listing
        fields = [
            "kind",
            "category",
            "title",
            "description",
            "where",
            "area",
            "timing",
            "on_date",
            "helper_notes",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "where": forms.RadioSelect,
            "timing": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "helper_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, bank: TimeBank, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = AssetCategory.objects.filter(
            partnership=bank.partnership, is_active=True
        )
        self.fields["category"].empty_label = _("Choose one")
        self.fields["area"].queryset = bank.partnership.areas.all()
        self.fields["area"].empty_label = _("Anywhere")
        self.fields["slots"].choices = availability_choices()
        self.fields["kind"].choices = Listing.Kind.choices
        self.fields["where"].choices = Where.choices
        self.fields["timing"].choices = Listing.Timing.choices

    @property
    def availability(self) -> int:
        return availability.from_slots(self.cleaned_data.get("slots") or [])


class ListingSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("Offers and requests")), *Listing.Kind.choices],
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        required=False,
        queryset=AssetCategory.objects.none(),
        empty_label=_("Any"),
    )
    where = forms.ChoiceField(
        label=_("Where"), required=False, choices=[("", _("Anywhere")), *Where.choices]
    )

    def __init__(self, *args, bank: TimeBank, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = AssetCategory.objects.filter(
            partnership=bank.partnership, is_active=True
        )


class MemberExchangeForm(forms.Form):
    """A member proposes an exchange they take part in themselves."""

    DIRECTIONS = [("i_helped", _("I helped them")), ("they_helped", _("They helped me"))]
    other = AccountChoiceField(
        label=_("Who with?"), queryset=Account.objects.none(), empty_label=_("Choose one")
    )
    direction = forms.ChoiceField(
        label=_("Who helped whom?"), choices=DIRECTIONS, widget=forms.RadioSelect
    )
    description = forms.CharField(label=_("What was the help?"), max_length=200)
    where = forms.ChoiceField(label=_("Where?"), choices=Where.choices, widget=forms.RadioSelect)

    def __init__(self, *args, bank: TimeBank, me: Account, names, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["other"]
        field.queryset = _accounts(bank, Account.Kind.PERSON, Account.Kind.ORGANISATION).exclude(
            pk=me.pk
        )
        field.label_from_instance = names


class BrokerExchangeForm(forms.Form):
    idempotency_key = IdempotencyField()
    receiver = AccountChoiceField(
        label=_("Who was helped?"), queryset=Account.objects.none(), empty_label=_("Choose one")
    )
    giver = AccountChoiceField(
        label=_("Who helped?"), queryset=Account.objects.none(), empty_label=_("Choose one")
    )
    description = forms.CharField(label=_("What was the help?"), max_length=200)
    category = forms.ModelChoiceField(
        label=_("Category"),
        required=False,
        queryset=AssetCategory.objects.none(),
        empty_label=_("Choose one"),
    )
    where = forms.ChoiceField(label=_("Where?"), choices=Where.choices, widget=forms.RadioSelect)
    minutes = HoursField(
        label=_("Hours given"),
        required=False,
        help_text=_("If it has already happened, for example 1.5. Leave empty to propose it."),
    )

    def __init__(self, *args, bank: TimeBank, **kwargs):
        super().__init__(*args, **kwargs)
        accounts = _accounts(bank, Account.Kind.PERSON, Account.Kind.ORGANISATION, other_banks=True)
        for name in ("receiver", "giver"):
            self.fields[name].queryset = accounts
            self.fields[name].label_from_instance = lambda a: _cross_bank_label(a, bank)
        self.fields["category"].queryset = AssetCategory.objects.filter(
            partnership=bank.partnership, is_active=True
        )


class GroupForm(forms.Form):
    idempotency_key = IdempotencyField()
    organiser = AccountChoiceField(
        label=_("Who pays the credits?"),
        queryset=Account.objects.none(),
        empty_label=_("Choose one"),
        help_text=_("Usually the organisation that ran the activity."),
    )
    description = forms.CharField(label=_("What was the activity?"), max_length=200)
    participants = forms.ModelMultipleChoiceField(
        label=_("Who took part?"),
        queryset=Account.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
    )
    minutes = HoursField(label=_("Hours each"), help_text=_("For example 2."))

    def __init__(self, *args, bank: TimeBank, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = _accounts(
            bank, Account.Kind.ORGANISATION, Account.Kind.PERSON
        )
        self.fields["participants"].queryset = _accounts(bank, Account.Kind.PERSON)
        self.fields["participants"].label_from_instance = lambda a: a.owner_name


class AgreeForm(forms.Form):
    second_helper = AccountChoiceField(
        label=_("Second helper, if one is needed"),
        required=False,
        queryset=Account.objects.none(),
        empty_label=_("Nobody"),
    )

    def __init__(self, *args, bank: TimeBank, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["second_helper"].queryset = _accounts(bank, Account.Kind.PERSON)


class DoneForm(forms.Form):
    minutes = HoursField(
        label=_("How many hours?"), help_text=_("For example 1.5 for an hour and a half.")
    )


class ConfirmForm(forms.Form):
    idempotency_key = IdempotencyField()


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why?"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )


class DonateForm(forms.Form):
    idempotency_key = IdempotencyField()
    minutes = HoursField(
        label=_("How many hours would you like to give?"), help_text=_("For example 2.")
    )


class GrantForm(forms.Form):
    idempotency_key = IdempotencyField()
    account = AccountChoiceField(
        label=_("Who to give to"), queryset=Account.objects.none(), empty_label=_("Choose one")
    )
    minutes = HoursField(label=_("Hours"), help_text=_("For example 3."))
    reason = forms.CharField(label=_("Why?"), max_length=300)

    def __init__(self, *args, bank: TimeBank, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = _accounts(bank, Account.Kind.PERSON)


class LimitForm(forms.Form):
    lowest_hours = forms.IntegerField(
        label=_("Hours this person may receive before giving"),
        required=False,
        min_value=0,
        max_value=1000,
        help_text=_("Leave empty to use the bank's own limit."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
    )
    reason = forms.CharField(label=_("Why?"), required=False, max_length=300)


class PrivacyForm(forms.ModelForm):
    class Meta:
        model = Account
        fields = ["profile_shown"]
        widgets = {"profile_shown": forms.RadioSelect}


class MemberAddForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Who is joining?"), queryset=None, empty_label=_("Choose one")
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class ReferralForm(forms.Form):
    bank = forms.ModelChoiceField(
        label=_("Which time bank?"), queryset=TimeBank.objects.none(), empty_label=_("Choose one")
    )
    person = forms.ModelChoiceField(
        label=_("Who are you referring?"), queryset=None, empty_label=_("Choose one")
    )
    reason = forms.CharField(
        label=_("What might help them?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("No health details: the broker will talk to them."),
    )

    def __init__(self, *args, banks, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bank"].queryset = banks
        self.fields["person"].queryset = people


class ExpenseForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind?"), choices=Expense.Kind.choices, widget=forms.RadioSelect
    )
    miles = forms.DecimalField(
        label=_("Miles"),
        required=False,
        min_value=Decimal("0.1"),
        max_value=Decimal("1000"),
        decimal_places=1,
    )
    amount = forms.DecimalField(
        label=_("Amount in pounds"),
        min_value=Decimal("0.01"),
        max_value=Decimal("1000"),
        decimal_places=2,
        help_text=_("Paid back in money, never in time credits."),
    )
    description = forms.CharField(label=_("What for?"), required=False, max_length=200)
