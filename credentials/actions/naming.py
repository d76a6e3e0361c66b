"""No issuer here takes the name of another, as verification compares names."""

from django.utils.translation import gettext as _

from lib.errors import ActionError

from ..models import Issuer
from ..ob3.known_issuers import comparable_name

# Longest stored form of a name; NFKC may lengthen a 200-character name a little.
LONGEST = 600


def name_taken(name: str, existing: str) -> ActionError:
    """Return the refusal of a name an issuer here already has (`existing`, as it spells it)."""
    return ActionError(
        _(
            "The name on the credentials, “%(name)s”, is already used by the issuer "
            "“%(existing)s” on this site, and verifiers could take your credentials for "
            "theirs. Choose a name of your own, such as your organisation’s full name."
        )
        % {"name": name, "existing": existing},
        field="name",
    )


def free_name_key(name: str) -> str:
    """Return the name as compared, refusing a name another issuer here has, or no name.

    The comparison is the one verification uses to warn about borrowed names: NFKC, case
    folded, without spaces or invisible characters. The unique constraint on the stored form
    settles two requests that both pass this check.
    """
    key = comparable_name(name)[:LONGEST]
    if not key:
        raise ActionError(_("Give the name that earners and verifiers will see."), field="name")
    other = Issuer.objects.filter(comparable_name=key).first()
    if other is not None:
        raise name_taken(name, other.name)
    return key
