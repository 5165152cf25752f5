"""Translated labels for the codes the figures are stored with.

Frozen figures keep codes (`citizen`, `act`, `2018-03`) so that every translation
of a report shares one set of numbers; the words are looked up at render time,
in the visitor's language, from the models' own choices and verbose names.
"""

from datetime import date

from django.apps import apps
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .figures import OFFICIAL_DOCUMENT_TYPES, SOURCE_LANGUAGE

NO_DEPARTMENT = "—"


# Our own month names rather than Django's: Django's Serbian catalogue is
# Cyrillic while this site's Serbian is Latin, and a chart must not mix scripts.
MONTHS = [
    pgettext_lazy("month", "January"),
    pgettext_lazy("month", "February"),
    pgettext_lazy("month", "March"),
    pgettext_lazy("month", "April"),
    pgettext_lazy("month", "May"),
    pgettext_lazy("month", "June"),
    pgettext_lazy("month", "July"),
    pgettext_lazy("month", "August"),
    pgettext_lazy("month", "September"),
    pgettext_lazy("month", "October"),
    pgettext_lazy("month", "November"),
    pgettext_lazy("month", "December"),
]


def month_label(key):
    """'2018-03' → 'March 2018' in the active language."""
    day = date.fromisoformat(f"{key}-01")
    return f"{capfirst(MONTHS[day.month - 1])} {day.year}"


def department_labels(names):
    """{source-language name: name in the active language}. Figures keep the
    source name; a department translated into the visitor's language shows its
    translated name, any other keeps the source name."""
    try:
        department = apps.get_model("core.Department")
    except LookupError:
        return {}
    try:
        locale = Locale.objects.get(language_code=get_language())
    except Locale.DoesNotExist:
        return {}
    sources = department.objects.filter(
        name__in=names, locale__language_code=SOURCE_LANGUAGE
    )
    keys = {item.translation_key: item.name for item in sources}
    translated = department.objects.filter(translation_key__in=keys, locale=locale)
    return {keys[item.translation_key]: item.name for item in translated}


def department_rows(by_department):
    names = department_labels([name for name in by_department if name != NO_DEPARTMENT])
    return [
        (_("No department") if name == NO_DEPARTMENT else names.get(name, name), n)
        for name, n in by_department.items()
    ]


def document_type_label(key):
    path = OFFICIAL_DOCUMENT_TYPES.get(key)
    if path is None:
        return key
    try:
        model = apps.get_model(path)
    except LookupError:
        return key
    return capfirst(model._meta.verbose_name_plural)


def language_label(code):
    # The site's own language names (settings.LANGUAGES), translated by our
    # catalogue, so Serbian stays in one script.
    name = dict(settings.LANGUAGES).get(code)
    return capfirst(str(name)) if name else code


def choice_labels(model_path, field_name):
    """{value: translated label} of a model field's choices ({} when the app
    that owns the model is not installed)."""
    try:
        field = apps.get_model(model_path)._meta.get_field(field_name)
    except LookupError:
        return {}
    return {value: str(label) for value, label in field.flatchoices}


def requester_categories(by_category):
    labels = choice_labels("access_requests.AccessRequest", "category")
    return [(labels.get(key, key), count) for key, count in by_category.items()]


def official_language_rows(official_languages):
    """One row per document type: label, published, per-language counts, in all."""
    return [
        {
            "label": document_type_label(key),
            "published": row["published"],
            "per_language": [
                row["per_language"].get(code, 0)
                for code in official_languages["languages"]
            ],
            "in_all": row["in_all_official_languages"],
        }
        for key, row in official_languages["by_type"].items()
    ]


def label_context(figures):
    """Everything the report template shows as words rather than codes."""
    languages = figures["official_languages"]
    access = figures.get("access_requests") or {}
    return {
        "month_rows": [
            (month_label(key), count)
            for key, count in figures["communications"]["by_month"].items()
        ],
        "department_rows": department_rows(figures["communications"]["by_department"]),
        "language_headers": [language_label(code) for code in languages["languages"]],
        "language_rows": official_language_rows(languages),
        "session_rows": [
            {**session, "date": date.fromisoformat(session["date"])}
            for session in figures["sessions"]["sessions"]
        ],
        "category_rows": requester_categories(access.get("by_requester_category", {})),
    }
