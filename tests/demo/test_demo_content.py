"""The demo is the seed's half-year, really translated (issue 11)."""

from collections import defaultdict
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, Site

from core.calendar import working_days
from localization.queue import NOT_STARTED, build_queue
from reports.figures import compute_figures

pytestmark = pytest.mark.django_db

PERIOD = (date(2018, 1, 1), date(2018, 6, 30))
TARGETS = ("sr", "tr", "en")
OFFICIAL = [
    "municipal_acts.MunicipalActPage",
    "municipal_acts.DecisionPage",
    "municipal_acts.MinutesPage",
    "assembly_sessions.AssemblySessionPage",
]


def sources_by_key():
    return {
        page.translation_key: page
        for page in Page.objects.filter(locale__language_code="sq").specific()
    }


def test_every_translated_page_is_really_translated(demo_site):
    sources = sources_by_key()
    checked = 0
    for page in (
        Page.objects.live().exclude(locale__language_code="sq").specific().iterator()
    ):
        source = sources.get(page.translation_key)
        if source is None:  # written in that language (search demo items)
            continue
        checked += 1
        assert page.title != source.title, (page.locale_id, page.url_path)
        if getattr(source, "summary", ""):
            assert page.summary != source.summary, page.url_path
        assert page.slug != source.slug, page.url_path
    assert checked > 200


def test_no_two_languages_share_a_section_slug(demo_site):
    slugs = defaultdict(set)
    for page in Page.objects.filter(depth__in=(2, 3)).select_related("locale"):
        slugs[page.slug].add(page.locale.language_code)
    shared = {slug: codes for slug, codes in slugs.items() if len(codes) > 1}
    assert not shared
    # ASCII only, so URLs read the same everywhere.
    assert all(slug.isascii() for slug in slugs)


def test_english_session_and_home_summary_are_english(client, demo_site):
    session = client.get("/en/sessions/session-7-2018/")
    assert session.status_code == 200
    html = session.content.decode()
    assert "Session 7 of the Municipal Assembly" in html
    assert "Seanca e 7" not in html and "u transmetua" not in html


def test_site_follows_base_url(demo_site, settings):
    from urllib.parse import urlsplit

    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    assert (demo_site.hostname, demo_site.port) == (url.hostname, url.port or 80)
    with override_settings(WAGTAILADMIN_BASE_URL="https://portal.example.org:8443"):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("portal.example.org", 8443)
    assert Site.objects.count() == 1


@pytest.mark.parametrize("model_path", OFFICIAL)
def test_official_documents_in_every_official_language(demo_site, model_path):
    model = apps.get_model(model_path)
    sources = model.objects.live().filter(locale__language_code="sq")
    assert sources.count() >= 7
    keys = set(sources.values_list("translation_key", flat=True))
    for code in ("sr", "tr"):
        translated = model.objects.live().filter(
            locale__language_code=code, translation_key__in=keys
        )
        assert translated.count() == len(keys), code
    english = model.objects.live().filter(
        locale__language_code="en", translation_key__in=keys
    )
    assert english.count() > len(keys) / 2


def test_communications_reproduce_the_seed(demo_site):
    figures = compute_figures(*PERIOD)["communications"]
    assert figures["total"] > 430
    press = figures["counts"]["press_release"]
    assert press / figures["working_days"] >= 3.1
    assert figures["counts"]["invitation"] > 20
    assert figures["counts"]["notice"] > 10
    assert figures["counts"]["media_conference"] >= 6
    # Published on working days only, by several departments.
    days = set(working_days(*PERIOD))
    for path in ("press.PressReleasePage", "press.NoticePage", "press.InvitationPage"):
        model = apps.get_model(path)
        dates = model.objects.filter(
            locale__language_code="sq", publication_date__range=PERIOD
        ).values_list("publication_date", flat=True)
        assert set(dates) <= days, path
    assert len(figures["by_department"]) >= 7
    titles = apps.get_model("press.PressReleasePage").objects.values_list(
        "title", flat=True
    )
    assert len(set(titles)) > 150


def test_report_language_section_shows_parity(demo_site):
    figures = compute_figures(*PERIOD)
    for key, row in figures["official_languages"]["by_type"].items():
        assert row["published"] > 0, key
        assert row["in_all_official_languages"] == row["published"], key
    assert figures["official_languages"]["share_in_all_official_languages"] == 1.0
    sessions = figures["sessions"]
    assert (sessions["held"], sessions["livestreamed"]) == (7, 7)
    assert sessions["video_published"] == 7


def test_some_press_releases_wait_in_the_queue(client, demo_site):
    waiting = build_queue(locales=["sr"], states={NOT_STARTED})
    assert len(waiting) >= 3
    for item in waiting:
        assert item.target is not None and not item.target.live
        # A requested translation is a draft: never public.
        assert client.get(item.target.url or "/sr/x/").status_code == 404
