"""The language-parity API in the site's OpenAPI description (see core.openapi)."""

from core.openapi import PROBLEM, TOO_MANY_REQUESTS, json_response, register_path

LOCALE_FIGURES = {
    "type": "object",
    "properties": {
        "locale": {"type": "string"},
        "total": {"type": "integer", "minimum": 0},
        "available": {"type": "integer", "minimum": 0},
        "share": {"type": "number", "minimum": 0, "maximum": 1},
        "median_delay_days": {"type": "number", "nullable": True},
        "worst_delay_days": {"type": "number", "nullable": True},
        "gaps": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "url": {"type": "string", "nullable": True},
                    "first_published_at": {"type": "string", "format": "date-time"},
                    "waiting_days": {"type": "number"},
                },
            },
        },
    },
}
PARITY = {
    "type": "object",
    "required": ["source_locale", "sections"],
    "properties": {
        "source_locale": {"type": "string"},
        "from": {"type": "string", "format": "date", "nullable": True},
        "to": {"type": "string", "format": "date", "nullable": True},
        "sections": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "section": {
                        "type": "object",
                        "properties": {
                            "id": {"type": "integer"},
                            "title": {"type": "string"},
                        },
                    },
                    "locales": {"type": "array", "items": LOCALE_FIGURES},
                },
            },
        },
    },
}


def register():
    date = {"type": "string", "format": "date"}
    register_path(
        "/api/parity/",
        {
            "get": {
                "summary": "How much of each section is published in each language",
                "operationId": "language_parity",
                "tags": ["parity"],
                "parameters": [
                    {
                        "name": name,
                        "in": "query",
                        # An empty value (a blank form field) means the default.
                        "allowEmptyValue": True,
                        "description": description,
                        "schema": date,
                    }
                    for name, description in (
                        ("from", "Source items first published on or after this day."),
                        ("to", "Source items first published on or before this day."),
                    )
                ],
                "responses": {
                    "200": json_response("The parity report.", PARITY),
                    "400": json_response(
                        "A date is invalid; `error` says why.", PROBLEM
                    ),
                    "429": TOO_MANY_REQUESTS,
                },
            }
        },
    )
