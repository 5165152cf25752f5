"""The OpenAPI 3 description of the public API, served at /api/schema/.

Hand-maintained: each app that adds an endpoint describes it with
`register_get()`/`register_path()` (e.g. in its AppConfig.ready()), so the
schema lives next to the code it documents. The builder below holds what the
descriptions share (parameters, JSON responses, errors, the rate-limit answer,
object and array schemas), so no app's module repeats another's."""

import copy
import re

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .locales import content_language_codes, default_language_code

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


# --- the builder: the pieces every app's description reuses ----------------
STRING = {"type": "string"}
ID = {"type": "integer", "minimum": 0}
INTEGER = {"type": "integer"}
COUNT = {"type": "integer", "minimum": 0}
DATE = {"type": "string", "format": "date"}
ERROR = {"$ref": "#/components/schemas/Error"}
# The app's own JSON views (stats, parity, rate limits) answer {"error": "..."}.
PROBLEM = {"$ref": "#/components/schemas/Problem"}


def obj(properties, required=None, **extra):
    """An object schema; `extra` adds e.g. additionalProperties or description."""
    schema = {"type": "object", **extra}
    if properties:
        schema["properties"] = properties
    if required:
        schema["required"] = list(required)
    return schema


def array(items, **extra):
    return {"type": "array", **extra, "items": items}


def parameter(name, description, schema=None, location="query"):
    return {
        "name": name,
        "in": location,
        "required": location == "path",
        "description": description,
        "schema": schema or STRING,
    }


def form_parameter(name, description, schema):
    """A query parameter of a plain GET form: blank (an empty form field) means
    the default, as on the HTML page."""
    return {**parameter(name, description, schema), "allowEmptyValue": True}


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
            "schema": INTEGER,
        }
    },
}


def register_get(path, operation_id, tag, summary, responses, **operation):
    """Describe a read-only endpoint; `operation` adds parameters, description."""
    get = {"summary": summary, "operationId": operation_id, "tags": [tag]}
    register_path(path, {"get": {**get, **operation, "responses": responses}})


def dated_figures(path, operation_id, tag, summary, figures, **operation):
    """A rate-limited report over a period given as `from`/`to` dates."""
    responses = {
        "200": json_response(figures[0], figures[1]),
        "400": json_response("A date is invalid; `error` says why.", PROBLEM),
        "429": TOO_MANY_REQUESTS,
    }
    register_get(path, operation_id, tag, summary, responses, **operation)


# --- core's own paths: the Wagtail pages/images/documents API ----------------
# Elasticsearch's max_result_window (search.query.MAX_WINDOW), repeated here so
# the description can be built before the apps are loaded.
SEARCH_WINDOW = 10_000
# Wagtail's own default when a site does not set it.
LIMIT_MAX = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
LISTING_PARAMETERS = [
    parameter(
        "limit",
        f"Items per page (default 20, at most {LIMIT_MAX}).",
        {"type": "integer", "minimum": 0, "maximum": LIMIT_MAX},
    ),
    parameter(
        "offset",
        "Items to skip; no listing pages past the first "
        f"{SEARCH_WINDOW} items (narrow it with filters instead).",
        {"type": "integer", "minimum": 0, "maximum": SEARCH_WINDOW - 100},
    ),
    parameter("fields", "Fields to add or remove, e.g. `*` or `summary,-title`."),
    parameter("order", "Field to order by; `-field` for descending."),
    parameter(
        "search",
        "Full-text search terms (blank: no search). Pages are searched in every "
        "language on the transparency index, images and documents on titles.",
        {"type": "string", "maxLength": 200},
    ),
    parameter(
        "search_operator",
        "How search terms combine (default `or`).",
        {"type": "string", "enum": ["and", "or"]},
    ),
]
_codes = [f"`{code}`" for code in content_language_codes()]
PAGE_PARAMETERS = [
    parameter(
        "type",
        "Page type as app_label.ModelName, e.g. `municipal_acts.MunicipalActPage`; "
        "several separated by commas. With one type its fields can be filtered "
        "by value, e.g. `&status=in_force`.",
    ),
    parameter("locale", f"Language code: {', '.join(_codes[:-1])} or {_codes[-1]}."),
    parameter(
        "published_after",
        "Only pages published on or after this date (YYYY-MM-DD).",
        DATE,
    ),
    parameter(
        "published_before",
        "Only pages published on or before this date (YYYY-MM-DD).",
        DATE,
    ),
    *(
        parameter(name, f"{description} (404 if it is not a live, public page).", ID)
        for name, description in (
            ("child_of", "Id of the parent page"),
            ("descendant_of", "Id of an ancestor page"),
            ("translation_of", "Id of a page: its translations"),
        )
    ),
]


def _endpoint(name, summary, item, extra_parameters=(), listing_not_found=None):
    listing = obj({"meta": obj({"total_count": INTEGER}), "items": array(item)})
    invalid = json_response("A parameter is invalid; `message` says which.", ERROR)
    not_found = {"404": json_response(listing_not_found, ERROR)}
    register_get(
        f"/api/v2/{name}/",
        f"list_{name}",
        name,
        f"List {summary}",
        {
            "200": json_response("OK", listing),
            "400": invalid,
            **(not_found if listing_not_found else {}),
        },
        parameters=[*LISTING_PARAMETERS, *extra_parameters],
    )
    register_get(
        f"/api/v2/{name}/{{id}}/",
        f"get_{name}",
        name,
        f"One of the {summary}, with every field",
        {
            "200": json_response("OK", item),
            "400": invalid,
            "404": json_response("No such live, public object.", ERROR),
        },
        parameters=[parameter("id", "Object id.", INTEGER, "path")],
    )


register_component("schemas", "Error", obj({"message": STRING}, ["message"]))
register_component("schemas", "Problem", obj({"error": STRING}, ["error"]))
PAGE = obj(
    {
        "id": INTEGER,
        "title": STRING,
        "summary": STRING,
        "publication_date": {"type": ["string", "null"], "format": "date"},
        "meta": obj(
            {
                "type": {"type": "string", "example": "press.NoticePage"},
                "detail_url": {"type": "string", "format": "uri"},
                "html_url": {"type": "string", "format": "uri"},
                "slug": STRING,
                "first_published_at": {"type": "string", "format": "date-time"},
                "last_published_at": {"type": "string", "format": "date-time"},
                "translation_key": {"type": "string", "format": "uuid"},
                "locale": {"type": "string", "example": default_language_code()},
            }
        ),
    },
    description=(
        "A published page. Besides these, each type has its own fields "
        "(listed with `fields=*`), e.g. acts: official_number, act_type, "
        "issuing_body, adoption_date, status, amends, repeals; competitions: "
        "kind, opens_at, closes_at, state; sessions: number, starts_at, "
        "agenda, livestream_url, recording_url."
    ),
    additionalProperties=True,
)
register_component("schemas", "Page", PAGE)
MEDIA = {"id": INTEGER, "title": STRING, "meta": obj({}, additionalProperties=True)}
register_component("schemas", "Media", obj(MEDIA, additionalProperties=True))
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
register_get(
    "/api/schema/",
    "openapi_schema",
    "schema",
    "This OpenAPI description",
    {"200": json_response("The OpenAPI 3 document.", {"type": "object"})},
)
