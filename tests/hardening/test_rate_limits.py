"""Heavy JSON reports and password forms answer 429 past their limit, with a
clear message and Retry-After, and serve again once the window has passed."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 10, 0, 5, tzinfo=dt.UTC)


@pytest.fixture
def small_limits(settings):
    settings.RATE_LIMITS = {
        "stats_api": (2, 60),
        "parity_api": (2, 60),
        "login": (3, 60),
    }


def assert_limited(response, json_body):
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 0 < retry_after <= 60
    text = response.json()["error"] if json_body else response.content.decode()
    # The message is in the visitor's language (Albanian by default).
    language = response.get("Content-Language", "sq")
    with translation.override(language):
        expected = translation.gettext(
            "Too many requests. Please wait %(seconds)s seconds and try again."
        ) % {"seconds": retry_after}
    assert text.strip() == expected


@pytest.mark.parametrize("url", ["/api/access-requests/stats/", "/api/parity/"])
def test_json_reports_answer_429_then_recover(client, demo_site, small_limits, url):
    with time_machine.travel(START, tick=False) as traveller:
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200
        assert_limited(client.get(url), json_body=True)
        # Another client address is not affected.
        assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code == 200
        traveller.shift(dt.timedelta(seconds=61))
        assert client.get(url).status_code == 200


def test_admin_login_posts_are_limited_but_the_form_still_loads(
    client, demo_site, small_limits
):
    url = reverse("wagtailadmin_login")
    assert url == "/admin/login/"
    wrong = {"username": "editor", "password": "not-the-password"}
    with time_machine.travel(START, tick=False) as traveller:
        for _attempt in range(3):
            assert client.post(url, wrong).status_code == 200  # form with an error
        assert_limited(client.post(url, wrong), json_body=False)
        assert client.get(url).status_code == 200
        traveller.shift(dt.timedelta(seconds=61))
        response = client.post(
            url, {"username": "editor", "password": "transparenca-demo"}
        )
        assert response.status_code == 302


def test_page_password_guessing_is_limited(client, demo_site, small_limits):
    from press.models import PressReleasePage

    page = PressReleasePage.objects.live().filter(locale__language_code="sq").first()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="s3cret"
    )
    url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]
    )
    with time_machine.travel(START, tick=False) as traveller:
        for _attempt in range(3):
            response = client.post(url, {"password": "guess", "return_url": "/"})
            assert response.status_code == 200
        assert_limited(
            client.post(url, {"password": "s3cret", "return_url": "/"}), json_body=False
        )
        traveller.shift(dt.timedelta(seconds=61))
        response = client.post(url, {"password": "s3cret", "return_url": "/"})
        assert response.status_code == 302


def test_django_admin_login_is_limited_like_the_wagtail_login(
    client, demo_site, small_limits
):
    url = reverse("admin:login")
    assert url == "/django-admin/login/"
    wrong = {"username": "admin", "password": "not-the-password"}
    with time_machine.travel(START, tick=False) as traveller:
        for _attempt in range(3):
            assert client.post(url, wrong).status_code == 200  # form with an error
        # Past the limit even the right password is refused until the window ends.
        right = {"username": "admin", "password": "transparenca-demo"}
        assert_limited(client.post(url, right), json_body=False)
        assert client.get(url).status_code == 200
        traveller.shift(dt.timedelta(seconds=61))
        assert client.post(url, right).status_code == 302


FILING = {
    "action": "file",
    "requester_name": "Valon Berisha",
    "email": "valon@example.org",
    "category": "citizen",
    "documents_requested": "Buxheti komunal 2018",
    "preferred_format": "copy",
}


def test_filings_behind_the_proxy_count_per_citizen_not_per_city(
    client, demo_site, settings
):
    settings.RATE_LIMIT_TRUST_X_FORWARDED_FOR = 1
    settings.ACCESS_REQUEST_RATE_LIMIT = (2, 3600)
    proxy = {"REMOTE_ADDR": "127.0.0.1"}

    def file(chain):
        return client.post(
            "/sq/qasje/", FILING, HTTP_X_FORWARDED_FOR=chain, **proxy
        ).status_code

    with time_machine.travel(START, tick=False):
        assert [file("203.0.113.1") for _ in range(3)] == [302, 302, 429]
        # Another citizen behind the same proxy files normally.
        assert file("203.0.113.2") == 302
        # The first one cannot get round the quota by sending its own header.
        assert file("198.51.100.77, 203.0.113.1") == 429
        response = client.post(
            "/sq/qasje/", FILING, HTTP_X_FORWARDED_FOR="203.0.113.1", **proxy
        )
        assert 0 < int(response["Retry-After"]) <= 3600
