import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from search import backend
from search.models import PendingIndexUpdate

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def test_rebuild_prints_a_summary_and_leaves_no_drift(search_index):
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    text = out.getvalue()
    assert "alias" in text and "0 errors" in text
    drift = io.StringIO()
    call_command("search_drift", stdout=drift)
    assert "matches the database" in drift.getvalue()


def test_search_sync_fails_loudly_while_the_node_is_unreachable(search_index):
    PendingIndexUpdate.objects.create(page_id=1)
    unreachable = override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9")
    with unreachable, pytest.raises(CommandError):
        call_command("search_sync", stdout=io.StringIO())
    assert PendingIndexUpdate.objects.filter(page_id=1).exists()
    backend.reset_breakers()
    out = io.StringIO()
    call_command("search_sync", stdout=out)
    assert "1 queued updates; 0 remain" in out.getvalue()
    assert not PendingIndexUpdate.objects.exists()
