"""What a Wagtail developer does after `pip install`: migrate from zero, publish
an act, a decision and a press release, and find them in the unified search.

Run by tests/installable/test_installable.py in a child process whose path
holds the repository root and this project only (no `site/`). Prints one JSON
line with what it saw; the test asserts on it.
"""

import json
import os
import sys
import time
from datetime import date

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "installable_site.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

SITE_APPS = ("portal", "home", "media_library", "accounts")


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def main():
    call_command("migrate", interactive=False, verbosity=0)
    # The deploy step the README names: create the index before the first
    # publish (the publishing path only waits a second for Elasticsearch).
    call_command("rebuild_search_index", verbosity=0)
    locale = Locale.objects.get(language_code="sq")
    # Wagtail's own first page ("Welcome to your new Wagtail site!") is the
    # site root: a plain Page, not this repository's HomePage.
    root = Site.objects.get(is_default_site=True).root_page.specific
    from municipal_acts.models import (
        ActIndexPage,
        DecisionIndexPage,
        DecisionPage,
        MunicipalActPage,
    )
    from press.models import PressIndexPage, PressReleasePage

    acts = publish(root, ActIndexPage(title="Aktet", slug="aktet", locale=locale))
    decisions = publish(
        root, DecisionIndexPage(title="Vendimet", slug="vendimet", locale=locale)
    )
    press = publish(root, PressIndexPage(title="Lajme", slug="lajme", locale=locale))
    word = os.environ.get("INSTALLABLE_WORD", "zambakverdhe")
    pages = {
        "act": publish(
            acts,
            MunicipalActPage(
                title=f"Rregullore për parqet {word}",
                official_number="01-016/26",
                summary=f"Rregullorja e parqeve {word}.",
                adoption_date=date(2026, 11, 2),
            ),
        ),
        "decision": publish(
            decisions,
            DecisionPage(
                title=f"Vendim për ndriçimin {word}",
                decision_number="02-110/26",
                summary=f"Ndriçimi publik {word}.",
            ),
        ),
        "press_release": publish(
            press,
            PressReleasePage(
                title=f"Kryetari hap parkun {word}",
                summary=f"Parku i ri {word} u hap sot.",
            ),
        ),
    }
    client = Client()
    found, answer = {}, {}
    deadline = time.monotonic() + 15  # the index refreshes once a second
    while time.monotonic() < deadline:
        answer = client.get("/api/search/", {"q": word, "lang": "sq"}).json()
        found = {row.get("type"): row for row in answer.get("results", [])}
        if set(pages) <= set(found):
            break
        time.sleep(0.5)
    rendered = {key: client.get(page.url).status_code for key, page in pages.items()}
    print(
        json.dumps(
            {
                "found": {key: row.get("title") for key, row in found.items()},
                "titles": {key: page.title for key, page in pages.items()},
                "degraded": answer.get("degraded"),
                "rendered": rendered,
                "page_in_html": client.get(pages["act"].url)
                .content.decode()
                .count(pages["act"].title),
                "site_modules": sorted(
                    name for name in sys.modules if name.split(".")[0] in SITE_APPS
                ),
                "root_type": type(root).__name__,
                "page_count": Page.objects.live().count(),
            }
        )
    )


if __name__ == "__main__":
    main()
