"""A citizen on a phone finds words that exist only inside a PDF (issue 15: an
attachment is grouped with the page it hangs on). The PDF is one result, in her
language and in all languages, named with the page it hangs on, and it
downloads. When an editor attaches the same PDF to a second page, the citizen
sees it under each page, each result naming its own page, and the counts next
to the filters still add up to the results."""

import time
import urllib.request

import pytest

from home.search_demo import PDF_TITLE

from .conftest import assert_accessible, shot
from .test_search_counts import facet, total

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]
QUERY = "ujesjellesit+Perlepnice"  # as typed on a phone: no ë, only in the PDF
SECOND_PAGE = "Rishikimi i buxhetit: investimet kapitale"


def pdf_results(page):
    """[(title, attached-to page title, attached-to url, pdf url)] shown."""
    shown = []
    for item in page.locator(".search-result", has_text=PDF_TITLE).all():
        link = item.locator("h2 a")
        parent = item.locator(".attached-to a")
        shown.append(
            (
                link.inner_text(),
                parent.inner_text() if parent.count() else None,
                parent.get_attribute("href") if parent.count() else None,
                link.get_attribute("href"),
            )
        )
    return shown


def attach_to_a_second_page(site):
    """What an editor does in the page editor: a new sq decision with the annex
    among its attachments, published (the worker indexes it)."""
    code = (
        "from datetime import date;"
        "from wagtail.documents import get_document_model;"
        "from wagtail.models import Locale;"
        "from municipal_acts.models import DecisionPage, DecisionIndexPage;"
        "sq = Locale.objects.get(language_code='sq');"
        "parent = DecisionIndexPage.objects.get(locale=sq);"
        f"annex = get_document_model().objects.get(title={PDF_TITLE!r});"
        f"page = DecisionPage(title={SECOND_PAGE!r}, slug='rishikimi-i-buxhetit',"
        " locale=sq, summary='Rishikimi i investimeve kapitale.',"
        " publication_date=date(2019, 6, 3), decision_date=date(2019, 6, 3),"
        " issuing_body='assembly',"
        " attachments=[('attachment', {'document': annex, 'title': ''})]);"
        "parent.add_child(instance=page);"
        "page.save_revision().publish();"
        "print(page.pk, page.url)"
    )
    page_id, url = site.shell(code).split()[-2:]
    return int(page_id), url


def document_label(site):
    code = (
        "from django.utils import translation; from search.labels import type_labels;"
        "translation.activate('sq'); print(type_labels()['document'])"
    )
    return site.shell(code).splitlines()[-1]


def test_a_pdf_is_one_result_named_with_its_page(live_site, phone):
    phone.goto(f"{live_site.url}/sq/search/?q={QUERY}")
    shown = pdf_results(phone)
    assert len(shown) == 1, shown
    title, parent_title, parent_url, pdf_url = shown[0]
    assert parent_title and parent_title != PDF_TITLE
    assert parent_url.startswith("/sq/")
    types = facet(phone, "Lloji")
    assert sum(types.values()) == total(phone)
    assert types[document_label(live_site)] == 1
    shot(phone, "attachments-01-pdf-under-its-page")
    assert_accessible(phone)
    with urllib.request.urlopen(f"{live_site.url}{pdf_url}", timeout=10) as pdf:
        assert pdf.status == 200
        assert pdf.read(5) == b"%PDF-"

    # The page it hangs on opens, and is the page named.
    phone.locator(".search-result .attached-to a").first.click()
    phone.wait_for_load_state()
    assert phone.locator("h1").first.inner_text().strip() == parent_title

    # Every language: still one result for the PDF.
    phone.goto(f"{live_site.url}/sq/search/?q={QUERY}&locale=all")
    assert len(pdf_results(phone)) == 1
    assert sum(facet(phone, "Lloji").values()) == total(phone)

    # The editor attaches the same PDF to a second page: the citizen now finds it
    # under each, each result naming its own page.
    second_id, second_url = attach_to_a_second_page(live_site)
    deadline = time.monotonic() + 60
    while True:
        phone.goto(f"{live_site.url}/sq/search/?q={QUERY}")
        shown = pdf_results(phone)
        if len(shown) == 2 or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert len(shown) == 2, (shown, live_site.worker_log()[-2000:])
    assert {item[1] for item in shown} == {parent_title, SECOND_PAGE}
    assert second_url in {item[2] for item in shown}
    types = facet(phone, "Lloji")
    assert sum(types.values()) == total(phone)
    assert types[document_label(live_site)] == 2
    shot(phone, "attachments-02-pdf-under-two-pages")
    assert_accessible(phone)
    live_site.shell(
        f"from wagtail.models import Page; Page.objects.get(pk={second_id}).delete()"
    )
