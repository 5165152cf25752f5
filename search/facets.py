"""Facet counts of a citizen search: per facet the values under every other
facet's filter, counted in groups (a page's language versions, or an
attachment hung on several pages, are one result)."""

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
# language: attachments (one per page they hang on) and other sites' items.
# A page has one version per language (Wagtail keeps translation_key and
# locale unique together), so within one language its documents need no
# distinct count.
REPEATABLE = {"bool": {"must_not": [{"exists": {"field": "page_id"}}]}}
GROUPS = {"cardinality": {"field": "group"}}


def group_count_aggs(one_language):
    """What a facet bucket (or the total) needs to count its groups: a
    distinct count of every document's group when the results mix
    languages; within one language a distinct count of the repeatable
    documents only, the pages being counted by doc_count (a distinct count
    of every match was a third of a search's cost, BENCHMARKS.md)."""
    if not one_language:
        return {"groups": GROUPS}
    return {"repeatable": {"filter": REPEATABLE, "aggs": {"groups": GROUPS}}}


def group_count(bucket):
    """The groups in a bucket that group_count_aggs() counted."""
    if "groups" in bucket:
        return bucket["groups"]["value"]
    repeatable = bucket["repeatable"]
    return bucket["doc_count"] - repeatable["doc_count"] + repeatable["groups"]["value"]


def facet_aggregations(post):
    """Per facet, the counts of its values under every other facet's filter;
    `total`, the groups under all of them. Only the locale facet's own
    buckets mix no languages when no language is chosen; each is counted
    the cheap way whenever a bucket's documents share one language."""
    aggs = {}
    one_language = "locale" in post
    for facet, es_field in FACET_FIELDS.items():
        others = [clause for name, clause in post.items() if name != facet]
        terms = {"field": es_field, "size": 50}
        if facet == "year":
            terms["order"] = {"_key": "desc"}
        inner = group_count_aggs(one_language or facet == "locale")
        if facet in FACET_NAMES:
            inner["name"] = {"terms": {"field": FACET_NAMES[facet], "size": 1}}
        aggs[facet] = {
            "filter": {"bool": {"filter": others}},
            "aggs": {"values": {"terms": terms, "aggs": inner}},
        }
    aggs["total"] = {
        "filter": {"bool": {"filter": list(post.values())}},
        "aggs": group_count_aggs(one_language),
    }
    return aggs
