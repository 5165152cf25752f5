"""The localization queue: where each live source page stands in each locale."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from .calendar import due_date

MISSING = "missing"
NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
READY = "ready"
OUT_OF_DATE = "out_of_date"
PUBLISHED = "published"

STATE_LABELS = {
    MISSING: _("Missing"),
    NOT_STARTED: _("Not started"),
    IN_PROGRESS: _("In progress"),
    READY: _("Translated, ready to publish"),
    OUT_OF_DATE: _("Out of date"),
    PUBLISHED: _("Published"),
}
# States in which the translators still owe work, so a due date applies.
OPEN_STATES = {MISSING, NOT_STARTED, IN_PROGRESS, OUT_OF_DATE}


@dataclass
class QueueItem:
    page: Page
    section: Page | None
    locale: Locale
    state: str
    total: int
    translated: int
    since: date
    due: date | None
    action_url: str
    action_label: str
    target: Page | None = None

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def percent(self):
        if not self.total:
            return 100 if self.state in {READY, PUBLISHED} else 0
        return round(100 * self.translated / self.total)

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.due is not None and today > self.due

    @property
    def overdue(self):
        return self.is_overdue()

    def age(self, today=None):
        return ((today or timezone.localdate()) - self.since).days


def source_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def section_of(page, sections_by_path):
    """The top-level section (a child of a home page) containing `page`."""
    if page.depth < 3:
        return None
    return sections_by_path.get(page.path[: Page.steplen * 3])


def page_state(page, source, translation, target, progress):
    """Decide one page's state in one locale (see STATE_LABELS)."""
    if translation is None:
        if target is None:
            return MISSING
        # Translated outside wagtail-localize: only liveness is known.
        if not target.live:
            return NOT_STARTED
        if page.last_published_at and target.last_published_at < (
            page.last_published_at
        ):
            return OUT_OF_DATE
        return PUBLISHED
    total, translated = progress
    if page.last_published_at and source.last_updated_at < page.last_published_at:
        return OUT_OF_DATE
    if translated < total:
        return NOT_STARTED if translated == 0 else IN_PROGRESS
    if target is None or not target.live or target.has_unpublished_changes:
        return READY
    return PUBLISHED


def build_queue(locales=None, section_id=None, states=None, newest_first=False):
    """Queue items for every live source page and target locale.

    Args:
        locales: language codes to include (default: every target locale).
        section_id: only pages inside this source section page.
        states: only these states.
        newest_first: sort by age, youngest first (default: oldest first).
    """
    source = source_locale()
    targets = Locale.objects.exclude(pk=source.pk).order_by("language_code")
    if locales is not None:
        targets = targets.filter(language_code__in=locales)
    targets = list(targets)
    pages = Page.objects.filter(locale=source, depth__gt=1).live().specific()
    sections = {
        page.path: page
        for page in Page.objects.filter(locale=source, depth=3).specific()
    }
    if section_id is not None:
        section = next((s for s in sections.values() if s.pk == section_id), None)
        pages = pages.descendant_of(section, inclusive=True) if section else []
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    sources = {
        (ts.object_id, ts.specific_content_type_id): ts
        for ts in TranslationSource.objects.filter(object_id__in=keys, locale=source)
    }
    translations = {
        (t.source_id, t.target_locale_id): t
        for t in Translation.objects.filter(
            source__in=sources.values(), target_locale__in=targets
        )
    }
    target_pages = {
        (p.translation_key, p.locale_id): p
        for p in Page.objects.filter(translation_key__in=keys, locale__in=targets)
    }
    items = []
    for page in pages:
        ts = sources.get((page.translation_key, page.content_type_id))
        for locale in targets:
            translation = ts and translations.get((ts.pk, locale.pk))
            target = target_pages.get((page.translation_key, locale.pk))
            progress = translation.get_progress() if translation else (0, 0)
            state = page_state(page, ts, translation, target, progress)
            if states and state not in states:
                continue
            if state == OUT_OF_DATE:
                since_moment = page.last_published_at
            else:
                since_moment = page.first_published_at or page.last_published_at
            since = timezone.localdate(since_moment)
            url, label = action_for(state, page, ts, target, locale)
            items.append(
                QueueItem(
                    page=page,
                    section=section_of(page, sections),
                    locale=locale,
                    state=state,
                    total=progress[0],
                    translated=progress[1],
                    since=since,
                    due=due_date(since) if state in OPEN_STATES else None,
                    action_url=url,
                    action_label=label,
                    target=target,
                )
            )
    items.sort(key=lambda item: item.since, reverse=newest_first)
    return items


def action_for(state, page, source, target, locale):
    if state == MISSING:
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        return f"{url}?select_locale={locale.language_code}", _("Translate")
    if state == OUT_OF_DATE and source is not None:
        return (
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            _("Sync translation"),
        )
    if target is not None:
        label = _("Review and publish") if state == READY else _("Edit translation")
        return reverse("wagtailadmin_pages:edit", args=[target.pk]), label
    return reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Open source")
