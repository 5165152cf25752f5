from datetime import date

from django.template.response import TemplateResponse

# Change with the statement's text: the date the statement was last reviewed.
STATEMENT_REVIEWED = date(2026, 12, 1)


def accessibility_statement(request):
    """The accessibility statement: a view with a translated template rather than
    a page, so it exists in every language on every install, demo or not."""
    return TemplateResponse(
        request,
        "home/accessibility_statement.html",
        {"reviewed": STATEMENT_REVIEWED},
    )
