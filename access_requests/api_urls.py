from django.urls import path

from . import views

app_name = "access_requests_api"

urlpatterns = [
    path("stats/", views.stats_api, name="stats"),
]
