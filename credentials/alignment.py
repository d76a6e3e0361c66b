"""Alignments of micro-credentials to competencies, for the credential and the pages."""

from django.conf import settings

from .models import MicroCredential


def competency_alignments(micro_credential: MicroCredential) -> list[dict]:
    """Return OB 3.0 alignment data for each competency the micro-credential is tagged with."""
    alignments = []
    for key in micro_credential.competency_tags:
        alignments.append(
            {
                "targetName": key.replace("-", " ").capitalize(),
                "targetUrl": f"{settings.SITE_URL}/frameworks/competencies/{key}/",
                "targetCode": key,
                "targetType": "CFItem",
            }
        )
    return alignments
