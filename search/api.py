"""JSON endpoints: /api/search/ and /api/search/suggest/."""

from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from core.locales import default_language_code
from core.ratelimit import rate_limited

from . import backend
from .analysis import LANGUAGES
from .labels import attached_pages
from .params import ParameterError, check_query, parse_params
from .query import run_search
from .results import RESULT_KEYS, public
from .suggest import suggest

__all__ = ["RESULT_KEYS", "search_api", "suggest_api"]


def visitor_locale(request):
    language = (
        request.GET.get("lang")
        or translation.get_language_from_request(request)
        or default_language_code()
    )
    return language if language in LANGUAGES else default_language_code()


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
    answer["results"] = public(attached_pages(answer["results"], request))
    return JsonResponse(answer, json_dumps_params={"ensure_ascii": False})


@csrf_exempt
@require_GET
@rate_limited("suggest_api")
def suggest_api(request):
    q = request.GET.get("q", "")
    try:
        check_query(q)
    except ParameterError as problem:
        return error(problem.parameter, str(problem))
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
