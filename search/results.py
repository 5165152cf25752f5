"""One result shape, whoever answers (Elasticsearch or the database) and
whoever asks (the page adds labels, the API keeps the public keys)."""

from django.utils.html import escape

from core.locales import default_language_code
from core.search_registry import LOCAL_SOURCE

from .facets import group_count
from .highlight import SNIPPET_FIELDS, pick_highlight, plain_snippet, strip_markers
from .labels import language_names, type_labels

# What /api/search/ shows of each result (its OpenAPI schema lists the same).
RESULT_KEYS = [
    "id",
    "type",
    "title",
    "url",
    "locale",
    "date",
    "snippet",
    "languages",
    "reference_number",
    "source",
    "municipality",
    "attached_to",  # a document's page (search.labels.attached_pages), else null
]


def result(source, doc_id, title_html, snippet, languages=()):
    """A result from an index document's fields (`source`)."""
    locale = source.get("locale", default_language_code())
    return {
        "id": doc_id,
        "type": source["type"],
        "title": strip_markers(source["title"]),
        "title_html": title_html,
        # As given: site-relative for this site's pages, absolute for others'.
        "url": source.get("url"),
        "locale": locale,
        "date": source.get("date"),
        "snippet": snippet,
        "languages": [
            language for language in languages if language.get("locale") != locale
        ],
        "reference_number": source.get("reference_display") or "",
        "department": source.get("department") or "",
        "page_id": source.get("page_id") or source.get("parent_page"),
        # The database fallback knows only this site's own pages.
        "source": source.get("source") or LOCAL_SOURCE,
        "municipality": source.get("municipality") or "",
    }


def shape_hit(hit):
    """A result from an Elasticsearch hit, with its highlights."""
    source = hit["_source"]
    highlight = hit.get("highlight", {})
    locale = source.get("locale", default_language_code())
    title = pick_highlight(highlight, [f"title_{locale}"]) or escape(
        strip_markers(source["title"])
    )
    snippet = pick_highlight(
        highlight, [f"{name}_{locale}" for name in SNIPPET_FIELDS]
    ) or plain_snippet(source.get("summary"))
    return result(source, hit["_id"], title, snippet, source.get("languages") or [])


def shape_page(source, page_id):
    """A result from a page's search document (the database fallback)."""
    return result(
        source,
        f"page-{page_id}",
        escape(strip_markers(source["title"])),
        plain_snippet(source.get("summary")),
    )


def public(results):
    """The results as the JSON API shows them."""
    return [{key: item.get(key) for key in RESULT_KEYS} for item in results]


def labelled(results, origins=None):
    """The results as the search page shows them: type and language named, and
    who published the external ones (`origins`: search.labels.origins)."""
    labels, names = type_labels(), language_names()
    for item in results:
        item["type_label"] = labels.get(item["type"], item["type"])
        if item["source"] != LOCAL_SOURCE:
            origin = (origins or {}).get(item["source"])
            item["publisher"] = (
                origin["publisher"]
                if origin
                else item["municipality"] or item["source"]
            )
        item["language_name"] = names.get(item["locale"], "")
        for other in item["languages"]:
            other["name"] = names.get(other["locale"], other["locale"])
    return results


def facet_buckets(aggregations, facet):
    buckets = []
    for bucket in aggregations[facet]["values"]["buckets"]:
        entry = {"value": str(bucket["key"]), "count": group_count(bucket)}
        names = bucket.get("name", {}).get("buckets")
        if names:
            entry["label"] = names[0]["key"]
        buckets.append(entry)
    return buckets
