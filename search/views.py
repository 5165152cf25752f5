from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.locales import default_language_code

from .labels import language_names, type_labels
from .query import FACETS, ParameterError, parse_params, run_search

FACET_TITLES = {
    "type": gettext_lazy("Type"),
    "year": gettext_lazy("Year"),
    "locale": gettext_lazy("Language"),
    "department": gettext_lazy("Department"),
}
PARAM_OF_FACET = {
    "type": "type",
    "year": "year",
    "locale": "locale",
    "department": "department",
}


def facet_label(facet, bucket):
    if facet == "type":
        return str(type_labels().get(bucket["value"], bucket["value"]))
    if facet == "locale":
        return str(language_names().get(bucket["value"], bucket["value"]))
    return bucket.get("label") or bucket["value"]


def current_value(params, facet):
    return {
        "type": ",".join(params.types),
        "year": str(params.year or ""),
        "locale": params.locale,
        "department": params.department,
    }[facet]


def facet_groups(params, answer):
    """Facets as plain links, so filtering works without JavaScript."""
    groups = []
    for facet in FACETS:
        current = current_value(params, facet)
        options = []
        for bucket in answer["facets"].get(facet, []):
            selected = bucket["value"] == current
            change = {PARAM_OF_FACET[facet]: "" if selected else bucket["value"]}
            if facet == "locale" and selected:
                change["locale"] = "all"
            options.append(
                {
                    "label": facet_label(facet, bucket),
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
    context = {"query": request.GET.get("q", "").strip()[:200], "error": None}
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
    if params.q or params.types or params.year or params.department:
        answer = run_search(params)
        labels = type_labels()
        for result in answer["results"]:
            result["type_label"] = labels.get(result["type"], result["type"])
            result["language_name"] = language_names().get(result["locale"], "")
            for other in result["languages"]:
                other["name"] = language_names().get(other["locale"], other["locale"])
        pages = max(1, -(-answer["total"] // params.page_size))
        base = params.as_query_dict()
        context.update(
            answer=answer,
            facet_groups=facet_groups(params, answer),
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
