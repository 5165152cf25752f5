"""The statistics API in the site's OpenAPI description (see core.openapi)."""

from core.openapi import COUNT, DATE, dated_figures, form_parameter, obj

BY_KEY = {"type": "object", "additionalProperties": {"type": "integer"}}
STATISTICS = obj(
    {
        "from": DATE,
        "to": DATE,
        "received": COUNT,
        "by_requester_category": BY_KEY,
        "answered_on_time": COUNT,
        "answered_late": COUNT,
        "pending": COUNT,
        "transferred": COUNT,
        "withdrawn": COUNT,
        "extended": COUNT,
        "refused_by_ground": BY_KEY,
        "median_working_days_to_answer": {"type": "number", "nullable": True},
    },
    ["from", "to", "received"],
)


def register():
    dated_figures(
        "/api/access-requests/stats/",
        "access_request_statistics",
        "access-requests",
        "Access-request statistics for a period",
        ("The figures.", STATISTICS),
        description=(
            "Counts only: no requester's personal data. The period defaults "
            "to this year and may be at most twenty years long."
        ),
        parameters=[
            form_parameter(
                "from", "First day (YYYY-MM-DD); 1 January by default.", DATE
            ),
            form_parameter("to", "Last day (YYYY-MM-DD); today by default.", DATE),
        ],
    )
