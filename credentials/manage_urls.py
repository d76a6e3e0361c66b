"""Issuer management pages: authoring, reviewers, calibration, awards and revocation."""

from django.urls import path

from .views.manage import authoring, awards, dashboard, issuers, reviewers

urlpatterns = [
    path("issuing/", dashboard.dashboard, name="manage"),
    path("issuing/new-issuer/", issuers.become_issuer, name="manage-become-issuer"),
    path("issuing/<slug:issuer_slug>/signing-key/", issuers.signing_key, name="manage-key"),
    path("issuing/<slug:issuer_slug>/", dashboard.issuer, name="manage-issuer"),
    path("issuing/<slug:issuer_slug>/new/", authoring.create, name="manage-create"),
    path(
        "issuing/micro-credentials/<int:micro_credential_id>/",
        authoring.edit,
        name="manage-edit",
    ),
    path(
        "issuing/micro-credentials/<int:micro_credential_id>/publish/",
        authoring.publish,
        name="manage-publish",
    ),
    path(
        "issuing/micro-credentials/<int:micro_credential_id>/retire/",
        authoring.retire,
        name="manage-retire",
    ),
    path(
        "issuing/micro-credentials/<int:micro_credential_id>/new-version/",
        authoring.new_version,
        name="manage-new-version",
    ),
    path(
        "issuing/<slug:issuer_slug>/stacks/new/", authoring.stack_create, name="manage-stack-create"
    ),
    path("issuing/stacks/<int:stack_id>/", authoring.stack_edit, name="manage-stack"),
    path("issuing/<slug:issuer_slug>/reviewers/", reviewers.reviewers, name="manage-reviewers"),
    path(
        "issuing/reviewers/<int:reviewer_id>/remove/",
        reviewers.remove_reviewer,
        name="manage-remove-reviewer",
    ),
    path(
        "issuing/<slug:issuer_slug>/calibration/",
        reviewers.calibration,
        name="manage-calibration",
    ),
    path("issuing/<slug:issuer_slug>/awards/", awards.awards, name="manage-awards"),
    path("issuing/awards/<uuid:award_id>/revoke/", awards.revoke, name="manage-revoke"),
    path("issuing/<slug:issuer_slug>/bulk-award/", awards.bulk_award, name="manage-bulk-award"),
    path("issuing/bulk-awards/<int:batch_id>/", awards.batch, name="manage-batch"),
]
