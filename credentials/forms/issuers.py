"""The form an organisation's leader fills in to start publishing micro-credentials."""

from django import forms
from django.utils.translation import gettext_lazy as _


class IssuerForm(forms.Form):
    """What an organisation says about itself when it starts publishing micro-credentials."""

    organisation = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Name on the credentials"),
        max_length=200,
        error_messages={"required": _("Give the name that earners and verifiers will see.")},
    )
    description = forms.CharField(
        label=_("Public description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on your public issuer page and inside every credential you sign."),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a full web address, such as https://example.org.")},
    )
    did_method = forms.ChoiceField(
        label=_("Identifier in your credentials"),
        choices=[
            (
                "web",
                _(
                    "did:web (recommended): resolved from this site, so verifiers find your "
                    "current and earlier keys here, and your identifier stays the same when "
                    "you rotate your signing key."
                ),
            ),
            (
                "key",
                _(
                    "did:key: the identifier is the public key itself, so verifiers need no "
                    "website at all; but each new signing key is a new identifier, and your "
                    "credentials name whichever key signed them."
                ),
            ),
        ],
        initial="web",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose did:web or did:key as the identifier.")},
    )
