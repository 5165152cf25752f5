"""Load the demo municipality (idempotent: existing pages are left alone)."""

import random
from datetime import date, datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from core.models import Department, Topic
from core.tree import repair_child_counts
from home import demo_data
from home.models import HomePage

LOCALES = [code for code, _name in settings.LANGUAGES]


def aware(iso):
    return timezone.make_aware(datetime.fromisoformat(iso))


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


class Command(BaseCommand):
    help = "Create the locales, the demo municipality and a half-year of content."

    def handle(self, *args, **options):
        self.random = random.Random(2018)
        with transaction.atomic():
            locales = self.create_locales()
            departments = self.create_snippets(
                Department, demo_data.DEPARTMENTS, locales
            )
            topics = self.create_snippets(Topic, demo_data.TOPICS, locales)
            home = self.create_home(locales)
            sections = self.create_sections(home)
            sessions = self.create_sessions(sections["sessions"], departments)
            self.create_acts(sections["acts"], departments, topics)
            decisions = self.create_decisions(
                sections["decisions"], sessions, departments, topics
            )
            self.create_minutes(sections["minutes"], sessions, departments)
            self.create_competitions(sections["competitions"], departments)
            self.create_press(sections["press"], departments, topics)
            self.create_demo_users()
            self.create_access_requests()
        # Translations publish on commit (wagtail-localize), so they run last.
        self.translate(home, sections, sessions, decisions)
        self.translate_one_of_each_type(sections)
        transaction.on_commit(self.after_translations)
        self.create_search_demo(sections, decisions, departments)
        # Published last, so its frozen figures include everything above.
        report = self.create_report(home)
        self.translate_page(report, "sr", demo_data.TRANSLATIONS["sr"])
        transaction.on_commit(self.after_translations)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {Page.objects.live().count()} live pages."
            )
        )

    # --- building blocks -----------------------------------------------------
    def create_locales(self):
        return {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code in LOCALES
        }

    def create_snippets(self, model, rows, locales):
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

    def publish(self, parent, page, published=None):
        existing = parent.get_children().filter(slug=page.slug).first()
        if existing is not None:
            return existing.specific
        parent.add_child(instance=page)
        page.save_revision().publish()
        if published:
            moment = (
                published
                if isinstance(published, datetime)
                else aware(f"{published}T09:00")
            )
            type(page).objects.filter(pk=page.pk).update(
                first_published_at=moment, last_published_at=moment
            )
            page.refresh_from_db()
        return page

    def create_home(self, locales):
        home = HomePage.objects.filter(locale=locales["sq"]).first()
        if home is None:
            root = Page.get_first_root_node()
            title, name, intro = demo_data.HOME["sq"]
            home = HomePage(
                title=title, slug="gjilan", municipality_name=name, intro=intro
            )
            root.add_child(instance=home)
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(
                hostname="localhost",
                port=80,
                is_default_site=True,
                site_name="Transparenca",
            )
        if site.root_page_id != home.pk:
            old_root = site.root_page if site.pk else None
            site.root_page = home
            site.save()
            if old_root is not None and not isinstance(old_root.specific, HomePage):
                old_root.delete()
        return home

    def create_sections(self, home):
        sections = {}
        for key, model_path, slug, titles in demo_data.SECTIONS:
            model = apps.get_model(model_path)
            page = model(title=titles["sq"], slug=slug, show_in_menus=True)
            sections[key] = self.publish(home, page)
        return sections

    def create_sessions(self, index, departments):
        sessions = {}
        for number, kind, starts, url in demo_data.SESSIONS:
            starts_at = aware(starts)
            page = apps.get_model("assembly_sessions.AssemblySessionPage")(
                title=f"Seanca e {number}-të e Kuvendit Komunal",
                slug=f"seanca-{number}-2018",
                number=number,
                kind=kind,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=3, minutes=30),
                place="Salla e Kuvendit Komunal, Gjilan",
                livestream_url=url,
                recording_url=url,
                summary=(
                    f"Seanca e {number}-të e Kuvendit Komunal të Gjilanit u transmetua "
                    "drejtpërdrejt në kanalin zyrtar në YouTube."
                ),
                publication_date=starts_at.date(),
                department=departments["assembly"],
                agenda=[
                    {
                        "type": "item",
                        "value": {
                            "title": "Miratimi i procesverbalit të seancës së kaluar",
                            "rapporteur": "Kryesuesi i Kuvendit",
                            "adopted": None,
                            "video_timestamp": "0:05:00",
                        },
                    },
                    {
                        "type": "item",
                        "value": {
                            "title": "Informata e Kryetarit për punën e ekzekutivit",
                            "rapporteur": "Kryetari i Komunës",
                            "adopted": None,
                            "video_timestamp": "0:20:00",
                        },
                    },
                ],
            )
            sessions[number] = self.publish(index, page, starts_at - timedelta(days=7))
        return sessions

    def create_acts(self, index, departments, topics):
        model = apps.get_model("municipal_acts.MunicipalActPage")
        created = {}
        for (
            slug,
            number,
            act_type,
            title,
            summary,
            adopted,
            status,
            amends,
        ) in demo_data.ACTS:
            page = model(
                title=title,
                slug=slug,
                official_number=number,
                act_type=act_type,
                issuing_body="assembly",
                adoption_date=date.fromisoformat(adopted),
                entry_into_force_date=date.fromisoformat(adopted) + timedelta(days=7),
                legal_basis="Ligji nr. 03/L-040 për vetëqeverisjen lokale, neni 12",
                status=status,
                summary=summary,
                body=paragraph(summary),
                publication_date=date.fromisoformat(adopted),
                department=departments["assembly"],
            )
            page = self.publish(index, page, adopted)
            created[slug] = page
            if amends and not page.amends.exists():
                page.amends.add(created[amends])
                page.save_revision().publish()
        return created

    def create_decisions(self, index, sessions, departments, topics):
        model = apps.get_model("municipal_acts.DecisionPage")
        created = {}
        for slug, number, day, session, title, summary, topic in demo_data.DECISIONS:
            page = model(
                title=title,
                slug=slug,
                decision_number=number,
                decision_date=date.fromisoformat(day),
                issuing_body="assembly" if session else "mayor",
                session=sessions.get(session),
                summary=summary,
                body=paragraph(summary),
                publication_date=date.fromisoformat(day),
                department=departments["assembly" if session else "zip"],
            )
            page = self.publish(index, page, day)
            if topic and not page.topics.exists():
                page.topics.add(topics[topic])
                page.save_revision().publish()
            created[slug] = page
        return created

    def create_minutes(self, index, sessions, departments):
        model = apps.get_model("municipal_acts.MinutesPage")
        for number, session in sessions.items():
            day = session.starts_at.date() + timedelta(days=28)
            page = model(
                title=f"Procesverbali i seancës së {number}-të të Kuvendit",
                slug=f"procesverbali-seanca-{number}-2018",
                session=session,
                approval_status="approved" if number < 7 else "draft",
                approval_date=day if number < 7 else None,
                summary=f"Procesverbali i seancës së {number}-të të Kuvendit Komunal.",
                publication_date=session.starts_at.date() + timedelta(days=3),
                department=departments["assembly"],
            )
            self.publish(index, page, session.starts_at.date() + timedelta(days=3))

    def create_competitions(self, index, departments):
        model = apps.get_model("municipal_acts.CompetitionPage")
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        for slug, kind, ref, title, opens, closes in demo_data.COMPETITIONS:
            opens_at = (
                now + timedelta(days=int(opens[1:]))
                if opens[0] == "+"
                else aware(opens)
            )
            closes_at = (
                now + timedelta(days=int(closes[1:]))
                if closes[0] == "+"
                else aware(closes)
            )
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
            self.publish(index, page, opens_at)

    def create_press(self, index, departments, topics):
        press = apps.get_model("press.PressReleasePage")
        notice = apps.get_model("press.NoticePage")
        invitation = apps.get_model("press.InvitationPage")
        day = date(2018, 1, 3)
        count = 0
        while day <= date(2018, 6, 29):
            if day.weekday() < 5 and self.random.random() < 0.35:
                subject, department, topic = self.random.choice(
                    demo_data.PRESS_SUBJECTS
                )
                count += 1
                month = demo_data.MONTHS_SQ[day.month - 1]
                title = f"{subject} ({day.day} {month} 2018)"
                text = (
                    f"{subject}. Zyra për Informim Publik njofton qytetarët se më "
                    f"{day.day} {month} 2018 ..."
                )
                page = press(
                    title=title,
                    slug=f"komunikate-{day:%Y-%m-%d}-{count}",
                    summary=text,
                    body=paragraph(text),
                    publication_date=day,
                    department=departments[department],
                    facebook_url="https://www.facebook.com/KomunaGjilan",
                )
                page = self.publish(index, page, day.isoformat())
                if topic and not page.topics.exists():
                    page.topics.add(topics[topic])
            day += timedelta(days=1)
        notices = [
            (
                "njoftim-nderprerje-uji",
                "Njoftim për ndërprerjen e ujit në qendër të qytetit",
                "2018-03-12",
                "2018-03-14",
            ),
            (
                "njoftim-regjistrimi-ne-cerdhe",
                "Njoftim për regjistrimin e fëmijëve në çerdhe",
                "2018-05-02",
                "2018-05-31",
            ),
        ]
        for slug, title, published, valid in notices:
            self.publish(
                index,
                notice(
                    title=title,
                    slug=slug,
                    summary=title,
                    body=paragraph(title),
                    publication_date=date.fromisoformat(published),
                    valid_until=date.fromisoformat(valid),
                    department=departments["zip"],
                ),
                published,
            )
        invitations = [
            (
                "ftese-konference-per-media-financat",
                "media_conference",
                "Ftesë: konferencë për media e Drejtorisë së Financave",
                "2018-02-20T11:00",
            ),
            (
                "ftese-degjim-buxhetor",
                "public_hearing",
                "Ftesë: dëgjim publik për buxhetin komunal 2019",
                "2018-06-05T17:00",
            ),
            (
                "ftese-konference-per-media-kryetari",
                "media_conference",
                "Ftesë: konferencë për media e Kryetarit për gjashtëmujorin",
                "2018-06-25T10:00",
            ),
        ]
        for slug, kind, title, starts in invitations:
            starts_at = aware(starts)
            self.publish(
                index,
                invitation(
                    title=title,
                    slug=slug,
                    kind=kind,
                    starts_at=starts_at,
                    ends_at=starts_at + timedelta(hours=1),
                    place="Salla e konferencave, Gjilan",
                    summary=title,
                    body=paragraph(title),
                    publication_date=starts_at.date() - timedelta(days=2),
                    department=departments["zip"],
                ),
                starts_at - timedelta(days=2),
            )

    def create_report(self, home):
        model = apps.get_model("reports.TransparencyReportPage")
        text = demo_data.REPORT
        page = model(
            title=text["title"],
            slug="raporti-janar-qershor-2018",
            period_start=date(2018, 1, 1),
            period_end=date(2018, 6, 30),
            introduction=text["introduction"],
            achievements=text["achievements"],
            objectives=text["objectives"],
        )
        return self.publish(home, page, "2018-07-10")

    # --- access to public documents -----------------------------------------
    def create_access_requests(self):
        from access_requests.demo import load_demo_requests

        load_demo_requests()

    def create_demo_users(self):
        """One account per role of the office (see DEMO_USERS in dev settings):
        an editor who can't publish acts, a moderator who approves them,
        translators per locale, an access-request officer and an administrator."""
        users = getattr(settings, "DEMO_USERS", None)
        if not users:
            return
        user_model = get_user_model()
        for spec in users:
            user, created = user_model.objects.get_or_create(
                username=spec["username"],
                defaults={
                    "email": f"{spec['username']}@example.org",
                    "is_staff": True,
                    "first_name": spec.get("first_name", ""),
                    "last_name": spec.get("last_name", ""),
                    "is_superuser": spec.get("superuser", False),
                },
            )
            if created:
                user.set_password(settings.DEMO_PASSWORD)
                user.save()
            for name in spec.get("groups", ()):
                group, _ = Group.objects.get_or_create(name=name)
                user.groups.add(group)

    # --- search ----------------------------------------------------------------
    def create_search_demo(self, sections, decisions, departments):
        """Items the search relevance tests rely on (see home/search_demo.py)."""
        from home.search_demo import create_search_demo

        with transaction.atomic():
            create_search_demo(self, sections, decisions, departments)
        Site.clear_site_root_paths_cache()

    # --- translations --------------------------------------------------------
    def after_translations(self):
        repair_child_counts(Page.objects.exclude(locale__language_code="sq"))
        Site.clear_site_root_paths_cache()
        self.grant_translator_permissions()

    # --- localization --------------------------------------------------------
    def grant_translator_permissions(self):
        """Translator groups edit their own locale's tree (localization app)."""
        from localization.permissions import grant_translator_page_permissions

        grant_translator_page_permissions()

    def translate(self, home, sections, sessions, decisions):
        acts_index = sections["acts"]
        act = (
            acts_index.get_children()
            .filter(slug="rregullore-per-taksat-komunale")
            .first()
        )
        budget = decisions["vendim-per-buxhetin-2019"]
        for code in LOCALES[1:]:
            mapping = dict(demo_data.TRANSLATIONS.get(code, {}))
            title, name, intro = demo_data.HOME[code]
            sq_title, sq_name, sq_intro = demo_data.HOME["sq"]
            mapping.update({sq_title: title, sq_name: name, sq_intro: intro})
            for _key, _model, _slug, titles in demo_data.SECTIONS:
                mapping[titles["sq"]] = titles[code]
            pages = [home, *sections.values(), budget, sessions[7]]
            if act is not None and code != "en":
                pages.append(act.specific)
            for page in pages:
                self.translate_page(page, code, mapping)

    # --- one Serbian example of every page type (content model, issue 3) ----
    def translate_one_of_each_type(self, sections):
        """Translate the first item of each section that has none yet, so every
        page type can be seen (and checked) in Serbian."""
        mapping = dict(demo_data.TYPE_EXAMPLES_SR)
        for key in ("minutes", "competitions", "press"):
            index = sections[key]
            children = index.get_children().live().order_by("path").specific()
            seen = set()
            for child in children:
                kind = type(child)
                if kind in seen:
                    continue
                seen.add(kind)
                if kind.__name__ == "PressReleasePage":
                    mapping[child.title] = (
                        f"Saopštenje za javnost ({child.display_date:%d.%m.%Y})"
                    )
                    mapping[child.summary] = (
                        "Kancelarija za javno informisanje obaveštava građane."
                    )
                self.translate_page(child, "sr", mapping)

    def translate_page(self, page, code, mapping):
        locale = Locale.objects.get(language_code=code)
        if page.get_translations().filter(locale=locale).exists():
            return
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        segments = StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
        for segment in segments:
            text = mapping.get(segment.string.data)
            if text:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": text},
                )
        translation.save_target(publish=True)
        transaction.on_commit(lambda: self.backdate_translation(page, locale))

    def backdate_translation(self, source, locale):
        # The demo's translations went live a few working days after the source.
        target = source.get_translation_or_none(locale)
        if target is None or source.first_published_at is None:
            return
        delay = timedelta(days=2 + len(source.slug) % 5)
        moment = source.first_published_at + delay
        Page.objects.filter(pk=target.pk).update(
            first_published_at=moment, last_published_at=moment
        )
