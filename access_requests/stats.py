"""Figures for any period, as of the period's end (a request answered after the
end was still pending then)."""

from datetime import datetime, time
from statistics import median

from django.utils import timezone

from core.calendar import working_days_between

from .models import (
    ANSWERED_STATES,
    AccessRequest,
    LegalGround,
    RequesterCategory,
    State,
    holiday_dates,
)


def statistics(start, end):
    """Counts for requests received from `start` to `end` (dates, inclusive)."""
    tz = timezone.get_current_timezone()
    since = timezone.make_aware(datetime.combine(start, time.min), tz)
    until = timezone.make_aware(datetime.combine(end, time.max), tz)
    requests = list(
        AccessRequest.objects.filter(received_at__gte=since, received_at__lte=until)
    )
    holidays = holiday_dates()
    by_category = {choice.value: 0 for choice in RequesterCategory}
    refused_by_ground = {}
    on_time = late = pending = extended = transferred = withdrawn = 0
    answer_days = []
    for item in requests:
        by_category[item.category] = by_category.get(item.category, 0) + 1
        if item.extended_at and item.extended_at <= until:
            extended += 1
        if item.closed_at is None or item.closed_at > until:
            pending += 1
            continue
        if item.state == State.TRANSFERRED:
            transferred += 1
            continue
        if item.state == State.WITHDRAWN:
            withdrawn += 1
            continue
        if item.state in ANSWERED_STATES:
            if item.answered_on_time:
                on_time += 1
            else:
                late += 1
            answer_days.append(
                working_days_between(item.received_on, item.closed_on, holidays)
            )
        if item.state in {State.REFUSED, State.PARTIALLY_GRANTED} and item.legal_ground:
            refused_by_ground[item.legal_ground] = (
                refused_by_ground.get(item.legal_ground, 0) + 1
            )
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "received": len(requests),
        "by_requester_category": by_category,
        "answered_on_time": on_time,
        "answered_late": late,
        "pending": pending,
        "transferred": transferred,
        "withdrawn": withdrawn,
        "extended": extended,
        "refused_by_ground": refused_by_ground,
        "median_working_days_to_answer": median(answer_days) if answer_days else None,
    }


def labelled(stats):
    """The same figures with translated labels, for the public page."""
    categories = dict(RequesterCategory.choices)
    grounds = dict(LegalGround.choices)
    return {
        "categories": [
            (categories[key], count)
            for key, count in stats["by_requester_category"].items()
        ],
        "grounds": [
            (grounds.get(key, key), count)
            for key, count in sorted(stats["refused_by_ground"].items())
        ],
    }
