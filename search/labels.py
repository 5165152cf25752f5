from django.conf import settings
from django.utils.text import capfirst
from wagtail.documents import get_document_model
from wagtail.models import Page

from core.search_registry import DOCUMENT_KEY, LOCAL_SOURCE, registry


def type_labels():
    """{type key: label}. Each type is named by its page type's own verbose
    name (the word the admin and the section use), so there is one translation
    of "decision" and the search can't drift from it."""
    labels = {entry.key: entry.label for entry in registry.types.values()}
    labels[DOCUMENT_KEY] = capfirst(get_document_model()._meta.verbose_name)
    return labels


def language_names():
    return dict(settings.LANGUAGES)


def origins(keys):
    """{source key: {"publisher": who published (for a result), "facet": the
    "municipality / source" facet's label}} of the external sources among
    `keys`, by their readable names; a source no longer known keeps its key."""
    labels = {}
    for key, names in registry.origins(keys).items():
        name, place = names.get("name") or key, names.get("municipality") or ""
        labels[key] = {
            "publisher": f"{name}, {place}" if place and place != name else name,
            "facet": f"{place} / {name}" if place and place != name else name,
        }
    return labels


def attached_pages(results, request=None):
    """Name, on each of this site's document results, the page it hangs on: a
    PDF attached to two pages is a result under each (search/indexing.py), and
    without the page's title the two would read as the same result twice.
    One query for the whole results page; a page no longer live and public
    is not named."""
    documents = [
        item
        for item in results
        if item["type"] == DOCUMENT_KEY and item["source"] == LOCAL_SOURCE
    ]
    if not documents:
        return results
    wanted = {item["page_id"] for item in documents if item.get("page_id")}
    pages = {
        page.pk: {"title": page.title, "url": page.get_url(request)}
        for page in Page.objects.live().public().filter(pk__in=wanted)
    }
    for item in documents:
        item["attached_to"] = pages.get(item.get("page_id"))
    return results
