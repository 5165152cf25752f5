"""Facet counts of a citizen search: per facet the values under every other
facet's filter, counted in groups (a page's language versions, or an
attachment and the page versions it hangs on, are one result)."""

import json

# Each facet and the index field it counts (and filters by).
FACET_FIELDS = {
    "type": "type",
    "year": "year",
    "locale": "locale",
    "department": "department_key",
    "source": "source",
}
# Facets whose buckets carry a readable name from a second field.
FACET_NAMES = {"department": "department", "source": "municipality"}


# Index documents that may share their group with another of the same
# language (other sites' items: a source may send two items of one
# translation group in one language) carry their group a second time in this
# field (analysis.index_mappings). A page has one version per language
# (Wagtail keeps translation_key and locale unique together), and an
# attachment is grouped with the page it hangs on (one document per page
# version), so within one language neither needs a distinct count.
REPEATABLE_GROUP = "repeatable_group"
GROUPS = {"cardinality": {"field": "group"}}


def group_fields(group, repeatable):
    """The group fields of an index document: a document that may share its
    group with another of its language (`repeatable`) carries the group a
    second time, for facet_aggregations()."""
    return {"group": group, **({REPEATABLE_GROUP: group} if repeatable else {})}


# Under each shared aggregation (below), the repeatable documents alone, with
# the facets whose buckets mix no languages: their buckets' groups are the
# bucket's documents less its repeatable ones plus their distinct groups.
REPEATABLE = "repeatable"
DISTINCT_REPEATABLE = {"cardinality": {"field": REPEATABLE_GROUP}}
# Every value the repeatable documents have, not the 50 a facet shows: a
# value among a facet's 50 but not among the repeatable documents' first 50
# would be counted as if it had none (a national index has hundreds of
# departments). Only the values present cost anything.
REPEATABLE_VALUES = 10_000


def group_count(bucket):
    """The groups in a bucket (or the total) of flattened()."""
    return bucket["groups"]["value"]


# The aggregations that hold the facets sharing one filter (see below).
SHARED = "shared_"
TOTAL = "total"


def facet_aggregations(post):
    """Per facet, the counts of its values under every other facet's filter;
    `total`, the groups under all of them.

    Counted in groups: when a facet's buckets mix languages (the locale
    facet's never do; the others' do when no language is chosen), by a
    distinct count of every document's group. Otherwise a page has one
    version per language, so only the repeatable documents need one: they
    are counted apart, in a `filter` aggregation of their own with the same
    facets under it, which the pages skip at the cost of one test each (a
    distinct count under every bucket cost each match a dozen collectors,
    a `filter` under every bucket more: BENCHMARKS.md, rounds 4 and 5).

    Facets under the same filters (with only a language chosen: type, year,
    department, source and the total) share one `filter` aggregation, so
    each match is tested against it once instead of once per facet;
    flattened() gives the answer back one facet at a time (search.query.merged
    calls it)."""
    one_language = "locale" in post
    wanted = {}
    for facet, es_field in FACET_FIELDS.items():
        terms = {"field": es_field, "size": 50}
        if facet == "year":
            terms["order"] = {"_key": "desc"}
        # Whether the buckets' repeatable documents are counted apart.
        apart = one_language or facet == "locale"
        inner = {} if apart else {"groups": GROUPS}
        if facet in FACET_NAMES:
            inner["name"] = {"terms": {"field": FACET_NAMES[facet], "size": 1}}
        others = [clause for name, clause in post.items() if name != facet]
        wanted[facet] = (others, {"terms": terms, "aggs": inner}, apart)
    wanted[TOTAL] = (list(post.values()), None, one_language)
    sharing = {}
    for name, (clauses, *_) in wanted.items():
        sharing.setdefault(json.dumps(clauses, sort_keys=True), []).append(name)
    aggs = {}
    for number, names in enumerate(sharing.values()):
        shared, repeatable = {}, {}
        for name in names:
            _, aggregation, apart = wanted[name]
            if name == TOTAL:
                if apart:
                    repeatable["groups"] = DISTINCT_REPEATABLE
                else:
                    shared["groups"] = GROUPS
                continue
            shared[name] = aggregation
            if apart:
                repeatable[name] = {
                    "terms": {**aggregation["terms"], "size": REPEATABLE_VALUES},
                    "aggs": {"groups": DISTINCT_REPEATABLE},
                }
        if repeatable:
            shared[REPEATABLE] = {
                "filter": {"exists": {"field": REPEATABLE_GROUP}},
                "aggs": repeatable,
            }
        aggs[f"{SHARED}{number}"] = {
            "filter": {"bool": {"filter": wanted[names[0]][0]}},
            "aggs": shared,
        }
    return aggs


def counted(bucket, repeatable):
    """`bucket` with its groups: already counted (a distinct count of every
    group), or its documents less the repeatable ones (`repeatable`, their
    bucket of the same value, if any) plus their distinct groups."""
    if "groups" in bucket:
        return bucket
    apart = repeatable or {"doc_count": 0, "groups": {"value": 0}}
    groups = bucket["doc_count"] - apart["doc_count"] + apart["groups"]["value"]
    return {**bucket, "groups": {"value": groups}}


def flattened(aggregations):
    """The answer to facet_aggregations() one facet at a time, every bucket
    and the total with its groups (group_count()):
    {facet: {"doc_count", "values"}, "total": {"doc_count", "groups"}}."""
    flat = {}
    for key, answer in aggregations.items():
        if not key.startswith(SHARED):
            continue
        repeatable = answer.get(REPEATABLE, {})
        for name, values in answer.items():
            if name not in FACET_FIELDS:
                continue
            apart = {
                bucket["key"]: bucket
                for bucket in repeatable.get(name, {}).get("buckets", [])
            }
            buckets = [
                counted(bucket, apart.get(bucket["key"]))
                for bucket in values["buckets"]
            ]
            flat[name] = {
                "doc_count": answer["doc_count"],
                "values": {**values, "buckets": buckets},
            }
        if "groups" in answer:
            flat[TOTAL] = {"doc_count": answer["doc_count"], "groups": answer["groups"]}
        elif "groups" in repeatable:
            flat[TOTAL] = counted({"doc_count": answer["doc_count"]}, repeatable)
    return flat
