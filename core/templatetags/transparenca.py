from django import template
from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per site language: where the switcher should go and whether the
    current page exists in that language."""
    request = context.get("request")
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().public():
            translations[translation.locale.language_code] = translation
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    homes = {}
    if root is not None:
        for home in root.get_translations(inclusive=True).live():
            homes[home.locale.language_code] = home
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": target.url if target else f"/{code}/",
                "available": code in translations,
            }
        )
    return links


@register.simple_tag
def locale_home(language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    site = Site.objects.filter(is_default_site=True).first()
    if not (locale and site):
        return None
    return site.root_page.get_translations(inclusive=True).filter(locale=locale).first()


@register.filter
def type_label(page):
    """The translated, capitalised verbose name of a page's specific type."""
    model = getattr(page, "specific_class", None) or type(page)
    return model.get_verbose_name() if model else ""


@register.simple_tag
def video_at(session, timestamp):
    """Link into a session's video at an agenda item's timestamp."""
    link = getattr(session, "agenda_video_link", None)
    return link(timestamp) if link else None
