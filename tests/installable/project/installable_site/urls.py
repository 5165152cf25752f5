"""The URLs a site mounts to serve Transparenca (README: urls)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from core import urls as core_urls
from search import api as search_api
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("", include(core_urls.urlpatterns)),
    path("api/search/", search_api.search_api, name="search_api"),
    path("api/search/suggest/", search_api.suggest_api, name="search_suggest_api"),
]
urlpatterns += i18n_patterns(
    path("search/", search_views.search_page, name="search"),
    path("qasje/", include("access_requests.urls")),
    path("", include(core_urls.i18n_urlpatterns)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
