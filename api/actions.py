"""Every write of the API app: creating and revoking personal API tokens."""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.errors import ActionError
from organisations.models import Person

from .models import TOKEN_PREFIX, ApiToken, hash_token

MAX_ACTIVE_TOKENS = 20


@transaction.atomic
def create_token(person: Person, name: str) -> tuple[ApiToken, str]:
    """Create a token for the person; return it with its secret, which is never stored."""
    name = name.strip()
    if not name:
        raise ActionError(_("Give the token a name, such as the tool that will use it."), "name")
    # The person's row guards the cap: parallel requests take turns, each counting the last's.
    Person.objects.select_for_update().get(pk=person.pk)
    active = ApiToken.objects.filter(person=person, revoked_at__isnull=True).count()
    if active >= MAX_ACTIVE_TOKENS:
        raise ActionError(
            _("You already have %(limit)s active tokens; revoke one you no longer use first.")
            % {"limit": MAX_ACTIVE_TOKENS}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        person=person, name=name, token_hash=hash_token(secret), hint=secret[-4:]
    )
    return token, secret


@transaction.atomic
def revoke_token(token: ApiToken, person: Person) -> ApiToken:
    """Revoke the person's token; revoking twice changes nothing."""
    if token.person_id != person.pk:
        raise ActionError(_("Only the person who created a token can revoke it."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
