"""Ways to learn: the resource library, playlists, leadership experiences, cohorts, coverage."""

from django.urls import path

from .views import home

app_name = "learning"

urlpatterns = [
    path("", home.home, name="home"),
]
