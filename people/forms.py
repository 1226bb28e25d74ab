from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateField
from lib import availability
from lib import postcode as postcodes

from . import consent as consents
from .models import (
    AssetCategory,
    CarerRelationship,
    Consent,
    ContactRoute,
    Organisation,
    Person,
    Role,
)
from .services import DETAIL_FIELDS, HEALTH_FIELDS


class PersonDetailsForm(forms.ModelForm):
    # Longer than a postcode, so a typing slip gets the postcode message, not a length one.
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}
        ),
    )
    date_of_birth = DateField(
        label=_("Date of birth"),
        required=False,
        allow_future=False,
        help_text=_("For example, 27 3 1945. Leave it empty if not known."),
    )

    class Meta:
        model = Person
        fields = DETAIL_FIELDS
        widgets = {
            "contact_route": forms.RadioSelect,
            "address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "given_name": forms.TextInput(
                attrs={"autocomplete": "given-name", "spellcheck": "false"}
            ),
            "family_name": forms.TextInput(
                attrs={"autocomplete": "family-name", "spellcheck": "false"}
            ),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        partnership = partnership or getattr(self.instance, "partnership", None)
        self.fields["area"].queryset = (
            partnership.areas.all() if partnership else self.fields["area"].queryset.none()
        )
        self.fields["area"].empty_label = _("Not known")
        self.fields["age_band"].choices = [("", _("Not known"))] + list(
            self.fields["age_band"].choices
        )[1:]

    def clean_postcode(self) -> str:
        value = self.cleaned_data.get("postcode", "")
        if not value:
            return ""
        normal = postcodes.normalise(value)
        if normal is None:
            raise forms.ValidationError(_("Enter a real postcode, like KY1 1AA"))
        return normal

    def clean(self):
        data = super().clean()
        route = data.get("contact_route")
        needs = {
            ContactRoute.EMAIL: (
                "email",
                _("Enter an email address, or choose another way to get in touch"),
            ),
            ContactRoute.PHONE: (
                "phone",
                _("Enter a phone number, or choose another way to get in touch"),
            ),
            ContactRoute.LETTER: (
                "address",
                _("Enter an address for letters, or choose another way to get in touch"),
            ),
            ContactRoute.NAMED_PERSON: (
                "contact_via_name",
                _("Enter the name of the person to go through"),
            ),
        }
        if route in needs:
            field, message = needs[route]
            if not data.get(field) and field not in self.errors:
                self.add_error(field, message)
        return data


class AccessNeedsForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = HEALTH_FIELDS
        widgets = {
            "disability": forms.RadioSelect,
            "other_access_needs": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "needs_large_print": _("Large print"),
            "needs_easy_read": _("Easy read"),
            "needs_interpreter": _("An interpreter"),
            "needs_bsl": _("British Sign Language"),
            "needs_hearing_loop": _("A hearing loop"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["disability"].choices = [("", _("Not asked"))] + list(
            self.fields["disability"].choices
        )[1:]

    def clean(self):
        data = super().clean()
        if data.get("needs_interpreter") and not data.get("interpreter_language"):
            self.add_error(
                "interpreter_language", _("Enter the language the interpreter needs to speak")
            )
        return data


class WhatMattersForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["what_matters"]
        widgets = {"what_matters": forms.Textarea(attrs={"rows": 6})}
        labels = {"what_matters": _("What matters to you")}
        help_texts = {
            "what_matters": _(
                "In your own words: what a good life looks like, what you enjoy, what you would like to "
                "do more of."
            )
        }


def availability_choices() -> list:
    days = [
        _("Monday"),
        _("Tuesday"),
        _("Wednesday"),
        _("Thursday"),
        _("Friday"),
        _("Saturday"),
        _("Sunday"),
    ]
    parts = [_("Morning"), _("Afternoon"), _("Evening")]
    return [
        (
            day_label,
            [
                (f"{day}_{part}", f"{day_label} {str(part_label).lower()}")
                for part, part_label in zip(availability.PARTS, parts, strict=True)
            ],
        )
        for day, day_label in zip(availability.DAYS, days, strict=True)
    ]


class AvailabilityForm(forms.Form):
    slots = forms.MultipleChoiceField(
        label=_("When are you usually free?"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"small": True}),
        help_text=_("Tick every time that usually suits."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slots"].choices = availability_choices()

    @property
    def mask(self) -> int:
        return availability.from_slots(self.cleaned_data["slots"])


class AssetForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("What is it?"), queryset=AssetCategory.objects.none(), empty_label=_("Choose one")
    )
    in_their_words = forms.CharField(
        label=_("Tell us a little more"),
        required=False,
        max_length=300,
        help_text=_("In your own words, for example “I knitted for 60 years and love teaching”."),
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        qs = AssetCategory.objects.filter(partnership=partnership, is_active=True)
        self.fields["category"].queryset = qs
        groups = {}
        for category in qs:
            groups.setdefault(category.get_kind_display(), []).append((category.pk, category.name))
        self.fields["category"].choices = [("", _("Choose one"))] + list(groups.items())


class CarerForm(forms.Form):
    cared_for = forms.ModelChoiceField(
        label=_("Who do they care for?"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Someone not registered here"),
        help_text=_("Choose them if they are registered here."),
    )
    cared_for_description = forms.CharField(
        label=_("If they are not registered, who are they?"),
        required=False,
        max_length=200,
        help_text=_("For example “her husband, who has dementia”."),
    )
    relationship = forms.ChoiceField(
        label=_("How are they related?"),
        choices=CarerRelationship.Relationship.choices,
        widget=forms.RadioSelect,
    )
    started_on = DateField(label=_("Caring since"), required=False, allow_future=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is None:
            del self.fields["cared_for"]
        else:
            self.fields["cared_for"].queryset = people

    def clean(self):
        data = super().clean()
        if not data.get("cared_for") and not data.get("cared_for_description"):
            self.add_error("cared_for_description", _("Say who they care for"))
        return data


class ConsentFieldsMixin(forms.Form):
    """Which purposes were agreed, by whom and how: shared by registration and consent pages."""

    purposes = forms.MultipleChoiceField(
        label=_("What have they agreed to?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    given_by = forms.ChoiceField(
        label=_("Who gave consent?"),
        choices=Consent.GivenBy.choices,
        initial=Consent.GivenBy.SELF,
        widget=forms.RadioSelect,
    )
    given_by_name = forms.CharField(
        label=_("Name of the person who gave it on their behalf"), required=False, max_length=200
    )
    given_by_relationship = forms.CharField(
        label=_("Their relationship or authority"),
        required=False,
        max_length=200,
        help_text=_("For example “daughter, holds power of attorney”."),
    )
    method = forms.ChoiceField(
        label=_("How was it given?"),
        choices=Consent.Method.choices,
        initial=Consent.Method.IN_PERSON,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purposes"].choices = [
            (p.code, f"{p.label}: {p.description}") for p in consents.purposes()
        ]

    def clean(self):
        data = super().clean()
        if data.get("given_by") == Consent.GivenBy.ON_BEHALF and not data.get("given_by_name"):
            self.add_error(
                "given_by_name", _("Enter the name of the person who gave consent on their behalf")
            )
        return data

    def consents_given(self):
        from .services import ConsentGiven

        data = self.cleaned_data
        return [
            ConsentGiven(
                purpose=code,
                method=data["method"],
                given_by=data["given_by"],
                given_by_name=data.get("given_by_name", ""),
                given_by_relationship=data.get("given_by_relationship", ""),
            )
            for code in data.get("purposes", [])
        ]


class ConsentForm(ConsentFieldsMixin):
    pass


class RegisterPersonForm(ConsentFieldsMixin, PersonDetailsForm):
    organisation = forms.ModelChoiceField(
        label=_("Which organisation are they joining?"),
        queryset=Organisation.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["purposes"].initial = [consents.MEMBERSHIP]
        self.order_fields(["organisation", *DETAIL_FIELDS])

    def clean(self):
        data = super().clean()
        if consents.MEMBERSHIP not in (data.get("purposes") or []):
            self.add_error(
                "purposes",
                _("They must agree to “Keeping a record of me” before they can be registered"),
            )
        return data


class MembershipForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, widget=forms.RadioSelect)

    def __init__(self, *args, organisations, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["role"].choices = [(r, label) for r, label in Role.choices if r in roles]


class CreateLoginForm(forms.Form):
    email = forms.EmailField(
        label=_("Their email address"), help_text=_("They will get an email to choose a password.")
    )


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone"),
        error_messages={"required": _("Tick the box to confirm you want to remove the details")},
    )


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "slug",
            "kind",
            "description",
            "website",
            "email",
            "phone",
            "area",
            "is_active",
        ]
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["area"].queryset = partnership.areas.all()

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        clash = Organisation.objects.filter(partnership=self.partnership, slug=slug).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            raise forms.ValidationError(_("Another organisation already uses that short name"))
        return slug


class CategoryForm(forms.ModelForm):
    class Meta:
        model = AssetCategory
        fields = ["kind", "name", "description", "is_active"]
        widgets = {"kind": forms.RadioSelect}


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or postcode"), required=False, max_length=100)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=Organisation.objects.none(),
        empty_label=_("Any"),
    )
    area = forms.ModelChoiceField(
        label=_("Area"), required=False, queryset=None, empty_label=_("Any")
    )

    def __init__(self, *args, partnership, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["area"].queryset = partnership.areas.all()
