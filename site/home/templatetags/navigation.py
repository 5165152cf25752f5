"""The site's chrome: main menu, footer links and the office's contact.

One tag, so that every page (Wagtail pages, the search page, the access-request
views, the 404 page) gets the same navigation in the visitor's language.
"""

from django import template
from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

register = template.Library()

# Feeds offered in the footer; each section page also links its own in <head>.
FEEDS = [
    ("feed_rss", "press", _("Press releases (RSS)")),
    ("feed_rss", "notices", _("Notices (RSS)")),
    ("feed_rss", "acts", _("Municipal acts (RSS)")),
    ("feed_rss", "decisions", _("Decisions (RSS)")),
    ("feed_rss", "competitions", _("Competitions (RSS)")),
    ("calendar", "sessions", _("Assembly sessions (calendar)")),
]


def url_or_none(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def locale_home(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    code = get_language()
    if root.locale.language_code == code:
        return root
    return (
        root.get_translations().live().filter(locale__language_code=code).first()
        or root
    )


def latest_report(home):
    try:
        model = apps.get_model("reports.TransparencyReportPage")
    except LookupError:
        return None
    reports = model.objects.live().public().order_by("-period_end")
    return (
        reports.filter(locale=home.locale).first() if home else None
    ) or reports.filter(locale__language_code="sq").first()


def office_contact(request):
    from home.models import OfficeContactSettings

    site = Site.find_for_request(request) if request else None
    if site is None:
        # An unknown host still gets a footer: the defaults, unsaved.
        return OfficeContactSettings()
    return OfficeContactSettings.for_site(site)


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """Main-menu and footer links for the active language.

    Returns:
        A dict: `contact` (OfficeContactSettings), `home`, `sections` (the home
        page's live, public children shown in menus), `access` (request form,
        tracking, statistics URLs), `report`, `accessibility`, `feeds`.
    """
    request = context.get("request")
    home = locale_home(request)
    sections = []
    if isinstance(home, Page):
        sections = list(home.get_children().live().public().in_menu())
    report = latest_report(home)
    if report is not None:
        sections = [section for section in sections if section.pk != report.pk]
    feeds = [
        {"url": url, "title": title}
        for name, slug, title in FEEDS
        if (url := url_or_none(name, slug))
    ]
    return {
        "contact": office_contact(request),
        "home": home,
        "sections": sections,
        "access": {
            "form": url_or_none("access_requests:form"),
            "lookup": url_or_none("access_requests:lookup"),
            "stats": url_or_none("access_requests:stats"),
        },
        "report": report,
        "accessibility": url_or_none("accessibility_statement"),
        "feeds": feeds,
    }
