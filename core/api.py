"""The read-only headless API (Wagtail API v2): pages, images and documents.

Only live pages that an anonymous visitor may see are served: Wagtail's pages
endpoint already excludes drafts and pages behind a view restriction."""

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from elastic_transport import TransportError
from elasticsearch import ApiError
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import (
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import get_page_models
from wagtail.search.backends import get_search_backend

from search.backend import SearchUnavailable
from search.query import MAX_QUERY, MAX_WINDOW

from .locales import default_language_code

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


# Elasticsearch's index.max_result_window: results past it cannot be paged to.
MAX_SEARCH_WINDOW = MAX_WINDOW
# With at most WAGTAILAPI_LIMIT_MAX (100) items a page, no page ends past it.
MAX_OFFSET = MAX_WINDOW - 100
MAX_SEARCH_LENGTH = MAX_QUERY
SEARCH_OPERATORS = ("and", "or")


def search_text(request):
    """The ?search= words, or None when there are none (a blank search lists
    everything); BadRequestError for what no search backend can serve."""
    operator = request.GET.get("search_operator")
    if operator not in (None, *SEARCH_OPERATORS):
        raise BadRequestError("search_operator must be 'and' or 'or'")
    if "search" not in request.GET:
        return None
    text = " ".join(request.GET["search"].split())
    if len(text) > MAX_SEARCH_LENGTH:
        raise BadRequestError(
            f"search must be at most {MAX_SEARCH_LENGTH} characters long"
        )
    try:
        offset = int(request.GET.get("offset", 0))
        limit = int(request.GET.get("limit", 20))
    except ValueError:
        offset = limit = 0  # the paginator answers these with its own 400
    if text and offset + limit > MAX_SEARCH_WINDOW:
        raise BadRequestError(
            f"offset + limit must be at most {MAX_SEARCH_WINDOW} when searching; "
            "narrow the search instead"
        )
    return text or None


class RankedPages:
    """The objects of `queryset` among `ids`, in the order of `ids`; sliced by
    the paginator, so only one page of objects is loaded."""

    def __init__(self, queryset, ids):
        kept = set(queryset.filter(pk__in=ids).values_list("pk", flat=True))
        self.queryset = queryset
        self.ids = [pk for pk in ids if pk in kept]

    def count(self):
        return len(self.ids)

    def __getitem__(self, window):
        chunk = self.ids[window]
        objects = self.queryset.in_bulk(chunk)
        return [objects[pk] for pk in chunk if pk in objects]


def narrowed(request, queryset, ids):
    """The listing's own filters and order applied to the matches `ids`."""
    if "order" in request.GET:
        return queryset.filter(pk__in=ids)
    return RankedPages(queryset, ids)


def database_search(request, queryset, text):
    """Wagtail's database index, searched over the whole model and then
    narrowed to the listing: the index knows neither every filterable field
    nor every order the listing allows."""
    found = get_search_backend().search(
        text,
        queryset.model.objects.all(),
        operator=request.GET.get("search_operator"),
    )
    return narrowed(request, queryset, [obj.pk for obj in found[:MAX_SEARCH_WINDOW]])


class DatabaseSearchFilter(SearchFilter):
    """?search= on Wagtail's database index (images, documents), validated."""

    def filter_queryset(self, request, queryset, view):
        text = search_text(request)
        if text is None:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError(
                "filtering by tag with a search query is not supported"
            )
        return database_search(request, queryset, text)


class TransparencySearchFilter(SearchFilter):
    """?search= on the unified transparency index (every language's analyzer,
    fuzzy and prefix matching), filtered by the listing's own filters; while
    Elasticsearch is unreachable, Wagtail's database index answers."""

    def filter_queryset(self, request, queryset, view):
        from search.query import matching_page_ids

        text = search_text(request)
        if text is None:
            return queryset
        language = (
            translation.get_language_from_request(request) or default_language_code()
        )
        try:
            ids = matching_page_ids(
                text, language, request.GET.get("search_operator") or "or"
            )
        except (SearchUnavailable, ApiError, TransportError) as error:
            logger.warning("API search falls back to the database: %s", error)
            return database_search(request, queryset, text)
        return narrowed(request, queryset, ids)


class MissingPageIs404:
    """A filter naming a page that doesn't exist (or isn't public) answers 404,
    as the page's own URL does, rather than 400: the request is well formed."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except BadRequestError as error:
            if "doesn't exist" in str(error):
                raise Http404(str(error)) from error
            raise


def missing_page_is_404(filter_class):
    return type(filter_class.__name__, (MissingPageIs404, filter_class), {})


REPLACED_FILTERS = {
    FieldsFilter: ValidatingFieldsFilter,
    SearchFilter: DatabaseSearchFilter,
}
PAGE_FILTERS = {
    **REPLACED_FILTERS,
    SearchFilter: TransparencySearchFilter,
    **{
        cls: missing_page_is_404(cls)
        for cls in (ChildOfFilter, DescendantOfFilter, TranslationOfFilter)
    },
}


class WindowedPagination(WagtailPagination):
    """Wagtail's offset/limit paging, no further than a search could page:
    one documented limit for every listing, searched or not."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail's own 400 follows
        if offset > MAX_OFFSET:
            raise BadRequestError(
                f"offset must be at most {MAX_OFFSET}; narrow the listing with "
                "filters instead"
            )
        return super().paginate_queryset(queryset, request, view)


class TransparencyPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = WindowedPagination
    filter_backends = [
        PAGE_FILTERS.get(backend, backend)
        for backend in PagesAPIViewSet.filter_backends
    ]
    # The search backend must stay last: its results cannot be filtered further.
    filter_backends.insert(len(filter_backends) - 1, PublicationDateFilter)
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        DATE_PARAMETERS
    )
    # Another Transparenca site indexing this one (sources.adapters.transparenca)
    # groups translations by translation_key and skips pages whose
    # last_published_at it has seen: one listing instead of a request a page.
    meta_fields = PagesAPIViewSet.meta_fields + ["translation_key", "last_published_at"]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", TransparencyPagesAPIViewSet)


class TransparencyImagesAPIViewSet(ImagesAPIViewSet):
    pagination_class = WindowedPagination
    filter_backends = [
        REPLACED_FILTERS.get(backend, backend)
        for backend in ImagesAPIViewSet.filter_backends
    ]


class TransparencyDocumentsAPIViewSet(DocumentsAPIViewSet):
    pagination_class = WindowedPagination
    filter_backends = [
        REPLACED_FILTERS.get(backend, backend)
        for backend in DocumentsAPIViewSet.filter_backends
    ]


api_router.register_endpoint("images", TransparencyImagesAPIViewSet)
api_router.register_endpoint("documents", TransparencyDocumentsAPIViewSet)
