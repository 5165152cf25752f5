"""Demo press releases, notices and invitations (see core.demo): the site's
seeded half-year of communications, a share of them translated and a few
press releases whose translation was requested but not started (waiting in
the localization queue)."""

import random
import re
from datetime import datetime, timedelta

from django.apps import apps

from core.calendar import add_working_days
from core.demo_build import add_live, aware, paragraph
from core.demo_build import translate as translate_page
from core.locales import content_language_codes, default_language_code

AFTER = ("assembly_sessions",)
DATE_SUFFIX = re.compile(r" \(\d\d\.\d\d\.\d{4}\)$")
# Share of communications translated (en ⊂ tr ⊂ sr), budget items excepted.
SHARE = {"sr": 0.12, "tr": 0.06, "en": 0.04}
WAITING = 6


def communication_page(demo, entry, code, slug):
    """A press release, invitation or notice page for `entry` in language `code`
    (the source is built in the default language; translations reuse its texts)."""
    texts = demo.texts
    title, lead = entry["texts"][code]
    fields = {
        "title": title,
        "slug": slug,
        "summary": lead,
        "body": paragraph(lead, texts.CLOSING[code]),
        "publication_date": entry["day"],
        "department": demo.departments[entry["department"]],
        "facebook_url": texts.FACEBOOK_URL,
    }
    kind = entry["kind"]
    if kind == "press":
        return apps.get_model("press.PressReleasePage")(**fields)
    if kind == "notice":
        valid = entry.get("valid_until") or add_working_days(entry["day"], 5)
        return apps.get_model("press.NoticePage")(valid_until=valid, **fields)
    # Invitations go out two working days before the event.
    event_day = add_working_days(entry["day"], 2)
    starts_at = aware(datetime.combine(event_day, entry["starts_at"].time()))
    return apps.get_model("press.InvitationPage")(
        kind=kind,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1, minutes=30),
        place=texts.HALL[code],
        **fields,
    )


def communication_slugs(demo, entries):
    """Deterministic, unique ASCII slugs per language for every entry."""
    codes = content_language_codes()
    seen = {code: set() for code in codes}
    for entry in entries:
        entry["slugs"] = {}
        for code in codes:
            title = DATE_SUFFIX.sub("", entry["texts"][code][0])
            base = demo.texts.ascii_slug(title)
            slug, counter = f"{base}-{entry['day']:%Y%m%d}", 2
            while slug in seen[code]:
                slug, counter = f"{base}-{entry['day']:%Y%m%d}-{counter}", counter + 1
            seen[code].add(slug)
            entry["slugs"][code] = slug


def load(demo):
    sessions = demo.pages["assembly_sessions"]
    entries = demo.texts.communications(
        *demo.texts.PERIOD, [session.starts_at for session in sessions.values()]
    )
    entries.sort(key=lambda entry: (entry["day"], entry["kind"]))
    communication_slugs(demo, entries)
    source = default_language_code()
    created = []
    for entry in entries:
        page = communication_page(demo, entry, source, entry["slugs"][source])
        if entry["topic"]:
            page.topics = [demo.topics[entry["topic"]]]
        page, _ = add_live(demo.sections["press"], page, aware(entry["day"]))
        created.append((page, entry))
    demo.pages["press"] = created


def translate(demo):
    """Translate a seeded share; request (but leave untranslated) the last few
    press releases, so the queue shows real waiting work."""
    texts, source = demo.texts, default_language_code()
    rng = random.Random(2019)  # noqa: S311 - reproducible demo, not secrets
    untouched = []
    first_of_kind = set()
    for page, entry in demo.pages["press"]:
        draw = rng.random()
        if entry["topic"] == "budget":
            continue
        codes = [code for code in texts.TARGETS if draw < SHARE[code]]
        # The first item of each kind in every language: an example of each
        # page type everywhere (and for the accessibility checks).
        kind = type(page).__name__
        if kind not in first_of_kind:
            first_of_kind.add(kind)
            codes = list(texts.TARGETS)
        if not codes:
            untouched.append((page, entry))
        for code in codes:
            title, lead = entry["texts"][code]
            mapping = {
                entry["texts"][source][0]: title,
                entry["texts"][source][1]: lead,
                texts.CLOSING[source]: texts.CLOSING[code],
                texts.HALL[source]: texts.HALL[code],
            }
            delay = 1 + int(draw * 100) % 4
            translate_page(page, code, mapping, entry["slugs"][code], delay)
    waiting = [item for item in untouched if item[1]["kind"] == "press"][-WAITING:]
    for page, _entry in waiting:
        for code in texts.REQUESTED:
            translate_page(page, code, {}, "", publish=False)
