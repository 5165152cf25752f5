"""The webhook and push endpoints in the site's OpenAPI description."""

from core.openapi import (
    PROBLEM,
    TOO_MANY_REQUESTS,
    json_response,
    register_component,
    register_path,
)

from .push import PUSH_SCHEMA

SLUG = {
    "name": "slug",
    "in": "path",
    "required": True,
    "description": "The source's slug, as configured in the hub.",
    "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
}


def register():
    register_component(
        "securitySchemes",
        "sourceToken",
        {"type": "http", "scheme": "bearer", "description": "The push source's token."},
    )
    register_path(
        "/api/sources/{slug}/push/",
        {
            "post": {
                "summary": "Send items of a headless CMS to the hub's search",
                "description": (
                    "Authenticated with the source's bearer token. Each request "
                    "carries a timestamp (five minutes either way) and a nonce used "
                    "once. An item sent again with the same id and version is not "
                    "re-indexed; `deleted` lists ids to remove."
                ),
                "operationId": "sources_push",
                "tags": ["sources"],
                "security": [{"sourceToken": []}],
                "parameters": [SLUG],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": PUSH_SCHEMA}},
                },
                "responses": {
                    "200": json_response(
                        "What was stored.",
                        {
                            "type": "object",
                            "properties": {
                                name: {"type": "integer", "minimum": 0}
                                for name in (
                                    "received",
                                    "stored",
                                    "unchanged",
                                    "deleted",
                                )
                            },
                        },
                    ),
                    "400": json_response(
                        "The body does not match the schema.", PROBLEM
                    ),
                    "401": json_response(
                        "Token, timestamp or nonce missing or wrong.", PROBLEM
                    ),
                    "404": json_response("No such push source.", PROBLEM),
                    "409": json_response("The nonce was already used.", PROBLEM),
                    "429": TOO_MANY_REQUESTS,
                },
            }
        },
    )
    register_path(
        "/api/sources/{slug}/webhook/",
        {
            "post": {
                "summary": "Tell the hub that an item of a source changed",
                "description": (
                    "Signed: `X-Transparenca-Signature: sha256=<hex HMAC-SHA256 of "
                    "the raw body with the shared secret>`. The hub fetches the item "
                    "itself, in the background, as an anonymous visitor."
                ),
                "operationId": "sources_webhook",
                "tags": ["sources"],
                "parameters": [SLUG],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["event", "uid", "timestamp", "nonce"],
                                "properties": {
                                    "event": {
                                        "type": "string",
                                        "enum": [
                                            "publish",
                                            "modify",
                                            "retract",
                                            "delete",
                                            "move",
                                            "private",
                                        ],
                                    },
                                    "uid": {"type": "string", "maxLength": 200},
                                    "timestamp": {"type": ["integer", "string"]},
                                    "nonce": {"type": "string", "minLength": 8},
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "202": json_response("The pull is queued.", {"type": "object"}),
                    "400": json_response("The body is not a webhook.", PROBLEM),
                    "401": json_response("Signature or timestamp wrong.", PROBLEM),
                    "404": json_response("No such source.", PROBLEM),
                    "409": json_response("The nonce was already used.", PROBLEM),
                    "429": TOO_MANY_REQUESTS,
                },
            }
        },
    )
