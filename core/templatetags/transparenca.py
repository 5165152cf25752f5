from urllib.parse import urljoin, urlsplit

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per site language: where the switcher should go and whether the
    current page exists in that language."""
    request = context.get("request")
    # Views about a page (e.g. "not yet translated") name it `switcher_page`.
    page = context.get("switcher_page") or page
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in (
            page.get_translations(inclusive=True)
            .live()
            .public()
            .select_related("locale")
        ):
            translations[translation.locale.language_code] = translation
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    homes = {}
    if root is not None:
        for home in (
            root.get_translations(inclusive=True).live().select_related("locale")
        ):
            homes[home.locale.language_code] = home
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.url
        else:
            url = missing_translation_url(page, code, translations)
            if url is None:
                home = homes.get(code)
                url = home.url if home else f"/{code}/"
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "available": code in translations,
                "official": code in getattr(settings, "OFFICIAL_LANGUAGES", []),
            }
        )
    return links


def missing_translation_url(page, code, translations):
    """A page explaining that `page` is not yet in `code`, or None when there is
    no page to explain (or no such view is installed)."""
    if not translations or not isinstance(page, Page):
        return None
    with translation.override(code):
        try:
            return reverse("page_not_translated", args=[page.pk])
        except NoReverseMatch:
            return None


@register.filter
def type_label(page):
    """The translated, capitalised verbose name of a page's specific type."""
    model = getattr(page, "specific_class", None) or type(page)
    return model.get_verbose_name() if model else ""


@register.simple_tag(takes_context=True)
def section_feeds(context, page):
    """RSS, Atom and iCalendar links for the page types listed on an index page."""
    from django.urls import NoReverseMatch, reverse
    from django.utils.text import capfirst

    models = page.item_models() if hasattr(page, "item_models") else []
    feeds = []
    for model in models:
        name = capfirst(model._meta.verbose_name_plural)
        try:
            if getattr(model, "feed_slug", ""):
                for kind, mime in (
                    ("rss", "application/rss+xml"),
                    ("atom", "application/atom+xml"),
                ):
                    url = reverse(f"feed_{kind}", args=[model.feed_slug])
                    feeds.append(
                        {"url": url, "mime": mime, "title": f"{name} ({kind.upper()})"}
                    )
            if getattr(model, "calendar_slug", ""):
                url = reverse("calendar", args=[model.calendar_slug])
                feeds.append(
                    {"url": url, "mime": "text/calendar", "title": f"{name} (iCal)"}
                )
        except NoReverseMatch:
            # The site did not mount the feeds (core.urls.i18n_urlpatterns).
            continue
    return feeds


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` made absolute against the page's site, the base og:url uses (a
    share card's links must answer wherever the page is shared); the request
    or BASE_URL when the page has no site yet (a preview of a new page)."""
    if not url or urlsplit(url).scheme:
        return url
    page = context.get("page")
    request = context.get("request")
    # The URL parts come from Wagtail's cached site root paths: no query.
    parts = page.get_url_parts(request) if isinstance(page, Page) else None
    if parts is not None and parts[1]:
        return urljoin(f"{parts[1]}/", url)
    if request is not None:
        return request.build_absolute_uri(url)
    return urljoin(getattr(settings, "WAGTAILADMIN_BASE_URL", ""), url)


@register.simple_tag
def default_social_image():
    """The static path of the image shared when a page has none of its own
    (setting SOCIAL_DEFAULT_IMAGE), as an absolute-ready URL, or ''."""
    path = getattr(settings, "SOCIAL_DEFAULT_IMAGE", "")
    return static(path) if path else ""


@register.simple_tag(takes_context=True)
def municipality_name(context):
    """This site's municipality in the active language (core.municipality)."""
    from core.municipality import municipality

    request = context.get("request")
    page = context.get("page")
    site = None
    if request is None and isinstance(page, Page) and page.pk:
        site = page.get_site()
    return municipality(site=site, request=request).name
