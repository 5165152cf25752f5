"""The citizen search's parameters: validated once, for the page and the API."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from core.locales import default_language_code
from core.search_registry import registry

from .analysis import LANGUAGES

SORTS = ["relevance", "newest", "oldest"]
MAX_PAGE_SIZE = 50
# Elasticsearch's index.max_result_window: no result past it can be paged to.
MAX_WINDOW = 10_000
# So that no page of results lies past the window, whatever the page size.
MAX_PAGE = MAX_WINDOW // MAX_PAGE_SIZE
MIN_YEAR, MAX_YEAR = 1900, 2100
# The longest query the page, the API and suggestions accept.
MAX_QUERY = 200
# The facets, each a GET parameter of the same name; "source" (municipality /
# source) is shown only when the index holds more than one.
FACETS = ["type", "year", "locale", "department", "source"]


def type_keys():
    """Every type the search knows, as its page types registered them."""
    return registry.keys()


class ParameterError(ValueError):
    def __init__(self, parameter, message):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


@dataclass
class SearchParams:
    q: str = ""
    types: list = field(default_factory=list)
    locale: str = field(default_factory=default_language_code)
    date_from: date | None = None
    date_to: date | None = None
    year: int | None = None
    department: str = ""
    issuing_body: str = ""
    status: str = ""
    source: str = ""
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    visitor_locale: str = field(default_factory=default_language_code)

    def as_query_dict(self, **changes):
        """GET parameters for links that change one filter."""
        values = {
            "q": self.q,
            "type": ",".join(self.types),
            "locale": self.locale,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "year": self.year or "",
            "department": self.department,
            "issuing_body": self.issuing_body,
            "status": self.status,
            "source": self.source,
            "sort": "" if self.sort == "relevance" else self.sort,
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value not in ("", None)}

    def facet_value(self, facet):
        """The current value of a facet's parameter, as its buckets spell it."""
        if facet == "type":
            return ",".join(self.types)
        if facet == "year":
            return str(self.year or "")
        return getattr(self, facet)


def parse_int(data, name, default, low, high):
    raw = data.get(name, "")
    if raw in ("", None):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise ParameterError(name, _("must be a whole number")) from None
    if not low <= value <= high:
        raise ParameterError(
            name, _("must be between %(low)s and %(high)s") % {"low": low, "high": high}
        )
    return value


def parse_date(data, name):
    raw = data.get(name, "")
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ParameterError(name, _("must be a date like 2018-06-28")) from None


def check_query(q):
    if len(q) > MAX_QUERY:
        raise ParameterError(
            "q", _("must be at most %(n)s characters") % {"n": MAX_QUERY}
        )
    return q


def parse_params(data, visitor_locale):
    """Validate GET parameters; ParameterError names the first bad one."""
    visitor_locale = (
        visitor_locale if visitor_locale in LANGUAGES else default_language_code()
    )
    q = check_query((data.get("q") or "").strip())
    types = [value for value in (data.get("type") or "").split(",") if value]
    known = type_keys()
    for value in types:
        if value not in known:
            raise ParameterError("type", _("unknown type %(value)s") % {"value": value})
    locale = data.get("locale") or visitor_locale
    if locale not in [*LANGUAGES, "all"]:
        raise ParameterError(
            "locale",
            _("must be one of %(values)s") % {"values": ", ".join([*LANGUAGES, "all"])},
        )
    sort = data.get("sort") or "relevance"
    if sort not in SORTS:
        raise ParameterError(
            "sort", _("must be one of %(values)s") % {"values": ", ".join(SORTS)}
        )
    params = SearchParams(
        q=q,
        types=types,
        locale=locale,
        date_from=parse_date(data, "from"),
        date_to=parse_date(data, "to"),
        year=parse_int(data, "year", None, MIN_YEAR, MAX_YEAR),
        department=(data.get("department") or "").strip()[:100],
        issuing_body=(data.get("issuing_body") or "").strip()[:50],
        status=(data.get("status") or "").strip()[:50],
        source=(data.get("source") or "").strip()[:100],
        sort=sort,
        page=parse_int(data, "page", 1, 1, MAX_PAGE),
        page_size=parse_int(data, "page_size", 20, 1, MAX_PAGE_SIZE),
        visitor_locale=visitor_locale,
    )
    if params.date_from and params.date_to and params.date_from > params.date_to:
        raise ParameterError("from", _("must not be after 'to'"))
    if params.status and not re.fullmatch(r"[a-z_]+", params.status):
        raise ParameterError("status", _("unknown status"))
    if params.source and not re.fullmatch(r"[a-z0-9_-]+", params.source):
        raise ParameterError("source", _("unknown source"))
    if params.page * params.page_size > MAX_WINDOW:
        raise ParameterError("page", _("is too far; narrow the search instead"))
    return params


def split_query(q):
    """Quoted phrases and the remaining words."""
    phrases = [phrase.strip() for phrase in re.findall(r'"([^"]+)"', q)]
    rest = re.sub(r'"[^"]*"?', " ", q)
    return [p for p in phrases if p], " ".join(rest.split())
