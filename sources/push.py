"""The push ingest: what a headless CMS may send, checked field by field
against ITEM_SCHEMA (also published in the OpenAPI description)."""

from django.utils.translation import gettext as _

from .indexing import TYPE_KEYS, normalise, remove, store
from .models import SourceItem

MAX_ITEMS = 500
TEXT = {"type": "string", "maxLength": 200_000}
ITEM_SCHEMA = {
    "type": "object",
    "required": ["id", "version", "type", "locale", "title", "url"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": "^[A-Za-z0-9._:-]{1,100}$"},
        "version": {
            "type": "string",
            "maxLength": 100,
            "description": "Changes whenever the item does; the same id and "
            "version sent again is a no-op.",
        },
        "type": {"type": "string", "enum": sorted(TYPE_KEYS)},
        "locale": {"type": "string", "maxLength": 10, "examples": ["sq", "sr"]},
        "title": {"type": "string", "minLength": 1, "maxLength": 500},
        "url": {"type": "string", "format": "uri", "maxLength": 1000},
        "summary": {"type": "string", "maxLength": 5000},
        "body": TEXT,
        "date": {"type": "string", "format": "date"},
        "reference_number": {"type": "string", "maxLength": 100},
        "department": {"type": "string", "maxLength": 200},
        "issuing_body": {"type": "string", "maxLength": 200},
        "status": {"type": "string", "maxLength": 50},
        "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 50},
        "group": {
            "type": "string",
            "maxLength": 200,
            "description": "Translations of one item share a group.",
        },
        "opens_at": {"type": "string", "format": "date-time"},
        "closes_at": {"type": "string", "format": "date-time"},
    },
}
PUSH_SCHEMA = {
    "type": "object",
    "required": ["timestamp", "nonce"],
    "additionalProperties": False,
    "properties": {
        "timestamp": {
            "type": "integer",
            "description": "Unix seconds; at most five minutes off the hub's clock.",
        },
        "nonce": {
            "type": "string",
            "minLength": 8,
            "maxLength": 100,
            "description": "Unique per request (replay protection).",
        },
        "items": {"type": "array", "items": ITEM_SCHEMA, "maxItems": MAX_ITEMS},
        "deleted": {
            "type": "array",
            "items": {"type": "string", "maxLength": 100},
            "maxItems": MAX_ITEMS,
        },
    },
}
PYTHON_TYPES = {"string": str, "integer": int, "array": list, "object": dict}


class Invalid(Exception):
    def __init__(self, details):
        super().__init__("; ".join(details))
        self.details = details


def check(value, schema, where, errors):
    """The subset of JSON Schema the push schema uses."""
    kind = PYTHON_TYPES[schema["type"]]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        errors.append(
            _("%(where)s: must be of type %(type)s")
            % {"where": where, "type": schema["type"]}
        )
        return
    if kind is str:
        if len(value) < schema.get("minLength", 0):
            errors.append(_("%(where)s: must not be empty") % {"where": where})
        if len(value) > schema.get("maxLength", 10**9):
            errors.append(_("%(where)s: is too long") % {"where": where})
        if "enum" in schema and value not in schema["enum"]:
            errors.append(
                _("%(where)s: must be one of %(values)s")
                % {"where": where, "values": ", ".join(schema["enum"])}
            )
    if kind is list:
        if len(value) > schema.get("maxItems", 10**9):
            errors.append(_("%(where)s: too many entries") % {"where": where})
            return
        for number, entry in enumerate(value):
            check(entry, schema["items"], f"{where}[{number}]", errors)
    if kind is dict:
        for name in schema.get("required", []):
            if name not in value:
                errors.append(
                    _("%(where)s: %(name)s is required")
                    % {"where": where, "name": name}
                )
        for name, entry in value.items():
            if name not in schema["properties"]:
                errors.append(
                    _("%(where)s: unknown field %(name)s")
                    % {"where": where, "name": name}
                )
            else:
                check(entry, schema["properties"][name], f"{where}.{name}", errors)


def validate(source, payload):
    """(records to store, ids to delete), or Invalid listing every problem."""
    errors = []
    check(payload, PUSH_SCHEMA, "body", errors)
    if errors:
        raise Invalid(errors)
    records = {}
    for number, item in enumerate(payload.get("items", [])):
        try:
            fields = normalise(source, item)
        except ValueError as error:
            errors.append(f"body.items[{number}]: {error}")
            continue
        if item["id"] in records:
            errors.append(f"body.items[{number}]: id {item['id']} is sent twice")
        records[item["id"]] = {**fields, "version": item["version"]}
    if errors:
        raise Invalid(errors)
    return records, list(payload.get("deleted", []))


def apply(source, records, deleted):
    known = dict(
        SourceItem.objects.filter(
            source=source, external_id__in=list(records)
        ).values_list("external_id", "version")
    )
    # Idempotency: an item already stored at this version is left alone.
    fresh = {
        external_id: fields
        for external_id, fields in records.items()
        if known.get(external_id) != fields["version"]
    }
    stored = store(source, fresh)
    removed = remove(source, deleted)
    source.record_success()
    return {
        "received": len(records),
        "stored": stored,
        "unchanged": len(records) - stored,
        "deleted": removed,
    }
