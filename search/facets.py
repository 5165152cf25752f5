"""Facet counts of a citizen search: per facet the values under every other
facet's filter, counted in groups (a page's language versions, or an
attachment hung on several pages, are one result)."""

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
# language, attachments (one per page they hang on) and other sites' items,
# carry their group a second time in this field (analysis.index_mappings);
# pages leave it out. A page has one version per language (Wagtail keeps
# translation_key and locale unique together), so within one language its
# documents need no distinct count.
REPEATABLE_GROUP = "repeatable_group"
GROUPS = {"cardinality": {"field": "group"}}


def group_fields(group, page_id):
    """The group fields of an index document: a document without a page of
    its own (`page_id` None: an attachment, another site's item) carries its
    group a second time, for group_count_aggs()."""
    return {"group": group, **({REPEATABLE_GROUP: group} if page_id is None else {})}


def group_count_aggs(one_language):
    """What a facet bucket (or the total) needs to count its groups: a
    distinct count of every document's group when the results mix
    languages; within one language a distinct count of the repeatable
    documents only, the pages being counted by doc_count (a distinct count
    of every match was a third of a search's cost; a `filter` sub-aggregation
    picking the repeatable ones in every bucket most of the rest, where a
    field only they have is skipped for free: BENCHMARKS.md)."""
    if not one_language:
        return {"groups": GROUPS}
    return {
        "repeatable": {"value_count": {"field": REPEATABLE_GROUP}},
        "repeatable_groups": {"cardinality": {"field": REPEATABLE_GROUP}},
    }


def group_count(bucket):
    """The groups in a bucket that group_count_aggs() counted."""
    if "groups" in bucket:
        return bucket["groups"]["value"]
    repeated = bucket["repeatable"]["value"]
    return bucket["doc_count"] - repeated + bucket["repeatable_groups"]["value"]


# The aggregations that hold the facets sharing one filter (see below).
SHARED = "shared_"
TOTAL = "total"


def facet_aggregations(post):
    """Per facet, the counts of its values under every other facet's filter;
    `total`, the groups under all of them. Only the locale facet's own
    buckets mix no languages when no language is chosen; each is counted
    the cheap way whenever a bucket's documents share one language.

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
        inner = group_count_aggs(one_language or facet == "locale")
        if facet in FACET_NAMES:
            inner["name"] = {"terms": {"field": FACET_NAMES[facet], "size": 1}}
        others = [clause for name, clause in post.items() if name != facet]
        wanted[facet] = (others, {"terms": terms, "aggs": inner})
    wanted[TOTAL] = (list(post.values()), group_count_aggs(one_language))
    sharing = {}
    for name, (clauses, _) in wanted.items():
        sharing.setdefault(json.dumps(clauses, sort_keys=True), []).append(name)
    aggs = {}
    for number, names in enumerate(sharing.values()):
        shared = {}
        for name in names:
            if name == TOTAL:
                shared.update(wanted[name][1])
            else:
                shared[name] = wanted[name][1]
        clauses = wanted[names[0]][0]
        aggs[f"{SHARED}{number}"] = {
            "filter": {"bool": {"filter": clauses}},
            "aggs": shared,
        }
    return aggs


def flattened(aggregations):
    """The answer to facet_aggregations() one facet at a time:
    {facet: {"doc_count", "values"}, "total": {"doc_count", counts}}."""
    flat = {}
    for key, answer in aggregations.items():
        if not key.startswith(SHARED):
            continue
        for name, values in answer.items():
            if name in FACET_FIELDS:
                flat[name] = {"doc_count": answer["doc_count"], "values": values}
        # The rest, if any, are the total's counts (group_count_aggs()).
        counts = {
            key: value
            for key, value in answer.items()
            if key not in FACET_FIELDS and key != "doc_count"
        }
        if counts:
            flat[TOTAL] = {"doc_count": answer["doc_count"], **counts}
    return flat
