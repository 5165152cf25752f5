"""A citizen on a phone trusts the numbers next to the filters (issue 15,
third round: facet counts within one language no longer use a distinct count
of every match, search/facets.py): in her language and in all languages,
the counts of a facet add up to the results shown, and choosing a value shows
as many results as its count said."""

import re

import pytest

from .conftest import assert_accessible, shot

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]


def total(page):
    text = page.locator("p.count").inner_text()
    return int(re.match(r"\d+", text).group())


def facet(page, title):
    """{label: count} of the facet headed `title`."""
    group = page.locator("nav.facets h3", has_text=title).locator(
        "xpath=following-sibling::ul[1]"
    )
    counts = {}
    for link in group.locator("a").all():
        label = link.inner_text()
        counts[label.rsplit(" (", 1)[0]] = int(
            link.locator(".facet-count").inner_text().strip("()")
        )
    return counts


def results_on_every_page(page):
    shown = page.locator(".search-result").count()
    while page.locator("a[rel=next]").count():
        page.locator("a[rel=next]").first.click()
        shown += page.locator(".search-result").count()
    return shown


def test_facet_counts_add_up_to_the_results(live_site, phone):
    phone.goto(f"{live_site.url}/sq/search/?q=buxheti")
    found = total(phone)
    assert found > 1
    types = facet(phone, "Lloji")
    years = facet(phone, "Viti")
    languages = facet(phone, "Gjuha")
    assert sum(types.values()) == found
    assert sum(years.values()) == found
    assert languages.get("Shqip") == found
    shot(phone, "search-counts-01-albanian")
    assert_accessible(phone)

    # Every language: one result per page, whatever its versions.
    phone.goto(f"{live_site.url}/sq/search/?q=buxheti&locale=all")
    everywhere = total(phone)
    assert everywhere >= found
    assert sum(facet(phone, "Lloji").values()) == everywhere
    assert max(facet(phone, "Gjuha").values()) <= everywhere
    shot(phone, "search-counts-02-all-languages")

    # Choosing a type shows as many results as its count said, on every page.
    phone.goto(f"{live_site.url}/sq/search/?q=buxheti")
    label, count = max(types.items(), key=lambda item: item[1])
    phone.locator("nav.facets a", has_text=label).first.click()
    assert total(phone) == count
    shot(phone, "search-counts-03-one-type")
    assert results_on_every_page(phone) == count
