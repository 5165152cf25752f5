"""Published pages that may already answer a request, before it is filed."""

import logging

from django.utils.module_loading import import_string
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.models import Locale, Page

from . import conf

logger = logging.getLogger(__name__)


def wagtail_search(text, language, limit=5):
    pages = Page.objects.live().public().filter(depth__gt=2)
    locale = Locale.objects.filter(language_code=language).first()
    if locale:
        pages = pages.filter(locale=locale)
    return [page.specific for page in pages.search(text[:200])[:limit]]


def transparency_search(text, language, limit=5):
    """Pages of the visitor's language from the unified transparency index (the
    citizen search), best first; Wagtail's database index while it is down."""
    from search.backend import SearchUnavailable
    from search.query import matching_page_ids

    try:
        ids = matching_page_ids(text[:200], language)
    except (SearchUnavailable, TransportError, ApiError) as error:
        logger.warning("suggestions from the database: %s", error)
        return wagtail_search(text, language, limit)
    pages = (
        Page.objects.live().public().filter(pk__in=ids, locale__language_code=language)
    )
    found = pages.specific().in_bulk()
    return [found[pk] for pk in ids if pk in found][:limit]


def suggest_published_pages(text, language, limit=5):
    """The configured suggester (ACCESS_REQUEST_SUGGESTER), so the unified
    search can replace Wagtail's without touching the views."""
    if not text.strip():
        return []
    try:
        return import_string(conf.get("ACCESS_REQUEST_SUGGESTER"))(
            text, language, limit
        )
    except (TransportError, ApiError) as error:
        # Suggestions are a courtesy: without the search node, the form still works.
        logger.warning("no suggestions, the search node is unreachable: %s", error)
        return []
