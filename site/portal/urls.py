from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import urls as core_urls
from core.ratelimit import rate_limited
from home import views as home_views
from localization import urls as localization_urls
from search import api as search_api
from search import views as search_views

urlpatterns = [
    # Django's admin login takes passwords too: same limit as /admin/login/.
    # Mounted before the admin, so it answers this path; reverse("admin:login")
    # still gives the same URL.
    path(
        "django-admin/login/",
        rate_limited("login", methods={"POST"}, as_json=False)(admin.site.login),
    ),
    path("django-admin/", admin.site.urls),
    *core_urls.login_urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    *localization_urls.api_urlpatterns,
    path("api/access-requests/", include("access_requests.api_urls")),
    path("api/sources/", include("sources.urls")),
    path("", include(core_urls.urlpatterns)),
    path("api/search/", search_api.search_api, name="search_api"),
    path("api/search/suggest/", search_api.suggest_api, name="search_suggest_api"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    from media_library.urls import public_media_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Images and renditions only; documents are served by /documents/ above.
    urlpatterns += public_media_urlpatterns()

urlpatterns += i18n_patterns(
    path("search/", search_views.search_page, name="search"),
    path("", include(localization_urls.urlpatterns)),
    path("qasje/", include("access_requests.urls")),
    path(
        "aksesueshmeria/",
        home_views.accessibility_statement,
        name="accessibility_statement",
    ),
    *core_urls.i18n_login_urlpatterns,
    path("", include(core_urls.i18n_urlpatterns)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
