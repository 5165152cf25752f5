from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def start_translation(instance, code):
    """What the admin's "Translate this page" does: a source and a translation."""
    locale = Locale.objects.get(language_code=code)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    return source, translation


def translate_strings(translation, limit=None, prefix=None):
    """Translate the first `limit` segments (all by default) as "[xx] text"."""
    code = translation.target_locale.language_code
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )
    segments = list(segments)[:limit] if limit is not None else segments
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"{prefix or f'[{code}]'} {segment.string.data}"},
        )
    return len(segments)


def translate(instance, code, publish=True):
    _source, translation = start_translation(instance, code)
    translate_strings(translation)
    translation.save_target(publish=publish)
    return translation
