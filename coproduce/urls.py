from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from people.access import Roles

admin.site.site_header = "Coproduce back office"
admin.site.site_title = "Coproduce"


def _admin_has_permission(request) -> bool:
    """The back office is for people with the administrator role."""
    if not (request.user.is_active and request.user.is_authenticated):
        return False
    roles = getattr(request, "roles", None) or Roles.for_person(
        getattr(request.user, "person", None)
    )
    return roles.is_admin


admin.site.has_permission = _admin_has_permission

urlpatterns = [
    path("", include("core.urls")),
    path("", include("people.urls")),
    path("account/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("audit/", include("audit.urls")),
    path("safeguarding/", include("safeguarding.urls")),
    path("timebank/", include("timebank.urls")),
    path("directory/", include("directory.urls")),
    path("mapping/", include("mapping.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("back-office/", admin.site.urls),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
