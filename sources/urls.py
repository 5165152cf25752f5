from django.urls import path

from . import views

app_name = "sources_api"
# `path`, not `slug`: any name reaches the views, which answer an unknown one
# with the documented JSON 404 (not the site's generic one).
urlpatterns = [
    path("<path:slug>/webhook/", views.webhook, name="webhook"),
    path("<path:slug>/push/", views.push_items, name="push"),
]
