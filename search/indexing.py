"""From pages to search documents (search/sync.py keeps the index in step)."""

import re
from collections import defaultdict
from datetime import date, datetime

from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page

from core.documents import public_documents, restricted_collection_ids
from core.search_registry import DOCUMENT_KEY, municipality_memo, registry

from .analysis import LANGUAGES
from .facets import group_fields

MAX_TEXT = 200_000


def searchable_page_models():
    """Every page type registered with the search (core/search_registry.py)."""
    return [model for model in registry.page_models() if not model._meta.abstract]


def indexable_pages():
    """Live, public pages of a searchable type (restricted ancestors excluded)."""
    models = searchable_page_models()
    if not models:
        return Page.objects.none()
    return Page.objects.live().public().type(*models)


def normalise_reference(value):
    """'01-016/18', '01 – 016 / 18' and '01-016/18 ' are the same number."""
    value = re.sub(r"[\u2010-\u2015]", "-", value or "")
    return re.sub(r"\s+", "", value).lower()


def clean(text):
    return re.sub(r"\s+", " ", strip_tags(str(text or ""))).strip()[:MAX_TEXT]


def as_date(value):
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def index_value(value):
    """A registered field's value as the index stores it."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def stored_status(page, status):
    """The status a page's document stores: none for a type with states, which
    are computed when asked (dsl.status_filter) and so never go stale."""
    entry = registry.for_page(page)
    return None if entry and entry.states else status or None


def language_versions(pages):
    """{translation key: [{locale, url}]} of the live public pages sharing a
    translation key with `pages`, in one query for the whole batch (a rebuild
    asked once per page, with Wagtail's view-restriction query each time)."""
    keys = {page.translation_key for page in pages}
    versions = {key: [] for key in keys}
    others = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("translation_key", "locale__language_code")
    )
    for other in others:
        versions[other.translation_key].append(
            {"locale": other.locale.language_code, "url": other.get_url()}
        )
    return versions


def page_documents(page, restricted=None, versions=None):
    """(id, source) pairs for a page and each public document attached to it.

    Documents in a restricted collection contribute nothing, not even a title:
    the public index must not reveal that they exist. `versions` is
    language_versions() of the batch the page is in (else asked for this page).
    """
    data = page.search_document()
    locale = data["locale"] if data["locale"] in LANGUAGES else "en"
    attachments = public_documents(data.pop("attachments", []), restricted)
    attachment_text = " ".join(
        f"{doc.title} {getattr(doc, 'extracted_text', '')}" for doc in attachments
    )
    day = as_date(data.get("date"))
    key_day = as_date(data.get("key_date")) or day
    if versions is None:
        versions = language_versions([page])
    languages = versions.get(page.translation_key, [])
    common = {
        "locale": locale,
        "date": day.isoformat() if isinstance(day, date) else None,
        "key_date": key_day.isoformat() if isinstance(key_day, date) else None,
        "year": day.year if isinstance(day, date) else None,
        "department": data.get("department") or None,
        "department_key": data.get("department_key") or None,
        "issuing_body": data.get("issuing_body") or None,
        "tags": data.get("tags") or [],
        "source": data.get("source") or None,
        "municipality": data.get("municipality") or None,
        "languages": languages,
        "indexed_at": timezone.now().isoformat(),
    }
    reference = data.get("reference_number") or ""
    status = stored_status(page, data.get("status"))
    source = {
        **common,
        "type": data["type"],
        **group_fields(f"page:{data['translation_key']}", repeatable=False),
        "translation_key": data["translation_key"],
        "page_id": page.pk,
        "parent_page": page.pk,
        "title": data["title"],
        "summary": clean(data.get("summary")),
        "spell": " ".join([data["title"], clean(data.get("summary"))]),
        "url": data["url"],
        # Normalised, so the keyword subfield `reference_number.key` matches
        # however the visitor spaces or dashes the number.
        "reference_number": normalise_reference(reference),
        "reference_display": reference,
        "status": status,
        "attachment_titles": " ".join(doc.title for doc in attachments),
        "revision": str(page.latest_revision_id or ""),
        f"title_{locale}": data["title"],
        f"summary_{locale}": clean(data.get("summary")),
        f"body_{locale}": clean(data.get("body")),
        f"attachments_{locale}": clean(attachment_text),
    }
    for name, value in (data.get("fields") or {}).items():
        if value is not None:
            source[name] = index_value(value)
    yield f"page-{page.pk}", source
    for document in attachments:
        # One result per page it hangs on, its language versions included: a
        # page has one version per language, so neither does the group (the
        # facets count it without a distinct count, search/facets.py). The
        # same PDF on two different pages is a result under each page's title.
        attachment_group = f"document:{document.pk}:{data['translation_key']}"
        text = clean(getattr(document, "extracted_text", ""))
        yield (
            f"document-{document.pk}-{page.pk}",
            {
                **common,
                "type": DOCUMENT_KEY,
                **group_fields(attachment_group, repeatable=False),
                "translation_key": attachment_group,
                "page_id": None,
                "parent_page": page.pk,
                "title": document.title,
                "summary": data["title"],
                "spell": document.title,
                "url": document.url,
                "reference_number": "",
                "reference_display": "",
                "status": None,
                "attachment_titles": document.title,
                "languages": [],
                "revision": str(document.file_hash or ""),
                f"title_{locale}": document.title,
                f"summary_{locale}": data["title"],
                f"attachments_{locale}": text,
            },
        )


# Relations every document reads (core/models.py: the department, the topics,
# the page's own locale): read for a whole batch in a query each, instead of
# three queries per page (2,243 of the demo site's rebuild were these); the
# rebuild and the worker's sync batches both use it.
PREFETCHED = ("locale", "department", "topics")


def prefetch_relations(pages):
    """Fill the relation caches of `pages`, per page type (a relation one type
    lacks would make Django's prefetch fail for the whole list)."""
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, group in by_model.items():
        names = {field.name for field in model._meta.get_fields()}
        prefetch_related_objects(group, *[n for n in PREFETCHED if n in names])


def index_actions(page_ids, index):
    """Bulk actions bringing `page_ids` in step: index if public, else delete."""
    live = {
        page.pk: page
        for page in indexable_pages().filter(pk__in=page_ids).specific(defer=False)
    }
    actions = []
    restricted = restricted_collection_ids()
    versions = language_versions(live.values())
    prefetch_relations(list(live.values()))
    with municipality_memo():
        for page_id in page_ids:
            page = live.get(page_id)
            if page is None or page.get_url() is None:
                actions.append(
                    {"_op_type": "delete", "_index": index, "_id": f"page-{page_id}"}
                )
                continue
            for doc_id, source in page_documents(page, restricted, versions):
                actions.append(
                    {"_op_type": "index", "_index": index, "_id": doc_id, **source}
                )
    return live, actions
