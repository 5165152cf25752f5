"""The office's communications of January–June 2018, generated deterministically.

The seed report: more than 430 communications (press releases, invitations,
notices), 3.1 press releases a working day, the first cycle of media
conferences after the new cabinet. Titles come from templates × directorates ×
places, each template written in all four languages so any item can be really
translated. Words the search relevance set looks for in other items (budget,
water supply, street lighting, …) are kept out of the templates.
"""

import random
import tomllib
import unicodedata
from datetime import date, datetime, time
from pathlib import Path

from django.utils.text import slugify

from core.calendar import working_days

from .demo_data import DEPARTMENTS

PRESS_RELEASES = 382  # 3.1 a working day over the half-year's 123 working days
SEED = 2018

LANGS = ("sq", "sr", "tr", "en")
TEXTS = tomllib.loads(
    (Path(__file__).parent / "demo_texts" / "communications.toml").read_text()
)


def _pairs(table):
    return {code: tuple(table[code]) for code in LANGS}


PLACES = TEXTS["places"]
# (department, topic, {lang: (title, lead)}); "{p}" is a place from PLACES.
PRESS_TEMPLATES = [
    (row["department"], row.get("topic"), _pairs(row)) for row in TEXTS["press"]
]
# The first cycle of media conferences after the new cabinet, one a directorate.
CONFERENCE_DEPARTMENTS = ["finance", "education", "health", "urban"]
CONFERENCE_DEPARTMENTS += ["agriculture", "culture"]
CONFERENCE = _pairs(TEXTS["conference"])
INVITATIONS = [
    (row["kind"], row["department"], _pairs(row)) for row in TEXTS["invitations"]
]
NOTICES = [(row["department"], row["count"], _pairs(row)) for row in TEXTS["notices"]]
ASSEMBLY_NOTICE = _pairs(TEXTS["assembly_notice"])
# One-offs the search relevance set and older links know.
BUDGET_HEARING = _pairs(TEXTS["budget_hearing"])
KINDERGARTEN = _pairs(TEXTS["kindergarten"])
CLOSING = TEXTS["closing"]
DEPARTMENT_NAMES = {
    key: dict(zip(LANGS, names, strict=True)) for key, *names in DEPARTMENTS
}

_ASCII = str.maketrans({"ı": "i", "İ": "I", "đ": "dj", "Đ": "Dj", "ß": "ss"})


def ascii_slug(text, limit=70):
    """An ASCII slug in any of the four languages (ı, đ have no decomposition)."""
    text = unicodedata.normalize("NFKD", text.translate(_ASCII))
    return slugify(text)[:limit].strip("-")


def _fill(by_lang, place):
    return {
        code: (title.format(p=place[code]).strip(), lead.format(p=place[code]))
        for code, (title, lead) in by_lang.items()
    }


def item(kind, day, department, topic, texts, **extra):
    """One communication: the texts per language, title first letter upper."""
    texts = {
        code: (title[0].upper() + title[1:], lead)
        for code, (title, lead) in texts.items()
    }
    return {
        "kind": kind,
        "day": day,
        "department": department,
        "topic": topic,
        "texts": texts,
        **extra,
    }


def communications(start, end, sessions):
    """Every communication of [start, end]: press releases spread over the
    working days, invitations and notices. Deterministic (seeded RNG)."""
    rng = random.Random(SEED)  # noqa: S311 - reproducible demo, not secrets
    days = working_days(start, end)
    per_day = [PRESS_RELEASES // len(days)] * len(days)
    for index in rng.sample(range(len(days)), PRESS_RELEASES % len(days)):
        per_day[index] += 1
    # Busy days and quiet days, the total unchanged.
    for _ in range(40):
        busy, quiet = rng.sample(range(len(days)), 2)
        if per_day[quiet] > 1:
            per_day[busy] += 1
            per_day[quiet] -= 1
    items = []
    for day, count in zip(days, per_day, strict=True):
        for _ in range(count):
            department, topic, by_lang = rng.choice(PRESS_TEMPLATES)
            texts = _fill(by_lang, rng.choice(PLACES))
            items.append(item("press", day, department, topic, texts))
    items += invitations(rng, days, sessions)
    items += notices(rng, days, sessions)
    return unique_titles(items)


def unique_titles(items):
    """The office does not publish two items under one title: a repeated
    title gets its date, in every language."""
    seen = set()
    for entry in items:
        title = entry["texts"]["sq"][0]
        if title in seen:
            suffix = f" ({entry['day']:%d.%m.%Y})"
            entry["texts"] = {
                code: (text + suffix, lead)
                for code, (text, lead) in entry["texts"].items()
            }
        seen.add(entry["texts"]["sq"][0])
    return items


def invitations(rng, days, sessions):
    spring = [day for day in days if day.month in (3, 4)]
    found = []
    # The first cycle of media conferences, two working days apart.
    for index, department in enumerate(CONFERENCE_DEPARTMENTS):
        day = spring[4 + index * 2]
        found.append(
            item(
                "media_conference",
                day,
                department,
                None,
                {
                    code: (title.format(d=DEPARTMENT_NAMES[department][code]), lead)
                    for code, (title, lead) in CONFERENCE.items()
                },
                starts_at=datetime.combine(day, time(11, 0)),
                conference_of=department,
            )
        )
    # The rest over the half-year, about one a week.
    for index in range(27):
        kind, department, by_lang = INVITATIONS[index % len(INVITATIONS)]
        day = days[(index * 97 + 11) % len(days)]
        texts = _fill(by_lang, PLACES[index % len(PLACES)])
        hour = 17 if kind in ("public_hearing", "consultation") else 11
        found.append(
            item(
                kind,
                day,
                department,
                None,
                texts,
                starts_at=datetime.combine(day, time(hour, 0)),
            )
        )
    found.append(
        item(
            "public_hearing",
            date(2018, 6, 5),
            "finance",
            "budget",
            BUDGET_HEARING,
            starts_at=datetime(2018, 6, 5, 17, 0),
        )
    )
    del rng
    return found


def notices(rng, days, sessions):
    found = []
    for department, count, by_lang in NOTICES:
        for index in range(count):
            # 37 is prime to the half-year's 123 working days: no day twice.
            day = days[(index * 37 + 3 * count) % len(days)]
            texts = _fill(by_lang, PLACES[(index + count) % len(PLACES)])
            found.append(item("notice", day, department, None, texts))
    found.append(
        item(
            "notice",
            date(2018, 5, 2),
            "education",
            "education",
            KINDERGARTEN,
            valid_until=date(2018, 5, 31),
        )
    )
    # A notice a week before each session (the invitation to the public).
    for starts in sessions:
        before = [day for day in days if day < starts.date()][-5]
        found.append(item("notice", before, "assembly", None, dict(ASSEMBLY_NOTICE)))
    del rng
    return found
