"""Fast, idempotent page creation for the demo, and translations made the way
wagtail-localize makes them.

Every test session and browser harness loads the demo, so it avoids Wagtail's
per-page publish machinery (log entries, redirects, signals, e-mails to
translators, search updates): a page is added live with one revision dated
when the office published it. The search index is updated once, at the end.
"""

import os
import re
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.core.management import call_command
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler as search_post_save
from wagtail.models import Locale, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.segments.ingest import ingest_segments

from .locales import default_language_code

PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


def aware(moment):
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment if "T" in moment else f"{moment}T09:00")
    elif not isinstance(moment, datetime):
        moment = datetime.combine(moment, datetime.min.time()).replace(hour=9)
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def paragraph(*texts):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


@contextmanager
def bulk_loading():
    """Skip the per-save index updates (Wagtail's search index and reference
    index); `reindex()` does them once afterwards. Two thirds of the loading
    time went into them, twice per page."""
    models = list(get_indexed_models())
    for model in models:
        post_save.disconnect(search_post_save, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(search_post_save, sender=model)


def reindex(pages):
    """What bulk_loading() skipped, for the given pages."""
    for page in pages.specific().iterator():
        ReferenceIndex.create_or_update_for_object(page)
    with open(os.devnull, "w") as devnull:
        call_command("update_index", stdout=devnull)


def add_live(parent, page, moment):
    """Add `page` under `parent`, live since `moment`, with one revision of
    that date, unless a child with its slug exists (then that one is
    returned). What Page.save_revision().publish() leaves, in two writes."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific, False
    moment = aware(moment)
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = moment
    page.latest_revision_created_at = moment
    page.draft_title = page.title
    parent.add_child(instance=page)
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page),
    )
    Revision.objects.filter(pk=revision.pk).update(created_at=moment)
    type(page).objects.filter(pk=page.pk).update(
        live_revision=revision, latest_revision=revision
    )
    page.live_revision = page.latest_revision = revision
    return page, True


def mapping_for(texts, code):
    """{source-language string: translation} for every field of `texts`
    ({field: {lang: text}}), with rich-text paragraphs also by their inner text
    (the form wagtail-localize segments them in)."""
    mapping = {}
    for by_lang in texts.values():
        source, target = by_lang[default_language_code()], by_lang.get(code)
        if not source or not target:
            continue
        mapping[source] = target
        inner_source, inner_target = PARAGRAPH.match(source), PARAGRAPH.match(target)
        if inner_source and inner_target:
            mapping[inner_source.group(1)] = inner_target.group(1)
    return mapping


def blank_copy(source, locale):
    """An unsaved copy of the TranslationSource's page in `locale`, sharing its
    translation key, as Page.copy_for_translation makes it (without its saves)."""
    copy = source.as_instance()
    for field in ("id", "pk", "page_ptr_id", "path", "depth", "url_path"):
        setattr(copy, field, None)
    copy.numchild = 0
    copy._state.adding = True
    copy.locale = locale
    copy.alias_of = None
    copy.live_revision = copy.latest_revision = None
    copy.locked, copy.locked_by, copy.locked_at = False, None, None
    return copy


class MissingDemoTranslation(Exception):
    pass


def translate(page, code, mapping, slug, delay_days=3, publish=True):
    """Translate `page` into `code` through wagtail-localize's records: the
    source, the translation, one string translation a segment (every segment
    must be in `mapping`, so no Albanian text ends up in a translated page), and
    the target page built from them, live `delay_days` after the source.

    With publish=False the translation is only requested (waiting in the
    localization queue): no strings, a draft target as "Translate this page"
    leaves it. Idempotent: an existing translation is left alone."""
    locale = Locale.objects.get(language_code=code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    if not publish:
        translation.save_target(publish=False)
        return page.get_translation(locale).specific
    # The slug is a segment once it is translatable (localization app).
    mapping = {**mapping, page.slug: slug}
    segments = list(
        StringSegment.objects.filter(source=source).select_related("string", "context")
    )
    missing = [s.string.data for s in segments if s.string.data not in mapping]
    if missing:
        raise MissingDemoTranslation(f"{page.title} → {code}: {missing}")
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=mapping[segment.string.data],
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
            for segment in segments
        ],
        ignore_conflicts=True,
    )
    target = blank_copy(source, locale)
    ingest_segments(
        page,
        target,
        source.locale,
        locale,
        source._get_segments_for_translation(locale, fallback=False),
    )
    target.slug = slug
    parent = page.get_parent()
    parent = parent if parent.is_root() else parent.get_translation(locale)
    moment = (page.first_published_at or timezone.now()) + timedelta(days=delay_days)
    target, _created = add_live(parent, target, moment)
    TranslationLog.objects.create(
        source=source, locale=locale, revision=target.live_revision
    )
    return target
