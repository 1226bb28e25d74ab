from allauth.account.forms import ResetPasswordForm
from allauth.core.context import request_context


def send_set_password_email(request, user) -> None:
    """Send the standard password-reset email, so a new login chooses its own password."""
    form = ResetPasswordForm(data={"email": user.email})
    with request_context(request):
        if form.is_valid():
            form.save(request)
