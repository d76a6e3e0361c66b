"""The one permission-checked way to reach API tokens and the person behind a secret."""

from datetime import timedelta

from django.http import Http404
from django.utils import timezone

from organisations.models import Person

from .models import TOKEN_PREFIX, ApiToken, hash_token

# Recording every use would turn each read into a write; once a minute is enough to show.
LAST_USED_PRECISION = timedelta(minutes=1)


def get_token_for_user(user: Person, token_id: int) -> ApiToken:
    """Return one of the user's own tokens; anyone else's is "not found"."""
    found = ApiToken.objects.filter(pk=token_id, person_id=user.pk).first()
    if found is None or not user.is_authenticated:
        raise Http404("No such token.")
    return found


def person_for_secret(secret: str) -> Person | None:
    """Return the active person whose unrevoked token this is, or None."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 100:
        return None
    token = (
        ApiToken.objects.select_related("person")
        .filter(token_hash=hash_token(secret), revoked_at__isnull=True, person__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.person
