from django.conf import settings
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware

# Machine-readable URLs outside the language prefix: an unknown path there is a
# JSON 404, never a redirect to an HTML page.
API_PATH_PREFIX = "/api/"


class ContentSecurityPolicyMiddleware:
    """Send `settings.CONTENT_SECURITY_POLICY` on public pages.

    The Wagtail admin relies on inline scripts and styles, so paths under
    `CONTENT_SECURITY_POLICY_EXCLUDE` (the admin) get no policy header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None)
        excluded = getattr(settings, "CONTENT_SECURITY_POLICY_EXCLUDE", ())
        if policy and not request.path.startswith(tuple(excluded)):
            response.headers.setdefault("Content-Security-Policy", policy)
        return response


class LocaleMiddlewareKeeping404s(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 answered by a view that was
    found (e.g. the API saying 'no such page') stays a 404.

    Django redirects every unprefixed 404 to its /<lang>/ twin when that path
    resolves; with Wagtail's catch-all route every path does, so API clients
    would be sent to an HTML page instead of getting their JSON error."""

    def process_response(self, request, response):
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is not None
        ):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        if response.status_code == 404 and request.path_info.startswith(
            API_PATH_PREFIX
        ):
            return JsonResponse(
                {"message": "No API endpoint at this address."}, status=404
            )
        return super().process_response(request, response)
