"""A draft translation's own address answers "not yet available" (still 404),
so a reader who follows a link or guesses /sr/... learns where to read it."""

from django.utils.translation import get_language
from wagtail.models import Page, Site

from .views import not_available_response


def unpublished_translation_at(request):
    """The live, public page whose translation into the request's language
    sits, not yet published, at the requested path; None otherwise."""
    language = get_language()
    prefix = f"/{language}/"
    if not request.path_info.startswith(prefix):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    home = (
        site.root_page.get_translations(inclusive=True)
        .filter(locale__language_code=language)
        .first()
    )
    if home is None:
        return None
    url_path = home.url_path + request.path_info[len(prefix) :]
    draft = Page.objects.filter(
        url_path=url_path, locale_id=home.locale_id, live=False
    ).first()
    if draft is None:
        return None
    original = draft.get_translations().live().public().order_by("locale_id").first()
    return original.specific if original is not None else None


class NotYetTranslatedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        original = unpublished_translation_at(request)
        if original is None:
            return response
        return not_available_response(request, original, status=404).render()
