"""Credentials URLs: the earner's and reviewer's pages here, public and issuer pages alongside."""

from django.urls import path

from . import manage_urls, public_urls, verify_urls
from .views import catalogue, earning, reviewing

app_name = "credentials"

urlpatterns = [
    path("micro-credentials/", catalogue.catalogue, name="catalogue"),
    path(
        "micro-credentials/<int:micro_credential_id>/",
        catalogue.detail,
        name="micro-credential",
    ),
    path("micro-credentials/by-slug/<slug:slug>/", catalogue.by_slug, name="by-slug"),
    path(
        "micro-credentials/<int:micro_credential_id>/start/",
        earning.start,
        name="start",
    ),
    path("my-credentials/", earning.mine, name="mine"),
    path("submissions/<int:submission_id>/", earning.submission, name="submission"),
    path(
        "submissions/<int:submission_id>/answers/<int:requirement_id>/",
        earning.save_answer,
        name="save-answer",
    ),
    path(
        "submissions/<int:submission_id>/files/<int:requirement_id>/",
        earning.upload,
        name="upload",
    ),
    path(
        "submissions/<int:submission_id>/links/<int:requirement_id>/",
        earning.add_link,
        name="add-link",
    ),
    path(
        "submissions/<int:submission_id>/evidence/<int:artifact_id>/remove/",
        earning.remove_artifact,
        name="remove-artifact",
    ),
    path(
        "submissions/<int:submission_id>/evidence/<int:artifact_id>/public/",
        earning.set_public,
        name="artifact-public",
    ),
    path("submissions/<int:submission_id>/submit/", earning.submit, name="submit"),
    path("artifacts/<int:artifact_id>/", earning.artifact_file, name="artifact-file"),
    path("reviews/", reviewing.queue, name="reviews"),
    path("reviews/<int:review_id>/", reviewing.review, name="review"),
    path("reviews/claim/<int:submission_id>/", reviewing.claim, name="claim"),
    *public_urls.urlpatterns,
    *manage_urls.urlpatterns,
    *verify_urls.urlpatterns,
]
