"""Language parity: how much of each section exists in each language, and how
late the translations go live."""

from statistics import median

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page


def _days(delta):
    return round(max(delta.total_seconds(), 0) / 86400, 1)


def parity_report(date_from=None, date_to=None, locales=None):
    """Per section and target locale: live source items, how many are live in
    that locale, the share, median and worst delay (days between the source and
    the translation first going live) and the gaps.

    date_from/date_to bound the source items' first publication (inclusive).
    """
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    targets = Locale.objects.exclude(pk=source.pk).order_by("language_code")
    if locales:
        targets = targets.filter(language_code__in=locales)
    targets = list(targets)
    items = Page.objects.filter(locale=source, depth__gt=3).live().public()
    if date_from:
        items = items.filter(first_published_at__date__gte=date_from)
    if date_to:
        items = items.filter(first_published_at__date__lte=date_to)
    items = list(items.order_by("path"))
    translations = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in=[item.translation_key for item in items],
            locale__in=targets,
        )
        .live()
        .public()
    }
    sections = {page.path: page for page in Page.objects.filter(locale=source, depth=3)}
    report = []
    for path, section in sorted(sections.items()):
        members = [item for item in items if item.path.startswith(path)]
        if not members:
            continue
        locales_out = []
        for locale in targets:
            delays, gaps = [], []
            for item in members:
                translation = translations.get((item.translation_key, locale.pk))
                if translation is None:
                    gaps.append(
                        {
                            "id": item.pk,
                            "title": item.title,
                            "url": item.get_url(),
                            "first_published_at": item.first_published_at.isoformat(),
                            "waiting_days": _days(
                                timezone.now() - item.first_published_at
                            ),
                        }
                    )
                else:
                    delays.append(
                        _days(translation.first_published_at - item.first_published_at)
                    )
            locales_out.append(
                {
                    "locale": locale.language_code,
                    "total": len(members),
                    "available": len(delays),
                    "share": round(len(delays) / len(members), 3),
                    "median_delay_days": median(delays) if delays else None,
                    "worst_delay_days": max(delays) if delays else None,
                    "gaps": gaps,
                }
            )
        report.append(
            {
                "section": {"id": section.pk, "title": section.title},
                "locales": locales_out,
            }
        )
    return report
