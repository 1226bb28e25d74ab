from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from .api_urls import routes
from .views import editor, public, signpost

app_name = "directory"

urlpatterns = [
    path("", public.search, name="search"),
    path("embed/", public.embed, name="embed"),
    path("suggest/", public.suggest, name="suggest"),
    path("services/<uuid:pk>/", public.service_detail, name="service"),
    path("services/<uuid:pk>/suggest/", public.suggest, name="suggest-change"),
    path("services/<uuid:pk>/edit/", editor.entry_edit, name="entry-edit"),
    path("services/<uuid:pk>/checked/", editor.entry_check, name="entry-check"),
    path("services/<uuid:pk>/history/", editor.entry_history, name="entry-history"),
    path("services/<uuid:pk>/claim/", editor.claim, name="claim"),
    path("queue/", editor.queue, name="queue"),
    path("queue/stale/", editor.stale, name="stale"),
    path("queue/suggestions/<int:pk>/", editor.suggestion_review, name="suggestion"),
    path("queue/suggestions/<int:pk>/edit/", editor.suggestion_edit, name="suggestion-edit"),
    path("queue/claims/<int:pk>/", editor.claim_decide, name="claim-decide"),
    path("people/<int:person_pk>/shortlist/", signpost.shortlist_new, name="shortlist-new"),
    path("shortlists/<int:pk>/", signpost.shortlist_detail, name="shortlist"),
    path("shortlists/<int:pk>/give/", signpost.shortlist_give, name="shortlist-give"),
    path(
        "api/openapi.json",
        SpectacularAPIView.as_view(
            urlconf="directory.api_urls",
            custom_settings={
                "TITLE": "Coproduce directory (Open Referral HSDS 3.0)",
                "DESCRIPTION": "Read-only HSDS 3.0 API of the directory.",
                "VERSION": "3.0.0",
            },
        ),
        name="api-openapi",
    ),
    path("api/", include(routes)),
]
