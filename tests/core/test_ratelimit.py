import json

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.utils import translation

from core.ratelimit import hit, rate_limited


@rate_limited("probe")
def probe_view(request):
    return HttpResponse("ok")


def request_from(address):
    return RequestFactory().get("/probe/", REMOTE_ADDR=address)


@override_settings(RATE_LIMITS={"probe": (3, 60)})
def test_limit_answers_429_with_retry_after_then_recovers():
    statuses = [probe_view(request_from("10.0.0.1")).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    blocked = probe_view(request_from("10.0.0.1"))
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0
    with translation.override("en"):
        message = json.loads(probe_view(request_from("10.0.0.1")).content)["error"]
    assert "Too many requests" in message
    # Another address is not affected.
    assert probe_view(request_from("10.0.0.2")).status_code == 200


@override_settings(RATE_LIMITS={"probe": (2, 60)})
def test_window_resets():
    assert hit("probe", "a", now=120) == 0
    assert hit("probe", "a", now=121) == 0
    assert hit("probe", "a", now=122) == 58
    # The next minute starts a new window.
    assert hit("probe", "a", now=180) == 0


@override_settings(RATE_LIMITS={})
def test_unconfigured_limit_never_blocks():
    assert all(probe_view(request_from("x")).status_code == 200 for _ in range(50))


@pytest.mark.parametrize("forwarded", ["1.1.1.1, 2.2.2.2"])
@override_settings(
    RATE_LIMITS={"probe": (1, 60)}, RATE_LIMIT_TRUST_X_FORWARDED_FOR=True
)
def test_forwarded_address_is_used_behind_a_proxy(forwarded):
    factory = RequestFactory()
    first = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    other = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="3.3.3.3")
    assert probe_view(first).status_code == 200
    assert probe_view(first).status_code == 429
    assert probe_view(other).status_code == 200
