"""Turn awards into signed Open Badges 3.0 credentials and status lists, via credentials.ob3."""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.urls import reverse

from organisations.models import Person

from . import keystore, ob3
from .models import Artifact, Award, Issuer, MicroCredential, SigningKey, StatusList


@dataclass
class Draft:
    """What one credential says before it is signed."""

    award: Award
    evidence: list[Artifact]


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def issuer_profile(issuer: Issuer, key: SigningKey | None = None) -> dict:
    """Return the issuer's OB 3.0 profile, named for the key that signs (did:key differs by key)."""
    profile = {
        "id": keystore.issuer_did(issuer, key),
        "name": issuer.name,
        "url": absolute(reverse("credentials:issuer", args=[issuer.slug])),
    }
    if issuer.email:
        profile["email"] = issuer.email
    if issuer.description:
        profile["description"] = issuer.description
    return profile


def criteria_narrative(micro_credential: MicroCredential) -> str:
    """Describe what the earner demonstrated, requirement by requirement."""
    lines = [micro_credential.competency, ""]
    for requirement in micro_credential.requirements.all():
        lines.append(f"- {requirement.title}: {requirement.earned_guide}")
    return "\n".join(lines).strip()


def achievement(micro_credential: MicroCredential, alignments: list[dict]) -> dict:
    return {
        "id": absolute(reverse("credentials:achievement", args=[micro_credential.pk])),
        "name": micro_credential.title,
        "description": micro_credential.competency,
        "criteria_narrative": criteria_narrative(micro_credential),
        "achievement_type": "MicroCredential",
        "image": absolute(reverse("credentials:badge-image", args=[micro_credential.pk])),
        "alignments": alignments,
    }


def alignments_for(micro_credential: MicroCredential) -> list[dict]:
    """Return the competencies the micro-credential is aligned to, as OB 3.0 alignments."""
    from .alignment import competency_alignments

    return competency_alignments(micro_credential)


def build(
    award: Award,
    evidence: Iterable[Artifact],
    achievement_data: dict,
    key: SigningKey | None = None,
) -> dict:
    """Build the unsigned credential for one award, to be signed with `key` (default: current)."""
    earner: Person = award.earner
    items = [
        {
            "id": absolute(reverse("credentials:evidence", args=[artifact.public_id])),
            "name": artifact.description or artifact.original_name or artifact.url,
            "genre": artifact.get_kind_display(),
        }
        for artifact in evidence
    ]
    return ob3.build_credential(
        credential_id=award.url,
        issuer=issuer_profile(award.issuer, key),
        achievement=achievement_data,
        recipient={"email": earner.email, "salt": secrets.token_hex(8)},
        valid_from=award.awarded_at,
        valid_until=award.valid_until,
        awarded_date=award.awarded_at,
        evidence=items,
        status=ob3.status_list_entry(award.status_list.url, award.status_index),
        name=f"{award.micro_credential.title} — {earner.full_name}",
    )


def sign_all(
    issuer: Issuer, unsigned: list[dict], created: datetime, key: SigningKey | None = None
) -> list[dict]:
    """Sign a batch with `key` (default: the current one); the proof options are hashed once."""
    signer = ob3.Signer(keystore.key_pair(issuer, key))
    return signer.sign_many(unsigned, created)


def status_list_signer(status_list: StatusList) -> SigningKey:
    """Return the key that signs the list: its own for did:key, the current one for did:web.

    A did:key issuer is named by its key, so only the list's own key can sign as the issuer
    its credentials name. A did:web issuer keeps one name, and a retired key signs nothing new.
    """
    issuer = status_list.issuer
    if issuer.did_method == Issuer.DidMethod.KEY and status_list.signing_key is not None:
        return status_list.signing_key
    return keystore.current_key(issuer)


def status_list_credential(status_list: StatusList) -> dict:
    """Return the signed status list credential, rebuilt only after a bit changed."""
    if status_list.signed_json:
        return status_list.signed_json
    bits = ob3.StatusList(size=status_list.size)
    for index in status_list.awards.filter(revoked_at__isnull=False).values_list(
        "status_index", flat=True
    ):
        bits.set(index)
    key = status_list_signer(status_list)
    unsigned = ob3.status_list_credential(
        status_list.url,
        keystore.issuer_did(status_list.issuer, key),
        bits,
        ob3.signing.utc_timestamp(status_list.updated_at),
    )
    signed = sign_all(status_list.issuer, [unsigned], status_list.updated_at, key)[0]
    StatusList.objects.filter(pk=status_list.pk).update(signed_json=signed)
    return signed
