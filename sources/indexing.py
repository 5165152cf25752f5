"""External items in the unified index: the same document shape as the site's
own pages (search.indexing.page_documents), plus `source` and `municipality`,
under ids `ext-<source slug>-<item id>`.

The database row (SourceItem) is written first and is the truth: when the node
is down the row stays with `indexed_at` empty and the next sync re-sends it, and
an index rebuild re-adds every row without asking the sources again."""

import hashlib
import json
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from search import backend
from search.facets import group_fields
from search.indexing import clean, normalise_reference

from .models import SourceItem
from .remote import Invalid

TYPE_KEYS = {
    "act",
    "decision",
    "minutes",
    "competition",
    "press_release",
    "notice",
    "invitation",
    "session",
    "document",
}


def languages():
    return [code for code, _name in settings.LANGUAGES]


def as_day(value):
    """An ISO date or datetime string (or None) -> a date, or None."""
    if not value:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def iso_day(value):
    day = as_day(value)
    return day.isoformat() if day else None


def content_hash(data):
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


def item_document(item, translations):
    """The index document of one SourceItem; `translations` are the items of
    its translation group (itself included)."""
    data = item.data
    locale = item.locale
    day = as_day(data.get("date"))
    key_day = as_day(data.get("key_date")) or day
    summary = clean(data.get("summary"))
    reference = data.get("reference_number") or ""
    group = f"ext:{item.source.slug}:{item.translation_group or item.external_id}"
    document = {
        "source": item.source.slug,
        "municipality": item.source.municipality,
        "locale": locale,
        "date": day.isoformat() if day else None,
        "key_date": key_day.isoformat() if key_day else None,
        "year": day.year if day else None,
        "department": data.get("department") or None,
        "department_key": None,
        "issuing_body": data.get("issuing_body") or None,
        "tags": [str(tag) for tag in data.get("tags") or []][:50],
        "languages": [
            {"locale": other.locale, "url": other.url}
            for other in sorted(translations, key=lambda other: other.locale)
        ],
        "indexed_at": timezone.now().isoformat(),
        "type": data["type"],
        # Another site's item may come twice in one language (search/facets.py).
        **group_fields(group, repeatable=True),
        "translation_key": group,
        "page_id": None,
        "parent_page": None,
        "title": data["title"],
        "summary": summary,
        "spell": " ".join([data["title"], summary]),
        "url": item.url,
        "reference_number": normalise_reference(reference),
        "reference_display": reference,
        "status": data.get("status") or None,
        "attachment_titles": "",
        "revision": item.content_hash,
        f"title_{locale}": data["title"],
        f"summary_{locale}": summary,
        f"body_{locale}": clean(data.get("body")),
        f"attachments_{locale}": "",
    }
    for name in ("opens_at", "closes_at"):
        if data.get(name):
            document[name] = data[name]
    if data["type"] == "competition":
        document["has_results"] = bool(data.get("has_results"))
    return document


def group_members(items):
    """{(source id, group): [items]} for the groups of `items`, from the DB."""
    keys = {(item.source_id, item.translation_group) for item in items}
    members = {key: [] for key in keys}
    for source_id, group in keys:
        if not group:
            continue
        members[(source_id, group)] = list(
            SourceItem.objects.filter(
                source_id=source_id, translation_group=group
            ).select_related("source")
        )
    return members


def documents(items):
    """(id, document) for each item, its language links from its group."""
    members = group_members(items)
    for item in items:
        translations = members.get((item.source_id, item.translation_group)) or [item]
        yield item.document_id, item_document(item, translations)


def with_group(items):
    """The items plus the other members of their translation groups: a new
    translation changes every member's language links."""
    members = group_members(items)
    seen = {item.pk: item for item in items}
    for group in members.values():
        for other in group:
            seen.setdefault(other.pk, other)
    return list(seen.values())


def write(items, deleted_ids=()):
    """Index `items` and delete the documents `deleted_ids` in every physical
    index. Returns True when the node took it; False (logged) when it is
    unavailable: the rows stay unindexed for the next sync."""
    items = with_group(list(items))
    actions = [
        {"_op_type": "index", "_id": doc_id, **document}
        for doc_id, document in documents(items)
    ] + [{"_op_type": "delete", "_id": doc_id} for doc_id in deleted_ids]
    if not actions:
        return True

    def send(es):
        from elasticsearch import helpers

        index = backend.ensure_index(es)
        names = backend.physical_indices(es) or [index]
        bulk = [{**action, "_index": name} for action in actions for name in names]
        # A delete of a document that was never indexed is not an error.
        helpers.bulk(es, bulk, refresh=False, raise_on_error=False)

    try:
        backend.call(send)
    except backend.SearchUnavailable as error:
        backend.logger.warning("External items not indexed yet: %s", error)
        return False
    SourceItem.objects.filter(pk__in=[item.pk for item in items]).update(
        indexed_at=timezone.now()
    )
    return True


def normalise(source, record):
    """Check an adapter's record; returns the fields of a SourceItem, or raises
    ValueError saying what is wrong."""
    kind = record.get("type")
    if kind not in TYPE_KEYS:
        raise Invalid(gettext_noop("unknown type %(kind)s"), kind=repr(kind))
    locale = source.locale_for(record.get("locale"))
    if locale is None:
        raise Invalid(
            gettext_noop("language %(code)s is not one of the hub's"),
            code=repr(record.get("locale")),
        )
    title = clean(record.get("title"))[:500]
    if not title:
        raise Invalid(gettext_noop("an item needs a title"))
    url = str(record.get("url") or "")
    if not url.startswith(("http://", "https://")):
        raise Invalid(gettext_noop("an item needs an absolute http(s) url"))
    data = {
        "type": kind,
        "title": title,
        "summary": clean(record.get("summary"))[:5000],
        "body": clean(record.get("body")),
        "date": iso_day(record.get("date")),
        "key_date": iso_day(record.get("key_date")),
        "reference_number": clean(record.get("reference_number"))[:100],
        "department": clean(record.get("department"))[:200],
        "issuing_body": clean(record.get("issuing_body"))[:200],
        "status": clean(record.get("status"))[:50],
        "tags": [clean(tag)[:100] for tag in record.get("tags") or []][:50],
    }
    for name in ("opens_at", "closes_at"):
        if record.get(name):
            data[name] = str(record[name])
    if kind == "competition":
        data["has_results"] = bool(record.get("has_results"))
    return {
        "url": url[:1000],
        "locale": locale,
        "translation_group": str(record.get("group") or "")[:200],
        "modified": str(record.get("modified") or "")[:64],
        "version": str(record.get("version") or "")[:100],
        "data": data,
        "content_hash": content_hash({**data, "url": url, "locale": locale}),
    }


def store(source, records):
    """Save the given records (external id -> fields from normalise()) and
    index those that changed. Returns the number that changed."""
    changed = []
    with transaction.atomic():
        existing = {
            item.external_id: item
            for item in source.items.filter(external_id__in=list(records))
        }
        for external_id, fields in records.items():
            item = existing.get(external_id)
            if (
                item
                and item.content_hash == fields["content_hash"]
                and item.translation_group == fields["translation_group"]
                and item.indexed_at
            ):
                continue
            item, _created = SourceItem.objects.update_or_create(
                source=source,
                external_id=external_id,
                defaults={**fields, "indexed_at": None},
            )
            item.source = source
            changed.append(item)
    if changed:
        write(changed)
    return len(changed)


def remove(source, external_ids):
    """Forget these items and delete their documents (and refresh the language
    links of what remains of their groups)."""
    items = list(source.items.filter(external_id__in=list(external_ids)))
    if not items:
        return 0
    groups = {item.translation_group for item in items if item.translation_group}
    doc_ids = [item.document_id for item in items]
    source.items.filter(pk__in=[item.pk for item in items]).delete()
    remaining = list(source.items.filter(translation_group__in=groups))
    write(remaining, deleted_ids=doc_ids)
    return len(items)


def flush_unindexed(source):
    """Re-send the rows a down node did not take."""
    pending = list(source.items.filter(indexed_at__isnull=True))
    return write(pending) if pending else True


def rebuild_actions(index):
    """Bulk actions re-adding every external item to a fresh index (the
    `search_rebuild_documents` hook of search.rebuild)."""
    items = list(SourceItem.objects.select_related("source").order_by("pk"))
    for start in range(0, len(items), 500):
        for doc_id, document in documents(items[start : start + 500]):
            yield {"_op_type": "index", "_index": index, "_id": doc_id, **document}
