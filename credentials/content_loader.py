"""Publish the starter catalogue (written in our own words) for an issuer."""

import json
from pathlib import Path

from django.db import transaction

from .actions.publishing import create_micro_credential, publish
from .models import Issuer, MicroCredential

CATALOGUE = Path(__file__).resolve().parent / "content" / "starter-catalogue.json"


def starter_catalogue() -> list[dict]:
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))


@transaction.atomic
def publish_starter_catalogue(issuer: Issuer) -> list[MicroCredential]:
    """Publish each starter micro-credential the issuer does not have yet."""
    have = set(issuer.micro_credentials.values_list("slug", flat=True))
    published = []
    for data in starter_catalogue():
        if data["slug"] in have:
            continue
        published.append(publish(create_micro_credential(issuer, data)))
    return published
