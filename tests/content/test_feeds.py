import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SECTIONS = {
    "press": "press.PressReleasePage",
    "notices": "press.NoticePage",
    "competitions": "municipal_acts.CompetitionPage",
    "acts": "municipal_acts.MunicipalActPage",
    "decisions": "municipal_acts.DecisionPage",
}


def parse_xml(content):
    # The XML comes from our own test server, not from outside.
    return ET.fromstring(content)  # noqa: S314


def live_titles(model_label, code):
    """The titles of the section's live pages, as a list: two press releases
    may rightly share a title (a hearing announced twice)."""
    from django.apps import apps

    model = apps.get_model(model_label)
    return list(
        model.objects.live()
        .public()
        .filter(locale__language_code=code)
        .values_list("title", flat=True)
    )


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse_xml(response.content).find("channel")
    return channel, channel.findall("item")


def atom_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse_xml(response.content)
    return feed, feed.findall(f"{ATOM}entry")


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("code", ["sq", "sr"])
def test_rss_and_atom_list_the_sections_live_pages(client, demo_site, section, code):
    expected = live_titles(SECTIONS[section], code)
    channel, items = rss_items(client, f"/{code}/feeds/{section}/rss/")
    assert channel.findtext("language") == code
    rss_titles = {item.findtext("title") for item in items}
    assert rss_titles <= set(expected)
    assert len(items) == min(len(expected), 30)
    for item in items:
        assert f"/{code}/" in item.findtext("link")
        assert item.findtext("pubDate")
    feed, entries = atom_entries(client, f"/{code}/feeds/{section}/atom/")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == code
    assert {entry.findtext(f"{ATOM}title") for entry in entries} == rss_titles


def test_feeds_have_items_in_albanian(client, demo_site):
    for section in SECTIONS:
        _channel, items = rss_items(client, f"/sq/feeds/{section}/rss/")
        assert items, section


def test_unknown_feed_is_404(client, demo_site):
    assert client.get("/sq/feeds/nothing/rss/").status_code == 404
    assert client.get("/sq/calendar/nothing.ics").status_code == 404


def test_drafts_and_private_pages_are_absent_from_feeds(client, hidden_pages):
    _channel, items = rss_items(client, "/sq/feeds/press/rss/")
    titles = {item.findtext("title") for item in items}
    assert "Draft press release never published" not in titles
    assert "Private press release behind a password" not in titles
    # Both are the newest by first publication, so they would head the feed.
    body = client.get("/sq/feeds/press/atom/").content.decode()
    assert "secret" not in body


@pytest.mark.parametrize(
    ("section", "model_label"),
    [
        ("sessions", "assembly_sessions.AssemblySessionPage"),
        ("invitations", "press.InvitationPage"),
    ],
)
@pytest.mark.parametrize("code", ["sq", "sr"])
def test_ical_feeds_parse(client, demo_site, section, model_label, code):
    from django.apps import apps

    response = client.get(f"/{code}/calendar/{section}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    model = apps.get_model(model_label)
    pages = model.objects.live().public().filter(locale__language_code=code)
    assert len(events) == pages.count()
    by_title = {page.title: page for page in pages}
    uids = set()
    for event in events:
        page = by_title[str(event["SUMMARY"])]
        assert event.decoded("DTSTART") == page.starts_at
        assert event.decoded("DTEND") > event.decoded("DTSTART")
        assert str(event["URL"]).endswith(page.url)
        uids.add(str(event["UID"]))
    assert len(uids) == len(events)


def test_sessions_calendar_has_the_seven_sessions(client, demo_site):
    calendar = Calendar.from_ical(client.get("/sq/calendar/sessions.ics").content)
    assert len(calendar.walk("VEVENT")) == 7


def test_sitemap_lists_translations_as_hreflang_alternates(client, demo_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = parse_xml(response.content)
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    xhtml = "{http://www.w3.org/1999/xhtml}"
    urls = {}
    for url in root.findall(f"{sm}url"):
        urls[url.findtext(f"{sm}loc")] = {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{xhtml}link")
        }
    # The demo Site follows BASE_URL; each language has its own slugs.
    decision = f"{demo_site.root_url}/sq/vendimet/vendim-per-buxhetin-2019/"
    serbian = f"{demo_site.root_url}/sr/odluke/odluka-o-budzetu-2019/"
    assert decision in urls
    assert urls[decision]["sr"] == serbian
    assert urls[decision]["sq"] == decision
    # The Serbian page is listed too, pointing back at the Albanian one.
    assert urls[serbian]["sq"] == decision
    # A page without translations has no alternates.
    untranslated = [loc for loc in urls if "/sq/komunikata/komunikate-" in loc]
    assert untranslated and not urls[untranslated[-1]]


def test_sitemap_leaves_out_drafts_and_private_pages(client, hidden_pages):
    body = client.get("/sitemap.xml").content.decode()
    assert "draft-never-published" not in body
    assert "private-press-release" not in body
    assert "/sq/komunikata/" in body
