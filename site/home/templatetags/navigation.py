"""The site's chrome: main menu, footer links and the office's contact.

One tag, so that every page (Wagtail pages, the search page, the access-request
views, the 404 page) gets the same navigation in the visitor's language. The
links are plain data cached per site and language: the chrome is on every page
and must not add its queries to each of them (see home/signals.py for when the
cache is dropped).
"""

from django import template
from django.apps import apps
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from core.locales import default_language_code

register = template.Library()

CACHE_SECONDS = 300
GENERATION_KEY = "home:navigation:generation"

# Feeds offered in the footer; each section page also links its own in <head>.
FEEDS = [
    ("feed_rss", "press", _("Press releases (RSS)")),
    ("feed_rss", "notices", _("Notices (RSS)")),
    ("feed_rss", "acts", _("Municipal acts (RSS)")),
    ("feed_rss", "decisions", _("Decisions (RSS)")),
    ("feed_rss", "competitions", _("Competitions (RSS)")),
    ("calendar", "sessions", _("Assembly sessions (calendar)")),
]


def invalidate():
    """Drop every cached navigation (a new generation makes old keys unused)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def url_or_none(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def link(page, request):
    return {"pk": page.pk, "title": page.title, "url": page.get_url(request)}


def locale_home(site, code):
    root = site.root_page
    if root.locale.language_code == code:
        return root
    return (
        root.get_translations().live().filter(locale__language_code=code).first()
        or root
    )


def latest_report(home, code):
    try:
        model = apps.get_model("reports.TransparencyReportPage")
    except LookupError:
        return None
    reports = model.objects.live().public().order_by("-period_end")
    return (
        reports.filter(locale=home.locale).first()
        or reports.filter(locale__language_code=default_language_code()).first()
    )


def page_links(site, code, request):
    """Home, sections and report of one site and language, as plain data."""
    key = f"home:navigation:{cache.get(GENERATION_KEY, 0)}:{site.pk}:{code}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    home = locale_home(site, code)
    report = latest_report(home, code)
    sections = [
        link(page, request)
        for page in home.get_children().live().public().in_menu()
        if report is None or page.pk != report.pk
    ]
    links = {
        "home": link(home, request),
        "sections": sections,
        "report": link(report, request) if report else None,
    }
    cache.set(key, links, CACHE_SECONDS)
    return links


def office_contact(site):
    from home.models import OfficeContactSettings

    if site is None:
        # An unknown host still gets a footer: the defaults, unsaved.
        return OfficeContactSettings()
    key = f"home:contact:{cache.get(GENERATION_KEY, 0)}:{site.pk}"
    contact = cache.get(key)
    if contact is None:
        contact = OfficeContactSettings.for_site(site)
        cache.set(key, contact, CACHE_SECONDS)
    return contact


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """Main-menu and footer links for the active language.

    Returns:
        A dict: `contact` (OfficeContactSettings), `home`, `sections` and
        `report` (each {pk, title, url}; sections are the home page's live,
        public children shown in menus), `access` (request form, tracking,
        statistics URLs), `accessibility`, `feeds`.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    pages = (
        page_links(site, get_language(), request)
        if site is not None
        else {"home": None, "sections": [], "report": None}
    )
    return {
        **pages,
        "contact": office_contact(site),
        "access": {
            "form": url_or_none("access_requests:form"),
            "lookup": url_or_none("access_requests:lookup"),
            "stats": url_or_none("access_requests:stats"),
        },
        "accessibility": url_or_none("accessibility_statement"),
        "feeds": [
            {"url": url, "title": title}
            for name, slug, title in FEEDS
            if (url := url_or_none(name, slug))
        ],
    }
