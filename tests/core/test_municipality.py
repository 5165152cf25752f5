"""The municipality is a per-site setting (core.municipality): its name in each
language reaches the page title, the banner and the feeds; an empty setting
falls back to settings.TRANSPARENCA_MUNICIPALITY."""

import pytest
from wagtail.models import Site

from core.municipality import MunicipalityName, MunicipalitySettings, municipality
from tests.municipality import rename_municipality


@pytest.fixture
def renamed(demo_site):
    return rename_municipality(demo_site, slug="kamenice")


def test_the_demo_site_names_gjilan_in_every_language(demo_site):
    names = {
        code: municipality(site=demo_site, language=code)
        for code in ["sq", "sr", "tr", "en"]
    }
    assert {m.slug for m in names.values()} == {"gjilan"}
    assert names["sq"].name == "Komuna e Gjilanit"
    assert names["sr"].name == "Opština Gnjilane"
    assert names["en"].name == "Municipality of Gjilan"


def test_pages_and_feeds_follow_the_setting(client, renamed):
    home = Site.objects.get(is_default_site=True).root_page
    html = client.get(home.url).content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    # The home page's own title is still "Komuna e Gjilanit"; the site's name
    # after it comes from the setting.
    assert title.endswith("· Komuna e Kamenicës – Transparenca")
    assert "Komuna e Kamenicës <span>Transparenca</span>" in html  # banner
    feed = client.get("/sr/feeds/press/rss/").content.decode()
    # Channel title and description (items may name Gnjilane in their text).
    assert "– Opština Kamenica</title>" in feed
    assert "Najnovije objave: Opština Kamenica." in feed
    ics = client.get("/sq/calendar/sessions.ics").content.decode()
    assert "PRODID:-//kamenice//Transparenca//EN" in ics


def test_an_empty_setting_falls_back_to_the_configured_default(demo_site, settings):
    MunicipalityName.objects.all().delete()
    MunicipalitySettings.objects.update(slug="")
    settings.TRANSPARENCA_MUNICIPALITY = {
        "slug": "shtime",
        "names": {"sq": "Komuna e Shtimes", "en": "Municipality of Shtime"},
    }
    assert municipality(site=demo_site, language="sq").name == "Komuna e Shtimes"
    # A language without a name of its own gets the English one.
    assert municipality(site=demo_site, language="tr").name == "Municipality of Shtime"
    assert municipality(site=demo_site, language="sq").slug == "shtime"
