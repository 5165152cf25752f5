"""The OpenAPI 3 description of the public API, served at /api/schema/.

Hand-maintained: each app that adds an endpoint describes it with
`register_path()` (e.g. in its AppConfig.ready()), so the schema lives next to
the code it documents."""

import copy
import re

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET

OPENAPI_VERSION = "3.1.0"

_paths = {}
_components = {}


def register_path(path, operations):
    """Describe one URL path. `operations` is an OpenAPI Path Item object:
    {"get": {...}}. Registering the same path again replaces it."""
    if not path.startswith("/"):
        raise ValueError(f"OpenAPI paths start with '/': {path!r}")
    _paths[path] = copy.deepcopy(operations)


def register_component(kind, name, definition):
    """Add a reusable component, e.g. register_component("schemas", "Hit", {...})."""
    _components.setdefault(kind, {})[name] = copy.deepcopy(definition)


def alternatives(values):
    return "|".join(re.escape(value) for value in values)


def listing_values(endpoint):
    """{parameter: schema} for the values a listing accepts, from the API's own
    field and model lists, so the description can't drift from the code."""
    from wagtail.models import get_page_models

    from core.api import api_router

    viewset = api_router._endpoints[endpoint]
    columns = viewset.get_available_fields(viewset.model, db_fields_only=True)
    names = alternatives(viewset.get_available_fields(viewset.model))
    values = {
        # `random` exists too, but not with `offset`; a single page type also
        # orders by its own columns (with `type=`).
        "order": {
            "type": "string",
            "enum": ["", *(value for name in columns for value in (name, f"-{name}"))],
        },
        # Blank; `*` less some; `_` (none) plus some; or names to add or remove.
        "fields": {
            "type": "string",
            "pattern": (
                rf"^$|^\*(,-({names}))*$|^_(,({names}))*$"
                rf"|^-?({names})(,-?({names}))*$"
            ),
        },
    }
    if endpoint == "pages":
        types = alternatives(
            f"{model._meta.app_label}.{model.__name__}" for model in get_page_models()
        )
        values["type"] = {
            "type": "string",
            "pattern": rf"^$|^({types})(,({types}))*$",
        }
    return values


def declare_values(paths):
    for endpoint in ("pages", "images", "documents"):
        operation = paths.get(f"/api/v2/{endpoint}/", {}).get("get", {})
        values = listing_values(endpoint)
        for parameter in operation.get("parameters", []):
            if parameter["name"] in values:
                parameter["schema"] = values[parameter["name"]]
    return paths


def get_schema():
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "Transparenca API",
            "version": "2",
            "description": (
                "Read-only access to everything the municipality publishes: acts, "
                "decisions, minutes, competitions, press releases, notices, "
                "invitations and assembly sessions, in every language. Only live, "
                "public pages are served."
            ),
        },
        "paths": declare_values(copy.deepcopy(dict(sorted(_paths.items())))),
        "components": copy.deepcopy(_components),
    }


@require_GET
def schema_view(request):
    return JsonResponse(get_schema(), json_dumps_params={"ensure_ascii": False})


def _parameter(name, description, schema=None, location="query"):
    return {
        "name": name,
        "in": location,
        "required": location == "path",
        "description": description,
        "schema": schema or {"type": "string"},
    }


ERROR = {"$ref": "#/components/schemas/Error"}
# The app's own JSON views (stats, parity, rate limits) answer {"error": "..."}.
PROBLEM = {"$ref": "#/components/schemas/Problem"}


def json_response(description, schema):
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }


TOO_MANY_REQUESTS = {
    **json_response("Too many requests from this address; retry later.", PROBLEM),
    "headers": {
        "Retry-After": {
            "description": "Seconds to wait before retrying.",
            "schema": {"type": "integer"},
        }
    },
}
# Elasticsearch's max_result_window (search.query.MAX_WINDOW), repeated here so
# the description can be built before the apps are loaded.
SEARCH_WINDOW = 10_000
# Wagtail's own default when a site does not set it.
LIMIT_MAX = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
LISTING_PARAMETERS = [
    _parameter(
        "limit",
        f"Items per page (default 20, at most {LIMIT_MAX}).",
        {"type": "integer", "minimum": 0, "maximum": LIMIT_MAX},
    ),
    _parameter(
        "offset",
        "Items to skip; no listing pages past the first "
        f"{SEARCH_WINDOW} items (narrow it with filters instead).",
        {"type": "integer", "minimum": 0, "maximum": SEARCH_WINDOW - 100},
    ),
    _parameter("fields", "Fields to add or remove, e.g. `*` or `summary,-title`."),
    _parameter("order", "Field to order by; `-field` for descending."),
    _parameter(
        "search",
        "Full-text search terms (blank: no search). Pages are searched in every "
        "language on the transparency index, images and documents on titles.",
        {"type": "string", "maxLength": 200},
    ),
    _parameter(
        "search_operator",
        "How search terms combine (default `or`).",
        {"type": "string", "enum": ["and", "or"]},
    ),
]
PAGE_PARAMETERS = [
    _parameter(
        "type",
        "Page type as app_label.ModelName, e.g. `municipal_acts.MunicipalActPage`; "
        "several separated by commas. With one type its fields can be filtered "
        "by value, e.g. `&status=in_force`.",
    ),
    _parameter("locale", "Language code: `sq`, `sr`, `tr` or `en`."),
    _parameter(
        "published_after",
        "Only pages published on or after this date (YYYY-MM-DD).",
        {"type": "string", "format": "date"},
    ),
    _parameter(
        "published_before",
        "Only pages published on or before this date (YYYY-MM-DD).",
        {"type": "string", "format": "date"},
    ),
    _parameter(
        "child_of",
        "Id of the parent page (404 if it is not a live, public page).",
        {"type": "integer", "minimum": 0},
    ),
    _parameter(
        "descendant_of",
        "Id of an ancestor page (404 if it is not a live, public page).",
        {"type": "integer", "minimum": 0},
    ),
    _parameter(
        "translation_of",
        "Id of a page: its translations (404 if it is not a live, public page).",
        {"type": "integer", "minimum": 0},
    ),
]


def _responses(item_schema, listing, not_found="No such live, public object."):
    ok = (
        {
            "type": "object",
            "properties": {
                "meta": {
                    "type": "object",
                    "properties": {"total_count": {"type": "integer"}},
                },
                "items": {"type": "array", "items": item_schema},
            },
        }
        if listing
        else item_schema
    )
    responses = {
        "200": {"description": "OK", "content": {"application/json": {"schema": ok}}},
        "400": {
            "description": "A parameter is invalid; `message` says which.",
            "content": {"application/json": {"schema": ERROR}},
        },
    }
    if not_found:
        responses["404"] = json_response(not_found, ERROR)
    return responses


def _endpoint(name, summary, item_schema, extra_parameters=(), listing_not_found=None):
    id_parameter = _parameter("id", "Object id.", {"type": "integer"}, "path")
    register_path(
        f"/api/v2/{name}/",
        {
            "get": {
                "summary": f"List {summary}",
                "operationId": f"list_{name}",
                "tags": [name],
                "parameters": [*LISTING_PARAMETERS, *extra_parameters],
                "responses": _responses(
                    item_schema, listing=True, not_found=listing_not_found
                ),
            }
        },
    )
    register_path(
        f"/api/v2/{name}/{{id}}/",
        {
            "get": {
                "summary": f"One of the {summary}, with every field",
                "operationId": f"get_{name}",
                "tags": [name],
                "parameters": [id_parameter],
                "responses": _responses(item_schema, listing=False),
            }
        },
    )


register_component(
    "schemas",
    "Error",
    {
        "type": "object",
        "required": ["message"],
        "properties": {"message": {"type": "string"}},
    },
)
register_component(
    "schemas",
    "Problem",
    {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string"}},
    },
)
register_component(
    "schemas",
    "Page",
    {
        "type": "object",
        "description": (
            "A published page. Besides these, each type has its own fields "
            "(listed with `fields=*`), e.g. acts: official_number, act_type, "
            "issuing_body, adoption_date, status, amends, repeals; competitions: "
            "kind, opens_at, closes_at, state; sessions: number, starts_at, "
            "agenda, livestream_url, recording_url."
        ),
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "summary": {"type": "string"},
            "publication_date": {"type": ["string", "null"], "format": "date"},
            "meta": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "example": "press.NoticePage"},
                    "detail_url": {"type": "string", "format": "uri"},
                    "html_url": {"type": "string", "format": "uri"},
                    "slug": {"type": "string"},
                    "first_published_at": {"type": "string", "format": "date-time"},
                    "locale": {"type": "string", "example": "sq"},
                },
            },
        },
        "additionalProperties": True,
    },
)
register_component(
    "schemas",
    "Media",
    {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "meta": {"type": "object", "additionalProperties": True},
        },
        "additionalProperties": True,
    },
)
_endpoint(
    "pages",
    "published pages",
    {"$ref": "#/components/schemas/Page"},
    PAGE_PARAMETERS,
    listing_not_found=(
        "`locale` names no language of the site, or `child_of`, "
        "`descendant_of` or `translation_of` no live, public page."
    ),
)
_endpoint("images", "images", {"$ref": "#/components/schemas/Media"})
_endpoint("documents", "documents", {"$ref": "#/components/schemas/Media"})
register_path(
    "/api/schema/",
    {
        "get": {
            "summary": "This OpenAPI description",
            "operationId": "openapi_schema",
            "tags": ["schema"],
            "responses": {
                "200": json_response("The OpenAPI 3 document.", {"type": "object"})
            },
        }
    },
)
