import logging
from datetime import date

from django.db import OperationalError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from core.ratelimit import client_address, hit
from core.ratelimit import rate_limited as limited

from . import conf
from .forms import AccessRequestForm, TrackingCodeForm
from .models import AccessRequest, State
from .services import file_request
from .stats import labelled, statistics
from .suggestions import suggest_published_pages

PUBLIC_STEPS = [State.RECEIVED, State.IN_PROGRESS]
EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)
TRY_AGAIN_SECONDS = 5
logger = logging.getLogger("transparenca.access_requests")


def filing_refused(request):
    """Seconds to wait when this client address has filed its quota, else 0.

    Counted by the project's one limiter, so the address is the real client's
    behind a trusted proxy and the count is shared by every worker."""
    return hit(
        "access_request_filing",
        client_address(request),
        limit=conf.get("ACCESS_REQUEST_RATE_LIMIT"),
    )


def request_form(request):
    suggestions = None
    status = 200
    if request.method == "POST":
        form = AccessRequestForm(request.POST)
        if request.POST.get("action") == "suggest":
            text = request.POST.get("documents_requested", "")[:4000]
            suggestions = suggest_published_pages(text, get_language())
            form = AccessRequestForm(initial=request.POST.dict())
        elif form.is_valid():
            try:
                # Only filings count: a citizen correcting mistakes is never
                # blocked.
                retry_after = filing_refused(request)
                if retry_after:
                    response = render(
                        request,
                        "access_requests/rate_limited.html",
                        {"form": form},
                        status=429,
                    )
                    response["Retry-After"] = str(retry_after)
                    return response
                access_request = file_request(form.request_data(), get_language())
            except OperationalError:
                # The database stayed locked for the whole busy timeout: nothing
                # was stored, so the citizen can send the same text again.
                logger.warning("access request not stored: database busy")
                response = render(
                    request,
                    "access_requests/try_again.html",
                    {"form": form},
                    status=503,
                )
                response["Retry-After"] = str(TRY_AGAIN_SECONDS)
                return response
            return redirect(f"{access_request_url(access_request)}?filed=1")
        else:
            status = 400
    else:
        form = AccessRequestForm()
    return render(
        request,
        "access_requests/request_form.html",
        {"form": form, "suggestions": suggestions, "tracking_form": TrackingCodeForm()},
        status=status,
    )


def access_request_url(access_request):
    from django.urls import reverse

    return reverse("access_requests:status", args=[access_request.tracking_code])


def lookup(request):
    form = TrackingCodeForm(request.GET or None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        if AccessRequest.objects.filter(tracking_code=code).exists():
            return redirect("access_requests:status", code=code)
        form.add_error("code", _("No request has this tracking code."))
    return render(
        request,
        "access_requests/lookup.html",
        {"tracking_form": form},
        status=400 if form.is_bound else 200,
    )


def status(request, code):
    access_request = (
        AccessRequest.objects.filter(tracking_code=code.upper())
        .prefetch_related("documents__document", "transitions")
        .first()
    )
    if access_request is None:
        raise Http404
    return render(
        request,
        "access_requests/status.html",
        {
            "item": access_request,
            "filed": request.GET.get("filed") == "1",
            "days_left": access_request.days_left(),
            "overdue": access_request.is_open
            and not access_request.is_paused
            and access_request.is_overdue(),
            "transitions": access_request.transitions.all(),
        },
    )


def parse_period(params):
    """(start, end, error): the period from ?from=&to=, this year by default."""
    today = timezone.localdate()
    try:
        start = date.fromisoformat(params.get("from") or f"{today.year}-01-01")
        end = date.fromisoformat(params.get("to") or today.isoformat())
    except ValueError:
        return None, None, _("Dates must be written as YYYY-MM-DD.")
    if start < EARLIEST or end > LATEST:
        # Extreme dates overflow once combined with a time zone.
        return (
            None,
            None,
            _("Dates must be between %(earliest)s and %(latest)s.")
            % {
                "earliest": EARLIEST.isoformat(),
                "latest": LATEST.isoformat(),
            },
        )
    if end < start:
        return None, None, _("The end of the period is before its start.")
    if (end - start).days > 366 * 20:
        return None, None, _("The period may be at most twenty years long.")
    return start, end, None


@csrf_exempt  # read-only JSON: other methods get require_GET's 405, not a 403
@require_GET
@limited("stats_api")
def stats_api(request):
    start, end, error = parse_period(request.GET)
    if error:
        return JsonResponse({"error": error}, status=400)
    return JsonResponse(statistics(start, end))


@require_GET
def stats_page(request):
    start, end, error = parse_period(request.GET)
    context = {
        "error": error,
        "from_value": request.GET.get("from") or (start.isoformat() if start else ""),
        "to_value": request.GET.get("to") or (end.isoformat() if end else ""),
    }
    if not error:
        figures = statistics(start, end)
        bars = [
            (_("Answered on time"), figures["answered_on_time"], "on-time"),
            (_("Answered late"), figures["answered_late"], "late"),
            (_("Pending at the end of the period"), figures["pending"], "pending"),
            (_("Transferred"), figures["transferred"], "other"),
            (_("Withdrawn"), figures["withdrawn"], "other"),
        ]
        top = max([count for _label, count, _kind in bars] + [1])
        context.update(
            {
                "figures": figures,
                "start": start,
                "end": end,
                "bars": [
                    (label, count, kind, round(100 * count / top))
                    for label, count, kind in bars
                ],
                **labelled(figures),
            }
        )
    return render(
        request,
        "access_requests/stats.html",
        context,
        status=400 if error else 200,
    )
