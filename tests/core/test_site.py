import re

import pytest

pytestmark = pytest.mark.django_db

LOCALES = ["sq", "sr", "tr", "en"]


def test_root_redirects_to_albanian(client, demo_site):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/sq/"


@pytest.mark.parametrize("code", LOCALES)
def test_home_page_renders_with_lang_attribute(client, demo_site, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(rf'<html lang="{code}">', html)
    assert 'href="#main"' in html


def test_language_switcher_links_to_translations(client, demo_site):
    html = client.get("/sq/vendimet/vendim-per-buxhetin-2019/").content.decode()
    assert 'href="/sr/odluke/odluka-o-budzetu-2019/"' in html
    sr = client.get("/sr/odluke/odluka-o-budzetu-2019/").content.decode()
    assert "Odluka o usvajanju opštinskog budžeta" in sr


def test_admin_login_renders(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b'name="username"' in response.content


def test_demo_content_is_idempotent(demo_site):
    from django.core.management import call_command
    from wagtail.models import Page

    before = Page.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Page.objects.count() == before


def test_demo_tells_the_seed_story(demo_site):
    from press.models import InvitationPage, NoticePage, PressReleasePage
    from sessions.models import AssemblySessionPage

    sq_sessions = AssemblySessionPage.objects.live().filter(locale__language_code="sq")
    assert sq_sessions.count() == 7
    assert all(session.livestream_url for session in sq_sessions)
    assert PressReleasePage.objects.live().count() >= 380
    assert NoticePage.objects.live().exists()
    assert InvitationPage.objects.live().filter(kind="media_conference").exists()
