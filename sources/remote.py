"""Fetching JSON from a source as an anonymous visitor, with every way it can
go wrong (down, slow, HTML, garbage, too big) turned into one SourceError that
says which."""

import json
import urllib.error
import urllib.parse
import urllib.request

MAX_BYTES = 20 * 1024 * 1024
USER_AGENT = "Transparenca-hub/1 (+sources)"


class SourceError(Exception):
    """The source did not give a usable answer; the message says why."""


class Gone(SourceError):
    """The item is not (or no longer) visible to an anonymous visitor."""


def get_json(url, params=None, timeout=10.0, headers=None):
    if not url.startswith(("http://", "https://")):
        # A source's URL comes from the admin: never file:// or other schemes.
        raise SourceError(f"{url}: only http(s) URLs are fetched")
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
        raise SourceError(f"{url}: HTTP {error.code}") from error
    except TimeoutError as error:
        raise SourceError(f"{url}: no answer within {timeout:g} s") from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise SourceError(f"{url}: no answer within {timeout:g} s") from error
        raise SourceError(f"{url}: unreachable ({error.reason})") from error
    except OSError as error:
        raise SourceError(f"{url}: connection failed ({error})") from error
    if len(body) > MAX_BYTES:
        raise SourceError(f"{url}: answer larger than {MAX_BYTES} bytes")
    if "json" not in kind.lower():
        raise SourceError(f"{url}: expected JSON, got {kind or 'no content type'}")
    try:
        return json.loads(body)
    except ValueError as error:
        raise SourceError(f"{url}: the answer is not valid JSON") from error


def expect(value, kind, what):
    """`value` if it is a `kind`, else SourceError (a source answering JSON of
    the wrong shape is garbage too)."""
    if not isinstance(value, kind):
        raise SourceError(f"unexpected answer: {what} is not a {kind.__name__}")
    return value
