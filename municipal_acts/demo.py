"""Demo acts, decisions, minutes and competitions (see core.demo), from the
site's seed texts; decisions and minutes belong to the demo sessions."""

from datetime import date, timedelta

from django.apps import apps
from django.utils import timezone

from core.calendar import add_working_days
from core.demo_build import add_live, aware, mapping_for, paragraph
from core.demo_build import translate as translate_page
from core.locales import default_language_code

AFTER = ("assembly_sessions",)
# The last session's minutes wait for approval at the next session.
LAST_SESSION = 7


def load(demo):
    sections, source = demo.sections, default_language_code()
    demo.pages["municipal_acts"] = {
        "acts": create_acts(demo, sections["acts"], source),
        "decisions": create_decisions(demo, sections["decisions"], source),
        "minutes": create_minutes(demo, sections["minutes"], source),
        "competitions": create_competitions(demo, sections["competitions"]),
    }


def create_acts(demo, index, source):
    model = apps.get_model("municipal_acts.MunicipalActPage")
    created = {}
    for row in demo.texts.acts():
        adopted = date.fromisoformat(row["adopted"])
        texts = row["texts"]
        page = model(
            title=texts["title"][source],
            slug=texts["slug"][source],
            official_number=row["number"],
            act_type=row["type"],
            issuing_body="assembly",
            adoption_date=adopted,
            entry_into_force_date=adopted + timedelta(days=7),
            legal_basis=demo.texts.LEGAL_BASIS,
            status=row["status"],
            summary=texts["summary"][source],
            body=paragraph(texts["summary"][source]),
            publication_date=adopted,
            department=demo.departments[demo.texts.DEPARTMENT["assembly"]],
        )
        if row.get("amends"):
            page.amends = [created[row["amends"]][0]]
        page, _ = add_live(index, page, adopted)
        created[row["key"]] = (page, texts)
    return created


def create_decisions(demo, index, source):
    model = apps.get_model("municipal_acts.DecisionPage")
    sessions = demo.pages["assembly_sessions"]
    created = {}
    for row in demo.texts.decisions():
        session = sessions.get(row.get("session"))
        day = (
            date.fromisoformat(row["date"])
            if row.get("date")
            else timezone.localdate(session.starts_at)
        )
        texts = row["texts"]
        body = "assembly" if session else "mayor"
        page = model(
            title=texts["title"][source],
            slug=texts["slug"][source],
            decision_number=row["number"],
            decision_date=day,
            issuing_body=body,
            session=session,
            summary=texts["summary"][source],
            body=paragraph(texts["summary"][source]),
            publication_date=day,
            department=demo.departments[demo.texts.DEPARTMENT[body]],
        )
        if row.get("topic"):
            page.topics = [demo.topics[row["topic"]]]
        page, _ = add_live(index, page, day)
        created[row["key"]] = (page, texts)
    return created


def create_minutes(demo, index, source):
    model = apps.get_model("municipal_acts.MinutesPage")
    created = {}
    for number, session in demo.pages["assembly_sessions"].items():
        held = timezone.localdate(session.starts_at)
        texts = demo.texts.minutes_texts(number)
        published = add_working_days(held, 3)
        approved = add_working_days(held, 20) if number < LAST_SESSION else None
        page = model(
            title=texts["title"][source],
            slug=texts["slug"][source],
            session=session,
            approval_status="approved" if approved else "draft",
            approval_date=approved,
            summary=texts["summary"][source],
            body=paragraph(texts["summary"][source]),
            publication_date=published,
            department=demo.departments[demo.texts.DEPARTMENT["assembly"]],
        )
        page, _ = add_live(index, page, published)
        created[number] = (page, texts)
    return created


def create_competitions(demo, index):
    """Dates like "+10" are days from now, so the demo always has open ones."""
    model = apps.get_model("municipal_acts.CompetitionPage")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)

    def moment(value):
        return now + timedelta(days=int(value[1:])) if value[0] == "+" else aware(value)

    pages = []
    for slug, kind, ref, title, opens, closes in demo.texts.COMPETITIONS:
        opens_at, closes_at = moment(opens), moment(closes)
        deadline = demo.texts.DEADLINE.format(timezone.localtime(closes_at))
        page = model(
            title=title,
            slug=slug,
            kind=kind,
            reference_number=ref,
            opens_at=opens_at,
            closes_at=closes_at,
            summary=f"{title}. {deadline}",
            contact=demo.texts.CONTACT,
            publication_date=timezone.localdate(opens_at),
            department=demo.departments[
                demo.texts.DEPARTMENT["tender" if kind == "tender" else "competition"]
            ],
        )
        pages.append(add_live(index, page, opens_at)[0])
    return pages


def translate(demo):
    texts, created = demo.texts, demo.pages["municipal_acts"]
    for code in texts.TARGETS:
        shared = texts.common(code)
        for group in ("acts", "decisions", "minutes"):
            for key, (page, own) in created[group].items():
                if code == "en" and key in texts.NOT_IN_ENGLISH:
                    continue
                mapping = {**shared, **mapping_for(own, code)}
                delay = 2 + len(page.slug) % 5
                translate_page(page, code, mapping, own["slug"][code], delay)
    # The first vacancy in Serbian: one example of the competition type.
    first = created["competitions"][0]
    sr = texts.COMPETITION_SR
    translate_page(first, "sr", sr, sr[first.slug], delay_days=1)
