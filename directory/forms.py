"""The directory's forms: search, suggest, review, claim and shortlist."""

import time
from functools import cache

from django import forms
from django.core import signing
from django.db.models import Q
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from lib import postcode as postcodes

from .models import Audience, Capacity, TaxonomyTerm
from .models.extension import DAYS
from .search import Sort

DAY_CHOICES = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
DAY_NAMES = dict(DAY_CHOICES)
MILES = [
    ("", _("Any distance")),
    ("1", _("1 mile")),
    ("3", _("3 miles")),
    ("5", _("5 miles")),
    ("10", _("10 miles")),
    ("25", _("25 miles")),
]
SORTS = [
    ("", _("Best match")),
    (Sort.DISTANCE, _("Nearest first")),
    (Sort.FRESHNESS, _("Most recently checked")),
    (Sort.NAME, _("A to Z")),
]
TIMESTAMP_SALT = "directory.suggest"
# People take longer than this to fill in a form; robots usually do not.
MIN_SECONDS = 3
MAX_SECONDS = 60 * 60 * 6


def terms_for(partnership):
    return TaxonomyTerm.objects.filter(
        taxonomy_detail__partnership=partnership
    ) | TaxonomyTerm.objects.filter(taxonomy_detail__partnership__isnull=True)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("What are you looking for?"), required=False, max_length=200)
    near = forms.CharField(
        label=_("Near (postcode or town)"),
        required=False,
        max_length=60,
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}
        ),
    )
    within = forms.ChoiceField(label=_("Within"), choices=MILES, required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    who = forms.ChoiceField(
        label=_("Who it is for"), required=False, choices=[("", _("Anyone"))] + Audience.choices
    )
    day = forms.ChoiceField(
        label=_("Open on"), required=False, choices=[("", _("Any day"))] + DAY_CHOICES
    )
    free = forms.BooleanField(label=_("Free only"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        terms = (
            TaxonomyTerm.objects.filter(
                Q(taxonomy_detail__partnership=partnership)
                | Q(taxonomy_detail__partnership__isnull=True)
            )
            .order_by("name")
            .values_list("pk", "name")
        )
        self.fields["category"].choices = [("", _("All categories"))] + [
            (str(pk), name) for pk, name in terms
        ]

    @cached_property
    def select_options(self) -> dict[str, str]:
        """Each list's <option>s, the chosen one marked, for _select.html.

        Put together here rather than by a template loop with filters on every
        option: the search form is on the busiest page, and its forty-odd
        options through the template engine took over a millisecond a search.
        The fixed lists are translated once per language, not on every search.
        """
        language = translation.get_language()
        options = {}
        for name in SELECT_LISTS:
            bound = self[name]
            current = bound.value()
            current = escape("" if current is None else str(current))
            if name in FIXED_LISTS:
                choices = _fixed_choices(name, language)
            else:
                choices = _escaped(bound.field.choices)
            options[name] = mark_safe(  # noqa: S308 (every value and label escaped)
                "".join(
                    f'\n    <option value="{value}"{" selected" if value == current else ""}>'
                    f"{label}</option>"
                    for value, label in choices
                )
            )
        return options


def _escaped(choices) -> tuple[tuple[str, str], ...]:
    return tuple((escape(str(value)), escape(str(label))) for value, label in choices)


SELECT_LISTS = ("within", "category", "who", "day", "sort")
# Lists whose choices change only with the language: translated once for each.
FIXED_LISTS = ("within", "who", "day", "sort")


@cache
def _fixed_choices(name: str, language: str | None) -> tuple[tuple[str, str], ...]:
    """The list's (value, label), escaped, in this language (the active one when called)."""
    return _escaped(SearchForm.base_fields[name].choices)


class EntryForm(forms.Form):
    """An entry's plain fields: what a suggestion proposes and an editor changes."""

    name = forms.CharField(label=_("Name of the group or service"), max_length=300)
    organization = forms.CharField(
        label=_("Who runs it"),
        max_length=300,
        required=False,
        help_text=_("Leave empty if it is an informal group with no organisation."),
    )
    description = forms.CharField(
        label=_("What it offers"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000
    )
    category = forms.ChoiceField(label=_("Category"), required=False)
    audience = forms.MultipleChoiceField(
        label=_("Who it is for"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    free = forms.BooleanField(label=_("It is free"), required=False)
    address_1 = forms.CharField(
        label=_("Where it meets (building and street)"), max_length=300, required=False
    )
    city = forms.CharField(label=_("Town"), max_length=200, required=False)
    postal_code = forms.CharField(
        label=_("Postcode"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    days = forms.MultipleChoiceField(
        label=_("Days it meets"),
        choices=DAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    opens_at = forms.TimeField(
        label=_("Starts at"),
        required=False,
        help_text=_("For example, 10:00"),
        widget=forms.TimeInput(attrs={"class": "govuk-input--width-5"}, format="%H:%M"),
    )
    closes_at = forms.TimeField(
        label=_("Finishes at"),
        required=False,
        help_text=_("For example, 12:00"),
        widget=forms.TimeInput(attrs={"class": "govuk-input--width-5"}, format="%H:%M"),
    )
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    url = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    informal_group = forms.BooleanField(label=_("It is an informal group"), required=False)
    capacity = forms.ChoiceField(
        label=_("Taking new people?"), choices=Capacity.choices, initial="unknown"
    )

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Choose a category"))] + [
            (str(t.pk), t.name) for t in terms_for(partnership).order_by("name").distinct()
        ]

    def clean_postal_code(self):
        text = self.cleaned_data["postal_code"]
        if text and not postcodes.normalise(text):
            raise forms.ValidationError(_("Enter a postcode like GB2 3AB, or leave it empty."))
        return postcodes.normalise(text) or ""

    def entry_data(self) -> dict:
        """The form's values as the plain strings a suggestion stores."""
        d = self.cleaned_data
        return {
            "name": d["name"],
            "organization": d["organization"] or d["name"],
            "description": d["description"],
            "category": d["category"],
            "audience": ",".join(d["audience"]),
            "free": "yes" if d["free"] else "",
            "address_1": d["address_1"],
            "city": d["city"],
            "postal_code": d["postal_code"],
            "days": ",".join(x for x in DAYS if x in d["days"]),
            "opens_at": d["opens_at"].strftime("%H:%M") if d["opens_at"] else "",
            "closes_at": d["closes_at"].strftime("%H:%M") if d["closes_at"] else "",
            "phone": d["phone"],
            "email": d["email"],
            "url": d["url"],
            "informal_group": "yes" if d["informal_group"] else "",
            "capacity": d["capacity"],
        }

    @staticmethod
    def initial_from(values: dict) -> dict:
        initial = dict(values)
        initial["audience"] = [a for a in values.get("audience", "").split(",") if a]
        initial["days"] = [a for a in values.get("days", "").split(",") if a]
        initial["free"] = bool(values.get("free"))
        initial["informal_group"] = bool(values.get("informal_group"))
        return initial


class SuggestForm(EntryForm):
    """Anyone may suggest: a contact for follow-up, a honeypot and a signed timestamp."""

    note = forms.CharField(
        label=_("Anything else we should know"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    contact_email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        help_text=_("So we can tell you what happens. We use it for nothing else."),
    )
    # Hidden from people by the template; robots fill every field in.
    nickname = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, signed_in=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.signed_in = signed_in
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=TIMESTAMP_SALT)

    def clean(self):
        data = super().clean()
        if data.get("nickname"):
            raise forms.ValidationError(_("Please leave the last box empty and try again."))
        try:
            started = float(signing.loads(data.get("started") or "", salt=TIMESTAMP_SALT))
        except (signing.BadSignature, ValueError, TypeError):
            started = None
        elapsed = time.time() - started if started else None
        if elapsed is None or elapsed < MIN_SECONDS or elapsed > MAX_SECONDS:
            self.data = self.data.copy()
            self.data["started"] = signing.dumps(time.time() - MIN_SECONDS, salt=TIMESTAMP_SALT)
            raise forms.ValidationError(
                _(
                    "Sorry, we could not accept that just now. Please check your answers and send again."
                )
            )
        if not self.signed_in and not data.get("contact_email"):
            self.add_error(
                "contact_email", _("Give an email address so we can tell you what happens.")
            )
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it not being added?"),
        help_text=_("We tell the person who suggested it."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class ClaimForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Your organisation"), queryset=None, empty_label=None
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class ShortlistForm(forms.Form):
    services = forms.MultipleChoiceField(
        label=_("Services to suggest"), widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(
        label=_("A note for them"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, services=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services"].choices = [(str(s.pk), s.name) for s in services]
