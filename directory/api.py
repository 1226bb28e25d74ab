"""A read-only JSON API following the HSDS 3.0 API: services, organisations, taxonomies.

Lists come in the HSDS page envelope. Bad parameters get 400 with a reason and
an unknown id gets a 404, both as JSON.
"""

import math
import uuid

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import records
from .models import Organization, Service, Taxonomy, TaxonomyTerm
from .search import Query, build_queryset

MAX_PER_PAGE = 100
PAGING = [
    OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1"),
    OpenApiParameter(
        "per_page", OpenApiTypes.INT, description=f"Items per page, 1 to {MAX_PER_PAGE}"
    ),
]


def _positive_int(params, name, default, maximum=None) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValidationError({name: f"{name} must be a whole number"}) from exc
    if value < 1 or (maximum and value > maximum):
        limit = f" and at most {maximum}" if maximum else ""
        raise ValidationError({name: f"{name} must be at least 1{limit}"})
    return value


def _uuid(raw, name):
    try:
        return uuid.UUID(str(raw))
    except ValueError as exc:
        raise ValidationError({name: f"{name} must be a UUID"}) from exc


def page_envelope(request, items, total: int, to_record) -> dict:
    page = _positive_int(request.query_params, "page", 1)
    size = _positive_int(request.query_params, "per_page", 50, MAX_PER_PAGE)
    pages = max(1, math.ceil(total / size))
    start = (page - 1) * size
    contents = [to_record(obj) for obj in items[start : start + size]]
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": not contents,
        "contents": contents,
    }


class DirectoryAPIView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []


class ServiceList(DirectoryAPIView):
    @extend_schema(
        operation_id="list_services",
        summary="Services",
        parameters=[
            OpenApiParameter("search", OpenApiTypes.STR, description="Words to search for"),
            OpenApiParameter("taxonomy_term_id", OpenApiTypes.UUID),
            *PAGING,
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        params = request.query_params
        _positive_int(params, "page", 1)
        _positive_int(params, "per_page", 50, MAX_PER_PAGE)
        term = params.get("taxonomy_term_id")
        term_id = _uuid(term, "taxonomy_term_id") if term else None
        qs, _ = build_queryset(
            Query(
                partnership=request.partnership,
                text=params.get("search", "")[:200],
                term_id=term_id,
            )
        )
        qs = qs.select_related("service", "service__organization")
        return Response(
            page_envelope(request, qs, qs.count(), lambda p: records.service_summary(p.service))
        )


class ServiceDetail(DirectoryAPIView):
    @extend_schema(
        operation_id="get_service",
        summary="One service, with its nested objects",
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request, id):
        service = (
            Service.objects.filter(partnership=request.partnership, pk=_uuid(id, "id"))
            .select_related("organization", "program", "profile")
            .first()
        )
        if service is None:
            raise NotFound("No service has that id.")
        return Response(records.service_full(service))


class OrganizationList(DirectoryAPIView):
    @extend_schema(
        operation_id="list_organizations",
        summary="Organisations",
        parameters=PAGING,
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        qs = Organization.objects.filter(partnership=request.partnership).order_by("name", "id")
        return Response(
            page_envelope(request, qs, qs.count(), lambda o: records.record(o, "organization"))
        )


class OrganizationDetail(DirectoryAPIView):
    @extend_schema(
        operation_id="get_organization",
        summary="One organisation",
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request, id):
        org = Organization.objects.filter(
            partnership=request.partnership, pk=_uuid(id, "id")
        ).first()
        if org is None:
            raise NotFound("No organization has that id.")
        return Response(records.organization_full(org))


class TaxonomyList(DirectoryAPIView):
    @extend_schema(
        operation_id="list_taxonomies",
        summary="Taxonomies",
        parameters=PAGING,
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        qs = Taxonomy.objects.order_by("name", "id")
        return Response(
            page_envelope(request, qs, qs.count(), lambda t: records.record(t, "taxonomy"))
        )


class TaxonomyDetail(DirectoryAPIView):
    @extend_schema(
        operation_id="get_taxonomy", summary="One taxonomy", responses={200: OpenApiTypes.OBJECT}
    )
    def get(self, request, id):
        taxonomy = Taxonomy.objects.filter(pk=_uuid(id, "id")).first()
        if taxonomy is None:
            raise NotFound("No taxonomy has that id.")
        return Response(records.record(taxonomy, "taxonomy"))


class TaxonomyTermList(DirectoryAPIView):
    @extend_schema(
        operation_id="list_taxonomy_terms",
        summary="Taxonomy terms",
        parameters=[OpenApiParameter("taxonomy_id", OpenApiTypes.UUID), *PAGING],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        qs = TaxonomyTerm.objects.select_related("taxonomy_detail").order_by("name", "id")
        if request.query_params.get("taxonomy_id"):
            qs = qs.filter(
                taxonomy_detail_id=_uuid(request.query_params["taxonomy_id"], "taxonomy_id")
            )
        return Response(page_envelope(request, qs, qs.count(), records.term_record))


class TaxonomyTermDetail(DirectoryAPIView):
    @extend_schema(
        operation_id="get_taxonomy_term",
        summary="One taxonomy term",
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request, id):
        term = (
            TaxonomyTerm.objects.filter(pk=_uuid(id, "id"))
            .select_related("taxonomy_detail")
            .first()
        )
        if term is None:
            raise NotFound("No taxonomy term has that id.")
        return Response(records.term_record(term))


class Root(DirectoryAPIView):
    @extend_schema(
        operation_id="api_root", summary="About this API", responses={200: OpenApiTypes.OBJECT}
    )
    def get(self, request):
        return Response(
            {
                "version": "3.0",
                "profile": "https://openreferral.org/",
                "openapi_url": request.build_absolute_uri("openapi.json"),
            }
        )
