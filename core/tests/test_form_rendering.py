"""Forms render with GOV.UK Frontend markup, errors included."""

from django import forms

from core.forms import DateField


class Example(forms.Form):
    name = forms.CharField(label="Name", help_text="Your full name")
    colour = forms.ChoiceField(
        label="Colour", choices=[("r", "Red"), ("g", "Green")], widget=forms.RadioSelect
    )
    extras = forms.MultipleChoiceField(
        label="Extras",
        required=False,
        choices=[("a", "A"), ("b", "B")],
        widget=forms.CheckboxSelectMultiple,
    )
    agree = forms.BooleanField(label="I agree")
    born = DateField(label="Date of birth")


def test_fields_render_as_govuk_components():
    html = str(Example())
    assert 'class="govuk-input"' in html
    assert 'class="govuk-radios__input" type="radio"' in html
    assert 'class="govuk-checkboxes__input" type="checkbox"' in html
    assert 'class="govuk-date-input"' in html
    assert "govuk-hint" in html and "Your full name" in html


def test_errors_show_a_summary_linked_to_the_first_box_of_each_field():
    form = Example(data={"born_day": "31", "born_month": "2", "born_year": "1945"})
    html = str(form)
    assert "There is a problem" in html
    assert 'href="#id_born_day"' in html
    assert 'href="#id_colour_0"' in html
    assert "govuk-form-group--error" in html and "govuk-input--error" in html
    assert "Enter a real date" in html


def test_a_date_needs_all_three_parts_or_none():
    field = DateField(required=False)
    assert field.clean(["", "", ""]) is None
    try:
        field.clean(["1", "", "1990"])
    except forms.ValidationError as error:
        assert "full date" in error.messages[0]
    else:
        raise AssertionError("an incomplete date was accepted")


def test_a_future_date_of_birth_is_refused():
    field = DateField(allow_future=False)
    try:
        field.clean(["1", "1", "2999"])
    except forms.ValidationError as error:
        assert "in the past" in error.messages[0]
    else:
        raise AssertionError("a future date was accepted")


def test_a_widgets_own_classes_are_kept_beside_the_govuk_ones():
    class Sized(forms.Form):
        postcode = forms.CharField(widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}))

    html = str(Sized())
    assert 'class="govuk-input govuk-input--width-10"' in html
