from datetime import datetime

import pytest
from django.utils import timezone

from access_requests.models import AccessRequest


def aware(iso):
    return timezone.make_aware(datetime.fromisoformat(iso))


@pytest.fixture
def make_request(db):
    def make(received="2018-01-15T10:00", **fields):
        values = {
            "requester_name": "Test Requester",
            "email": "requester@example.org",
            "category": "citizen",
            "documents_requested": "The 2017 road maintenance contract",
            "preferred_format": "electronic",
            "received_at": aware(received),
            **fields,
        }
        item = AccessRequest(**values)
        item.save()
        return item

    return make
