"""GOV.UK Frontend form rendering through Django's own form-rendering API.

Every form in the project, our own and libraries' alike, renders with the
templates in core/templates/django/forms/, and this renderer's BoundField
adds the design system's classes to each widget.
"""

import datetime
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError

WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxSelectMultiple, ""),
    (forms.RadioSelect, ""),
    (forms.CheckboxInput, "govuk-checkboxes__input"),
    (forms.Textarea, "govuk-textarea"),
    (forms.SelectMultiple, "govuk-select"),
    (forms.Select, "govuk-select"),
    (forms.ClearableFileInput, "govuk-file-upload"),
    (forms.FileInput, "govuk-file-upload"),
    (forms.widgets.Input, "govuk-input"),
]


def widget_class(widget: forms.Widget) -> str:
    for kind, css in WIDGET_CLASSES:
        if isinstance(widget, kind):
            return css
    return ""


class GovukBoundField(BoundField):
    """A BoundField that knows the GOV.UK Frontend class for its widget."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = widget_class(widget)
        if css:
            if self.errors and css in {"govuk-input", "govuk-textarea", "govuk-select"}:
                css += f" {css}--error"
            if self.errors and css == "govuk-file-upload":
                css += " govuk-file-upload--error"
            # A widget's own classes (a width, say) would otherwise be replaced
            # by ours, because Django lets these attributes win over the widget's.
            extra = [widget.attrs.get("class", ""), attrs.get("class", "")]
            attrs["class"] = " ".join(filter(None, [css, *extra]))
        return attrs

    @property
    def anchor_id(self) -> str:
        """Where the error summary should take people: the first box to fill in."""
        widget = self.field.widget
        if isinstance(widget, forms.MultiWidget):
            return f"{self.auto_id}{widget.widgets_names[0]}"
        if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            return f"{self.auto_id}_0"
        return self.id_for_label or self.auto_id

    @property
    def is_checkbox(self) -> bool:
        return isinstance(self.field.widget, forms.CheckboxInput)

    @property
    def is_choice_list(self) -> bool:
        return isinstance(self.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


class GovukFormRenderer(TemplatesSetting):
    bound_field_class = GovukBoundField
    form_template_name = "django/forms/div.html"
    field_template_name = "django/forms/field.html"


class DateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year in three boxes."""

    template_name = "core/widgets/date_input.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        part = {"inputmode": "numeric", "autocomplete": "off"}
        widgets = {
            "day": forms.TextInput(
                {**part, "class": "govuk-input govuk-date-input__input govuk-input--width-2"}
            ),
            "month": forms.TextInput(
                {**part, "class": "govuk-input govuk-date-input__input govuk-input--width-2"}
            ),
            "year": forms.TextInput(
                {**part, "class": "govuk-input govuk-date-input__input govuk-input--width-4"}
            ),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = [_("Day"), _("Month"), _("Year")]
        for subwidget, label in zip(context["widget"]["subwidgets"], labels, strict=True):
            subwidget["label"] = label
        return context


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK's plain error messages."""

    widget = DateInput
    default_error_messages = {
        "incomplete": _("Enter a full date, with a day, month and year"),
        "invalid": _("Enter a real date, for example 27 3 1945"),
        "future": _("The date must be today or in the past"),
    }

    def __init__(self, *, allow_future: bool = True, **kwargs):
        self.allow_future = allow_future
        number = {"error_messages": {"invalid": self.default_error_messages["invalid"]}}
        fields = (
            forms.IntegerField(min_value=1, max_value=31, **number),
            forms.IntegerField(min_value=1, max_value=12, **number),
            forms.IntegerField(min_value=1000, max_value=9999, **number),
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or all(value in (None, "") for value in data_list):
            return None
        if any(value in (None, "") for value in data_list):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        day, month, year = data_list
        try:
            value = datetime.date(year, month, day)
        except ValueError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error
        if not self.allow_future and value > datetime.date.today():
            raise ValidationError(self.error_messages["future"], code="future")
        return value


class IdempotencyField(forms.UUIDField):
    """A hidden one-time key, so a double-submitted form records once."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("initial", uuid.uuid4)
        super().__init__(**kwargs)


def post_data(request):
    """The submitted data on POST, else None: bind a form even when nothing was ticked."""
    return request.POST if request.method == "POST" else None


def show_domain_error(form, error) -> None:
    """Show a service's DomainError on the form, beside its field if the form has it."""
    form.add_error(error.field if error.field in form.fields else None, str(error.message))


def apply_service(form, call) -> bool:
    """Run a service; on a DomainError show it on the form and return False."""
    try:
        call()
    except DomainError as error:
        show_domain_error(form, error)
        return False
    return True
