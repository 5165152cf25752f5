import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from search import backend
from tests.search_index import demo_index, refresh  # noqa: F401


@pytest.fixture(scope="session")
def hub_index(elasticsearch_url, django_db_setup, django_db_blocker):
    """The hub's demo content indexed once, under a prefix of its own."""
    with demo_index(django_db_blocker, "_src") as alias:
        yield alias


@pytest.fixture(autouse=True)
def _closed_breaker():
    backend.reset_breakers()
    yield
    backend.reset_breakers()


def indexed(doc_id):
    """The document's source in the index, or None."""
    es = backend.client(timeout=30)
    try:
        answer = es.options(ignore_status=404).get(
            index=backend.alias_name(), id=doc_id
        )
        return answer.get("_source") if answer.get("found") else None
    finally:
        es.close()


class Scripted(BaseHTTPRequestHandler):
    """Answers each GET with what the test set: (status, content type, body,
    delay in seconds)."""

    answer = (200, "application/json", b"{}", 0)

    def do_GET(self):  # noqa: N802 - http.server's name
        status, kind, body, delay = self.server.answer
        time.sleep(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the hub gave up waiting: that is the point of the slow case

    def log_message(self, *args):
        pass


@pytest.fixture
def scripted_server():
    """A real HTTP server on a free port whose answer a test chooses."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Scripted)
    server.daemon_threads = True
    server.answer = (200, "application/json", json.dumps({}).encode(), 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
