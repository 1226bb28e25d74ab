from django import forms
from django.utils.translation import gettext_lazy as _


class SignupDetailsForm(forms.Form):
    """Extra questions at sign-up: a name, and agreement to keep a record."""

    given_name = forms.CharField(label=_("First name"), max_length=100)
    family_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    agree = forms.BooleanField(
        label=_("I agree that my details can be kept so I can take part"),
        help_text=_("You can see, download or remove them at any time."),
        error_messages={"required": _("You need to agree to this to create an account")},
    )

    def signup(self, request, user) -> None:
        from people.services import person_sign_up

        person_sign_up(
            user=user,
            partnership=request.partnership,
            given_name=self.cleaned_data["given_name"],
            family_name=self.cleaned_data["family_name"],
        )
