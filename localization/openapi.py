"""The language-parity API in the site's OpenAPI description (see core.openapi)."""

from core.openapi import (
    COUNT,
    DATE,
    INTEGER,
    STRING,
    array,
    dated_figures,
    form_parameter,
    obj,
)

DAYS = {"type": "number", "nullable": True}
NULLABLE_DATE = {**DATE, "nullable": True}
GAP = obj(
    {
        "id": INTEGER,
        "title": STRING,
        "url": {"type": "string", "nullable": True},
        "first_published_at": {"type": "string", "format": "date-time"},
        "waiting_days": {"type": "number"},
    }
)
LOCALE_FIGURES = obj(
    {
        "locale": STRING,
        "total": COUNT,
        "available": COUNT,
        "share": {"type": "number", "minimum": 0, "maximum": 1},
        "median_delay_days": DAYS,
        "worst_delay_days": DAYS,
        "gaps": array(GAP),
    }
)
SECTION = obj(
    {
        "section": obj({"id": INTEGER, "title": STRING}),
        "locales": array(LOCALE_FIGURES),
    }
)
PARITY = obj(
    {
        "source_locale": STRING,
        "from": NULLABLE_DATE,
        "to": NULLABLE_DATE,
        "sections": array(SECTION),
    },
    ["source_locale", "sections"],
)


def register():
    dated_figures(
        "/api/parity/",
        "language_parity",
        "parity",
        "How much of each section is published in each language",
        ("The parity report.", PARITY),
        parameters=[
            form_parameter(name, description, DATE)
            for name, description in (
                ("from", "Source items first published on or after this day."),
                ("to", "Source items first published on or before this day."),
            )
        ],
    )
