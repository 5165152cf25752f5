"""URLs of the shared features; the site mounts them (see portal/urls.py)."""

from django.urls import path

from . import feeds, openapi
from .api import api_router
from .sitemaps import sitemap_view

# Outside the language prefix: machine-readable, language chosen by parameters.
urlpatterns = [
    path("api/v2/", api_router.urls),
    path("api/schema/", openapi.schema_view, name="openapi_schema"),
    path("sitemap.xml", sitemap_view, name="sitemap"),
]

# Inside i18n_patterns: one feed per language, e.g. /sq/feeds/press/rss/.
i18n_urlpatterns = [
    path("feeds/<slug:section>/rss/", feeds.SectionFeed(), name="feed_rss"),
    path("feeds/<slug:section>/atom/", feeds.AtomSectionFeed(), name="feed_atom"),
    path("calendar/<slug:section>.ics", feeds.calendar_view, name="calendar"),
]
