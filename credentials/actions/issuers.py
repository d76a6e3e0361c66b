"""Organisations become issuers, and issuers rotate their signing keys."""

from django.db import transaction
from django.utils.translation import gettext as _

from lib.errors import ActionError
from organisations.access import can_lead
from organisations.models import Organisation, Person

from .. import keystore
from ..models import Issuer, SigningKey
from .publishing import create_issuer


@transaction.atomic
def become_issuer(
    organisation: Organisation,
    by: Person,
    did_method: str,
    name: str = "",
    description: str = "",
    website: str = "",
) -> Issuer:
    """Let a leader of the organisation publish micro-credentials in its name."""
    if not can_lead(by, organisation):
        raise ActionError(
            _("Only the administrators and policymakers of %(org)s can make it an issuer.")
            % {"org": organisation.name}
        )
    if did_method not in Issuer.DidMethod.values:
        raise ActionError(_("Choose did:web or did:key as the identifier."), field="did_method")
    # A second request for the same organisation waits here, then finds the first's issuer.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    if Issuer.objects.filter(organisation=organisation).exists():
        raise ActionError(
            _("%(org)s already publishes micro-credentials.") % {"org": organisation.name}
        )
    if Issuer.objects.filter(slug=organisation.slug).exists():
        raise ActionError(
            _(
                "Another issuer already uses the web address “%(slug)s”. Ask the site "
                "administrators to rename one of the organisations."
            )
            % {"slug": organisation.slug}
        )
    return create_issuer(
        organisation, did_method, name=name, description=description, website=website
    )


@transaction.atomic
def rotate_issuer_key(issuer: Issuer, by: Person | None = None) -> SigningKey:
    """Give the issuer a new signing key; credentials signed with the old one still verify.

    `by` is checked when given; the management command passes nobody.
    """
    if by is not None and not can_lead(by, issuer.organisation):
        raise ActionError(
            _("Only people who manage %(issuer)s can rotate its signing key.")
            % {"issuer": issuer.name}
        )
    return keystore.create_signing_key(issuer)
