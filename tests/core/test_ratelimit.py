import datetime as dt
import json

import pytest
import time_machine
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.utils import translation

from core.database_cache import DatabaseCache
from core.ratelimit import client_address, hit, rate_limited


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


def forwarded(chain, remote="10.9.9.9"):
    return RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=chain)


@pytest.mark.parametrize(
    ("trusted", "chain", "expected"),
    [
        # No proxy trusted: the header is the client's word, never believed.
        (0, "1.1.1.1", "10.9.9.9"),
        (False, "1.1.1.1", "10.9.9.9"),
        # One proxy: the entry it appended (the right-most) is the client.
        (1, "1.1.1.1", "1.1.1.1"),
        (True, "6.6.6.6, 1.1.1.1", "1.1.1.1"),
        # Two proxies: the outer one wrote the second entry from the right.
        (2, "6.6.6.6, 1.1.1.1, 172.16.0.2", "1.1.1.1"),
        (2, "1.1.1.1", "1.1.1.1"),
        (1, " 2001:DB8::1 ", "2001:db8::1"),
        # Garbage where the proxy's entry should be: the proxy's own address.
        (1, "not-an-address", "10.9.9.9"),
        (1, "", "10.9.9.9"),
    ],
)
def test_client_address_believes_only_the_trusted_proxies(trusted, chain, expected):
    with override_settings(RATE_LIMIT_TRUST_X_FORWARDED_FOR=trusted):
        assert client_address(forwarded(chain)) == expected


@override_settings(RATE_LIMITS={"probe": (2, 60)}, RATE_LIMIT_TRUST_X_FORWARDED_FOR=1)
def test_a_client_cannot_escape_its_quota_by_inventing_forwarded_addresses():
    statuses = [
        probe_view(forwarded(f"198.51.100.{i}, 203.0.113.7")).status_code
        for i in range(5)
    ]
    assert statuses == [200, 200, 429, 429, 429]


@pytest.fixture
def database_cache(db):
    from django.core.management import call_command

    call_command("createcachetable", "test_ratelimit_counters")
    return DatabaseCache("test_ratelimit_counters", {})


def test_database_cache_incr_counts_and_refuses_missing_or_expired_keys(
    database_cache,
):
    with pytest.raises(ValueError):
        database_cache.incr("absent")
    assert database_cache.add("n", 0, timeout=60)
    assert [database_cache.incr("n") for _ in range(3)] == [1, 2, 3]
    assert database_cache.decr("n") == 2
    assert database_cache.get("n") == 2
    # add() never resets a live counter.
    assert not database_cache.add("n", 0, timeout=60)
    assert database_cache.incr("n", 5) == 7
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=61)
    with time_machine.travel(later), pytest.raises(ValueError):
        database_cache.incr("n")


@pytest.mark.django_db
def test_the_limiter_counts_in_the_database_cache(database_cache):
    caches_setting = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "counters": {
            "BACKEND": "core.database_cache.DatabaseCache",
            "LOCATION": "test_ratelimit_counters",
        },
    }
    with override_settings(
        CACHES=caches_setting,
        RATE_LIMIT_CACHE="counters",
        RATE_LIMITS={"probe": (3, 60)},
    ):
        assert [hit("probe", "10.1.1.1", now=600) for _ in range(4)] == [0, 0, 0, 60]
        assert hit("probe", "10.1.1.2", now=600) == 0


@pytest.mark.django_db
def test_a_counter_that_cannot_be_written_serves_the_request(caplog):
    # A real failure: the database cache's table was never created.
    missing = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "counters": {
            "BACKEND": "core.database_cache.DatabaseCache",
            "LOCATION": "no_such_cache_table",
        },
    }
    with override_settings(
        CACHES=missing, RATE_LIMIT_CACHE="counters", RATE_LIMITS={"probe": (1, 60)}
    ):
        assert probe_view(request_from("10.0.0.5")).status_code == 200
        assert probe_view(request_from("10.0.0.5")).status_code == 200
    assert "rate limit probe not counted" in caplog.text
