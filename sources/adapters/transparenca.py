"""`transparenca`: another Transparenca site (e.g. a municipality, indexed by
a national portal) through its public Wagtail API, /api/v2/.

A reconcile costs a few requests, not one a page: one cheap listing of every
page (id, type, translation_key, last_published_at) in batches of 100, then,
for the pages that are new or were republished, one listing of their type with
`fields=*`, or a detail request each when that is fewer requests. Public
documents (the API leaves out restricted collections) come from one listing."""

import hashlib
from collections import Counter, defaultdict

from django.apps import apps

from core.locales import default_language_code

from ..remote import Gone, expect, get_json
from . import Adapter

PAGE_SIZE = 100  # the API's WAGTAILAPI_LIMIT_MAX
DOCUMENT_PREFIX = "doc-"
REFERENCE_FIELDS = ("official_number", "decision_number", "reference_number")
DATE_FIELDS = ("publication_date", "adoption_date", "decision_date", "session_date")
LISTING_FIELDS = "translation_key,last_published_at"


def stream_text(value):
    """Every string in a StreamField's JSON (block values, nested)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            if key not in ("type", "id")
            for text in stream_text(item)
        ]
    if isinstance(value, list):
        return [text for item in value for text in stream_text(item)]
    return []


def digest(*parts):
    # SourceItem.modified keeps 64 characters: a URL alone may be longer.
    return hashlib.sha256("|".join(str(p or "") for p in parts).encode()).hexdigest()


def marker(page):
    """Changes when the page is republished or moved (its URL changes)."""
    meta = page.get("meta") or {}
    return digest(meta.get("last_published_at"), meta.get("html_url"))


def document_marker(document):
    return digest(
        document.get("title"), (document.get("meta") or {}).get("download_url")
    )


class TransparencaAdapter(Adapter):
    def __init__(self, source):
        super().__init__(source)
        self.listed = {}  # page id -> the listing's entry (meta of every page)
        self.documents = {}  # "doc-<id>" -> the documents listing's entry

    def api(self, path, params=None):
        return get_json(
            f"{self.base}/api/v2/{path}", params=params, timeout=self.source.timeout
        )

    def type_key(self, page_type):
        """`municipal_acts.ActPage` -> the type key the page type declares here
        (the same code runs on both sides), or the source's own type map."""
        if page_type in self.source.type_map:
            return self.source.type_map[page_type]
        try:
            model = apps.get_model(page_type)
        except (LookupError, ValueError):
            return None
        return getattr(model, "content_type_key", "") or None

    def items(self, endpoint, params=None):
        offset = 0
        while True:
            answer = expect(
                self.api(
                    endpoint,
                    {**(params or {}), "limit": PAGE_SIZE, "offset": offset},
                ),
                dict,
                "listing",
            )
            items = expect(answer.get("items"), list, "items")
            for item in items:
                yield expect(item, dict, "item")
            total = expect(answer.get("meta", {}).get("total_count"), int, "total")
            offset += PAGE_SIZE
            if offset >= total or not items:
                return

    def listing(self):
        found = {}
        for page in self.items("pages/", {"fields": LISTING_FIELDS}):
            meta = expect(page.get("meta"), dict, "meta")
            if self.type_key(str(meta.get("type", ""))):
                self.listed[str(page["id"])] = page
                found[str(page["id"])] = marker(page)
        for document in self.items("documents/", {"fields": "*"}):
            external_id = f"{DOCUMENT_PREFIX}{document['id']}"
            self.documents[external_id] = document
            found[external_id] = document_marker(document)
        return found

    def group_of(self, page):
        """The page's translation group: its translation_key, which every
        translation of it shares."""
        meta = page.get("meta") or {}
        return str(meta.get("translation_key") or page.get("id"))

    def record(self, page):
        meta = expect(page.get("meta"), dict, "meta")
        reference = next((page[f] for f in REFERENCE_FIELDS if page.get(f)), "")
        day = next((page[f] for f in DATE_FIELDS if page.get(f)), None)
        department = page.get("department")
        return {
            "type": self.type_key(meta.get("type", "")),
            "locale": meta.get("locale"),
            "title": page.get("title"),
            "summary": page.get("summary") or meta.get("search_description"),
            "body": " ".join(stream_text(page.get("body"))),
            "url": meta.get("html_url"),
            "date": day or meta.get("first_published_at"),
            "reference_number": reference,
            "issuing_body": page.get("issuing_body") or "",
            "status": page.get("status") or "",
            "department": department.get("name", "")
            if isinstance(department, dict)
            else "",
            "group": self.group_of(page),
            "modified": marker(page),
        }

    def document_record(self, document):
        meta = expect(document.get("meta"), dict, "meta")
        url = str(meta.get("download_url") or "")
        if url.startswith("/"):  # Wagtail answers a path unless WAGTAILAPI_BASE_URL
            url = f"{self.base}{url}"
        return {
            "type": "document",
            # A document has no language; it is listed under the site's own.
            "locale": default_language_code(),
            "title": document.get("title"),
            "url": url,
            "date": meta.get("created_at"),
            "tags": meta.get("tags") or [],
            "modified": document_marker(document),
        }

    def fetch(self, external_id):
        external_id = str(external_id)
        if external_id.startswith(DOCUMENT_PREFIX):
            number = external_id.removeprefix(DOCUMENT_PREFIX)
            if not number.isdigit():
                raise Gone(f"not a document id: {external_id}")
            return self.document_record(
                expect(self.api(f"documents/{number}/"), dict, "document")
            )
        if not external_id.isdigit():
            raise Gone(f"not a page id: {external_id}")
        record = self.record(expect(self.api(f"pages/{external_id}/"), dict, "page"))
        if not record["type"]:
            raise Gone(f"page {external_id} is not a searchable type")
        return record

    def fetch_many(self, external_ids):
        records = {}
        by_type = defaultdict(list)
        for external_id in external_ids:
            if external_id in self.documents:
                records[external_id] = self.document_record(self.documents[external_id])
            elif external_id in self.listed:
                meta = self.listed[external_id]["meta"]
                by_type[meta["type"]].append(external_id)
            else:
                records[external_id] = self.fetch_or_none(external_id)
        sizes = Counter(page["meta"]["type"] for page in self.listed.values())
        for page_type, ids in by_type.items():
            if len(ids) <= -(-sizes[page_type] // PAGE_SIZE):  # listing requests
                records.update({i: self.fetch_or_none(i) for i in ids})
                continue
            wanted = set(ids)
            for page in self.items("pages/", {"type": page_type, "fields": "*"}):
                page_id = str(page.get("id"))
                if page_id in wanted:
                    records[page_id] = self.record(page)
                    wanted.discard(page_id)
            # Listed a moment ago but gone now: not public any more.
            records.update(dict.fromkeys(wanted))
        return records

    def fetch_or_none(self, external_id):
        try:
            return self.fetch(external_id)
        except Gone:
            return None
