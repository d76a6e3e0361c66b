"""Share an awarded credential: email the earner its link and its signed file."""

import json
import smtplib

from django.core.cache import cache
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from lib.errors import ActionError
from organisations.models import Person

from ..models import Award

# One email per credential in this many seconds, so the button cannot flood an inbox.
EMAIL_INTERVAL_SECONDS = 10 * 60


def _message(award: Award) -> EmailMessage:
    title = award.micro_credential.title
    body = _(
        "Here is your credential “%(title)s”, issued by %(issuer)s.\n\n"
        "Its public page, which anyone can use to check it: %(url)s\n\n"
        "The signed credential is attached as a JSON file. Keep it: any Open Badges 3.0 "
        "verifier or wallet can read it.\n"
    ) % {"title": title, "issuer": award.issuer.name, "url": award.url}
    message = EmailMessage(
        _("Your credential “%(title)s”") % {"title": title}, body, None, [award.earner.email]
    )
    message.attach(
        f"{award.public_id}.json",
        json.dumps(award.signed_json, ensure_ascii=False, indent=2),
        "application/json",
    )
    return message


def email_credential_to_earner(award: Award, by: Person) -> None:
    """Send the earner their credential's link with the signed file attached."""
    # It writes nothing to the database, so it sends at once and can say when sending failed.
    if not by.is_authenticated or by.pk != award.earner_id:
        raise ActionError(_("Only the person who earned this credential can have it emailed."))
    if not award.earner.email:
        raise ActionError(_("Your account has no email address; add one, then try again."))
    key = f"credentials:emailed:{award.pk}"
    if not cache.add(key, True, EMAIL_INTERVAL_SECONDS):
        raise ActionError(
            _(
                "This credential was emailed to you a few minutes ago. Check your inbox (and "
                "spam folder), or try again in %(minutes)s minutes."
            )
            % {"minutes": EMAIL_INTERVAL_SECONDS // 60}
        )
    try:
        _message(award).send()
    except (OSError, smtplib.SMTPException):
        cache.delete(key)
        raise ActionError(
            _("The email could not be sent just now. Try again later, or download the file.")
        ) from None
