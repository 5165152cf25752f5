"""Citizen search over the transparency index: ask Elasticsearch, else the
database. Parameters, query DSL, highlighting, results and suggestions live
in their own modules (params, dsl, highlight, results, suggest, fallback)."""

from dataclasses import replace

from elasticsearch import ApiError

from . import backend
from .dsl import (
    DEFAULT,
    EXACT,
    PRECISE,
    PRECISE_PREFIX,
    QueryOptions,
    all_words,
    build_body,
    counts_body,
    hits_body,
    precise_fields,
    text_query,
)
from .facets import flattened, group_count
from .matching import required
from .params import (
    FACETS,
    MAX_QUERY,
    MAX_WINDOW,
    ParameterError,
    SearchParams,
    parse_params,
    split_query,
    type_keys,
)
from .results import facet_buckets, shape_hit
from .suggest import suggest

# The names other apps and the bench import from here.
__all__ = [
    "MAX_QUERY",
    "MAX_WINDOW",
    "ParameterError",
    "QueryOptions",
    "SearchParams",
    "build_body",
    "matching_page_ids",
    "parse_params",
    "run_search",
    "search",
    "suggest",
]


def __getattr__(name):
    # The type list comes from the registry, complete only once apps are ready.
    if name == "TYPES":
        return type_keys()
    raise AttributeError(name)


# Fewer groups than this from the exact pass, and the fuzzy pass runs: a
# typo or an unknown spelling finds (next to) nothing exactly, while a query
# that fills a page exactly needs no guessing. Measured on the evaluation set
# (BENCHMARKS.md, "Search speed").
FUZZY_BELOW = 10
# ... or if its first hit matched only the forgiving alternative
# (search/recall.py): then a fuzzy spelling may well find a better page.
# 3 instead of 1 ran the fuzzy pass twice as often for the same recall.
TRUSTED_TOP = 1


def total_groups(response):
    total = response.get("aggregations", {}).get("total")
    return group_count(total) if total else 0


# Elasticsearch's own default (None) keeps size-0 answers, the facet counts,
# in its shard request cache until the next refresh; the bench measures both.
REQUEST_CACHE = None


def requests(params, options=DEFAULT):
    """The bodies one pass sends in one msearch: the hits, then the facet
    counts apart (or the one body that has both)."""
    body = build_body(params, options)
    if not options.counts_apart:
        return [body]
    return [hits_body(body), counts_body(body)]


def msearch(es, index, bodies, request_cache=REQUEST_CACHE):
    """The responses to `bodies`, in one round trip; an error of any of them
    raises as Elasticsearch's own would (backend.call sorts it out)."""
    searches = []
    for body in bodies:
        header = {"index": index}
        if request_cache is not None and body.get("size") == 0:
            header["request_cache"] = request_cache
        searches += [header, body]
    answer = es.msearch(searches=searches)
    for item in answer["responses"]:
        if "error" in item:
            meta = replace(answer.meta, status=item.get("status", 500))
            raise ApiError(str(item["error"]), meta=meta, body=item)
    return answer["responses"]


def merged(responses):
    """One response: the hits (and suggestions) of the first, the facets of
    the last (one per facet), `took` summed over all of them."""
    response = dict(responses[0])
    response["aggregations"] = flattened(responses[-1].get("aggregations", {}))
    response["took"] = sum(item.get("took", 0) for item in responses)
    return response


def newest_first_among_equals(response):
    """A rescored page in the order of the sort before the rescore (score,
    then the newer key date): Elasticsearch allows no sort with a rescore, and
    leaves equal scores (a year of monthly minutes) in index order."""
    hits = response["hits"]["hits"]
    by_date = sorted(
        hits, key=lambda hit: hit["_source"].get("key_date") or "", reverse=True
    )
    response["hits"]["hits"] = sorted(by_date, key=lambda hit: -hit["_score"])
    return response


def trusted(hit):
    """Whether `hit` matched the query's words (or their prefixes) as typed,
    not only the forgiving alternative of search/recall.py."""
    return bool({PRECISE, PRECISE_PREFIX} & set(hit.get("matched_queries", ())))


def fuzzy_can_help(params, options):
    """Whether a fuzzy pass could answer differently from the exact one:
    fuzziness and "did you mean" apply to the free words only, so a query of
    quoted phrases alone gets the same answer twice."""
    if not params.q or options.fuzziness in ("0", 0):
        return False
    phrases, rest = split_query(params.q)
    return bool(rest)


def term_lookup(rest, options):
    """The keyword arguments of a `termvectors` request that analyses `rest`
    as every precise match's field does and tells which words the index
    holds: an artificial document, nothing stored, only term statistics."""
    fields = sorted({field for group in precise_fields(options).values()
                     for field in group})  # fmt: skip
    whole = sorted({field.split(".")[0] for field in fields})
    return {
        "doc": dict.fromkeys(whole, rest),
        "fields": fields,
        "term_statistics": True,
        "field_statistics": False,
        "positions": True,
        "offsets": False,
        "payloads": False,
        "realtime": False,
    }


def can_match(vectors, field):
    """Whether some document may hold enough of the query's words in `field`
    for the precise match: each word is a position (a stemmer or the prefix
    copy can put several terms at one); a word is known if one of its terms
    occurs anywhere in the index. One-sided: "no" is certain."""
    positions = {}
    for term in vectors.get(field, {}).get("terms", {}).values():
        for token in term.get("tokens", []):
            known = positions.get(token["position"], False)
            positions[token["position"]] = known or term.get("doc_freq", 0) > 0
    count = len(positions)
    return count > 0 and sum(positions.values()) >= required(count)


def untrusted_for_sure(lookup, rest, options):
    """True when no document can match either precise match: the exact pass
    would then be answered by the fuzzy pass anyway, so it is not sent. The
    term statistics come from one shard: on an index of several a word held
    only by another shard makes this true wrongly, and the search gets the
    fuzzy pass's answer (what an untrusted exact pass gets too)."""
    try:
        answer = lookup(**term_lookup(rest, options))
    except ApiError:
        backend.logger.warning("Term statistics failed; sending the exact pass")
        return False
    vectors = answer.get("term_vectors", {})
    return not any(
        can_match(vectors, field)
        for fields in precise_fields(options).values()
        for field in fields
    )


def two_pass(ask, params, options=DEFAULT, lookup=None):
    """The response to `params`: exact words first, then, if that finds fewer
    than FUZZY_BELOW groups or its top hit is not trusted, the whole query
    with fuzziness (and "did you mean"). `ask(bodies)` sends a pass's bodies
    (search.query.requests) and returns their responses; `lookup(**kwargs)`,
    if given, sends a `termvectors` request (untrusted_for_sure) so that an
    exact pass bound to be untrusted is skipped. The bench calls this too."""
    if fuzzy_can_help(params, options):
        phrases, rest = split_query(params.q)
        if lookup is None or not untrusted_for_sure(lookup, rest, options):
            exact = replace(options, fuzziness=EXACT.fuzziness, suggest=False)
            response = merged(ask(requests(params, exact)))
            top = response["hits"]["hits"][:TRUSTED_TOP]
            if total_groups(response) >= FUZZY_BELOW and all(map(trusted, top)):
                return finished(response, params, options)
    return finished(merged(ask(requests(params, options))), params, options)


def finished(response, params, options):
    if options.rescore and params.q and params.sort == "relevance":
        return newest_first_among_equals(response)
    return response


def search(params, options=DEFAULT):
    """Search Elasticsearch; raises backend.SearchUnavailable when it can't."""
    response = backend.call(
        lambda es: two_pass(
            lambda bodies: msearch(es, backend.alias_name(), bodies),
            params,
            options,
            lookup=lambda **request: es.termvectors(
                index=backend.alias_name(), **request
            ),
        ),
        timeout=backend.SEARCH_TIMEOUT,
        guard=backend.search_breaker,
    )
    aggregations = response.get("aggregations", {})
    suggestion = ""
    total = total_groups(response)
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


def matching_page_ids(q, visitor_locale, operator="or", limit=MAX_WINDOW):
    """Ids of the pages (not attachments) matching `q` in any language, best
    first; raises backend.SearchUnavailable when Elasticsearch can't answer."""
    query = text_query(q, visitor_locale)
    phrases, rest = split_query(q)
    if operator == "and" and rest:
        query["bool"]["must"].append(all_words(rest))
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


def run_search(params, options=DEFAULT):
    """Elasticsearch when it answers, else the database; never raises for ES."""
    try:
        return search(params, options)
    except backend.SearchUnavailable:
        return search_database(params)
    except Exception:  # noqa: BLE001 - a broken index must not become a 500
        backend.logger.exception("Search failed; answering from the database")
        return search_database(params)
