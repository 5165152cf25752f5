"""Public URLs: `urlpatterns` goes inside i18n_patterns, `api_urlpatterns`
outside (the JSON does not depend on the reader's language)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "not-available/<int:page_id>/",
        views.not_available,
        name="page_not_translated",
    ),
]

api_urlpatterns = [
    path("api/parity/", views.parity_api, name="parity_api"),
]
