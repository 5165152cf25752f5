"""Hostile text in content, documents, queries and forms is escaped or rejected
everywhere it is shown: public pages of every type, index pages with filters,
feeds, the API, the sitemap, the admin and the access-request form. Never a 500.
"""

import json
import xml.etree.ElementTree as ET

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from icalendar import Calendar
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from core.feeds import feed_sections

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HANDLER = '" onmouseover="alert(1)" x="'
SQL = "' OR 1=1 --"
ES_SYNTAX = "title:(a OR b)^5 AND *"
ES_JSON = '{"query": {"match_all": {}}}'
HOSTILE = f"{SCRIPT} {IMG} {HANDLER} {SQL} {ES_SYNTAX}"
# Markup that must never reach a browser unescaped.
RAW = [SCRIPT, "<img src=x onerror=alert(1)>", '" onmouseover="alert(1)"']
MEGABYTE = "a" * 1_000_000

PAGE_TYPES = [
    "municipal_acts.MunicipalActPage",
    "municipal_acts.DecisionPage",
    "municipal_acts.MinutesPage",
    "municipal_acts.CompetitionPage",
    "press.PressReleasePage",
    "press.NoticePage",
    "press.InvitationPage",
    "assembly_sessions.AssemblySessionPage",
]
QUERIES = [HOSTILE, SQL, ES_SYNTAX, ES_JSON, MEGABYTE]


def assert_no_raw_markup(response, where):
    assert response.status_code < 500, f"{where}: {response.status_code}"
    body = response.content.decode("utf-8", errors="replace")
    for marker in RAW:
        assert marker not in body, f"{where}: unescaped {marker!r}"


@pytest.fixture
def hostile_document():
    document = get_document_model()(
        title=HOSTILE, file=ContentFile(b"%PDF-1.4 hostile", name="hostile.pdf")
    )
    document.save()
    return document


@pytest.fixture
def hostile_pages(demo_site, hostile_document):
    """One live page of each type in Albanian, every text field hostile."""
    pages = []
    for label in PAGE_TYPES:
        model = apps.get_model(label)
        page = model.objects.live().filter(locale__language_code="sq").first()
        page.title = HOSTILE
        page.summary = HOSTILE + " " + MEGABYTE if not pages else HOSTILE
        page.search_description = HOSTILE
        page.body = [
            ("heading", {"text": HOSTILE, "level": "h2"}),
            ("paragraph", RichText(f"<p>{escape(HOSTILE)}</p>")),
            ("quote", {"text": HOSTILE, "attribution": HOSTILE}),
            ("document", {"document": hostile_document, "title": ""}),
        ]
        page.attachments = [
            ("attachment", {"document": hostile_document, "title": HOSTILE})
        ]
        page.save_revision().publish()
        # The newest publication, so that it heads the feeds.
        model.objects.filter(pk=page.pk).update(first_published_at=timezone.now())
        pages.append(model.objects.get(pk=page.pk))
    return pages


def test_every_page_type_and_its_index_escape_hostile_text(client, hostile_pages):
    for page in hostile_pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert_no_raw_markup(response, page.url)
        assert escape(SCRIPT) in response.content.decode()
        assert_no_raw_markup(client.get(page.get_parent().url), "index")
    assert_no_raw_markup(client.get("/sq/"), "home")


def test_index_filters_and_search_take_hostile_queries(client, hostile_pages):
    indexes = {page.get_parent().url for page in hostile_pages}
    for query in QUERIES:
        assert_no_raw_markup(client.get("/sq/search/", {"q": query}), "search")
        for url in indexes:
            params = {"year": query, "type": query, "department": query}
            params.update({"topic": query, "status": query, "page": query})
            assert_no_raw_markup(client.get(url, params), f"{url} filters")
    # Bytes that are not UTF-8, in values and names.
    for url in ["/sq/search/", *indexes]:
        for query_string in ["q=%ff%fe", "year=%ff%fe&type=%c0%af", "%ff%fe=1"]:
            assert_no_raw_markup(client.get(f"{url}?{query_string}"), url)
    assert client.get("/sq/%ff%fe/").status_code == 404


def parse_feed(response, where):
    assert response.status_code == 200, where
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert not list(root.iter("script")), where
    return root


def test_feeds_escape_hostile_titles_and_summaries(client, hostile_pages):
    for section in feed_sections():
        rss = parse_feed(client.get(f"/sq/feeds/{section}/rss/"), section)
        items = [item for item in rss.iter("item") if item.findtext("title") == HOSTILE]
        assert items, f"no hostile item in the {section} feed"
        for item in items:
            # RSS readers render the description as HTML: markup must be escaped.
            description = item.findtext("description")
            assert escape(SCRIPT) in description
            assert SCRIPT not in description
        atom = parse_feed(client.get(f"/sq/feeds/{section}/atom/"), section)
        for summary in atom.iter("{http://www.w3.org/2005/Atom}summary"):
            assert SCRIPT not in (summary.text or "")


def test_calendars_carry_hostile_titles_as_text(client, hostile_pages):
    sections = {
        model.calendar_slug
        for model in apps.get_models()
        if getattr(model, "calendar_slug", "")
    }
    assert sections
    for section in sections:
        response = client.get(f"/sq/calendar/{section}.ics")
        assert response.status_code == 200
        calendar = Calendar.from_ical(response.content)
        summaries = [str(event.get("summary")) for event in calendar.walk("VEVENT")]
        assert HOSTILE in summaries, section


def test_api_and_sitemap_return_hostile_text_as_data(client, hostile_pages):
    for page in hostile_pages:
        response = client.get(f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        data = response.json()
        assert data["title"] == HOSTILE
        assert data["summary"].startswith(HOSTILE)
    for query in QUERIES[:-1]:
        response = client.get("/api/v2/pages/", {"search": query, "title": query})
        assert response.status_code in {200, 400}
        assert response["Content-Type"] == "application/json"
        json.loads(response.content)
    documents = client.get("/api/v2/documents/", {"limit": 100}).json()["items"]
    assert HOSTILE in [item["title"] for item in documents]
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    ET.fromstring(sitemap.content)  # noqa: S314 - our own output
    assert_no_raw_markup(sitemap, "sitemap")


def test_admin_listing_and_edit_views_escape_hostile_text(
    client, hostile_pages, hostile_document, django_user_model
):
    admin = django_user_model.objects.create_superuser(
        "hostile-admin", "admin@example.org", "x"
    )
    client.force_login(admin)
    parents = {page.get_parent().pk for page in hostile_pages}
    urls = [f"/admin/pages/{pk}/" for pk in parents]
    urls += [f"/admin/pages/{page.pk}/edit/" for page in hostile_pages]
    urls += [
        "/admin/documents/",
        f"/admin/documents/edit/{hostile_document.pk}/",
        f"/admin/pages/search/?q={SQL}",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_raw_markup(response, url)


def access_request(**changes):
    data = {
        "requester_name": "Arta Krasniqi",
        "email": "arta@example.org",
        "postal_address": "",
        "category": "citizen",
        "documents_requested": "The 2018 budget.",
        "preferred_format": "electronic",
        "is_urgent": "",
        "urgency_reason": "",
        "website": "",
    }
    data.update(changes)
    return data


def test_access_request_form_rejects_markup_and_escapes_the_rest(client, demo_site):
    url = "/sq/qasje/"
    for field in ["requester_name", "postal_address", "documents_requested"]:
        response = client.post(url, access_request(**{field: HOSTILE}))
        assert response.status_code == 400, field
        assert_no_raw_markup(response, field)
    response = client.post(url, access_request(documents_requested=MEGABYTE))
    assert response.status_code < 500
    for text in [SQL, ES_SYNTAX, ES_JSON, HOSTILE]:
        response = client.post(
            url, access_request(documents_requested=text, action="suggest")
        )
        assert response.status_code == 200
        assert_no_raw_markup(response, "suggest")
    response = client.post(
        url, access_request(documents_requested=f"{SQL} {ES_SYNTAX} {ES_JSON}")
    )
    assert response.status_code == 302
    assert_no_raw_markup(client.get(response["Location"]), "status page")
    assert_no_raw_markup(client.get("/sq/qasje/gjurmo/", {"code": HOSTILE}), "lookup")
    assert client.get(f"/sq/qasje/{SQL}/").status_code == 404
    assert Page.objects.filter(title=HOSTILE).count() == 0
