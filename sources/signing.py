"""Authenticating webhook and push requests: a timestamp window and a nonce
that may be used once (replay protection), plus an HMAC-SHA256 signature over
the raw body (webhooks) or a bearer token (push)."""

import hashlib
import hmac
import time
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SeenNonce

WINDOW = 300  # seconds either side of the hub's clock


class Rejected(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def signature(secret, body):
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def check_signature(source, body, header):
    if not source.webhook_secret:
        raise Rejected(403, _("This source does not accept webhooks."))
    given = (header or "").strip().removeprefix("sha256=")
    if not given or not hmac.compare_digest(
        given, signature(source.webhook_secret, body)
    ):
        raise Rejected(401, _("The signature is missing or wrong."))


def check_token(source, header):
    scheme, _space, token = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not source.token_matches(token.strip()):
        raise Rejected(401, _("The bearer token is missing or wrong."))


def parse_timestamp(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        pass
    try:
        from datetime import datetime

        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
    except (TypeError, ValueError):
        return None


def check_fresh(source, timestamp, nonce):
    """Refuse a request outside the window or whose nonce was seen."""
    moment = parse_timestamp(timestamp)
    if moment is None or abs(time.time() - moment) > WINDOW:
        raise Rejected(
            401, _("The timestamp is missing or more than five minutes off.")
        )
    nonce = str(nonce or "")
    if not 8 <= len(nonce) <= 100:
        raise Rejected(400, _("A nonce of 8 to 100 characters is required."))
    # Nonces older than the window can't be replayed anyway (the timestamp
    # check refuses them): forget them.
    SeenNonce.objects.filter(
        seen_at__lt=timezone.now() - timedelta(seconds=2 * WINDOW)
    ).delete()
    try:
        with transaction.atomic():
            SeenNonce.objects.create(source=source, nonce=nonce)
    except IntegrityError:
        raise Rejected(409, _("This request was already received.")) from None
