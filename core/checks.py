"""System checks with stable ids."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def check_front_end_built(app_configs, **kwargs):
    built = settings.BASE_DIR / "static" / "build" / "coproduce.css"
    if settings.DEBUG and not built.exists():
        return [
            Warning(
                "The front-end assets are not built, so pages will have no styles.",
                hint="Run `make assets` (npm ci, then npm run build).",
                id="coproduce.W001",
            )
        ]
    return []


@register(deploy=True)
def check_email_configured(app_configs, **kwargs):
    if settings.EMAIL_BACKEND.endswith("console.EmailBackend"):
        return [
            Warning(
                "Email goes to the console: password resets and notices will not reach anyone.",
                hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) in production.",
                id="coproduce.W002",
            )
        ]
    return []
