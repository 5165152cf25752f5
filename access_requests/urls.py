from django.urls import path

from . import views

app_name = "access_requests"

urlpatterns = [
    path("", views.request_form, name="form"),
    path("gjurmo/", views.lookup, name="lookup"),
    path("statistika/", views.stats_page, name="stats"),
    path("<str:code>/", views.status, name="status"),
]
