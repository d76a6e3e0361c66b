"""Alignments of micro-credentials to competencies, for the credential and the pages."""

from django.conf import settings
from django.urls import reverse

from .models import MicroCredential


def competency_alignments(micro_credential: MicroCredential) -> list[dict]:
    """Return OB 3.0 alignment data for each competency the micro-credential is linked to."""
    alignments = []
    for competency in micro_credential.competencies.select_related("framework"):
        uri = competency.case_extra.get("uri", "")
        # A CASE URN names the item but cannot be opened; the Trellis page can.
        url = (
            uri
            if uri.startswith(("https://", "http://"))
            else settings.SITE_URL
            + reverse("frameworks:competency", args=[competency.framework_id, competency.pk])
        )
        alignment = {
            "targetName": competency.name[:200],
            "targetUrl": url,
            "targetDescription": competency.statement,
            "targetFramework": competency.framework.title,
            "targetType": "CFItem",
        }
        if competency.code or competency.key:
            alignment["targetCode"] = competency.code or competency.key
        alignments.append(alignment)
    return alignments
