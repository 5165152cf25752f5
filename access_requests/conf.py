"""The app's settings with their defaults (override any of them in Django settings)."""

from django.conf import settings

DEFAULTS = {
    # Law No. 06/L-081 on Access to Public Documents: seven working days, one
    # extension of up to fifteen, 48 hours when life or liberty depends on it.
    "ACCESS_REQUEST_ANSWER_WORKING_DAYS": 7,
    "ACCESS_REQUEST_MAX_EXTENSION_DAYS": 15,
    "ACCESS_REQUEST_URGENT_HOURS": 48,
    "ACCESS_REQUEST_REMINDER_WORKING_DAYS": 2,
    # Submissions per client address and window (seconds).
    "ACCESS_REQUEST_RATE_LIMIT": (5, 3600),
    # Addresses that get reminders when a request has no responsible officer.
    "ACCESS_REQUEST_OFFICER_EMAILS": [],
    # Dotted path of the function suggesting published pages before filing.
    "ACCESS_REQUEST_SUGGESTER": "access_requests.suggestions.wagtail_search",
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
