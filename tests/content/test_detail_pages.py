"""What detail pages and listing cards print: the summary once, a competition's
state and deadline on its card (the model's own state), the share image and the
favicon."""

import io
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Page

from municipal_acts.models import CompetitionPage, CompetitionState
from tests.content.test_previews import PAGE_MODELS

pytestmark = pytest.mark.django_db

ITEM_MODELS = [
    model
    for model in PAGE_MODELS
    if any(base.__name__ == "TransparencyPage" for base in model.__mro__)
]


def main_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def below_header(client, url):
    """The page after its title and language line."""
    html = main_html(client, url)
    return html[html.index("</header>") :]


def head_html(client, url):
    html = client.get(url).content.decode()
    return html[: html.index("</head>")]


@pytest.mark.parametrize("model", ITEM_MODELS, ids=lambda m: m._meta.label)
def test_the_summary_is_printed_once(client, demo_site, model):
    page = model.objects.live().filter(locale__language_code="sq").first()
    assert page is not None and page.summary
    # The summary also opens the body (the demo, like editors, pastes it in).
    page.body = [{"type": "paragraph", "value": f"<p>{page.summary} More.</p>"}]
    page.save_revision().publish()
    text = below_header(client, page.url)
    assert text.count(page.summary) == 1
    # A body that says something else keeps the summary as the lead.
    page.body = [{"type": "paragraph", "value": "<p>Something else.</p>"}]
    page.save_revision().publish()
    text = below_header(client, page.url)
    assert text.count(page.summary) == 1
    assert 'class="summary"' in text


def test_competition_cards_show_the_state_and_deadline(client, demo_site):
    index = apps.get_model("municipal_acts", "CompetitionIndexPage").objects.get(
        locale__language_code="sq"
    )
    competition = (
        CompetitionPage.objects.live()
        .child_of(index)
        .filter(results_document__isnull=True)
        .first()
    )
    assert competition is not None
    deadline = f"{timezone.localtime(competition.closes_at):%Y-%m-%dT%H:%M}"
    for moment, state in [
        (competition.opens_at - timedelta(days=1), CompetitionState.UPCOMING),
        (competition.opens_at + timedelta(hours=1), CompetitionState.OPEN),
        (competition.closes_at + timedelta(hours=1), CompetitionState.CLOSED),
    ]:
        with time_machine.travel(moment, tick=False):
            assert competition.state == state
            html = main_html(client, index.url)
            card = html[html.index(competition.title) :].split("</article>")[0]
            with translation.override("sq"):
                label = str(state.label)
                deadline_label = translation.gettext("Deadline")
            assert f'class="status status-{state.value}">{label}<' in card
            assert f"{deadline_label}: <time" in card
            assert re.search(rf'<time datetime="{deadline}[^"]*"', card), card
            # The detail page says the same.
            assert f"status-{state.value}" in main_html(client, competition.url)


def og_image(head):
    match = re.search(r'<meta property="og:image" content="([^"]+)">', head)
    assert match, head
    return match.group(1)


def test_pages_without_an_image_share_the_site_default(client, demo_site):
    pages = Page.objects.live().filter(depth__gt=1).order_by("-depth", "pk")
    for page in [*pages[:2], *pages.filter(depth=2)]:
        head = head_html(client, page.url)
        url = og_image(head)
        parts = urlsplit(url)
        assert parts.scheme in {"http", "https"} and parts.netloc, url
        # Absolute against the same site as og:url.
        og_url = re.search(r'<meta property="og:url" content="([^"]+)">', head)
        assert urlsplit(og_url.group(1)).netloc == parts.netloc
        assert parts.path.startswith("/static/")
        found = finders.find(parts.path.removeprefix("/static/"))
        assert found, parts.path
        with Image.open(found) as image:
            assert image.size[0] >= 600 and image.format == "PNG"
        assert '<meta name="twitter:card" content="summary_large_image">' in head


def test_a_page_shares_its_own_image(client, demo_site):
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), "#0b4f8a").save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Seanca e Kuvendit", file=ImageFile(buffer, name="seanca.png")
    )
    page = CompetitionPage.objects.live().first()
    page.social_image = image
    page.save_revision().publish()
    head = head_html(client, page.url)
    url = og_image(head)
    assert urlsplit(url).scheme == "http" and "/static/" not in url
    assert url.endswith(".png") and "fill-1200x630" in url
    assert '<meta property="og:image:width" content="1200">' in head
    assert '<meta property="og:image:alt" content="Seanca e Kuvendit">' in head
    path = urlsplit(url).path.removeprefix(settings.MEDIA_URL)
    assert default_storage.exists(path), path


def test_every_page_links_the_favicon(client, demo_site):
    home = Page.objects.live().filter(depth=2).first()
    html = client.get(home.url).content.decode()
    match = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html)
    assert match, "no favicon link"
    found = finders.find(match.group(1).removeprefix("/static/"))
    assert found
    with open(found) as svg:
        content = svg.read()
    assert content.startswith("<svg") and 'viewBox="0 0 32 32"' in content
