"""`plone`: a Plone 6 site through plone.restapi, read as an anonymous visitor
so Plone's own workflow and permissions decide what is public.

Listing: `@search` (anonymous: published items only) with UID, modified and
type metadata, batched. The `modified` index keeps minutes only, so an item is
re-fetched whenever its (UID, modified) pair differs from what was indexed; a
window of changes since the last sync overlaps it by a few minutes for the same
reason. Languages come from plone.app.multilingual; `@translations` puts an
item and its translations in one group."""

import hashlib
import re
from datetime import timedelta

from django.utils.translation import gettext_noop

from ..remote import Gone, SourceError, expect, get_json
from . import Adapter

BATCH = 100
OVERLAP = timedelta(minutes=5)

# Normalised Plone type name (lower case, letters only, a `transparenca`
# prefix dropped) -> hub type key. The add-on's types, then plain Plone's.
TYPES = {
    "act": "act",
    "municipalact": "act",
    "decision": "decision",
    "minutes": "minutes",
    "competition": "competition",
    "pressrelease": "press_release",
    "notice": "notice",
    "invitation": "invitation",
    "session": "session",
    "assemblysession": "session",
    "document": "notice",
    "newsitem": "press_release",
    "event": "invitation",
    "file": "document",
}
REFERENCE_FIELDS = ("official_number", "decision_number", "reference_number")
DATE_FIELDS = (
    "adoption_date",
    "decision_date",
    "session_date",
    "starts_at",
    "start",
    "effective",
    "created",
)


def type_name(portal_type):
    name = re.sub(r"[^a-z]", "", str(portal_type).lower())
    return name.removeprefix("transparenca") or name


def text_of(value):
    """Plone rich text is {"data": html, ...}; plain fields are strings."""
    if isinstance(value, dict):
        return str(value.get("data") or "")
    return str(value or "")


def token(value):
    """A vocabulary value ({"token": ..., "title": ...}) or a plain string."""
    if isinstance(value, dict):
        return str(value.get("token") or "")
    return str(value or "")


class PloneAdapter(Adapter):
    def type_key(self, portal_type):
        if portal_type in self.source.type_map:
            return self.source.type_map[portal_type]
        return TYPES.get(type_name(portal_type))

    def search(self, params):
        """Every item of an anonymous `@search`, following the batches."""
        url = f"{self.base}/@search"
        query = {**params, "b_size": BATCH}
        start = 0
        while True:
            answer = expect(
                get_json(url, {**query, "b_start": start}, self.source.timeout),
                dict,
                "@search",
            )
            items = expect(answer.get("items"), list, "items")
            yield from items
            start += len(items)
            total = answer.get("items_total")
            if not items or not isinstance(total, int) or start >= total:
                return

    def listing_query(self, since=None):
        query = [
            ("metadata_fields", "UID"),
            ("metadata_fields", "modified"),
            ("sort_on", "modified"),
        ]
        if since:
            query += [
                ("modified.query", (since - OVERLAP).strftime("%Y-%m-%dT%H:%M:%S")),
                ("modified.range", "min"),
            ]
        return query

    def listing(self, since=None):
        found = {}
        for item in self.search(dict_query(self.listing_query(since))):
            item = expect(item, dict, "item")
            if not self.type_key(item.get("@type", "")):
                continue
            uid = item.get("UID")
            if not uid:
                raise SourceError(
                    gettext_noop("an item without UID in the search answer")
                )
            # De-duplicated by UID: overlapping windows and batches may
            # repeat an item; the newest modified wins.
            found[str(uid)] = max(found.get(str(uid), ""), str(item.get("modified")))
        return found

    def fetch(self, external_id):
        hits = list(self.search({"UID": external_id, "metadata_fields": "UID"}))
        if not hits:
            # Anonymous @search sees published items only: private, retracted
            # and deleted items are simply not there.
            raise Gone(f"{external_id} is not public")
        url = expect(hits[0], dict, "item").get("@id")
        if not url:
            raise SourceError(gettext_noop("a search hit without @id"))
        item = expect(
            get_json(url, {"expand": "translations"}, self.source.timeout),
            dict,
            "item",
        )
        if not self.type_key(item.get("@type", "")):
            # A folder (the add-on notifies for every content change) or a
            # type the hub does not index: nothing to show, not an error.
            raise Gone(f"{external_id} is a {item.get('@type')!r}, not indexed")
        return self.record(item)

    def group(self, item):
        """One key for an item and its translations, whichever is fetched
        first: `@translations` names the others by URL (not UID), so the key is
        the smallest URL of the set, hashed to a fixed length."""
        urls = [str(item.get("@id"))]
        translations = item.get("@components", {}).get("translations", {})
        others = translations.get("items", []) if isinstance(translations, dict) else []
        urls += [str(o["@id"]) for o in others if isinstance(o, dict) and o.get("@id")]
        return hashlib.sha256(min(urls).encode()).hexdigest()[:32]

    def record(self, item):
        language = token(item.get("language")) or self.source.language_map.get("", "sq")
        reference = next(
            (text_of(item[f]) for f in REFERENCE_FIELDS if item.get(f)), ""
        )
        day = next((item[f] for f in DATE_FIELDS if item.get(f)), None)
        return {
            "type": self.type_key(item.get("@type", "")),
            "locale": language,
            "title": item.get("title"),
            "summary": item.get("description"),
            "body": " ".join(
                text_of(item.get(f)) for f in ("text", "agenda", "body") if item.get(f)
            ),
            "url": item.get("@id"),
            "date": day,
            "modified": item.get("modified"),
            "reference_number": reference,
            "issuing_body": token(item.get("issuing_body")),
            "status": token(item.get("status")) or token(item.get("review_state")),
            "tags": list(item.get("subjects") or []),
            "opens_at": item.get("opens_at") or None,
            "closes_at": item.get("closes_at") or item.get("deadline") or None,
            "group": self.group(item),
        }


def dict_query(pairs):
    """urlencode takes a dict of lists for repeated keys."""
    query = {}
    for key, value in pairs:
        query.setdefault(key, []).append(value)
    return query
