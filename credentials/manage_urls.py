"""Issuer management pages: authoring, reviewers, calibration, awards and revocation."""

urlpatterns: list = []
