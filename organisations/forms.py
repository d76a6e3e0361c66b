"""Forms for people, invitations and staff imports."""

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import Membership, Person, Role

MAX_STAFF_FILE_BYTES = 5 * 1024 * 1024


class SignInForm(AuthenticationForm):
    """Django's sign-in form, which refuses with the given message, without checking the
    password, while the attempt is throttled (see organisations/signin.py)."""

    def __init__(
        self,
        request: HttpRequest | None = None,
        *args: Any,
        refusal: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(request, *args, **kwargs)
        self.refusal = refusal

    def clean(self) -> dict:
        if self.refusal:
            raise forms.ValidationError(self.refusal, code="throttled")
        return super().clean()


class TrellisPasswordResetForm(PasswordResetForm):
    """Django's reset form, which also reaches people who never chose a password, and links to
    TRELLIS_SITE_URL rather than whatever host the request named."""

    def get_users(self, email: str) -> Iterator[Person]:
        # Django skips accounts without a usable password; ours are people imported or invited
        # who have not chosen one yet, and "forgot password" must not be a dead end for them.
        people = Person.objects.filter(email__iexact=email, is_active=True).annotate(
            belongs=Exists(Membership.objects.filter(person=OuterRef("pk")))
        )
        return (p for p in people if p.has_usable_password() or p.belongs)

    def save(self, *args: Any, **kwargs: Any) -> None:
        site = urlsplit(settings.SITE_URL)
        kwargs.update(
            domain_override=site.netloc,
            use_https=site.scheme == "https",
            subject_template_name="registration/trellis_password_reset_subject.txt",
            extra_email_context={"site_url": settings.SITE_URL},
        )
        super().save(*args, **kwargs)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class AcceptInvitationForm(forms.Form):
    given_name = forms.CharField(label=_("Given name"), max_length=100)
    family_name = forms.CharField(label=_("Family name"), max_length=100)
    password = forms.CharField(label=_("Choose a password"), widget=forms.PasswordInput)
    password_again = forms.CharField(label=_("Type it again"), widget=forms.PasswordInput)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("password") != data.get("password_again"):
            self.add_error(
                "password_again", _("The two passwords differ; type the same one twice.")
            )
        elif data.get("password"):
            try:
                password_validation.validate_password(data["password"])
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class StaffFileForm(forms.Form):
    file = forms.FileField(
        label=_("Staff file (CSV)"),
        help_text=_(
            "Columns: email, given_name, family_name, role (teacher, administrator or "
            "policymaker), and optionally school and title. Save from your spreadsheet as "
            "CSV UTF-8."
        ),
    )

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_STAFF_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s MB; the limit is 5 MB. Split it into smaller files.")
                % {"size": round(upload.size / 1024 / 1024, 1)}
            )
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(
                _("Upload a .csv file (comma-separated values), not %(name)s.")
                % {"name": upload.name}
            )
        return upload


class RoleChangeForm(forms.Form):
    role = forms.ChoiceField(label=_("New role"), choices=Role.choices, widget=forms.RadioSelect)
