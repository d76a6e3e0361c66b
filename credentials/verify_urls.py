"""Verification of any Open Badges 3.0 credential: the page anyone may use."""

from django.urls import path

from .views import verify

urlpatterns = [
    path("verify/", verify.verify_page, name="verify"),
]
