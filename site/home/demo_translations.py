"""The demo's translations: every act, decision, set of minutes and session in
Serbian and Turkish (and English but for a few), the home and section pages in
every language, a share of the communications, and a few press releases whose
translation was requested but not started (waiting in the localization queue).
"""

import random

from home import demo_data, demo_official
from home.demo_build import mapping_for, translate
from home.demo_content import AGENDA, HALL
from home.demo_press import CLOSING

TARGETS = ("sr", "tr", "en")
# Share of communications translated (en ⊂ tr ⊂ sr), budget items excepted.
SHARE = {"sr": 0.12, "tr": 0.06, "en": 0.04}
WAITING = 6


def common(code):
    return {sq: by_lang[code] for sq, by_lang in demo_official.COMMON.items()}


def home_and_sections(home, sections):
    for code in TARGETS:
        title, name, intro = demo_data.HOME[code]
        sq_title, sq_name, sq_intro = demo_data.HOME["sq"]
        mapping = {sq_title: title, sq_name: name, sq_intro: intro}
        translate(home, code, mapping, demo_data.HOME_SLUGS[code], delay_days=0)
        for key, _model, slugs, titles in demo_data.SECTIONS:
            translate(
                sections[key],
                code,
                {titles["sq"]: titles[code]},
                slugs[code],
                delay_days=0,
            )


def official(sessions, acts, decisions, minutes):
    """Sessions first: decisions and minutes point at the translated session."""
    for code in TARGETS:
        shared = common(code)
        for number, session in sessions.items():
            texts = demo_official.session_texts(number)
            mapping = {**shared, **mapping_for(texts, code)}
            # Video timestamps are text segments too; they read the same.
            mapping.update({stamp: stamp for *_item, stamp in AGENDA})
            translate(session, code, mapping, texts["slug"][code], 1 + number % 3)
        groups = [acts.items(), decisions.items(), minutes.items()]
        for items in groups:
            for key, (page, texts) in items:
                if code == "en" and key in demo_official.NOT_IN_ENGLISH:
                    continue
                mapping = {**shared, **mapping_for(texts, code)}
                delay = 2 + len(page.slug) % 5
                translate(page, code, mapping, texts["slug"][code], delay)


def competition(pages):
    """The first vacancy in Serbian: one example of the competition type."""
    first = pages[0]
    translate(
        first,
        "sr",
        demo_data.COMPETITION_SR,
        demo_data.COMPETITION_SR[first.slug],
        delay_days=1,
    )


def communications(created):
    """Translate a seeded share; request (but leave untranslated) the last few
    press releases, so the queue shows real waiting work."""
    rng = random.Random(2019)  # noqa: S311 - reproducible demo, not secrets
    untouched = []
    first_of_kind = set()
    for page, entry in created:
        draw = rng.random()
        if entry["topic"] == "budget":
            continue
        codes = [code for code in TARGETS if draw < SHARE[code]]
        # The first item of each kind in every language: an example of each
        # page type everywhere (and for the accessibility checks).
        kind = type(page).__name__
        if kind not in first_of_kind:
            first_of_kind.add(kind)
            codes = list(TARGETS)
        if not codes:
            untouched.append((page, entry))
        for code in codes:
            title, lead = entry["texts"][code]
            mapping = {
                entry["texts"]["sq"][0]: title,
                entry["texts"]["sq"][1]: lead,
                CLOSING["sq"]: CLOSING[code],
                HALL["sq"]: HALL[code],
            }
            delay = 1 + int(draw * 100) % 4
            translate(page, code, mapping, entry["slugs"][code], delay)
    waiting = [item for item in untouched if item[1]["kind"] == "press"][-WAITING:]
    for page, _entry in waiting:
        for code in ("sr", "tr"):
            translate(page, code, {}, "", publish=False)


def report(page):
    texts = {
        field: {code: demo_data.REPORT[code][field] for code in demo_data.REPORT}
        for field in ("title", "introduction", "achievements", "objectives")
    }
    for code in TARGETS:
        translate(page, code, mapping_for(texts, code), demo_data.REPORT[code]["slug"])
