"""Citizen search over the transparency index: parameters, query, results."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.html import escape
from django.utils.translation import gettext as _

from . import backend
from .analysis import LANGUAGES, TEXT_FIELDS
from .indexing import normalise_reference

TYPES = [
    "act",
    "decision",
    "minutes",
    "competition",
    "press_release",
    "notice",
    "invitation",
    "session",
    "document",
]
SORTS = ["relevance", "newest", "oldest"]
COMPETITION_STATES = ["upcoming", "open", "closed", "results"]
MAX_PAGE_SIZE = 50
# Elasticsearch's index.max_result_window: no result past it can be paged to.
MAX_WINDOW = 10_000
# So that no page of results lies past the window, whatever the page size.
MAX_PAGE = MAX_WINDOW // MAX_PAGE_SIZE
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_QUERY = 200
FACETS = ["type", "year", "locale", "department"]
# Relative weight of each field; the reference number outranks everything.
FIELD_BOOSTS = {"title": 6, "summary": 3, "body": 1, "attachments": 1}
REFERENCE_BOOST = 100
# Measured on the relevance set (README, "Search"); bench/relevance_variants.py
# switches these off to show what each contributes.
FUZZINESS = "AUTO"
USE_PREFIX_FIELDS = True
# Private-use code points mark highlights, so escaping cannot touch them.
PRE, POST = "\ue000", "\ue001"
MARKER = re.compile(f"({PRE}|{POST})")


class ParameterError(ValueError):
    def __init__(self, parameter, message):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


@dataclass
class SearchParams:
    q: str = ""
    types: list = field(default_factory=list)
    locale: str = "sq"
    date_from: date | None = None
    date_to: date | None = None
    year: int | None = None
    department: str = ""
    issuing_body: str = ""
    status: str = ""
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    visitor_locale: str = "sq"

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
            "sort": "" if self.sort == "relevance" else self.sort,
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value not in ("", None)}


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


def parse_params(data, visitor_locale):
    """Validate GET parameters; ParameterError names the first bad one."""
    visitor_locale = visitor_locale if visitor_locale in LANGUAGES else "sq"
    q = (data.get("q") or "").strip()
    if len(q) > MAX_QUERY:
        raise ParameterError(
            "q", _("must be at most %(n)s characters") % {"n": MAX_QUERY}
        )
    types = [value for value in (data.get("type") or "").split(",") if value]
    for value in types:
        if value not in TYPES:
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
        sort=sort,
        page=parse_int(data, "page", 1, 1, MAX_PAGE),
        page_size=parse_int(data, "page_size", 20, 1, MAX_PAGE_SIZE),
        visitor_locale=visitor_locale,
    )
    if params.date_from and params.date_to and params.date_from > params.date_to:
        raise ParameterError("from", _("must not be after 'to'"))
    if params.status and not re.fullmatch(r"[a-z_]+", params.status):
        raise ParameterError("status", _("unknown status"))
    if params.page * params.page_size > MAX_WINDOW:
        raise ParameterError("page", _("is too far; narrow the search instead"))
    return params


def split_query(q):
    """Quoted phrases and the remaining words."""
    phrases = [phrase.strip() for phrase in re.findall(r'"([^"]+)"', q)]
    rest = re.sub(r'"[^"]*"?', " ", q)
    return [p for p in phrases if p], " ".join(rest.split())


def weighted_fields(prefix=False):
    suffix = ".prefix" if prefix else ""
    return [
        f"{name}_{code}{suffix}^{boost}"
        for name, boost in FIELD_BOOSTS.items()
        for code in LANGUAGES
    ]


def text_query(q, visitor_locale):
    phrases, rest = split_query(q)
    must, should = [], []
    reference = normalise_reference(q.strip('"'))
    if rest:
        everything = [f"all_{code}" for code in LANGUAGES]
        must.append(
            {
                "bool": {
                    "should": [
                        {
                            "multi_match": {
                                "query": rest,
                                "fields": everything,
                                "fuzziness": FUZZINESS,
                                "prefix_length": 1,
                                "minimum_should_match": "3<-25%",
                            }
                        },
                        {
                            "multi_match": {
                                "query": rest,
                                "fields": [
                                    f"{name}.prefix"
                                    for name in everything
                                    if USE_PREFIX_FIELDS
                                ]
                                or everything,
                                "minimum_should_match": "3<-25%",
                            }
                        },
                        {"term": {"reference_number.key": reference}},
                        {
                            "match": {
                                "attachment_titles": {"query": rest, "operator": "and"}
                            }
                        },
                    ],
                    "minimum_should_match": 1,
                }
            }
        )
        should += [
            {
                # Exact words only: the fuzzy expansion above already found the
                # candidates, and expanding again on 16 fields doubled the cost.
                "multi_match": {
                    "query": rest,
                    "fields": weighted_fields(),
                    "tie_breaker": 0.3,
                }
            },
            {
                "multi_match": {
                    "query": rest,
                    "fields": weighted_fields(prefix=True),
                    "tie_breaker": 0.3,
                    "boost": 0.5,
                }
            },
            {
                "multi_match": {
                    "query": rest,
                    "type": "phrase",
                    "slop": 2,
                    "fields": [f"title_{code}^4" for code in LANGUAGES],
                }
            },
        ]
    for phrase in phrases:
        must.append(
            {
                "multi_match": {
                    "query": phrase,
                    "type": "phrase",
                    "fields": [
                        f"{name}_{code}" for name in TEXT_FIELDS for code in LANGUAGES
                    ],
                }
            }
        )
    if reference:
        should.append(
            {
                "constant_score": {
                    "filter": {"term": {"reference_number.key": reference}},
                    "boost": REFERENCE_BOOST,
                }
            }
        )
    # Among equally good language versions the visitor's own wins the group.
    should.append(
        {"constant_score": {"filter": {"term": {"locale": visitor_locale}}, "boost": 1}}
    )
    return {"bool": {"must": must, "should": should}}


def status_filter(status):
    if status in COMPETITION_STATES:
        now = "now"
        by_state = {
            "upcoming": [{"range": {"opens_at": {"gt": now}}}],
            "open": [
                {"range": {"opens_at": {"lte": now}}},
                {"range": {"closes_at": {"gt": now}}},
            ],
            "closed": [{"range": {"closes_at": {"lte": now}}}],
            "results": [],
        }
        clauses = [{"term": {"type": "competition"}}, *by_state[status]]
        if status == "results":
            clauses.append({"term": {"has_results": True}})
        else:
            clauses.append({"bool": {"must_not": {"term": {"has_results": True}}}})
        return {"bool": {"filter": clauses}}
    return {"term": {"status": status}}


def filters(params):
    """(query filters, {facet: post filter})."""
    query_filters = []
    if params.date_from or params.date_to:
        bounds = {}
        if params.date_from:
            bounds["gte"] = params.date_from.isoformat()
        if params.date_to:
            bounds["lte"] = params.date_to.isoformat()
        query_filters.append({"range": {"date": bounds}})
    if params.issuing_body:
        query_filters.append({"term": {"issuing_body": params.issuing_body}})
    if params.status:
        query_filters.append(status_filter(params.status))
    post = {}
    if params.types:
        post["type"] = {"terms": {"type": params.types}}
    if params.year:
        post["year"] = {"term": {"year": params.year}}
    if params.locale != "all":
        post["locale"] = {"term": {"locale": params.locale}}
    if params.department:
        post["department"] = {"term": {"department_key": params.department}}
    return query_filters, post


def facet_aggregations(post):
    fields = {
        "type": "type",
        "year": "year",
        "locale": "locale",
        "department": "department_key",
    }
    aggs = {}
    for facet, es_field in fields.items():
        others = [clause for name, clause in post.items() if name != facet]
        terms = {"field": es_field, "size": 50}
        if facet == "year":
            terms["order"] = {"_key": "desc"}
        aggs[facet] = {
            "filter": {"bool": {"filter": others}},
            "aggs": {
                "values": {
                    "terms": terms,
                    "aggs": {
                        "groups": {"cardinality": {"field": "group"}},
                        "name": {"terms": {"field": "department", "size": 1}},
                    }
                    if facet == "department"
                    else {"groups": {"cardinality": {"field": "group"}}},
                }
            },
        }
    aggs["total"] = {
        "filter": {"bool": {"filter": list(post.values())}},
        "aggs": {"groups": {"cardinality": {"field": "group"}}},
    }
    return aggs


def highlight_fields():
    fields = {}
    for code in LANGUAGES:
        fields[f"title_{code}"] = {"number_of_fragments": 0}
        for name in ("summary", "body", "attachments"):
            fields[f"{name}_{code}"] = {"fragment_size": 180, "number_of_fragments": 1}
            fields[f"{name}_{code}.prefix"] = {
                "fragment_size": 180,
                "number_of_fragments": 1,
            }
        fields[f"title_{code}.prefix"] = {"number_of_fragments": 0}
    return fields


def build_body(params):
    query_filters, post = filters(params)
    if params.q:
        query = text_query(params.q, params.visitor_locale)
        query["bool"]["filter"] = query_filters
    else:
        query = {"bool": {"filter": query_filters, "must": [{"match_all": {}}]}}
    date_order = "asc" if params.sort == "oldest" else "desc"
    if params.sort == "relevance" and params.q:
        sort = ["_score", {"key_date": {"order": "desc", "missing": "_last"}}]
    else:
        sort = [{"date": {"order": date_order, "missing": "_last"}}, "_score"]
    body = {
        "query": query,
        "post_filter": {"bool": {"filter": list(post.values())}},
        "aggs": facet_aggregations(post),
        "sort": sort,
        "from": (params.page - 1) * params.page_size,
        "size": params.page_size,
        "collapse": {"field": "group"},
        "track_total_hits": True,
        "_source": {"excludes": [f"{n}_*" for n in TEXT_FIELDS if n != "title"]},
        "highlight": {
            "pre_tags": [PRE],
            "post_tags": [POST],
            "require_field_match": True,
            "fields": highlight_fields(),
        },
    }
    phrases, rest = split_query(params.q)
    if params.q:
        # The scoring query, rewritten for every highlighted field, costs
        # seconds; a light query that names the fields costs milliseconds.
        body["highlight"]["highlight_query"] = {
            "bool": {
                "should": [
                    {
                        "multi_match": {
                            "query": text,
                            "fields": list(highlight_fields()),
                        }
                    }
                    for text in [rest, *phrases]
                    if text
                ]
            }
        }
    if rest:
        body["suggest"] = {
            "did_you_mean": {
                "text": rest,
                "phrase": {
                    "field": "spell",
                    "size": 1,
                    "max_errors": 2,
                    "direct_generator": [
                        {
                            "field": "spell",
                            "suggest_mode": "always",
                            "min_word_length": 3,
                        }
                    ],
                },
            }
        }
    return body


def strip_markers(text):
    """Text without the highlight sentinels, should the content contain them."""
    return (text or "").replace(PRE, "").replace(POST, "")


def safe_highlight(fragment):
    """Escape everything and turn the sentinels into <mark>, always balanced:
    a sentinel that came from the content itself can't open or close a tag
    out of turn."""
    out, marking = [], False
    for part in MARKER.split(fragment):
        if part == PRE:
            if not marking:
                out.append("<mark>")
            marking = True
        elif part == POST:
            if marking:
                out.append("</mark>")
            marking = False
        else:
            out.append(escape(part))
    if marking:
        out.append("</mark>")
    return "".join(out)


def pick_highlight(highlight, names):
    for name in names:
        for key in (name, f"{name}.prefix"):
            fragments = highlight.get(key)
            if fragments:
                return safe_highlight(" … ".join(fragments))
    return ""


def shape_hit(hit):
    source = hit["_source"]
    highlight = hit.get("highlight", {})
    locale = source.get("locale", "sq")
    title = pick_highlight(highlight, [f"title_{locale}"]) or escape(
        strip_markers(source["title"])
    )
    snippet = pick_highlight(
        highlight,
        [f"summary_{locale}", f"body_{locale}", f"attachments_{locale}"],
    )
    if not snippet:
        summary = strip_markers(source.get("summary"))
        snippet = escape(summary[:240] + ("…" if len(summary) > 240 else ""))
    return {
        "id": hit["_id"],
        "type": source["type"],
        "title": strip_markers(source["title"]),
        "title_html": title,
        "url": source.get("url"),
        "locale": locale,
        "date": source.get("date"),
        "snippet": snippet,
        "languages": [
            language
            for language in source.get("languages") or []
            if language.get("locale") != locale
        ],
        "reference_number": source.get("reference_display") or "",
        "department": source.get("department") or "",
        "page_id": source.get("page_id") or source.get("parent_page"),
        "source": source.get("source") or "local",
        "municipality": source.get("municipality") or "",
    }


def facet_buckets(aggregations, facet):
    buckets = []
    for bucket in aggregations[facet]["values"]["buckets"]:
        entry = {"value": str(bucket["key"]), "count": bucket["groups"]["value"]}
        if facet == "department" and bucket["name"]["buckets"]:
            entry["label"] = bucket["name"]["buckets"][0]["key"]
        buckets.append(entry)
    return buckets


def search(params):
    """Search Elasticsearch; raises backend.SearchUnavailable when it can't."""
    body = build_body(params)
    response = backend.call(
        lambda es: es.search(index=backend.alias_name(), **body),
        timeout=backend.SEARCH_TIMEOUT,
        guard=backend.search_breaker,
    )
    aggregations = response.get("aggregations", {})
    suggestion = ""
    total = aggregations.get("total", {}).get("groups", {}).get("value", 0)
    if not total and "suggest" in response:
        options = response["suggest"]["did_you_mean"][0]["options"]
        if options:
            suggestion = options[0]["text"]
    return {
        "query": params.q,
        "total": total,
        "page": params.page,
        "page_size": params.page_size,
        "degraded": False,
        "results": [shape_hit(hit) for hit in response["hits"]["hits"]],
        "facets": {facet: facet_buckets(aggregations, facet) for facet in FACETS},
        "did_you_mean": suggestion,
    }


def suggest(q, locale, size=8):
    q = (q or "").strip()[:MAX_QUERY]
    if len(q) < 2:
        return []
    matches = {
        "bool": {
            "should": [
                {"match": {"title.suggest": {"query": q, "operator": "and"}}},
                {
                    "constant_score": {
                        "filter": {
                            "prefix": {"reference_number.key": normalise_reference(q)}
                        },
                        "boost": 20,
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }
    preferred = []
    if locale in LANGUAGES:
        preferred.append(
            {"constant_score": {"filter": {"term": {"locale": locale}}, "boost": 5}}
        )
    body = {
        "query": {
            "bool": {
                "must": [matches],
                "should": preferred,
                "must_not": [{"term": {"type": "document"}}],
            }
        },
        "sort": ["_score", {"date": {"order": "desc", "missing": "_last"}}],
        "collapse": {"field": "group"},
        "size": size,
        "_source": ["title", "url", "type", "locale"],
    }
    response = backend.call(
        lambda es: es.search(index=backend.alias_name(), **body),
        timeout=backend.SEARCH_TIMEOUT,
        guard=backend.search_breaker,
    )
    return [
        {
            "title": hit["_source"]["title"],
            "url": hit["_source"]["url"],
            "type": hit["_source"]["type"],
        }
        for hit in response["hits"]["hits"]
    ]


def matching_page_ids(q, visitor_locale, operator="or", limit=MAX_WINDOW):
    """Ids of the pages (not attachments) matching `q` in any language, best
    first; raises backend.SearchUnavailable when Elasticsearch can't answer."""
    query = text_query(q, visitor_locale)
    phrases, rest = split_query(q)
    if operator == "and" and rest:
        query["bool"]["must"].append(
            {
                "multi_match": {
                    "query": rest,
                    "fields": [f"all_{code}" for code in LANGUAGES],
                    "operator": "and",
                    "fuzziness": FUZZINESS,
                    "prefix_length": 1,
                }
            }
        )
    query["bool"]["filter"] = [{"exists": {"field": "page_id"}}]
    response = backend.call(
        lambda es: es.search(
            index=backend.alias_name(),
            query=query,
            size=limit,
            sort=["_score", {"key_date": {"order": "desc", "missing": "_last"}}],
            _source=["page_id"],
            track_total_hits=False,
        ),
        timeout=backend.SEARCH_TIMEOUT,
        guard=backend.search_breaker,
    )
    return [hit["_source"]["page_id"] for hit in response["hits"]["hits"]]


def search_database(params):
    from .fallback import search_database as degraded

    return degraded(params)


def run_search(params):
    """Elasticsearch when it answers, else the database; never raises for ES."""
    try:
        return search(params)
    except backend.SearchUnavailable:
        return search_database(params)
    except Exception:  # noqa: BLE001 - a broken index must not become a 500
        backend.logger.exception("Search failed; answering from the database")
        return search_database(params)
