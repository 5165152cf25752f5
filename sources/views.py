"""The webhook and push endpoints. Neither pulls from a source in the request:
a webhook enqueues a task; a push stores what it was sent."""

import json

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.ratelimit import rate_limited

from . import push, signing, tasks
from .models import Source

MAX_BODY = 5 * 1024 * 1024
EVENTS = {"publish", "modify", "retract", "delete", "move", "private"}


def problem(status, message, **extra):
    return JsonResponse({"error": message, **extra}, status=status)


def source_or_404(slug, kind=None):
    source = Source.objects.filter(slug=slug, enabled=True).first()
    if source is None or (kind and source.kind != kind):
        return None
    return source


def read_json(request):
    if len(request.body) > MAX_BODY:
        raise signing.Rejected(413, _("The request body is too large."))
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        raise signing.Rejected(400, _("The request body is not valid JSON.")) from None
    if not isinstance(payload, dict):
        raise signing.Rejected(400, _("The request body must be a JSON object."))
    return payload


@csrf_exempt
@require_POST
@rate_limited("sources_webhook")
def webhook(request, slug):
    source = source_or_404(slug)
    if source is None or source.kind == Source.PUSH:
        return problem(404, _("No such source."))
    try:
        # The signature first: nothing of an unsigned body is trusted.
        signing.check_signature(
            source, request.body, request.headers.get("X-Transparenca-Signature")
        )
        payload = read_json(request)
        signing.check_fresh(
            source,
            payload.get("timestamp") or request.headers.get("X-Transparenca-Timestamp"),
            payload.get("nonce") or request.headers.get("X-Transparenca-Nonce"),
        )
    except signing.Rejected as rejected:
        return problem(rejected.status, rejected.message)
    event = str(payload.get("event") or "")
    uid = str(payload.get("uid") or payload.get("UID") or "")
    if event not in EVENTS or not uid or len(uid) > 200:
        return problem(
            400,
            _("A webhook names an event (%(events)s) and the item's uid.")
            % {"events": ", ".join(sorted(EVENTS))},
        )
    # Whatever the event, the pull decides: an anonymous fetch that finds the
    # item indexes it, one that doesn't removes it.
    tasks.pull_item.enqueue(source.pk, uid)
    return JsonResponse({"queued": uid, "event": event}, status=202)


@csrf_exempt
@require_POST
@rate_limited("sources_push")
def push_items(request, slug):
    source = source_or_404(slug, Source.PUSH)
    if source is None:
        return problem(404, _("No such source."))
    try:
        signing.check_token(source, request.headers.get("Authorization"))
        payload = read_json(request)
        signing.check_fresh(source, payload.get("timestamp"), payload.get("nonce"))
    except signing.Rejected as rejected:
        return problem(rejected.status, rejected.message)
    try:
        items, deleted = push.validate(source, payload)
    except push.Invalid as invalid:
        return problem(
            400, _("The items do not match the push schema."), details=invalid.details
        )
    return JsonResponse(push.apply(source, items, deleted))
