"""Access-request e-mails are sent by the real worker through a real SMTP
server, and retried by it while the server is down (no cron)."""

import uuid

import pytest

pytestmark = [pytest.mark.elasticsearch]

FILE = """
import json
from access_requests.services import file_request

item = file_request(
    {{
        "requester_name": "Drilon Krasniqi",
        "email": "{address}",
        "category": "citizen",
        "documents_requested": "Kontrata per ndricimin publik 2018",
        "preferred_format": "electronic",
    }},
    "sq",
)
print(json.dumps({{"id": item.pk, "code": item.tracking_code}}))
"""


def file_request(site):
    address = f"drilon.{uuid.uuid4().hex[:6]}@example.net"
    return address, site.shell(FILE.format(address=address))


def outbox(site, request_id):
    return site.query(
        "SELECT attempts, sent_at, last_error FROM access_requests_outgoingemail"
        " WHERE request_id = ?",
        request_id,
    )


def received(site, address):
    return [m for m in site.smtp.messages if address in m["to"]]


def test_the_worker_sends_the_receipt_through_smtp(site):
    address, filed = file_request(site)
    seconds = site.wait_until(lambda: received(site, address), 20)
    assert seconds < 10
    (message,) = received(site, address)
    assert filed["code"] in message["body"]
    ((attempts, sent_at, error),) = outbox(site, filed["id"])
    assert (attempts, error) == (1, "") and sent_at is not None


def test_smtp_down_the_request_is_stored_and_the_worker_retries(site):
    site.smtp.down()
    try:
        address, filed = file_request(site)
        # The citizen's request is stored; the worker's first try fails.
        site.wait_until(lambda: outbox(site, filed["id"])[0][0] >= 2, 30)
        attempts, sent_at, error = outbox(site, filed["id"])[0]
        assert sent_at is None and "Connection refused" in error
        assert not received(site, address)
    finally:
        site.smtp.up()
    # Nobody runs send_pending_access_emails: the worker's retry sends it.
    site.wait_until(lambda: received(site, address), 30)
    site.wait_until(lambda: outbox(site, filed["id"])[0][1] is not None, 10)
    attempts, _sent_at, error = outbox(site, filed["id"])[0]
    assert attempts >= 3 and error == ""
    assert len(received(site, address)) == 1
