"""The journey harness itself: the live demo site answers in every language."""

import pytest

from .conftest import shot

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]


@pytest.mark.parametrize("code", ["sq", "sr", "tr", "en"])
def test_home_page_answers_in_its_language(live_site, phone, code):
    response = phone.goto(f"{live_site.url}/{code}/")
    assert response.status == 200
    assert phone.locator("html").get_attribute("lang") == code
    shot(phone, f"smoke-home-{code}")
