from django.urls import path

from . import views

app_name = "sources_api"
urlpatterns = [
    path("<slug:slug>/webhook/", views.webhook, name="webhook"),
    path("<slug:slug>/push/", views.push_items, name="push"),
]
