"""The read-only headless API (Wagtail API v2): pages, images and documents.

Only live pages that an anonymous visitor may see are served: Wagtail's pages
endpoint already excludes drafts and pages behind a view restriction."""

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.database.fallback import DatabaseSearchBackend
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import get_page_models

DATE_PARAMETERS = ("published_after", "published_before")
logger = logging.getLogger(__name__)


def parse_date_parameter(request, name):
    value = request.GET.get(name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as error:
        raise BadRequestError(
            f"{name} must be a date in the form YYYY-MM-DD, not '{value}'"
        ) from error


def dated_page_models():
    return [
        model
        for model in get_page_models()
        if not model._meta.abstract
        and any(field.name == "publication_date" for field in model._meta.fields)
    ]


def publication_date_q(model, after, before):
    """Pages whose publication date (or, without one, first publication) is in
    the range; `model` is a model with a publication_date column."""
    explicit = Q(publication_date__isnull=False)
    fallback = Q(publication_date__isnull=True)
    if after:
        explicit &= Q(publication_date__gte=after)
        fallback &= Q(first_published_at__date__gte=after)
    if before:
        explicit &= Q(publication_date__lte=before)
        fallback &= Q(first_published_at__date__lte=before)
    return explicit | fallback


class PublicationDateFilter(BaseFilterBackend):
    """?published_after=YYYY-MM-DD&published_before=YYYY-MM-DD (inclusive)."""

    def filter_queryset(self, request, queryset, view):
        after = parse_date_parameter(request, "published_after")
        before = parse_date_parameter(request, "published_before")
        if after is None and before is None:
            return queryset
        if after and before and after > before:
            raise BadRequestError(
                "published_after must not be later than published_before"
            )
        if any(f.name == "publication_date" for f in queryset.model._meta.fields):
            return queryset.filter(publication_date_q(queryset.model, after, before))
        # A mixed listing: keep the pages of every dated type that match.
        matching = Q(pk__in=[])
        for model in dated_page_models():
            ids = model.objects.filter(publication_date_q(model, after, before)).values(
                "pk"
            )
            matching |= Q(pk__in=ids)
        return queryset.filter(matching)


class ValidatingFieldsFilter(FieldsFilter):
    """Wagtail's field filter, with unparseable dates and choices answered 400."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValidationError, TypeError, ValueError) as error:
            messages = getattr(error, "messages", None) or [str(error)]
            raise BadRequestError(
                "field filter error: " + " ".join(str(m) for m in messages)
            ) from error


class DegradingSearchFilter(SearchFilter):
    """Wagtail's ?search=, answered by a plain database scan (slower, unranked)
    while the Elasticsearch node is unreachable, instead of a 500."""

    def filter_queryset(self, request, queryset, view):
        results = super().filter_queryset(request, queryset, view)
        if results is queryset:
            return results
        try:
            results.count()  # cached: the listing's total reuses it
        except (TransportError, ApiError) as error:
            logger.warning("API search falls back to the database: %s", error)
            return DatabaseSearchBackend({}).search(
                request.GET["search"],
                queryset,
                operator=request.GET.get("search_operator"),
                order_by_relevance="order" not in request.GET,
            )
        return results


REPLACED_FILTERS = {
    FieldsFilter: ValidatingFieldsFilter,
    SearchFilter: DegradingSearchFilter,
}


class TransparencyPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        REPLACED_FILTERS.get(backend, backend)
        for backend in PagesAPIViewSet.filter_backends
    ]
    # The search backend must stay last: its results cannot be filtered further.
    filter_backends.insert(len(filter_backends) - 1, PublicationDateFilter)
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        DATE_PARAMETERS
    )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", TransparencyPagesAPIViewSet)


class TransparencyImagesAPIViewSet(ImagesAPIViewSet):
    filter_backends = [
        REPLACED_FILTERS.get(backend, backend)
        for backend in ImagesAPIViewSet.filter_backends
    ]


class TransparencyDocumentsAPIViewSet(DocumentsAPIViewSet):
    filter_backends = [
        REPLACED_FILTERS.get(backend, backend)
        for backend in DocumentsAPIViewSet.filter_backends
    ]


api_router.register_endpoint("images", TransparencyImagesAPIViewSet)
api_router.register_endpoint("documents", TransparencyDocumentsAPIViewSet)
