"""Verification of any Open Badges 3.0 credential: the page anyone may use."""

urlpatterns: list = []
