"""Published pages that may already answer a request, before it is filed."""

from django.utils.module_loading import import_string
from wagtail.models import Locale, Page

from . import conf


def wagtail_search(text, language, limit=5):
    pages = Page.objects.live().public().filter(depth__gt=2)
    locale = Locale.objects.filter(language_code=language).first()
    if locale:
        pages = pages.filter(locale=locale)
    return [page.specific for page in pages.search(text[:200])[:limit]]


def suggest_published_pages(text, language, limit=5):
    """The configured suggester (ACCESS_REQUEST_SUGGESTER), so the unified
    search can replace Wagtail's without touching the views."""
    if not text.strip():
        return []
    return import_string(conf.get("ACCESS_REQUEST_SUGGESTER"))(text, language, limit)
