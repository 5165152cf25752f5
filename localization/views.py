from datetime import date

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from wagtail.models import Page

from core.ratelimit import rate_limited

from .parity import parity_report
from .permissions import is_translator_only, target_language_codes, translator_languages
from .queue import STATE_LABELS, build_queue, source_locale


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def queue_view(request):
    allowed = target_language_codes()
    if is_translator_only(request.user):
        allowed = [
            code for code in allowed if code in translator_languages(request.user)
        ]
    locale = request.GET.get("locale", "")
    locales = [locale] if locale in allowed else allowed
    state = request.GET.get("state", "")
    order = request.GET.get("order", "oldest")
    section_id = _int_or_none(request.GET.get("section"))
    items = build_queue(
        locales=locales,
        section_id=section_id,
        states={state} if state in STATE_LABELS else None,
        newest_first=order == "newest",
    )
    sections = Page.objects.filter(locale=source_locale(), depth=3).order_by("path")
    return TemplateResponse(
        request,
        "localization/queue.html",
        {
            "page_title": _("Localization queue"),
            "header_icon": "wagtail-localize-language",
            "items": items,
            "locales": [
                (code, get_language_info(code)["name_local"]) for code in allowed
            ],
            "states": list(STATE_LABELS.items()),
            "sections": sections,
            "current": {
                "locale": locale,
                "state": state,
                "section": section_id,
                "order": order,
            },
        },
    )


def parse_range(request):
    """The ?from=&to= dates; ValueError with a readable message when invalid."""
    bounds = []
    for name in ("from", "to"):
        value = request.GET.get(name, "").strip()
        if not value:
            bounds.append(None)
            continue
        try:
            bounds.append(date.fromisoformat(value))
        except ValueError:
            raise ValueError(
                _("“%(name)s” must be a date in the form YYYY-MM-DD.") % {"name": name}
            ) from None
    if bounds[0] and bounds[1] and bounds[0] > bounds[1]:
        raise ValueError(_("“from” must not be later than “to”."))
    return bounds


@csrf_exempt  # read-only JSON: other methods get require_GET's 405, not a 403
@require_GET
@rate_limited("parity_api")
def parity_api(request):
    try:
        date_from, date_to = parse_range(request)
    except ValueError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse(
        {
            "source_locale": settings.LANGUAGE_CODE,
            "from": date_from and date_from.isoformat(),
            "to": date_to and date_to.isoformat(),
            "sections": parity_report(date_from, date_to),
        },
        json_dumps_params={"ensure_ascii": False},
    )


def parity_view(request):
    error = None
    try:
        date_from, date_to = parse_range(request)
    except ValueError as exc:
        error, date_from, date_to = str(exc), None, None
    return TemplateResponse(
        request,
        "localization/parity.html",
        {
            "page_title": _("Language parity"),
            "header_icon": "site",
            "report": parity_report(date_from, date_to),
            "error": error,
            "date_from": date_from,
            "date_to": date_to,
        },
        status=400 if error else 200,
    )


def not_available(request, page_id):
    """Where the language switcher sends readers for a page that has no live
    translation in their language yet."""
    original = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    translation = (
        original.get_translations(inclusive=True)
        .live()
        .public()
        .filter(locale__language_code=get_language())
        .first()
    )
    if translation is not None:
        return redirect(translation.url)
    return not_available_response(request, original)


def not_available_response(request, original, status=200):
    """The "not yet available in <language>" page for a live, public page."""
    language = get_language()
    available = [
        {
            "code": page.locale.language_code,
            "name": get_language_info(page.locale.language_code)["name_local"],
            "page": page,
        }
        for page in original.get_translations(inclusive=True)
        .live()
        .public()
        .select_related("locale")
        .order_by("locale__language_code")
    ]
    return TemplateResponse(
        request,
        "localization/not_available.html",
        {
            "original": original,
            "switcher_page": original,
            "language_name": get_language_info(language)["name_translated"],
            "available": available,
        },
        status=status,
    )


def history_view(request, app_label, model_name, pk):
    """django-simple-history records of a snippet: who changed which field."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    if not hasattr(model, "history"):
        raise Http404
    perm = f"{model._meta.app_label}.change_{model._meta.model_name}"
    if not request.user.has_perm(perm):
        raise PermissionDenied
    obj = get_object_or_404(model, pk=pk)
    records = list(obj.history.select_related("history_user").order_by("-history_id"))
    rows = []
    for record in records:
        previous = record.prev_record
        changes = (
            [
                {"field": change.field, "old": change.old, "new": change.new}
                for change in record.diff_against(previous).changes
            ]
            if previous is not None
            else []
        )
        rows.append({"record": record, "changes": changes})
    return TemplateResponse(
        request,
        "localization/history.html",
        {
            "page_title": _("Change history: %(object)s") % {"object": obj},
            "header_icon": "history",
            "object": obj,
            "rows": rows,
        },
    )
