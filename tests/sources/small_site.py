"""A small municipal Transparenca site for the two-instance test: a handful of
pages built in its own database (not the whole demo), so a reconcile of it
takes seconds. Run inside that site's Django environment:

    manage.py shell -c "from tests.sources.small_site import build; build()"
"""

import datetime
import json
import os
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Site

ACTS = [
    ("Rregullore për tarifat komunale vendore", "01-016/25", "Tarifat komunale"),
    ("Rregullore për parkimin në qytetin e Gjilanit", "01-017/25", "Parkimi publik"),
    ("Rregullore për ndihmat sociale", "01-018/25", "Ndihmat sociale"),
]
SERBIAN_TITLE = "Pravilnik o lokalnim opštinskim taksama"


def paragraph(text):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"}])


def publish(page):
    page.save_revision().publish()
    return page


def build():
    from municipal_acts.models import ActIndexPage, MunicipalActPage
    from press.models import NoticePage, PressIndexPage

    site = Site.objects.get(is_default_site=True)
    # Page URLs (the API's html_url) name the host the site is served on.
    base = urlsplit(os.environ["BASE_URL"])
    site.hostname, site.port = base.hostname, base.port or 80
    site.save()
    root = site.root_page.specific
    # The parent types keep the same URLs and templates as the demo's.
    acts = root.add_child(instance=ActIndexPage(title="Aktet", slug="aktet"))
    press = root.add_child(instance=PressIndexPage(title="Njoftimet", slug="njoftime"))
    made = []
    for number, (title, official, summary) in enumerate(ACTS):
        act = acts.add_child(
            instance=MunicipalActPage(
                title=title,
                slug=f"akti-{number}",
                official_number=official,
                summary=summary,
                body=paragraph(f"{summary}: teksti i plotë i aktit {official}."),
                publication_date=datetime.date(2025, 3, 1 + number),
                live=False,
            )
        )
        made.append(publish(act))
    notice = press.add_child(
        instance=NoticePage(
            title="Njoftim për ndërprerjen e ujit",
            slug="njoftim-uji",
            summary="Ndërprerje e furnizimit me ujë",
            live=False,
        )
    )
    publish(notice)

    serbian = Locale.objects.get_or_create(language_code="sr")[0]
    copy = made[0].copy_for_translation(serbian, copy_parents=True)
    copy.title = SERBIAN_TITLE
    copy.summary = "Lokalne opštinske takse"
    publish(copy)

    # A draft and a public document, to prove neither leaks nor is missed.
    acts.add_child(
        instance=MunicipalActPage(
            title="Draft rregullore sekrete", slug="draft", live=False
        )
    ).save_revision()
    get_document_model().objects.create(
        title="Buxheti komunal 2025",
        file=ContentFile(b"%PDF-1.4 buxheti", name="buxheti-2025.pdf"),
        collection=Collection.get_first_root_node(),
    )
    print(json.dumps({"acts": [page.pk for page in made], "sr": copy.pk}))
