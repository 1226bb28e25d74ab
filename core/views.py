from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import glossary
from . import home as home_panels


def home(request: HttpRequest) -> HttpResponse:
    panels = home_panels.panels_for(request)
    return render(request, "core/home.html", {"panels": panels})


def glossary_page(request: HttpRequest) -> HttpResponse:
    return render(request, "core/glossary.html", {"groups": glossary.grouped()})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    from people.consent import purposes

    return render(request, "core/privacy.html", {"purposes": purposes()})


def safe_next(request: HttpRequest, fallback: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


@require_POST
def text_size(request: HttpRequest) -> HttpResponse:
    request.session["large_print"] = request.POST.get("large_print") == "on"
    return redirect(safe_next(request))


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return render(
        request,
        "core/error.html",
        {"title": _("Something was wrong with that request"), "status": 400},
        status=400,
    )


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(
        request,
        "core/error.html",
        {"title": _("You cannot see this page"), "status": 403},
        status=403,
    )


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(
        request, "core/error.html", {"title": _("Page not found"), "status": 404}, status=404
    )


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request context: whatever failed (the database,
    # say) must not be needed to say sorry.
    body = loader.get_template("core/500.html").render({})
    return HttpResponse(body, status=500)
