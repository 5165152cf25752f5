from django.middleware.locale import LocaleMiddleware


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
        return super().process_response(request, response)
