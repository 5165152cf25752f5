from django.conf import settings


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
