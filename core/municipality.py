"""Which municipality a site publishes for: a per-site setting in the admin.

Another municipality installs the same apps, so its name may not be written in
templates or feeds. Each Wagtail site has one `MunicipalitySettings` row (the
admin's Settings → Municipality): a slug (the `municipality` keyword of every
search document) and the name per language. Whatever is left empty comes from
`settings.TRANSPARENCA_MUNICIPALITY`, the one place the default is written.
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Site

FALLBACK = {"slug": "municipality", "names": {}}


def configured_default():
    return getattr(settings, "TRANSPARENCA_MUNICIPALITY", FALLBACK)


def _language_choices():
    return [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES]


@register_setting(icon="site")
class MunicipalitySettings(ClusterableModel, BaseSiteSetting):
    slug = models.SlugField(
        _("municipality slug"),
        max_length=60,
        blank=True,
        help_text=_(
            "A short identifier, e.g. gjilan: search results of many "
            "municipalities are filtered by it."
        ),
    )

    panels = [
        FieldPanel("slug"),
        InlinePanel("names", label=_("Name in each language")),
    ]

    class Meta:
        app_label = "core"
        verbose_name = _("municipality")

    def name_in(self, language):
        names = {row.language: row.name for row in self.names.all()}
        return names.get(language) or default_name(language)


class MunicipalityName(Orderable):
    setting = ParentalKey(
        MunicipalitySettings, on_delete=models.CASCADE, related_name="names"
    )
    # No model choices: the languages are the site's (WAGTAIL_CONTENT_LANGUAGES),
    # and choices in the model would make each site's migrations differ.
    language = models.CharField(_("language"), max_length=12)
    name = models.CharField(_("name"), max_length=120)

    panels = [
        FieldPanel("language", widget=forms.Select(choices=_language_choices)),
        FieldPanel("name"),
    ]

    class Meta(Orderable.Meta):
        app_label = "core"
        constraints = [
            models.UniqueConstraint(
                fields=["setting", "language"], name="one_municipality_name_each"
            )
        ]


def default_name(language):
    names = configured_default().get("names", {})
    base = (language or "").split("-")[0]
    return names.get(language) or names.get(base) or names.get("en") or ""


@dataclass(frozen=True)
class Municipality:
    slug: str
    name: str


def _site_names(site):
    """(slug, {language: name}) of `site`'s setting in one query (a page shows
    the name three times, and the index pages have a query budget)."""
    rows = MunicipalitySettings.objects.filter(site=site).values_list(
        "slug", "names__language", "names__name"
    )
    slug, names = "", {}
    for row_slug, language, name in rows:
        slug = row_slug  # the same on every row (one setting per site)
        if language and name:
            names[language] = name
    return slug, names


def municipality(site=None, request=None, language=None):
    """The municipality of `site` (or the request's site, or the default site)
    with its name in `language` (default: the active language)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if site is None and request is not None:
        site = Site.find_for_request(request)
    if site is None and request is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        slug, names = "", {}
    elif request is not None:
        cache = request.__dict__.setdefault("_transparenca_municipality", {})
        if site.pk not in cache:
            cache[site.pk] = _site_names(site)
        slug, names = cache[site.pk]
    else:
        slug, names = _site_names(site)
    return Municipality(
        slug or configured_default().get("slug", ""),
        names.get(language) or default_name(language),
    )
