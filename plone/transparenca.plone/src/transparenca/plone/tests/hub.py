"""A real HTTP server standing in for the Transparenca hub: it checks each
notification's signature the way the hub does and records what it got."""

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeHub:
    def __init__(self, secret, status=204, delay=0.0):
        self.secret = secret
        self.status = status
        self.delay = delay
        self.received = []  # (verified, headers, payload)
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                expected = hmac.new(
                    hub.secret.encode(), body, hashlib.sha256
                ).hexdigest()
                signature = self.headers.get("X-Transparenca-Signature", "")
                verified = hmac.compare_digest(signature, f"sha256={expected}")
                time.sleep(hub.delay)
                if hub.status < 300:
                    hub.received.append(
                        (verified, dict(self.headers), json.loads(body))
                    )
                self.send_response(hub.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = (
            f"http://127.0.0.1:{self.server.server_port}/sources/urbanizmi/webhook"
        )
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def events(self):
        return [(p["event"], p["uid"]) for _, _, p in self.received]

    def wait_for(self, count, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline and len(self.received) < count:
            time.sleep(0.05)
        return self.received

    def close(self):
        self.server.shutdown()
        self.server.server_close()
