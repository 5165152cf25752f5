"""The statistics API in the site's OpenAPI description (see core.openapi)."""

from core.openapi import PROBLEM, TOO_MANY_REQUESTS, json_response, register_path

STATISTICS = {
    "type": "object",
    "required": ["from", "to", "received"],
    "properties": {
        "from": {"type": "string", "format": "date"},
        "to": {"type": "string", "format": "date"},
        "received": {"type": "integer", "minimum": 0},
        "by_requester_category": {
            "type": "object",
            "additionalProperties": {"type": "integer"},
        },
        "answered_on_time": {"type": "integer", "minimum": 0},
        "answered_late": {"type": "integer", "minimum": 0},
        "pending": {"type": "integer", "minimum": 0},
        "transferred": {"type": "integer", "minimum": 0},
        "withdrawn": {"type": "integer", "minimum": 0},
        "extended": {"type": "integer", "minimum": 0},
        "refused_by_ground": {
            "type": "object",
            "additionalProperties": {"type": "integer"},
        },
        "median_working_days_to_answer": {"type": "number", "nullable": True},
    },
}


def register():
    date = {"type": "string", "format": "date"}
    register_path(
        "/api/access-requests/stats/",
        {
            "get": {
                "summary": "Access-request statistics for a period",
                "description": (
                    "Counts only: no requester's personal data. The period defaults "
                    "to this year and may be at most twenty years long."
                ),
                "operationId": "access_request_statistics",
                "tags": ["access-requests"],
                "parameters": [
                    {
                        "name": "from",
                        "in": "query",
                        # An empty value (a blank form field) means the default.
                        "allowEmptyValue": True,
                        "description": "First day (YYYY-MM-DD); 1 January by default.",
                        "schema": date,
                    },
                    {
                        "name": "to",
                        "in": "query",
                        # An empty value (a blank form field) means the default.
                        "allowEmptyValue": True,
                        "description": "Last day (YYYY-MM-DD); today by default.",
                        "schema": date,
                    },
                ],
                "responses": {
                    "200": json_response("The figures.", STATISTICS),
                    "400": json_response(
                        "A date is invalid; `error` says why.", PROBLEM
                    ),
                    "429": TOO_MANY_REQUESTS,
                },
            }
        },
    )
