"""sitemap.xml for every language tree, each page listing its translations as
hreflang alternates (xhtml:link), so search engines pair them up."""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db.models import Q
from wagtail.models import Page, Site


class TranslatedPagesSitemap(Sitemap):
    limit = 5000

    def __init__(self, request):
        self.request = request

    def get_wagtail_site(self):
        site = Site.find_for_request(self.request)
        if site is None:
            site = Site.objects.select_related("root_page").get(is_default_site=True)
        return site

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        within = Q(pk__in=[])
        for root in roots:
            within |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(within)
            .select_related("locale")
            .order_by("path")
        )

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def _urls(self, page_number, protocol, domain):
        pages = list(self.paginator.page(page_number).object_list)
        locations = {page.pk: page.get_full_url(self.request) for page in pages}
        by_key = defaultdict(list)
        for page in pages:
            by_key[page.translation_key].append(page)
        # Translations outside this sitemap page still need their URLs.
        missing = (
            self.items()
            .filter(translation_key__in=list(by_key))
            .exclude(pk__in=list(locations))
        )
        for page in missing:
            locations[page.pk] = page.get_full_url(self.request)
            by_key[page.translation_key].append(page)
        urls = []
        for page in pages:
            alternates = []
            translations = by_key[page.translation_key]
            if len(translations) > 1:
                alternates = [
                    {
                        "lang_code": other.locale.language_code,
                        "location": locations[other.pk],
                    }
                    for other in sorted(
                        translations, key=lambda p: p.locale.language_code
                    )
                    if locations[other.pk]
                ]
            urls.append(
                {
                    "item": page,
                    "location": locations[page.pk],
                    "lastmod": self.lastmod(page),
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
            )
        return urls


def sitemap_view(request):
    return django_sitemap(request, sitemaps={"pages": TranslatedPagesSitemap(request)})
