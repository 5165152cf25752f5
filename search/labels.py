from django.conf import settings
from django.utils.text import capfirst
from wagtail.documents import get_document_model

from core.search_registry import DOCUMENT_KEY, registry


def type_labels():
    """{type key: label}. Each type is named by its page type's own verbose
    name (the word the admin and the section use), so there is one translation
    of "decision" and the search can't drift from it."""
    labels = {entry.key: entry.label for entry in registry.types.values()}
    labels[DOCUMENT_KEY] = capfirst(get_document_model()._meta.verbose_name)
    return labels


def language_names():
    return dict(settings.LANGUAGES)
