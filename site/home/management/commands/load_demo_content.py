"""Load the demo municipality: the Public Information Office's first half of 2018
(seed report in /work/shared/seed), really translated. Idempotent: existing
pages are left alone, so a second run adds nothing."""

from datetime import date

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Page, Site

from core.demo import Demo
from core.demo import run as run_providers
from core.demo_build import add_live, bulk_loading, reindex
from core.locales import default_language_code
from core.models import Department, Topic
from core.tree import repair_child_counts
from home import demo_content as content
from home import demo_data, demo_seed
from home import demo_translations as translations


class Command(BaseCommand):
    help = "Create the locales, the demo municipality and a half-year of content."

    def handle(self, *args, **options):
        # The search indexes (the transparency index and Wagtail's own, which
        # the admin searches) and the reference index are updated once at the
        # end instead of on every save.
        before = set(Page.objects.values_list("pk", flat=True))
        with (
            override_settings(SEARCH_AUTO_UPDATE=False),
            bulk_loading(),
            transaction.atomic(),
        ):
            self.load()
        reindex(Page.objects.exclude(pk__in=before))
        repair_child_counts(
            Page.objects.exclude(locale__language_code=default_language_code())
        )
        Site.clear_site_root_paths_cache()
        self.update_search_indexes()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {Page.objects.live().count()} live pages."
            )
        )

    def load(self):
        locales = content.create_locales()
        departments = content.create_snippets(
            Department, demo_data.DEPARTMENTS, locales
        )
        topics = content.create_snippets(Topic, demo_data.TOPICS, locales)
        home = content.create_home(locales)
        sections = content.create_sections(home)
        # Each app's pages come from its own demo.py (core.demo), in order.
        demo = Demo(locales, departments, topics, home, sections, demo_seed)
        run_providers(demo, "load")
        self.create_demo_users()

        translations.home_and_sections(home, sections)
        run_providers(demo, "translate")
        decisions = demo.pages["municipal_acts"]["decisions"]
        self.create_search_demo(sections, decisions, departments)
        report = self.create_report(home)
        translations.report(report)
        # Frozen last, so the report's figures include everything above.
        report.freeze()
        self.grant_translator_permissions()

    def create_report(self, home):
        model = apps.get_model("reports.TransparencyReportPage")
        text = demo_data.REPORT[default_language_code()]
        page = model(
            title=text["title"],
            slug=text["slug"],
            period_start=date(2018, 1, 1),
            period_end=date(2018, 6, 30),
            introduction=text["introduction"],
            achievements=text["achievements"],
            objectives=text["objectives"],
        )
        return add_live(home, page, "2018-07-10")[0]

    def publish(self, parent, page, published=None):
        """Used by home.search_demo: add a live page unless its slug exists."""
        return add_live(parent, page, published or "2018-01-03")[0]

    def update_search_indexes(self):
        """The transparency index for every live page, in bulk, when the
        settings keep it up to date (SEARCH_AUTO_UPDATE)."""
        from search.sync import queue_pages

        with transaction.atomic():
            queue_pages(Page.objects.live().values_list("pk", flat=True))

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

        budget = decisions["budget-2019"][0]
        create_search_demo(self, sections, budget, departments)
        Site.clear_site_root_paths_cache()

    # --- localization --------------------------------------------------------
    def grant_translator_permissions(self):
        """Translator groups edit their own locale's tree (localization app)."""
        from localization.permissions import grant_translator_page_permissions

        grant_translator_page_permissions()
