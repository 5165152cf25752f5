"""The Elasticsearch query for a citizen search: text, filters and facets.

Type-specific rules (a competition's or a session's state) come from the
registry (core/search_registry.py), built here at query time so they never go
stale in the index."""

from dataclasses import dataclass, replace

from core.search_registry import registry

from . import recall
from .analysis import LANGUAGES, TEXT_FIELDS
from .facets import facet_aggregations
from .highlight import highlight_body
from .indexing import normalise_reference
from .matching import PRECISE_MATCH, without_repeats_of
from .params import split_query

# Relative weight of each field; the reference number outranks everything.
FIELD_BOOSTS = {"title": 6, "summary": 3, "body": 1, "attachments": 1}
REFERENCE_BOOST = 100


@dataclass(frozen=True)
class QueryOptions:
    """Measured on the relevance set (README, "Search");
    bench/relevance_variants.py switches these off to show what each gives.
    `suggest`: ask for a "did you mean" (only the pass that can answer nothing)."""

    fuzziness: str = "AUTO"
    prefix_fields: bool = True
    suggest: bool = True
    # Issue 15's second round (BENCHMARKS.md, "Search speed, second round"):
    # the scoring clauses as a rescore of the top groups only (kept: it cut
    # the mean `took`), and the facet counts as a size-0 request of their own
    # (search.query.requests; measured slower: collapse collects every match
    # anyway, so the counts request matched them all a second time).
    # bench/search_bench.py --variant compares every combination.
    rescore: bool = True
    counts_apart: bool = False
    # Issue 15's fifth round (BENCHMARKS.md): with one language chosen, the
    # rescore and the highlighter ask only its fields (the post filter shows
    # no other language's documents, and a document has only its own
    # language's fields); the forgiving match that asks what the precise one
    # asks is folded into it. Neither changes an answer (tests/search/
    # test_query_cost.py); both off is the body before.
    chosen_language_fields: bool = True
    fold_repeated_match: bool = True


DEFAULT = QueryOptions()
# The first pass of search.query.search: exact words (and prefixes) only.
# Fuzzy expansion over every language's field was most of a search's cost
# (bench/query_profile.py); it runs only when this pass finds too little.
EXACT = replace(DEFAULT, fuzziness="0", suggest=False)


# The names of the precise matches (words, prefixes) in a hit's `matched_queries`:
# the exact pass trusts a top hit that matched one, not only the forgiving one.
# Two names: Elasticsearch keeps one query per name, and with one a hit matching
# every word but not the prefixes looked untrusted (BENCHMARKS.md, third round).
PRECISE = "precise"
PRECISE_PREFIX = "precise_prefix"


def weighted_fields(codes=None):
    return [
        f"{name}_{code}^{boost}"
        for name, boost in FIELD_BOOSTS.items()
        for code in codes or LANGUAGES
    ]


def weighted_prefix_fields(codes=None):
    """Prefix copies exist of titles and of the whole document (analysis.py)."""
    title = FIELD_BOOSTS["title"]
    codes = codes or LANGUAGES
    return [f"title_{code}.prefix^{title}" for code in codes] + [
        f"all_{code}.prefix" for code in codes
    ]


def every_language(codes=None):
    return [f"all_{code}" for code in codes or LANGUAGES]


def precise_fields(options):
    """{name of a precise match: the fields it searches} (candidates below)."""
    everything = every_language()
    prefixed = [f"{name}.prefix" for name in everything if options.prefix_fields]
    return {PRECISE: everything, PRECISE_PREFIX: prefixed or everything}


def candidates(rest, reference, options):
    """Must match: the words (fuzzy or by prefix), the number or a title."""
    fields = precise_fields(options)
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": rest,
                        "fields": fields[PRECISE],
                        "fuzziness": options.fuzziness,
                        "prefix_length": 1,
                        "minimum_should_match": PRECISE_MATCH,
                        "_name": PRECISE,
                    }
                },
                {
                    "multi_match": {
                        "query": rest,
                        "fields": fields[PRECISE_PREFIX],
                        "minimum_should_match": PRECISE_MATCH,
                        "_name": PRECISE_PREFIX,
                    }
                },
                {"term": {"reference_number.key": reference}},
                {"match": {"attachment_titles": {"query": rest, "operator": "and"}}},
            ],
            "minimum_should_match": 1,
        }
    }


def scoring(rest, codes):
    """The ranking clauses, over the fields of the languages `codes`."""
    return [
        {
            # Exact words only: the fuzzy expansion above already found the
            # candidates, and expanding again on 16 fields doubled the cost.
            "multi_match": {
                "query": rest,
                "fields": weighted_fields(codes),
                "tie_breaker": 0.3,
            }
        },
        {
            "multi_match": {
                "query": rest,
                "fields": weighted_prefix_fields(codes),
                "tie_breaker": 0.3,
                "boost": 0.5,
            }
        },
        {
            "multi_match": {
                "query": rest,
                "type": "phrase",
                "slop": 2,
                "fields": [f"title_{code}^4" for code in codes],
            }
        },
    ]


def scored_languages(params, options=DEFAULT):
    """The languages whose fields can score or highlight a hit: the chosen
    one, whose documents alone the post filter lets through, or all. The
    required match always asks every language, for the language facet."""
    if options.chosen_language_fields and params.locale in LANGUAGES:
        return [params.locale]
    return LANGUAGES


def text_parts(q, visitor_locale, options=DEFAULT, codes=LANGUAGES):
    """(required clauses, scoring clauses over the languages `codes`, the
    visitor-locale tie-break)."""
    phrases, rest = split_query(q)
    must, should = [], []
    reference = normalise_reference(q.strip('"'))
    if rest:
        must.append(candidates(rest, reference, options))
        should += scoring(rest, codes)
        # Citizens' own words (search/recall.py): a forgiving alternative to
        # the match above, and ranking boosts.
        fields = {
            "all": {code: every_language([code]) for code in LANGUAGES},
            "weighted": {code: weighted_fields([code]) for code in codes},
        }
        alternatives, boosts = recall.clauses(
            rest, visitor_locale, fields, options.fuzziness
        )
        if options.fold_repeated_match:
            precise = must[0]["bool"]["should"][0]["multi_match"]
            alternatives = without_repeats_of(precise, alternatives)
        must[0]["bool"]["should"] += alternatives
        should += boosts
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
    tie_break = {
        "constant_score": {"filter": {"term": {"locale": visitor_locale}}, "boost": 1}
    }
    return must, should, tie_break


def text_query(q, visitor_locale, options=DEFAULT):
    must, should, tie_break = text_parts(q, visitor_locale, options)
    return {"bool": {"must": must, "should": [*should, tie_break]}}


def status_filter(status):
    """A stored status, or a time-dependent state of the types that have it."""
    types = registry.with_state(status)
    if not types:
        return {"term": {"status": status}}
    clauses = [
        {
            "bool": {
                "filter": [
                    {"term": {"type": entry.key}},
                    *entry.state(status).clause("now"),
                ]
            }
        }
        for entry in types
    ]
    return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses}}


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
    if params.source:
        post["source"] = {"term": {"source": params.source}}
    return query_filters, post


def did_you_mean(rest):
    return {
        "did_you_mean": {
            "text": rest,
            "phrase": {
                "field": "spell",
                "size": 1,
                "max_errors": 2,
                "direct_generator": [
                    {"field": "spell", "suggest_mode": "always", "min_word_length": 3}
                ],
            },
        }
    }


# The fewest top groups the scoring clauses rescore: far more than a page,
# so the first pages rank exactly as one query scoring every match would.
RESCORE_WINDOW = 100


def ranked_query(params, options, query_filters, codes):
    """(query, rescore or None, sort): the scoring clauses, which cost most
    of a search when every match pays for ~50 of them, score only the top
    RESCORE_WINDOW groups (collapse runs first, then the rescore: ES ≥ 8.15);
    query + rescore weigh 1 each, so inside the window a score is the sum of
    all clauses as before. A date sort needs no scoring clauses at all.
    The scoring clauses ask the fields of the languages `codes`."""
    must, should, tie_break = text_parts(
        params.q, params.visitor_locale, options, codes
    )
    by_relevance = params.sort == "relevance"
    if not options.rescore:
        query = {"must": must, "should": [*should, tie_break], "filter": query_filters}
        if by_relevance:
            sort = ["_score", {"key_date": {"order": "desc", "missing": "_last"}}]
            return query, None, sort
        return query, None, date_sort(params)
    # The tie-break stays in the query: collapse picks each group's version
    # by it before anything is rescored.
    query = {"must": must, "should": [tie_break], "filter": query_filters}
    if not by_relevance:
        return query, None, date_sort(params)
    window = max(RESCORE_WINDOW, params.page * params.page_size)
    rescore = {
        "window_size": window,
        "query": {
            "rescore_query": {"bool": {"should": should}},
            "query_weight": 1,
            "rescore_query_weight": 1,
        },
    }
    # Rescore allows no sort but the score: equal scores keep index order
    # instead of the newer first (ties of whole sums are rare).
    return query, rescore, None


def date_sort(params):
    order = "asc" if params.sort == "oldest" else "desc"
    return [{"date": {"order": order, "missing": "_last"}}, "_score"]


def build_body(params, options=DEFAULT):
    """One search body: hits, facets and all; search.query.requests splits
    it into the hits and the counts when options.counts_apart."""
    query_filters, post = filters(params)
    codes = scored_languages(params, options)
    rescore = None
    if params.q:
        query, rescore, sort = ranked_query(params, options, query_filters, codes)
        query = {"bool": query}
    else:
        query = {"bool": {"filter": query_filters, "must": [{"match_all": {}}]}}
        sort = date_sort(params)
    phrases, rest = split_query(params.q)
    body = {
        "query": query,
        "post_filter": {"bool": {"filter": list(post.values())}},
        "aggs": facet_aggregations(post),
        "from": (params.page - 1) * params.page_size,
        "size": params.page_size,
        "collapse": {"field": "group"},
        "track_total_hits": True,
        "_source": {"excludes": [f"{n}_*" for n in TEXT_FIELDS if n != "title"]},
        "highlight": highlight_body(
            [text for text in [rest, *phrases] if text] if params.q else None,
            codes,
        ),
    }
    if sort:
        body["sort"] = sort
    if rescore:
        body["rescore"] = rescore
    if rest and options.suggest:
        body["suggest"] = did_you_mean(rest)
    return body


def counts_body(body):
    """The facet counts of `body` alone: its query in filter context (nothing
    scored), no hits. Elasticsearch's shard request cache keeps size-0
    answers until the next refresh."""
    query = body["query"]["bool"]
    required = [*query.get("must", []), *query.get("filter", [])]
    counts = {
        "query": {"bool": {"filter": required}},
        "aggs": body["aggs"],
        "size": 0,
        "track_total_hits": False,
    }
    return counts


def hits_body(body):
    """`body` without its facets: the page of hits only."""
    hits = {key: value for key, value in body.items() if key != "aggs"}
    hits["track_total_hits"] = False
    return hits


def all_words(rest, options=DEFAULT):
    """Every word must occur (fuzzily), for callers that want precision."""
    return {
        "multi_match": {
            "query": rest,
            "fields": every_language(),
            "operator": "and",
            "fuzziness": options.fuzziness,
            "prefix_length": 1,
        }
    }
