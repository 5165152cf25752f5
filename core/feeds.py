"""RSS 2.0 / Atom feeds per section and iCalendar feeds of dated events, per
language. A page type joins a feed by setting `feed_slug` or `calendar_slug`."""

from datetime import datetime, time, timedelta

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site, get_page_models

from .municipality import municipality

FEED_SIZE = 30


def models_with(attribute, value):
    return [
        model
        for model in get_page_models()
        if not model._meta.abstract and getattr(model, attribute, "") == value
    ]


def feed_sections():
    """{feed_slug: [page models]} for every page type that declares a feed."""
    sections = {}
    for model in get_page_models():
        slug = getattr(model, "feed_slug", "")
        if slug and not model._meta.abstract:
            sections.setdefault(slug, []).append(model)
    return sections


def active_locale():
    locale = Locale.objects.filter(language_code=get_language()).first()
    if locale is None:
        raise Http404("No such language")
    return locale


def published(models, locale):
    pages = Page.objects.live().public().filter(locale=locale)
    return pages.type(*models).specific().defer_streamfields()


def section_index_url(models, locale, request):
    """The listing these pages live on, in the feed's language."""
    parent_types = set()
    for model in models:
        parent_types.update(model.allowed_parent_page_models())
    index = (
        Page.objects.live().public().filter(locale=locale).type(*parent_types).first()
        if parent_types
        else None
    )
    if index is not None:
        return index.get_url(request)
    return f"/{locale.language_code}/"


class SectionFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, section):
        models = feed_sections().get(section)
        if not models:
            raise Http404("No such feed")
        self.request = request
        return {"section": section, "models": models, "locale": active_locale()}

    def title(self, obj):
        names = ", ".join(
            str(capfirst(model._meta.verbose_name_plural)) for model in obj["models"]
        )
        return f"{names} – {municipality(request=self.request).name}"

    def description(self, obj):
        return _("The latest publications: %(municipality)s.") % {
            "municipality": municipality(request=self.request).name
        }

    def link(self, obj):
        return section_index_url(obj["models"], obj["locale"], self.request)

    def feed_url(self, obj):
        return self.request.path

    def items(self, obj):
        return published(obj["models"], obj["locale"]).order_by("-first_published_at")[
            :FEED_SIZE
        ]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Readers render an RSS description or an Atom summary (type="html") as
        # HTML, so the plain-text summary is escaped: markup in it stays text.
        return escape(item.summary or item.search_description or "")

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        if item.publication_date:
            return timezone.make_aware(datetime.combine(item.publication_date, time(9)))
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [str(capfirst(item._meta.verbose_name))]


class AtomSectionFeed(SectionFeed):
    feed_type = Atom1Feed
    subtitle = SectionFeed.description


def calendar_view(request, section):
    """An iCalendar (RFC 5545) feed of sessions or invitations in one language."""
    from icalendar import Calendar, Event

    models = models_with("calendar_slug", section)
    if not models:
        raise Http404("No such calendar")
    locale = active_locale()
    events = published(models, locale)
    calendar = Calendar()
    town = municipality(request=request)
    calendar.add("prodid", f"-//{town.slug}//Transparenca//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    names = ", ".join(str(capfirst(m._meta.verbose_name_plural)) for m in models)
    calendar.add("x-wr-calname", f"{names} – {town.name}")
    site = Site.find_for_request(request)
    host = site.hostname if site else "transparenca"
    for page in sorted(events, key=lambda page: page.starts_at):
        event = Event()
        event.add("uid", f"{page.translation_key}-{locale.language_code}@{host}")
        event.add("dtstamp", page.last_published_at or timezone.now())
        event.add("dtstart", page.starts_at)
        ends_at = page.ends_at or page.starts_at + getattr(
            page, "default_duration", timedelta(hours=1)
        )
        event.add("dtend", ends_at)
        event.add("summary", page.title)
        if page.summary:
            event.add("description", page.summary)
        if page.place:
            event.add("location", page.place)
        event.add("url", page.get_full_url(request))
        calendar.add_component(event)
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{section}.ics"'
    return response
