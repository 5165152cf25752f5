"""Demo Assembly sessions (see core.demo): one page per row of the site's
`texts.SESSIONS`, translated into every target language."""

from datetime import timedelta

from django.apps import apps

from core.demo_build import add_live, aware, mapping_for
from core.demo_build import translate as translate_page
from core.locales import default_language_code


def load(demo):
    texts = demo.texts
    model = apps.get_model("assembly_sessions.AssemblySessionPage")
    source = default_language_code()
    sessions = {}
    for number, kind, starts, url in texts.SESSIONS:
        starts_at = aware(starts)
        own = texts.session_texts(number)
        page = model(
            title=own["title"][source],
            slug=own["slug"][source],
            number=number,
            kind=kind,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=3, minutes=30),
            place=texts.PLACE,
            livestream_url=url,
            recording_url=url,
            summary=own["summary"][source],
            publication_date=starts_at.date(),
            department=demo.departments[texts.DEPARTMENT["assembly"]],
            agenda=[
                {
                    "type": "item",
                    "value": {
                        "title": title,
                        "rapporteur": rapporteur,
                        "adopted": None,
                        "video_timestamp": stamp,
                    },
                }
                for title, rapporteur, stamp in texts.AGENDA
            ],
        )
        sessions[number], _ = add_live(
            demo.sections["sessions"], page, starts_at - timedelta(days=7)
        )
    demo.pages["assembly_sessions"] = sessions


def translate(demo):
    """Sessions before acts (AFTER): decisions and minutes then point at the
    translated session."""
    texts = demo.texts
    for code in texts.TARGETS:
        shared = texts.common(code)
        for number, session in demo.pages["assembly_sessions"].items():
            own = texts.session_texts(number)
            mapping = {**shared, **mapping_for(own, code)}
            # Video timestamps are text segments too; they read the same.
            mapping.update({stamp: stamp for *_item, stamp in texts.AGENDA})
            translate_page(session, code, mapping, own["slug"][code], 1 + number % 3)
