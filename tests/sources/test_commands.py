"""add_source (as `make plone-demo` calls it) and sync_source."""

import pytest
from django.core.management import CommandError, call_command

from sources.models import Source
from tests.browser.conftest import free_port

pytestmark = pytest.mark.elasticsearch


def test_add_push_source_keeps_only_the_token_hash(db, hub_index):
    call_command(
        "add_source", "push", "--slug", "cms", "--municipality", "viti",
        "--secret", "a-long-push-token",
    )  # fmt: skip
    source = Source.objects.get(slug="cms")
    assert source.kind == "push" and source.municipality == "viti"
    assert "a-long-push-token" not in source.token_hash
    assert source.token_matches("a-long-push-token")
    assert not source.token_matches("another-token")


def test_add_plone_source_and_sync_a_down_one(db, hub_index):
    url = f"http://127.0.0.1:{free_port()}/Plone"
    call_command(
        "add_source", "plone", "--slug", "urbanizmi", "--url", url,
        "--municipality", "gjilan", "--secret", "S", "--name", "Urbanizmi",
    )  # fmt: skip
    source = Source.objects.get(slug="urbanizmi")
    assert (source.webhook_secret, source.base_url, source.name) == (
        "S",
        url,
        "Urbanizmi",
    )
    # The test settings run the queued first reconcile at once: Plone is down.
    assert "unreachable" in source.last_error
    with pytest.raises(CommandError, match="unreachable"):
        call_command("sync_source", "urbanizmi")
    with pytest.raises(CommandError, match="no source"):
        call_command("sync_source", "nowhere")


def test_a_plone_source_needs_a_url(db):
    with pytest.raises(CommandError, match="--url"):
        call_command("add_source", "plone", "--slug", "x", "--municipality", "gjilan")
