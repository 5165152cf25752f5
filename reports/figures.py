"""The figures of the Public Information Office's report, computed from live data.

Every count is of translation groups (an act published in three languages is one
act), taken from live, public pages.
"""

import statistics
from collections import Counter
from datetime import date

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from core.calendar import working_days
from core.locales import content_language_codes, default_language_code

COMMUNICATION_TYPES = {
    "press_release": "press.PressReleasePage",
    "notice": "press.NoticePage",
    "invitation": "press.InvitationPage",
}
OFFICIAL_DOCUMENT_TYPES = {
    "act": "municipal_acts.MunicipalActPage",
    "decision": "municipal_acts.DecisionPage",
    "minutes": "municipal_acts.MinutesPage",
}
SOURCE_LANGUAGE = default_language_code()


def published_in(model_path, start, end):
    """Live, public source-language pages of a type published in [start, end]."""
    model = apps.get_model(model_path)
    return (
        model.objects.live()
        .public()
        .filter(locale__language_code=SOURCE_LANGUAGE)
        .filter(
            Q(publication_date__range=(start, end))
            | Q(
                publication_date__isnull=True,
                first_published_at__date__range=(start, end),
            )
        )
    )


def communications(start, end):
    days = working_days(start, end)
    counts = {}
    by_month = Counter()
    by_department = Counter()
    for key, path in COMMUNICATION_TYPES.items():
        pages = published_in(path, start, end).select_related("department")
        counts[key] = 0
        for page in pages:
            counts[key] += 1
            day = page.publication_date or page.first_published_at.date()
            by_month[day.strftime("%Y-%m")] += 1
            by_department[page.department.name if page.department else "—"] += 1
    counts["media_conference"] = (
        published_in(COMMUNICATION_TYPES["invitation"], start, end)
        .filter(kind="media_conference")
        .count()
    )
    total = sum(counts[key] for key in COMMUNICATION_TYPES)
    return {
        "counts": counts,
        "total": total,
        "working_days": len(days),
        "per_working_day": round(total / len(days), 2) if days else 0,
        "by_month": dict(sorted(by_month.items())),
        "by_department": dict(by_department.most_common()),
    }


def assembly_sessions(start, end, now=None):
    now = now or timezone.now()
    model = apps.get_model("assembly_sessions.AssemblySessionPage")
    sessions = (
        model.objects.live()
        .public()
        .filter(locale__language_code=SOURCE_LANGUAGE)
        .filter(starts_at__date__range=(start, end), starts_at__lte=now)
        .order_by("starts_at")
    )
    listing = [
        {
            "number": session.number,
            "title": session.title,
            "date": timezone.localdate(session.starts_at).isoformat(),
            "url": session.url,
            "livestreamed": bool(session.livestream_url),
            "video_published": bool(session.recording_url),
        }
        for session in sessions
    ]
    return {
        "held": len(listing),
        "livestreamed": sum(item["livestreamed"] for item in listing),
        "video_published": sum(item["video_published"] for item in listing),
        "sessions": listing,
    }


def official_languages(start, end):
    languages = list(getattr(settings, "OFFICIAL_LANGUAGES", content_language_codes()))
    by_type = {}
    delays = []
    for key, path in OFFICIAL_DOCUMENT_TYPES.items():
        sources = list(published_in(path, start, end))
        model = apps.get_model(path)
        translations = (
            model.objects.live()
            .public()
            .filter(translation_key__in=[page.translation_key for page in sources])
            .select_related("locale")
        )
        live = {}
        for page in translations:
            live.setdefault(page.translation_key, {})[page.locale.language_code] = page
        per_language = dict.fromkeys(languages, 0)
        in_all = 0
        for source in sources:
            versions = live.get(source.translation_key, {})
            for code in languages:
                per_language[code] += code in versions
            in_all += all(code in versions for code in languages)
            for code, page in versions.items():
                if code != SOURCE_LANGUAGE and page.first_published_at:
                    delta = page.first_published_at - source.first_published_at
                    delays.append(max(delta.total_seconds(), 0) / 86400)
        by_type[key] = {
            "published": len(sources),
            "per_language": per_language,
            "in_all_official_languages": in_all,
        }
    total = sum(item["published"] for item in by_type.values())
    in_all = sum(item["in_all_official_languages"] for item in by_type.values())
    return {
        "languages": languages,
        "by_type": by_type,
        "share_in_all_official_languages": round(in_all / total, 3) if total else None,
        "translation_delay_days": {
            "median": round(statistics.median(delays), 1) if delays else None,
            "worst": round(max(delays), 1) if delays else None,
        },
    }


def competitions(start, end, now=None):
    now = now or timezone.now()
    model = apps.get_model("municipal_acts.CompetitionPage")
    pages = model.objects.live().public().filter(locale__language_code=SOURCE_LANGUAGE)
    closing = pages.filter(closes_at__date__range=(start, end))
    return {
        "opened": pages.filter(opens_at__date__range=(start, end)).count(),
        # Deadline passed in the period, with or without results since: a count
        # of deadlines, not of the "closed" state.
        "closed": closing.filter(closes_at__lte=now).count(),
        # The competition's own rule for the "results" state.
        "results_published": closing.filter(
            model.state_condition("results", now)
        ).count(),
    }


def access_requests(start, end):
    """Figures from the access-request app, when it is installed."""
    provider = getattr(settings, "TRANSPARENCA_ACCESS_REQUEST_STATISTICS", None)
    if not provider:
        return None
    from django.utils.module_loading import import_string

    return import_string(provider)(start, end)


def compute_figures(start, end, now=None):
    """Every figure of the report for the period [start, end].

    Returns:
        A JSON-serialisable dict.
    """
    return {
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "computed_at": (now or timezone.now()).isoformat(),
        "communications": communications(start, end),
        "access_requests": access_requests(start, end),
        "sessions": assembly_sessions(start, end, now),
        "official_languages": official_languages(start, end),
        "competitions": competitions(start, end, now),
    }


def last_full_half_year(today=None):
    today = today or timezone.localdate()
    if today.month > 6:
        return date(today.year, 1, 1), date(today.year, 6, 30)
    return date(today.year - 1, 7, 1), date(today.year - 1, 12, 31)


def flat_rows(figures):
    """(section, figure, value) rows for CSV and accessible tables."""
    rows = []

    def walk(prefix, value):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), item)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(f"{prefix}[{index}]", item)
        else:
            rows.append((prefix, value))

    walk("", {k: v for k, v in figures.items() if k != "computed_at"})
    return rows
