"""JSON endpoints: /api/search/ and /api/search/suggest/."""

from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from core.ratelimit import rate_limited

from . import backend
from .analysis import LANGUAGES
from .query import ParameterError, parse_params, run_search, suggest

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
]


def visitor_locale(request):
    language = (
        request.GET.get("lang")
        or translation.get_language_from_request(request)
        or "sq"
    )
    return language if language in LANGUAGES else "sq"


def error(parameter, message):
    return JsonResponse({"error": message, "parameter": parameter}, status=400)


# Read-only JSON without cookies' authority: exempt, so an unsupported method
# answers 405 (require_GET) instead of the CSRF check's 403.
@csrf_exempt
@require_GET
@rate_limited("search_api")
def search_api(request):
    if request.GET.get("lang") and request.GET["lang"] not in LANGUAGES:
        return error("lang", f"lang: must be one of {', '.join(LANGUAGES)}")
    try:
        params = parse_params(request.GET, visitor_locale(request))
    except ParameterError as problem:
        return error(problem.parameter, str(problem))
    answer = run_search(params)
    answer["results"] = [
        # The database fallback knows only this site's own pages.
        {key: result.get(key) for key in RESULT_KEYS}
        | {"source": result.get("source") or "local"}
        for result in answer["results"]
    ]
    return JsonResponse(answer, json_dumps_params={"ensure_ascii": False})


@csrf_exempt
@require_GET
@rate_limited("suggest_api")
def suggest_api(request):
    q = request.GET.get("q", "")
    if len(q) > 200:
        return error("q", "q: must be at most 200 characters")
    locale = request.GET.get("locale") or visitor_locale(request)
    if locale not in [*LANGUAGES, "all"]:
        return error("locale", f"locale: must be one of {', '.join(LANGUAGES)}, all")
    try:
        suggestions = suggest(q, locale)
    except backend.SearchUnavailable:
        suggestions = []
    except Exception:  # noqa: BLE001 - autocomplete is optional, never a 500
        backend.logger.exception("Suggest failed")
        suggestions = []
    return JsonResponse(
        {"suggestions": suggestions}, json_dumps_params={"ensure_ascii": False}
    )
