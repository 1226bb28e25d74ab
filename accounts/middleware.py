from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


class StaffTwoFactorMiddleware:
    """When COPRODUCE_REQUIRE_STAFF_2FA is on, staff set up two-factor sign-in first."""

    EXEMPT_PREFIXES = (
        "/accounts/",
        "/static/",
        "/glossary/",
        "/accessibility/",
        "/privacy/",
        "/i18n/",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.COPRODUCE_REQUIRE_STAFF_2FA and self._must_set_up(request):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _must_set_up(self, request) -> bool:
        if not request.user.is_authenticated or request.path.startswith(self.EXEMPT_PREFIXES):
            return False
        if not request.roles.is_staff:
            return False
        from allauth.mfa.models import Authenticator

        return not Authenticator.objects.filter(
            user=request.user, type=Authenticator.Type.TOTP
        ).exists()
