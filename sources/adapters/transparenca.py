"""`transparenca`: another Transparenca site (e.g. a municipality, indexed by
a national portal) through its public Wagtail API, /api/v2/pages/."""

from django.apps import apps

from ..remote import Gone, expect, get_json
from . import Adapter

PAGE_SIZE = 100  # the API's WAGTAILAPI_LIMIT_MAX
REFERENCE_FIELDS = ("official_number", "decision_number", "reference_number")
DATE_FIELDS = ("publication_date", "adoption_date", "decision_date", "session_date")


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


class TransparencaAdapter(Adapter):
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

    def pages(self, params=None):
        offset = 0
        while True:
            answer = expect(
                self.api(
                    "pages/", {**(params or {}), "limit": PAGE_SIZE, "offset": offset}
                ),
                dict,
                "the page listing",
            )
            items = expect(answer.get("items"), list, "items")
            yield from items
            total = expect(answer.get("meta", {}).get("total_count"), int, "total")
            offset += PAGE_SIZE
            if offset >= total or not items:
                return

    def listing(self):
        found = {}
        for page in self.pages():
            page = expect(page, dict, "a page")
            key = self.type_key(str(page.get("meta", {}).get("type", "")))
            if key:
                found[str(page["id"])] = ""  # no modification time in the API
        return found

    def groups(self, ids):
        """{page id: group key}: a page and its translations (`translation_of`)
        share the smallest of their ids, whichever is read first."""
        group = {}
        for page_id in ids:
            if page_id in group:
                continue
            members = [page_id] + [
                str(other["id"]) for other in self.pages({"translation_of": page_id})
            ]
            key = min(members, key=int)
            for member in members:
                group[member] = key
        return group

    def record(self, page, group):
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
            "group": group,
        }

    def fetch(self, external_id, group=None):
        try:
            page = expect(self.api(f"pages/{int(external_id)}/"), dict, "a page")
        except ValueError as error:
            raise Gone(f"not a page id: {external_id}") from error
        if group is None:  # one page (a webhook): ask for its translations
            group = self.groups([str(external_id)])[str(external_id)]
        record = self.record(page, group)
        if not record["type"]:
            raise Gone(f"page {external_id} is not a searchable type")
        return record

    def fetch_many(self, external_ids):
        # The API has no modification time: every reconcile re-reads each page
        # and the content hash decides what is re-indexed.
        ids = list(external_ids)
        group = self.groups(ids)
        records = {}
        for page_id in ids:
            try:
                records[page_id] = self.fetch(page_id, group.get(page_id))
            except Gone:
                records[page_id] = None
        return records
