from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateField

from .actions import known


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("What happened"), required=False)
    sensitive_only = forms.BooleanField(
        label=_("Only views and changes of sensitive records"), required=False
    )
    since = DateField(label=_("From"), required=False)
    until = DateField(label=_("To"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apps = sorted({code.split(".")[0] for code in known()})
        choices = [("", _("Anything"))]
        choices += [(f"{app}.", _("Anything in “%(app)s”") % {"app": app}) for app in apps]
        choices += sorted(
            ((code, str(label)) for code, label in known().items()), key=lambda c: c[1]
        )
        self.fields["action"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("The end date must be after the start date"))
        return data
