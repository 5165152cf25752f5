"""OpenAPI 3.1 path objects of the search API; the portal's schema merges them."""

from core.locales import content_language_codes
from core.openapi import STRING, array, json_response, obj
from core.openapi import form_parameter as _param
from core.search_registry import registry

from .params import (
    FACETS,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_QUERY,
    MAX_YEAR,
    MIN_YEAR,
    SORTS,
    type_keys,
)

# Imported when the search app is ready, so every type has registered.
TYPES = type_keys()

LOCALES = [*content_language_codes(), "all"]

_ERROR = json_response(
    "An invalid parameter; `parameter` names it.",
    obj({"error": STRING, "parameter": STRING}, ["error", "parameter"]),
)

_RESULT = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "examples": ["page-22"]},
        "type": {"type": "string", "enum": TYPES},
        "title": {"type": "string"},
        "url": {"type": "string"},
        "locale": {"type": "string", "enum": LOCALES[:-1]},
        "date": {"type": ["string", "null"], "format": "date"},
        "snippet": {
            "type": "string",
            "description": "HTML-escaped text; matching words wrapped in <mark>.",
        },
        "languages": {
            "type": "array",
            "description": "The other published language versions.",
            "items": {
                "type": "object",
                "properties": {"locale": {"type": "string"}, "url": {"type": "string"}},
            },
        },
        "reference_number": {"type": "string", "examples": ["01-016/18"]},
        "source": {
            "type": "string",
            "description": "`local`, or the slug of the external source it is from.",
        },
        "municipality": {"type": ["string", "null"], "examples": ["gjilan"]},
        "attached_to": {
            "type": ["object", "null"],
            "description": (
                "For an attached document: the page it hangs on (a document on "
                "two pages is a result under each). Null for everything else."
            ),
            "properties": {"title": {"type": "string"}, "url": {"type": "string"}},
        },
    },
}

_BUCKETS = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "value": {"type": "string"},
            "count": {"type": "integer"},
            "label": {"type": "string"},
        },
    },
}

_FACETS = {
    "type": "object",
    "properties": dict.fromkeys(FACETS, _BUCKETS),
}

SEARCH_API_PATHS = {
    "/api/search/": {
        "get": {
            "operationId": "search",
            "tags": ["search"],
            "summary": "Search every published item in every language",
            "description": (
                "Relevance-ranked search over every published type (see `type`) "
                "and attached documents. Quote words for a phrase. Language versions "
                "of one item are grouped. With Elasticsearch unavailable the answer "
                "comes from the database and `degraded` is true."
            ),
            "parameters": [
                _param(
                    "q",
                    'Words, "a phrase" or a reference number.',
                    {"type": "string", "maxLength": MAX_QUERY},
                ),
                _param(
                    "type",
                    "Comma-separated types.",
                    {"type": "string", "examples": [",".join(TYPES[1::-1])]},
                ),
                _param(
                    "lang",
                    "The visitor's language, preferred among translations (default: "
                    "Accept-Language).",
                    {"type": "string", "enum": LOCALES[:-1]},
                ),
                _param(
                    "locale",
                    "Language; defaults to the visitor's.",
                    {"type": "string", "enum": LOCALES},
                ),
                _param(
                    "from",
                    "Published on or after.",
                    {"type": "string", "format": "date"},
                ),
                _param(
                    "to",
                    "Published on or before.",
                    {"type": "string", "format": "date"},
                ),
                _param(
                    "year",
                    "Publication year.",
                    {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
                ),
                _param(
                    "department",
                    "Department key (from the department facet).",
                    {"type": "string"},
                ),
                _param(
                    "issuing_body",
                    "assembly, mayor or directorate.",
                    {"type": "string"},
                ),
                _param(
                    "status",
                    "A stored status, or a state computed at the moment of the "
                    "request: " + ", ".join(registry.state_values()) + ".",
                    {"type": "string", "pattern": "^[a-z_]*$"},
                ),
                _param(
                    "source",
                    "Where the item comes from: `local` (this site) or a source's "
                    "slug (from the source facet).",
                    {"type": "string", "pattern": "^[a-z0-9_-]*$"},
                ),
                _param(
                    "sort",
                    "Order.",
                    {"type": "string", "enum": SORTS, "default": "relevance"},
                ),
                _param(
                    "page",
                    "Page number.",
                    {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": MAX_PAGE,
                        "default": 1,
                    },
                ),
                _param(
                    "page_size",
                    "Results per page.",
                    {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": MAX_PAGE_SIZE,
                        "default": 20,
                    },
                ),
            ],
            "responses": {
                "200": json_response(
                    "One page of grouped results with facet counts.",
                    obj(
                        {
                            "query": {"type": "string"},
                            "total": {"type": "integer"},
                            "page": {"type": "integer"},
                            "page_size": {"type": "integer"},
                            "degraded": {"type": "boolean"},
                            "did_you_mean": {"type": "string"},
                            "results": array(_RESULT),
                            "facets": _FACETS,
                        }
                    ),
                ),
                "400": _ERROR,
            },
        }
    },
    "/api/search/suggest/": {
        "get": {
            "operationId": "searchSuggest",
            "tags": ["search"],
            "summary": "Title suggestions while typing (at most 8)",
            "parameters": [
                _param(
                    "q",
                    "The start of a title or number.",
                    {"type": "string", "maxLength": MAX_QUERY},
                ),
                _param(
                    "locale", "Preferred language.", {"type": "string", "enum": LOCALES}
                ),
            ],
            "responses": {
                "200": json_response(
                    "Suggestions; empty when search is unavailable.",
                    obj(
                        {
                            "suggestions": array(
                                obj(
                                    {
                                        "title": {"type": "string"},
                                        "url": {"type": "string"},
                                        "type": {"type": "string", "enum": TYPES},
                                    }
                                ),
                                maxItems=8,
                            )
                        }
                    ),
                ),
                "400": _ERROR,
            },
        }
    },
}
