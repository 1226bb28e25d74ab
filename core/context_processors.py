from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language_info

from . import navigation


@cache
def available_languages() -> list[dict]:
    """Languages with a translation catalogue (English always): adding
    locale/<code>/LC_MESSAGES/django.mo is all it takes to offer one."""
    found = []
    for code, _name in settings.LANGUAGES:
        catalogue = (
            Path(settings.LOCALE_PATHS[0]) / code.replace("-", "_") / "LC_MESSAGES" / "django.mo"
        )
        if code.startswith("en") or catalogue.exists():
            found.append(get_language_info(code))
    return found


def layout(request: HttpRequest) -> dict:
    partnership = getattr(request, "partnership", None)
    return {
        "site_name": partnership.name if partnership else settings.COPRODUCE_NAME,
        "nav_items": navigation.items_for(request),
        "acting_for": getattr(request, "acting_for", None),
        "large_print": request.session.get("large_print", False)
        if hasattr(request, "session")
        else False,
        "available_languages": available_languages(),
    }
