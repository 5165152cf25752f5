"""The demo's Albanian source pages: home, sections, the Assembly's sessions,
acts, decisions, minutes, competitions and the half-year's communications."""

import re
from datetime import date, datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from core.calendar import add_working_days
from home import demo_data, demo_official, demo_press
from home.demo_build import add_live, aware, paragraph
from home.models import HomePage

LOCALES = [code for code, _name in settings.LANGUAGES]
DATE_SUFFIX = re.compile(r" \(\d\d\.\d\d\.\d{4}\)$")
PLACE = "Salla e Kuvendit Komunal, Gjilan"
LEGAL_BASIS = "Ligji nr. 03/L-040 për vetëqeverisjen lokale, neni 12"
AGENDA = [
    (
        "Miratimi i procesverbalit të seancës së kaluar",
        "Kryesuesi i Kuvendit",
        "0:05:00",
    ),
    ("Informata e Kryetarit për punën e ekzekutivit", "Kryetari i Komunës", "0:20:00"),
]
HALL = {
    "sq": "Salla e konferencave e Komunës, Gjilan",
    "sr": "Konferencijska sala Opštine, Gnjilane",
    "tr": "Belediye konferans salonu, Gilan",
    "en": "Municipal conference room, Gjilan",
}


def create_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in LOCALES
    }


def create_snippets(model, rows, locales):
    created = {}
    for key, *names in rows:
        name_by_locale = dict(zip(LOCALES, names, strict=True))
        source = model.objects.filter(
            locale=locales["sq"], name=name_by_locale["sq"]
        ).first()
        if source is None:
            source = model.objects.create(
                locale=locales["sq"], name=name_by_locale["sq"]
            )
        for code in LOCALES[1:]:
            if not model.objects.filter(
                translation_key=source.translation_key, locale=locales[code]
            ).exists():
                copy = source.copy_for_translation(locales[code])
                copy.name = name_by_locale[code]
                copy.save()
        created[key] = source
    return created


def site_address():
    """(hostname, port) of BASE_URL, where the demo is served."""
    from urllib.parse import urlsplit

    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return url.hostname or "127.0.0.1", url.port or (
        443 if url.scheme == "https" else 80
    )


def create_home(locales):
    home = HomePage.objects.filter(locale=locales["sq"]).first()
    if home is None:
        title, name, intro = demo_data.HOME["sq"]
        home = HomePage(title=title, slug="gjilan", municipality_name=name, intro=intro)
        home, _ = add_live(Page.get_first_root_node(), home, "2018-01-03")
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True, site_name="Transparenca"
    )
    # html_url, the sitemap, feeds and og:url point where the site answers.
    site.hostname, site.port = site_address()
    old_root = site.root_page if site.pk else None
    site.root_page = home
    site.save()
    if old_root is not None and not isinstance(old_root.specific, HomePage):
        old_root.delete()
    fill_municipality(site)
    return home


def fill_municipality(site):
    """The site's municipality setting (core.municipality), as an admin fills it."""
    from core.municipality import MunicipalityName, MunicipalitySettings

    setting = MunicipalitySettings.for_site(site)
    setting.slug = "gjilan"
    setting.save()
    for code, (_title, name, _intro) in demo_data.HOME.items():
        MunicipalityName.objects.update_or_create(
            setting=setting, language=code, defaults={"name": name}
        )


def create_sections(home):
    sections = {}
    for key, model_path, slugs, titles in demo_data.SECTIONS:
        page = apps.get_model(model_path)(
            title=titles["sq"], slug=slugs["sq"], show_in_menus=True
        )
        sections[key], _ = add_live(home, page, "2018-01-03")
    return sections


def create_sessions(index, departments):
    model = apps.get_model("assembly_sessions.AssemblySessionPage")
    sessions = {}
    for number, kind, starts, url in demo_data.SESSIONS:
        starts_at = aware(starts)
        texts = demo_official.session_texts(number)
        page = model(
            title=texts["title"]["sq"],
            slug=texts["slug"]["sq"],
            number=number,
            kind=kind,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=3, minutes=30),
            place=PLACE,
            livestream_url=url,
            recording_url=url,
            summary=texts["summary"]["sq"],
            publication_date=starts_at.date(),
            department=departments["assembly"],
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
                for title, rapporteur, stamp in AGENDA
            ],
        )
        sessions[number], _ = add_live(index, page, starts_at - timedelta(days=7))
    return sessions


def create_acts(index, departments):
    model = apps.get_model("municipal_acts.MunicipalActPage")
    created = {}
    for row in demo_official.acts():
        adopted = date.fromisoformat(row["adopted"])
        texts = row["texts"]
        page = model(
            title=texts["title"]["sq"],
            slug=texts["slug"]["sq"],
            official_number=row["number"],
            act_type=row["type"],
            issuing_body="assembly",
            adoption_date=adopted,
            entry_into_force_date=adopted + timedelta(days=7),
            legal_basis=LEGAL_BASIS,
            status=row["status"],
            summary=texts["summary"]["sq"],
            body=paragraph(texts["summary"]["sq"]),
            publication_date=adopted,
            department=departments["assembly"],
        )
        if row.get("amends"):
            page.amends = [created[row["amends"]][0]]
        page, _ = add_live(index, page, adopted)
        created[row["key"]] = (page, texts)
    return created


def create_decisions(index, sessions, departments, topics):
    model = apps.get_model("municipal_acts.DecisionPage")
    created = {}
    for row in demo_official.decisions():
        session = sessions.get(row.get("session"))
        day = (
            date.fromisoformat(row["date"])
            if row.get("date")
            else timezone.localdate(session.starts_at)
        )
        texts = row["texts"]
        page = model(
            title=texts["title"]["sq"],
            slug=texts["slug"]["sq"],
            decision_number=row["number"],
            decision_date=day,
            issuing_body="assembly" if session else "mayor",
            session=session,
            summary=texts["summary"]["sq"],
            body=paragraph(texts["summary"]["sq"]),
            publication_date=day,
            department=departments["assembly" if session else "zip"],
        )
        if row.get("topic"):
            page.topics = [topics[row["topic"]]]
        page, _ = add_live(index, page, day)
        created[row["key"]] = (page, texts)
    return created


def create_minutes(index, sessions, departments):
    model = apps.get_model("municipal_acts.MinutesPage")
    created = {}
    for number, session in sessions.items():
        held = timezone.localdate(session.starts_at)
        texts = demo_official.minutes_texts(number)
        published = add_working_days(held, 3)
        # The last session's minutes wait for approval at the next session.
        approved = add_working_days(held, 20) if number < 7 else None
        page = model(
            title=texts["title"]["sq"],
            slug=texts["slug"]["sq"],
            session=session,
            approval_status="approved" if approved else "draft",
            approval_date=approved,
            summary=texts["summary"]["sq"],
            body=paragraph(texts["summary"]["sq"]),
            publication_date=published,
            department=departments["assembly"],
        )
        page, _ = add_live(index, page, published)
        created[number] = (page, texts)
    return created


def create_competitions(index, departments):
    model = apps.get_model("municipal_acts.CompetitionPage")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)

    def moment(value):
        return now + timedelta(days=int(value[1:])) if value[0] == "+" else aware(value)

    pages = []
    for slug, kind, ref, title, opens, closes in demo_data.COMPETITIONS:
        opens_at, closes_at = moment(opens), moment(closes)
        page = model(
            title=title,
            slug=slug,
            kind=kind,
            reference_number=ref,
            opens_at=opens_at,
            closes_at=closes_at,
            summary=f"{title}. Afati: {timezone.localtime(closes_at):%d.%m.%Y}.",
            contact="Zyra për Informim Publik, tel. 0280 320 000",
            publication_date=timezone.localdate(opens_at),
            department=departments["education" if kind != "tender" else "finance"],
        )
        pages.append(add_live(index, page, opens_at)[0])
    return pages


def communication_page(entry, code, departments, slug):
    """A press release, invitation or notice page for `entry` in language `code`
    (the source is built in Albanian; translations reuse its texts)."""
    title, lead = entry["texts"][code]
    fields = {
        "title": title,
        "slug": slug,
        "summary": lead,
        "body": paragraph(lead, demo_press.CLOSING[code]),
        "publication_date": entry["day"],
        "department": departments[entry["department"]],
        "facebook_url": "https://www.facebook.com/KomunaGjilan",
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
        place=HALL[code],
        **fields,
    )


def communication_slugs(entries):
    """Deterministic, unique ASCII slugs per language for every entry."""
    seen = {code: set() for code in LOCALES}
    for entry in entries:
        entry["slugs"] = {}
        for code in LOCALES:
            title = DATE_SUFFIX.sub("", entry["texts"][code][0])
            base = demo_press.ascii_slug(title)
            slug, counter = f"{base}-{entry['day']:%Y%m%d}", 2
            while slug in seen[code]:
                slug, counter = f"{base}-{entry['day']:%Y%m%d}-{counter}", counter + 1
            seen[code].add(slug)
            entry["slugs"][code] = slug


def create_communications(index, departments, topics, sessions):
    entries = demo_press.communications(
        date(2018, 1, 1),
        date(2018, 6, 30),
        [session.starts_at for session in sessions.values()],
    )
    entries.sort(key=lambda entry: (entry["day"], entry["kind"]))
    communication_slugs(entries)
    created = []
    for entry in entries:
        page = communication_page(entry, "sq", departments, entry["slugs"]["sq"])
        if entry["topic"]:
            page.topics = [topics[entry["topic"]]]
        page, _ = add_live(index, page, aware(entry["day"]))
        created.append((page, entry))
    return created
