"""Fetching JSON from a source as an anonymous visitor, with every way it can
go wrong (down, slow, HTML, garbage, too big) turned into one SourceError that
says which."""

import json
import urllib.error
import urllib.parse
import urllib.request

from django.utils.translation import gettext, gettext_noop

MAX_BYTES = 20 * 1024 * 1024
USER_AGENT = "Transparenca-hub/1 (+sources)"


class Explained:
    """An error whose message is a msgid (marked with gettext_noop) and its
    parameters: `str()` is the English text the log and `last_error` keep, and
    `explanation` is what the admin translates into each user's language."""

    def __init__(self, message, **params):
        self.message, self.params = message, params
        super().__init__(message % params if params else message)

    @property
    def explanation(self):
        return {"message": self.message, "params": self.params}


def explain(explanation):
    """An `explanation` in the active language."""
    message = gettext(explanation["message"])
    params = explanation.get("params") or {}
    return message % params if params else message


class SourceError(Explained, Exception):
    """The source did not give a usable answer; the message says why."""


class Invalid(Explained, ValueError):
    """An item the source sent cannot be indexed; the message says why."""


class Gone(SourceError):
    """The item is not (or no longer) visible to an anonymous visitor."""


def too_slow(url, timeout):
    return SourceError(
        gettext_noop("%(url)s: no answer within %(seconds)s s"),
        url=url,
        seconds=f"{timeout:g}",
    )


def get_json(url, params=None, timeout=10.0, headers=None):
    if not url.startswith(("http://", "https://")):
        # A source's URL comes from the admin: never file:// or other schemes.
        raise SourceError(
            gettext_noop("%(url)s: only http(s) URLs are fetched"), url=url
        )
    if params:
        query = urllib.parse.urlencode(params, doseq=True)
        url = f"{url}{'&' if '?' in url else '?'}{query}"
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url,
        headers={
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
            **(headers or {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - checked
            kind = response.headers.get("Content-Type", "")
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        # Plone answers an anonymous visitor 401 for a private item, and 404
        # for one deleted or moved: for the hub both mean "not public".
        if error.code in (401, 403, 404, 410):
            raise Gone(f"{url}: HTTP {error.code}") from error
        raise SourceError(
            gettext_noop("%(url)s: HTTP %(code)s"), url=url, code=error.code
        ) from error
    except TimeoutError as error:
        raise too_slow(url, timeout) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise too_slow(url, timeout) from error
        raise SourceError(
            gettext_noop("%(url)s: unreachable (%(reason)s)"),
            url=url,
            reason=str(error.reason),
        ) from error
    except OSError as error:
        raise SourceError(
            gettext_noop("%(url)s: connection failed (%(error)s)"),
            url=url,
            error=str(error),
        ) from error
    if len(body) > MAX_BYTES:
        raise SourceError(
            gettext_noop("%(url)s: answer larger than %(limit)s bytes"),
            url=url,
            limit=MAX_BYTES,
        )
    if "json" not in kind.lower():
        if not kind:
            raise SourceError(
                gettext_noop("%(url)s: expected JSON, got no content type"), url=url
            )
        raise SourceError(
            gettext_noop("%(url)s: expected JSON, got %(kind)s"), url=url, kind=kind
        )
    try:
        return json.loads(body)
    except ValueError as error:
        raise SourceError(
            gettext_noop("%(url)s: the answer is not valid JSON"), url=url
        ) from error


# The JSON words for what was expected: the same in every language.
JSON_NAMES = {dict: "object", list: "array", int: "number", str: "string"}


def expect(value, kind, what):
    """`value` if it is a `kind`, else SourceError (a source answering JSON of
    the wrong shape is garbage too)."""
    if not isinstance(value, kind):
        raise SourceError(
            gettext_noop("unexpected answer: “%(what)s” is not a JSON %(kind)s"),
            what=what,
            kind=JSON_NAMES.get(kind, kind.__name__),
        )
    return value
