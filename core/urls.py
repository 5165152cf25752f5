"""URLs of the shared features; the site mounts them (see portal/urls.py)."""

from django.contrib.auth import views as auth_views
from django.urls import path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin.views import account

from . import feeds, openapi
from .api import api_router
from .ratelimit import rate_limited
from .sitemaps import sitemap_view

POST = {"POST"}

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

# Wagtail's own public POST forms, wrapped with a rate limit against password
# guessing. Same paths and names as Wagtail's, so mount them before Wagtail's URLs:
# `login_urlpatterns` before the admin, `i18n_login_urlpatterns` inside
# i18n_patterns before wagtail_urls.
login_urlpatterns = [
    path(
        "admin/login/",
        rate_limited("login", methods=POST, as_json=False)(account.LoginView.as_view()),
        name="wagtailadmin_login",
    ),
]
i18n_login_urlpatterns = [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        rate_limited("login", methods=POST, as_json=False)(
            wagtail_views.authenticate_with_password
        ),
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        rate_limited("login", methods=POST, as_json=False)(
            auth_views.LoginView.as_view(
                template_name=wagtail_urls.WAGTAIL_FRONTEND_LOGIN_TEMPLATE
            )
        ),
        name="wagtailcore_login",
    ),
]
