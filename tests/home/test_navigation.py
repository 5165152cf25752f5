"""Citizens find the request form, its statistics, the report, the feeds and the
accessibility statement from every page, in every language (issue 11, item 7)."""

import re
from datetime import time

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from home.models import OfficeContactSettings
from reports.models import TransparencyReportPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["sq", "sr", "tr", "en"]


def links(html):
    return re.findall(r'href="([^"]+)"', html)


def main_menu(html):
    return html.split('id="main-menu"', 1)[1].split("</nav>", 1)[0]


def footer(html):
    return html.split('<footer class="site-footer">', 1)[1].split("</footer>", 1)[0]


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_reaches_request_form_statistics_and_report(client, demo_site, code):
    html = client.get(f"/{code}/").content.decode()
    home_links = links(html.split('id="main"', 1)[1])
    assert f"/{code}/qasje/" in home_links
    assert f"/{code}/qasje/statistika/" in home_links
    report = TransparencyReportPage.objects.live().get(locale__language_code=code)
    assert any(link.endswith(report.url) for link in home_links)


@pytest.mark.parametrize("code", LANGUAGES)
def test_menu_and_footer_on_every_kind_of_page(client, demo_site, code):
    for path in ("", "qasje/", "search/?q=buxhet", "aksesueshmeria/", "no-such-page/"):
        response = client.get(f"/{code}/{path}")
        assert response.status_code in (200, 404), path
        html = response.content.decode()
        assert f'<html lang="{code}">' in html, path
        menu = links(main_menu(html))
        assert f"/{code}/qasje/" in menu, path
        # The six sections of this language's home page, in the menu.
        assert len([link for link in menu if link.startswith(f"/{code}/")]) >= 7
        foot = links(footer(html))
        for target in (
            "qasje/",
            "qasje/gjurmo/",
            "qasje/statistika/",
            "aksesueshmeria/",
            "feeds/press/rss/",
            "calendar/sessions.ics",
        ):
            assert f"/{code}/{target}" in foot, (path, target)


def test_menu_starts_with_a_hidden_disclosure_button(client, demo_site):
    html = client.get("/sq/").content.decode()
    button = re.search(r"<button[^>]*menu-toggle[^>]*>", html).group(0)
    assert 'aria-expanded="false"' in button
    assert 'aria-controls="main-menu"' in button
    # Hidden in the markup: only the script shows it and collapses the menu,
    # so without JavaScript the links are plainly there.
    assert " hidden" in button
    assert html.index('class="skip-link"') < html.index('id="main-menu"')


def test_menu_links_point_to_this_language(client, demo_site):
    html = client.get("/sr/").content.decode()
    menu = links(main_menu(html))
    report = TransparencyReportPage.objects.get(locale__language_code="sr")
    assert report.url in menu
    assert all(link.startswith("/sr/") for link in menu), menu


def test_contact_comes_from_the_site_setting(client, demo_site):
    contact = OfficeContactSettings.for_site(demo_site)
    assert contact.address_lines() == ["60000 Gjilan"]
    contact.phone = "+383 280 000 111"
    contact.email = "zip@gjilan.example"
    contact.address = "Rruga e Re 7\n60000 Gjilan"
    contact.opens_at = time(7, 30)
    contact.save()
    for code, hours in (
        ("sq", "nga e hëna deri të premten"),
        ("sr", "od ponedeljka do petka"),
        ("tr", "Pazartesi"),
    ):
        foot = footer(client.get(f"/{code}/").content.decode())
        assert 'href="tel:+383280000111"' in foot
        assert "mailto:zip@gjilan.example" in foot
        assert "Rruga e Re 7<br>" in foot
        assert "07:30–16:00" in foot
        assert hours in foot, code


def test_contact_hours_are_validated():
    contact = OfficeContactSettings(opens_at=time(16), closes_at=time(8))
    with pytest.raises(ValidationError):
        contact.clean()


def test_unknown_host_still_gets_a_footer(client, demo_site, settings):
    settings.ALLOWED_HOSTS = ["*"]
    Site.objects.update(is_default_site=False)
    response = client.get("/sq/aksesueshmeria/", HTTP_HOST="elsewhere.example")
    assert response.status_code in (200, 404)
    assert "60000 Gjilan" in footer(response.content.decode())
    assert not OfficeContactSettings.objects.exists() or all(
        item.site_id for item in OfficeContactSettings.objects.all()
    )


@pytest.mark.parametrize(
    "code, heading",
    [
        ("sq", "Deklarata e aksesueshmërisë"),
        ("sr", "Izjava o pristupačnosti"),
        ("tr", "Erişilebilirlik beyanı"),
        ("en", "Accessibility statement"),
    ],
)
def test_accessibility_statement_in_every_language(client, demo_site, code, heading):
    response = client.get(f"/{code}/aksesueshmeria/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert "WCAG" in html
    assert f'<html lang="{code}">' in html


def test_navigation_is_cached_and_follows_publishing(
    client, demo_site, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.templatetags.navigation import invalidate
    from press.models import PressIndexPage

    client.get("/sq/qasje/")  # warm the caches like a live server
    with CaptureQueriesContext(connection) as cached:
        client.get("/sq/qasje/")
    invalidate()
    with CaptureQueriesContext(connection) as fresh:
        client.get("/sq/qasje/")
    # Home, sections, report (and their privacy checks) only when not cached.
    assert len(fresh.captured_queries) - len(cached.captured_queries) >= 3
    assert len(cached.captured_queries) <= 4
    assert not [q for q in cached.captured_queries if "officecontact" in q["sql"]]
    press = PressIndexPage.objects.get(locale__language_code="sq")
    press.title = "Lajme dhe njoftime"
    press.save_revision().publish()
    assert "Lajme dhe njoftime" in main_menu(client.get("/sq/qasje/").content.decode())
    press.unpublish()
    assert press.url not in links(main_menu(client.get("/sq/qasje/").content.decode()))
