"""Public pages: no sign-in, and nothing private (only what an issuer or earner published)."""

from urllib.parse import urlencode
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lib.errors import ActionError
from lib.http import AuthenticatedHttpRequest
from organisations.access import can_lead

from .. import issuing, keystore
from ..actions import sharing
from ..files import serve_artifact
from ..models import Artifact, Award, Issuer, MicroCredential, StatusList, Submission
from ..stack_listing import published_stacks
from ..verdict import borrows_a_hosted_issuer, explain
from ..verification import verify


def wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return request.GET.get("format") == "json" or ("json" in accept and "text/html" not in accept)


@require_safe
def issuer_profile(request: HttpRequest, issuer_slug: str) -> HttpResponse:
    issuer = get_object_or_404(Issuer, slug=issuer_slug)
    if wants_json(request):
        profile = issuing.issuer_profile(issuer)
        return JsonResponse({"type": ["Profile"], **profile})
    published = issuer.micro_credentials.filter(status=MicroCredential.Status.PUBLISHED)
    return render(
        request,
        "credentials/public/issuer.html",
        {
            "issuer": issuer,
            "did": keystore.issuer_did(issuer),
            "published": published,
            "stacks": published_stacks(issuer.stacks.order_by("title")),
        },
    )


@require_safe
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


@require_safe
def achievement(request: HttpRequest, micro_credential_id: int) -> JsonResponse:
    micro_credential = _public_micro_credential(micro_credential_id)
    data = issuing.achievement(micro_credential, issuing.alignments_for(micro_credential))
    return JsonResponse(data)


@require_safe
def badge_image(request: HttpRequest, micro_credential_id: int) -> HttpResponse:
    micro_credential = _public_micro_credential(micro_credential_id)
    svg = render_to_string("credentials/public/badge.svg", {"mc": micro_credential})
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def evidence(request: HttpRequest, public_id: UUID) -> HttpResponseBase:
    artifact = (
        Artifact.objects.filter(
            public_id=public_id,
            is_public=True,
            detached_at__isnull=True,
            submission__status=Submission.Status.EARNED,
        )
        .select_related("submission")
        .first()
    )
    if artifact is None:
        raise Http404("No such evidence.")
    return serve_artifact(artifact)


def _linkedin_url(award: Award) -> str:
    """Return LinkedIn's add-to-profile address, filled in with this credential."""
    fields = {
        "startTask": "CERTIFICATION_NAME",
        "name": award.micro_credential.title,
        "organizationName": award.issuer.name,
        "issueYear": award.awarded_at.year,
        "issueMonth": award.awarded_at.month,
        "certUrl": award.url,
        "certId": str(award.public_id),
    }
    if award.valid_until:
        fields["expirationYear"] = award.valid_until.year
        fields["expirationMonth"] = award.valid_until.month
    return "https://www.linkedin.com/profile/add?" + urlencode(fields)


def _achievement(signed: dict) -> dict:
    """Return the achievement as signed, so the page shows what the credential itself says."""
    subject = signed.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    return achievement if isinstance(achievement, dict) else {}


def _criteria(achievement: dict) -> tuple[str, list[str]]:
    """Split the signed criteria narrative into its opening text and its "- " list items."""
    criteria = achievement.get("criteria")
    narrative = criteria.get("narrative") if isinstance(criteria, dict) else None
    if not isinstance(narrative, str):
        return "", []
    opening, items = [], []
    for line in narrative.splitlines():
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif line.strip() and line.strip() != achievement.get("description"):
            opening.append(line.strip())
    return " ".join(opening), items


@require_safe
def credential(request: HttpRequest, public_id: UUID) -> HttpResponse:
    award = get_object_or_404(
        Award.objects.select_related("issuer__organisation", "micro_credential", "earner"),
        public_id=public_id,
    )
    if wants_json(request):
        response = JsonResponse(award.signed_json, content_type="application/vc+ld+json")
        # ?format=json is the download link; a verifier asking by Accept header gets it inline.
        disposition = "attachment" if request.GET.get("format") == "json" else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{award.public_id}.json"'
        response["Access-Control-Allow-Origin"] = "*"
        return response
    user = request.user
    is_earner = user.is_authenticated and user.pk == award.earner_id
    evidence = (
        Artifact.objects.filter(
            submission_id=award.submission_id, is_public=True, detached_at__isnull=True
        )
        .select_related("requirement")
        .order_by("pk")
        if award.submission_id
        else Artifact.objects.none()
    )
    result = verify(award.signed_json)
    achievement = _achievement(award.signed_json)
    criteria_text, criteria_items = _criteria(achievement)
    context = {
        "award": award,
        "state": award.state,
        "achievement": achievement,
        "criteria_text": criteria_text,
        "criteria_items": criteria_items,
        "evidence": evidence,
        "result": result,
        "checks": explain(result),
        "warned": borrows_a_hosted_issuer(result),
        "is_earner": is_earner,
        # The reason may be sensitive, so only the earner and the issuer's managers read it.
        "shows_reason": bool(award.revoked_at)
        and (is_earner or (user.is_authenticated and can_lead(user, award.issuer.organisation))),
        "linkedin_url": _linkedin_url(award) if is_earner else "",
    }
    return render(request, "credentials/public/credential.html", context)


@login_required
@require_POST
def email_credential(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    award = (
        Award.objects.select_related("issuer", "micro_credential", "earner")
        .filter(public_id=public_id, earner_id=request.user.pk)
        .first()
    )
    if award is None:
        raise Http404("No such credential.")
    try:
        sharing.email_credential_to_earner(award, request.user)
    except ActionError as failure:
        messages.error(request, failure.message)
    else:
        messages.success(
            request,
            _("We sent the credential to %(email)s.") % {"email": award.earner.email},
        )
    return redirect("credentials:credential", award.public_id)


@require_safe
def status_list(request: HttpRequest, public_id: UUID) -> JsonResponse:
    found = get_object_or_404(StatusList.objects.select_related("issuer"), public_id=public_id)
    response = JsonResponse(
        issuing.status_list_credential(found), content_type="application/vc+ld+json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-cache"
    return response
