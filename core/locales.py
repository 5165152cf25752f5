"""The site's languages, read from settings once instead of spelled out per app.

The source language (Albanian in Gjilan) is Wagtail's default locale, i.e.
`LANGUAGE_CODE` resolved against `WAGTAIL_CONTENT_LANGUAGES`; another
municipality sets its own. Neither helper touches the database, so they are
safe at import time and outside a request (commands, feeds, the API).
"""

from django.conf import settings
from wagtail.coreutils import (
    get_content_languages,
    get_supported_content_language_variant,
)


def default_language_code():
    """The code of the default (source) locale, e.g. "sq"."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def content_language_codes():
    """The codes of every content language, default first."""
    default = default_language_code()
    return [default] + [code for code in get_content_languages() if code != default]
