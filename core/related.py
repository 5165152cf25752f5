"""Links from one page to others, shown in the linking page's own language.

Relations between translated pages are stored once, usually against the source
(Albanian) page: a Serbian decision's `session` points at the Albanian session,
and the Albanian session's reverse list holds the decision in every language.
These helpers turn such relations into one link per translation group, in the
page's locale, falling back to the linked page itself (or its source-language
version) when no live translation exists there.

They accept anything iterable over pages, so the same code serves a published
page (related managers, querysets) and an admin preview, where Wagtail hands the
template a `FakeQuerySet` built from the form and a new page has no primary key.
"""

from django.conf import settings
from wagtail.models import Page


def _all(pages):
    if pages is None:
        return []
    if hasattr(pages, "all"):
        pages = pages.all()
    return [page for page in pages if page is not None]


def pages_in_locale(pages, locale):
    """One live, public page per translation group of `pages`, in their order.

    Args:
        pages: pages, a queryset, a related manager or a preview's FakeQuerySet.
        locale: the `Locale` the links are for.

    Returns:
        A list of `Page` objects (not specific; `title` and `url` are what a link
        needs), each the version in `locale` when it is live, otherwise the
        linked page itself when live, otherwise its live version in the default
        language, otherwise any live version. Groups with no live, public
        version are left out, so drafts and private pages never appear.
    """
    linked = _all(pages)
    if not linked:
        return []
    order = list(dict.fromkeys(page.translation_key for page in linked))
    linked_pks = {page.pk for page in linked}
    candidates = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=order)
        .select_related("locale")
    )
    default_code = settings.LANGUAGE_CODE
    best = {}
    for candidate in candidates:
        rank = (
            candidate.locale_id != getattr(locale, "pk", None),
            candidate.pk not in linked_pks,
            candidate.locale.language_code != default_code,
            candidate.pk,
        )
        current = best.get(candidate.translation_key)
        if current is None or rank < current[0]:
            best[candidate.translation_key] = (rank, candidate)
    return [best[key][1] for key in order if key in best]


def page_in_locale(page, locale):
    """The single-link form of `pages_in_locale`, or None."""
    found = pages_in_locale([page], locale)
    return found[0] if found else None


def snippet_in_locale(snippet, locale):
    """A translatable snippet (department, topic) in `locale`, else as stored."""
    if snippet is None or locale is None or snippet.locale_id == locale.pk:
        return snippet
    return snippet.get_translation_or_none(locale) or snippet
