"""Public pages: no sign-in, and nothing private (only what an issuer or earner published)."""

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from .. import issuing, keystore
from ..files import serve_artifact
from ..models import Artifact, Award, Issuer, MicroCredential, StatusList, Submission


def wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return request.GET.get("format") == "json" or ("json" in accept and "text/html" not in accept)


@require_GET
def issuer_profile(request: HttpRequest, issuer_slug: str) -> HttpResponse:
    issuer = get_object_or_404(Issuer, slug=issuer_slug)
    if wants_json(request):
        profile = issuing.issuer_profile(issuer)
        return JsonResponse({"type": ["Profile"], **profile})
    published = issuer.micro_credentials.filter(status=MicroCredential.Status.PUBLISHED)
    return render(
        request,
        "credentials/public/issuer.html",
        {"issuer": issuer, "did": keystore.issuer_did(issuer), "published": published},
    )


@require_GET
def did_document(request: HttpRequest, issuer_slug: str) -> JsonResponse:
    issuer = get_object_or_404(Issuer, slug=issuer_slug, did_method=Issuer.DidMethod.WEB)
    response = JsonResponse(keystore.did_document(issuer), content_type="application/did+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _public_micro_credential(micro_credential_id: int) -> MicroCredential:
    found = (
        MicroCredential.objects.select_related("issuer")
        .filter(pk=micro_credential_id)
        .exclude(status=MicroCredential.Status.DRAFT)
        .first()
    )
    if found is None:
        raise Http404("No such micro-credential.")
    return found


@require_GET
def achievement(request: HttpRequest, micro_credential_id: int) -> JsonResponse:
    micro_credential = _public_micro_credential(micro_credential_id)
    data = issuing.achievement(micro_credential, issuing.alignments_for(micro_credential))
    return JsonResponse(data)


@require_GET
def badge_image(request: HttpRequest, micro_credential_id: int) -> HttpResponse:
    micro_credential = _public_micro_credential(micro_credential_id)
    svg = render_to_string("credentials/public/badge.svg", {"mc": micro_credential})
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_GET
def evidence(request: HttpRequest, public_id) -> HttpResponse:
    artifact = (
        Artifact.objects.filter(
            public_id=public_id, is_public=True, submission__status=Submission.Status.EARNED
        )
        .select_related("submission")
        .first()
    )
    if artifact is None:
        raise Http404("No such evidence.")
    return serve_artifact(artifact)


@require_GET
def credential(request: HttpRequest, public_id) -> HttpResponse:
    award = get_object_or_404(
        Award.objects.select_related("issuer", "micro_credential", "earner"), public_id=public_id
    )
    if wants_json(request):
        response = JsonResponse(award.signed_json, content_type="application/vc+ld+json")
        response["Content-Disposition"] = f'inline; filename="{award.public_id}.json"'
        response["Access-Control-Allow-Origin"] = "*"
        return response
    return render(request, "credentials/public/credential.html", {"award": award})


@require_GET
def status_list(request: HttpRequest, public_id) -> JsonResponse:
    found = get_object_or_404(StatusList.objects.select_related("issuer"), public_id=public_id)
    response = JsonResponse(
        issuing.status_list_credential(found), content_type="application/vc+ld+json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-cache"
    return response
