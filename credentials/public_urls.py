"""Pages anyone may open: issuer profiles, DID documents, credentials, evidence, status lists."""

from django.urls import path

from .views import public

urlpatterns = [
    path("issuers/<slug:issuer_slug>/", public.issuer_profile, name="issuer"),
    path("issuers/<slug:issuer_slug>/did.json", public.did_document, name="did"),
    path(
        "micro-credentials/<int:micro_credential_id>/achievement",
        public.achievement,
        name="achievement",
    ),
    path(
        "micro-credentials/<int:micro_credential_id>/badge.svg",
        public.badge_image,
        name="badge-image",
    ),
    path("evidence/<uuid:public_id>", public.evidence, name="evidence"),
    path("credentials/<uuid:public_id>", public.credential, name="credential"),
    path("credentials/<uuid:public_id>/email", public.email_credential, name="email-credential"),
    path("status-lists/<uuid:public_id>", public.status_list, name="status-list"),
]
