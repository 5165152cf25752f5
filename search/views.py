from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.locales import default_language_code
from core.municipality import municipality
from core.search_registry import LOCAL_SOURCE

from .labels import attached_pages, language_names, origins, type_labels
from .params import FACETS, MAX_QUERY, ParameterError, parse_params
from .query import run_search
from .results import labelled

FACET_TITLES = {
    "type": gettext_lazy("Type"),
    "year": gettext_lazy("Year"),
    "locale": gettext_lazy("Language"),
    "department": gettext_lazy("Department"),
    "source": gettext_lazy("Municipality / source"),
}
# Facets shown only when they would offer a choice: one source is no filter,
# so a site with only its own pages looks as it always did.
ONLY_WHEN_SEVERAL = {"source"}


def facet_label(facet, bucket, origins=None):
    if facet == "type":
        return str(type_labels().get(bucket["value"], bucket["value"]))
    if facet == "locale":
        return str(language_names().get(bucket["value"], bucket["value"]))
    if facet == "source":
        origin = (origins or {}).get(bucket["value"])
        if origin:
            return origin["facet"]
        if bucket["value"] == LOCAL_SOURCE:
            return _("this site")
        # A source no longer configured: its slugs are all the index knows.
        place, source = bucket.get("label") or "", bucket["value"]
        return f"{place} / {source}" if place else source
    return bucket.get("label") or bucket["value"]


def facet_groups(params, answer, origins=None):
    """Facets as plain links, so filtering works without JavaScript."""
    groups = []
    for facet in FACETS:
        current = params.facet_value(facet)
        buckets = answer["facets"].get(facet, [])
        if facet in ONLY_WHEN_SEVERAL and len(buckets) < 2 and not current:
            continue
        options = []
        for bucket in buckets:
            selected = bucket["value"] == current
            change = {facet: "" if selected else bucket["value"]}
            if facet == "locale" and selected:
                change["locale"] = "all"
            options.append(
                {
                    "label": facet_label(facet, bucket, origins),
                    "count": bucket["count"],
                    "selected": selected,
                    "url": "?" + urlencode(params.as_query_dict(**change)),
                }
            )
        if options:
            groups.append({"title": FACET_TITLES[facet], "options": options})
    return groups


def search_page(request):
    language = get_language() or default_language_code()
    context = {
        "query": request.GET.get("q", "").strip()[:MAX_QUERY],
        "error": None,
    }
    try:
        params = parse_params(request.GET, language)
    except ParameterError as problem:
        context["error"] = str(problem)
        return render(request, "search/search.html", context, status=400)
    context["params"] = params
    context["language_options"] = list(language_names().items())
    context["sorts"] = [
        ("relevance", _("Relevance")),
        ("newest", _("Newest first")),
        ("oldest", _("Oldest first")),
    ]
    if params.q or params.types or params.year or params.department or params.source:
        answer = run_search(params)
        # Readable names of the external sources, in one query for the page.
        origin_labels = origins(
            [item["source"] for item in answer["results"]]
            + [bucket["value"] for bucket in answer["facets"].get("source", [])]
        )
        # This site's own municipality, named in the visitor's language.
        here = municipality(request=request).name
        origin_labels[LOCAL_SOURCE] = {
            "facet": f"{here} / {_('this site')}" if here else _("this site")
        }
        labelled(answer["results"], origin_labels)
        attached_pages(answer["results"], request)
        pages = max(1, -(-answer["total"] // params.page_size))
        base = params.as_query_dict()
        context.update(
            answer=answer,
            facet_groups=facet_groups(params, answer, origin_labels),
            previous_url="?" + urlencode({**base, "page": params.page - 1})
            if params.page > 1
            else "",
            next_url="?" + urlencode({**base, "page": params.page + 1})
            if params.page < pages
            else "",
            page_count=pages,
            suggestion_url="?"
            + urlencode(params.as_query_dict(q=answer["did_you_mean"]))
            if answer["did_you_mean"]
            else "",
            all_languages_url="?" + urlencode(params.as_query_dict(locale="all")),
        )
    return render(request, "search/search.html", context)
