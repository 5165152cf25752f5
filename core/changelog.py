"""A public change log for pages: the dates on which the published text changed,
and a side-by-side comparison of two published versions."""

import difflib
import html
import re

from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageLogEntry

SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


def published_revisions(page):
    """(moment, revision) for each publication of `page`, oldest first.

    The moment is when that version went public, not when it was recorded: a
    scheduled version counts from its go-live time, and the first and the
    current version take the page's `first_published_at`/`last_published_at`,
    which importers set to the act's real publication (their log entries carry
    the time of the import).
    """
    entries = (
        PageLogEntry.objects.filter(
            page=page, action="wagtail.publish", revision__isnull=False
        )
        .select_related("revision")
        .order_by("timestamp", "pk")
    )
    seen, result = set(), []
    for entry in entries:
        if entry.revision_id not in seen:
            seen.add(entry.revision_id)
            moment = entry.revision.approved_go_live_at or entry.timestamp
            result.append((moment, entry.revision))
    if result and page.first_published_at:
        result[0] = (page.first_published_at, result[0][1])
    if len(result) > 1 and page.last_published_at:
        live = page.live_revision_id
        if live == result[-1][1].pk:
            result[-1] = (page.last_published_at, result[-1][1])
    return result


def text_lines(page):
    """The citizen-visible text of a page version, one sentence per line."""
    parts = [page.title, getattr(page, "summary", "")]
    for name in getattr(page, "changelog_fields", ()):
        value = getattr(page, f"get_{name}_display", None)
        value = value() if value else getattr(page, name, "")
        if value:
            parts.append(f"{page._meta.get_field(name).verbose_name}: {value}")
    for block in getattr(page, "body", []) or []:
        parts.append(html.unescape(strip_tags(str(block.render()))))
    lines = []
    for part in parts:
        for paragraph in str(part or "").splitlines():
            lines.extend(s.strip() for s in SENTENCE_END.split(paragraph) if s.strip())
    return lines


def _words_html(words, other, tag):
    """Escaped words of one side, marking those absent from the other side."""
    matcher = difflib.SequenceMatcher(a=other, b=words, autojunk=False)
    out = []
    for op, _i1, _i2, j1, j2 in matcher.get_opcodes():
        chunk = escape(" ".join(words[j1:j2]))
        if not chunk:
            continue
        out.append(chunk if op == "equal" else f"<{tag}>{chunk}</{tag}>")
    return mark_safe(" ".join(out))


def side_by_side(old_lines, new_lines):
    """Rows of (old_html, new_html, kind) for a two-column comparison."""
    rows = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = old_lines[i1:i2], new_lines[j1:j2]
        if op == "equal":
            rows.extend((escape(line), escape(line), "equal") for line in old)
            continue
        for index in range(max(len(old), len(new))):
            left = old[index] if index < len(old) else ""
            right = new[index] if index < len(new) else ""
            rows.append(
                (
                    _words_html(left.split(), right.split(), "del"),
                    _words_html(right.split(), left.split(), "ins"),
                    "changed",
                )
            )
    return rows


class ChangeLogMixin(RoutablePageMixin):
    """Adds `<page url>changes/` listing publications and comparing two."""

    changelog_fields = ()
    # Date fields shown beside each version (those the model has).
    changelog_date_fields = ("adoption_date", "entry_into_force_date")

    def _changelog_date_fields(self):
        names = {field.name for field in self._meta.get_fields()}
        return [name for name in self.changelog_date_fields if name in names]

    @path("changes/", name="changes")
    def changes(self, request):
        versions = published_revisions(self)
        by_id = {str(revision.pk): (moment, revision) for moment, revision in versions}
        date_fields = self._changelog_date_fields()
        rows = []
        for moment, revision in reversed(versions):
            version = revision.as_object()
            rows.append(
                {
                    "moment": moment,
                    "revision": revision,
                    "dates": [getattr(version, name, None) for name in date_fields],
                }
            )
        older_id = request.GET.get("from")
        newer_id = request.GET.get("to")
        if (older_id or newer_id) and not (older_id in by_id and newer_id in by_id):
            return HttpResponseBadRequest(
                _("Choose two published versions of this page to compare.")
            )
        if older_id is None and len(versions) >= 2:
            older_id, newer_id = str(versions[-2][1].pk), str(versions[-1][1].pk)
        comparison = None
        if older_id and newer_id:
            older, newer = by_id[older_id], by_id[newer_id]
            comparison = {
                "older": older[0],
                "newer": newer[0],
                "rows": side_by_side(
                    text_lines(older[1].as_object()), text_lines(newer[1].as_object())
                ),
            }
        return TemplateResponse(
            request,
            "core/change_log.html",
            {
                "page": self,
                "self": self,
                "versions": list(reversed(versions)),
                "version_rows": rows,
                "date_labels": [
                    self._meta.get_field(name).verbose_name for name in date_fields
                ],
                "comparison": comparison,
                "older_id": older_id,
                "newer_id": newer_id,
                "changes_url": self.url + self.reverse_subpage("changes"),
            },
        )

    def localized_related(self, relation):
        """Live pages related through `relation` in any language version of this
        page (synchronized relations point at the source language), each shown
        in this page's language when that translation is live."""
        keys = []
        for version in self.get_translations(inclusive=True).specific():
            for page in getattr(version, relation).all():
                if page.translation_key not in keys:
                    keys.append(page.translation_key)
        versions = {}
        for page in Page.objects.filter(translation_key__in=keys).live().public():
            versions.setdefault(page.translation_key, {})[page.locale_id] = page
        result = []
        for key in keys:
            pages = versions.get(key)
            if pages:
                result.append(pages.get(self.locale_id) or next(iter(pages.values())))
        return result

    def change_chain(self):
        return [
            (_("Amends"), self.localized_related("amends")),
            (_("Amended by"), self.localized_related("amended_by")),
            (_("Repeals"), self.localized_related("repeals")),
            (_("Repealed by"), self.localized_related("repealed_by")),
        ]
