"""Events other apps may react to without credentials knowing them (imports point down)."""

from django.dispatch import Signal

# Sent once per batch of new awards (one award, or a whole cohort), after they are saved,
# with `awards`: the list of Award rows. Receivers run inside the awarding transaction.
credentials_awarded = Signal()

# Sent when an issuer revokes a credential, with `award`: the Award row, already saved as
# revoked. Receivers run inside the revoking transaction.
credential_revoked = Signal()
