"""Verify any OB 3.0 credential, resolving this site's issuers and status lists locally."""

import json
import re
import urllib.request
from typing import Any

from django.conf import settings

from . import issuing, keystore, ob3
from .models import Issuer, StatusList

MAX_REMOTE_BYTES = 512 * 1024
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def _local_did_prefix() -> str:
    return f"did:web:{keystore.site_host().replace(':', '%3A')}:issuers:"


def _fetch_remote(url: str) -> Any | None:
    """Fetch a JSON document from another site, only when settings allow it."""
    if not settings.VERIFY_FETCH_REMOTE or not url.startswith("https://"):
        return None
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (https only)
        return json.loads(response.read(MAX_REMOTE_BYTES))


def fetch_controller(reference: str) -> dict | None:
    """Return the controller document for a did:web or URL; this site's issuers need no network."""
    prefix = _local_did_prefix()
    if reference.startswith(prefix):
        slug = reference[len(prefix) :].split("#", 1)[0]
        issuer = Issuer.objects.filter(slug=slug, did_method=Issuer.DidMethod.WEB).first()
        return keystore.did_document(issuer) if issuer else None
    local = re.fullmatch(re.escape(settings.SITE_URL) + r"/issuers/([\w-]+)/did\.json", reference)
    if local:
        issuer = Issuer.objects.filter(slug=local.group(1)).first()
        return keystore.did_document(issuer) if issuer else None
    if reference.startswith("did:web:"):
        return _fetch_remote(ob3.did_web_to_url(reference))
    return _fetch_remote(reference)


def fetch_status_list(url: str) -> dict | None:
    """Return a status list credential; this site's lists are read from the database."""
    local = re.fullmatch(re.escape(settings.SITE_URL) + rf"/status-lists/({_UUID})", url)
    if local:
        found = StatusList.objects.select_related("issuer").filter(public_id=local.group(1)).first()
        return issuing.status_list_credential(found) if found else None
    return _fetch_remote(url)


def hosted_issuers_like(credential: Any) -> list[ob3.HostedIssuer]:
    """Return the issuers hosted here whose identifier or name the credential's issuer has.

    One query, whatever the number of issuers, reading each issuer's name and keys: names are
    compared here, since NFKC case folding is no database function.
    """
    if not isinstance(credential, dict):
        return []
    issuer_id, name = ob3.issuer_of(credential)
    same = ob3.comparable_name(name)
    issuers: dict[int, Issuer] = {}
    identifiers: dict[int, set[str]] = {}
    rows = Issuer.objects.order_by("pk").values_list(
        "pk", "slug", "name", "did_method", "keys__public_key_multibase"
    )
    for pk, slug, hosted_name, method, key in rows:
        if pk not in issuers:
            issuers[pk] = Issuer(pk=pk, slug=slug, name=hosted_name, did_method=method)
            web = method == Issuer.DidMethod.WEB
            identifiers[pk] = {_local_did_prefix() + slug} if web else set()
        if key:
            identifiers[pk].add(f"did:key:{key}")
    return [
        ob3.HostedIssuer(issuer.name, issuer.profile_url, frozenset(identifiers[pk]))
        for pk, issuer in issuers.items()
        if issuer_id in identifiers[pk] or (same and ob3.comparable_name(issuer.name) == same)
    ]


def verify(credential: Any) -> dict:
    """Return the verdict, each check's reason, and whether an issuer hosted here signed it.

    Each key document is looked up once per verification: the credential's proof and its
    status list's proof usually name the same issuer.
    """
    controllers: dict[str, dict | None] = {}

    def controller(reference: str) -> dict | None:
        if reference not in controllers:
            controllers[reference] = fetch_controller(reference)
        return controllers[reference]

    return ob3.verify_credential(
        credential,
        fetch_controller=controller,
        fetch_status_list=fetch_status_list,
        hosted_issuers=hosted_issuers_like(credential),
    )
