"""Field checks shared by the models, the forms and the actions."""

from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

# Only web addresses: a javascript: or file: link in a resource list would be a trap.
web_address = URLValidator(
    schemes=["http", "https"],
    message=_(
        "Enter a web address that starts with http:// or https://, such as https://example.org/guide."
    ),
)
