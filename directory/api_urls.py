"""The API's routes, also used alone to build its OpenAPI document."""

from django.urls import include, path

from . import api

routes = [
    path("", api.Root.as_view(), name="api-root"),
    path("services/", api.ServiceList.as_view(), name="api-services"),
    path("services/<str:id>/", api.ServiceDetail.as_view(), name="api-service"),
    path("organizations/", api.OrganizationList.as_view(), name="api-organizations"),
    path("organizations/<str:id>/", api.OrganizationDetail.as_view(), name="api-organization"),
    path("taxonomies/", api.TaxonomyList.as_view(), name="api-taxonomies"),
    path("taxonomies/<str:id>/", api.TaxonomyDetail.as_view(), name="api-taxonomy"),
    path("taxonomy_terms/", api.TaxonomyTermList.as_view(), name="api-taxonomy-terms"),
    path("taxonomy_terms/<str:id>/", api.TaxonomyTermDetail.as_view(), name="api-taxonomy-term"),
]

# A urlconf with only the API, under its real prefix, for drf-spectacular.
urlpatterns = [path("directory/api/", include((routes, "directory")))]
