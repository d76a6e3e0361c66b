"""Forms for importing CASE packages, adopting frameworks and writing an organisation's own."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

from .case_rows import STANDARD_SPECIALTIES
from .fetch import MAX_CASE_BYTES
from .models import Competency, ProficiencyLevel, Specialty


def organisation_choices(organisations: Iterable[Organisation]) -> list[tuple[int, str]]:
    return [(o.pk, ("— " * max(o.depth - 1, 0)) + o.name) for o in organisations]


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """Return the form's own copy of a choice field, to give it this request's choices."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{name} is a {type(field).__name__}, not a choice field.")
    return field


WEB_ADDRESS_ONLY = _("Give a web address that starts with http:// or https://.")


class WebAddressField(forms.URLField):
    default_error_messages = {"invalid": WEB_ADDRESS_ONLY}
    default_validators = [URLValidator(schemes=["http", "https"], message=WEB_ADDRESS_ONLY)]


class CaseImportForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Import for"), coerce=int)
    file = forms.FileField(
        label=_("CASE package file (JSON)"),
        required=False,
        help_text=_("A CFPackage as downloaded from a CASE server such as OpenSALT."),
    )
    url = WebAddressField(
        label=_("…or the package’s web address"),
        required=False,
        assume_scheme="https",
        max_length=2000,
        help_text=_(
            "For example https://opensalt.net/ims/case/v1p0/CFPackages/ followed by the "
            "framework’s identifier."
        ),
    )
    confirm = forms.BooleanField(
        label=_("Go ahead: retire and overwrite what is listed above"),
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, organisations: Iterable[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "organisation").choices = organisation_choices(organisations)

    def ask_to_confirm(self) -> None:
        """Show the box that lets the next submission retire and overwrite."""
        self.fields["confirm"].widget = forms.CheckboxInput()

    def clean_file(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_CASE_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s MB; the limit is %(limit)s MB.")
                % {"size": round(upload.size / 1024 / 1024, 1), "limit": MAX_CASE_BYTES // 2**20}
            )
        return upload

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.errors:
            return data
        if bool(data.get("file")) == bool(data.get("url")):
            raise forms.ValidationError(
                _("Choose a CASE file to upload or give its web address — one of the two.")
            )
        return data


class AdoptForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)

    def __init__(self, *args: Any, organisations: Iterable[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "organisation").choices = organisation_choices(organisations)


class CopyForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Copy for"), coerce=int)
    title = forms.CharField(label=_("Title of the copy"), max_length=500)

    def __init__(self, *args: Any, organisations: Iterable[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "organisation").choices = organisation_choices(organisations)


class FrameworkForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=500)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    specialties = forms.MultipleChoiceField(
        label=_("Specialties"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Settings in which a competency can look different."),
    )

    def __init__(
        self, *args: Any, current_specialties: Iterable[dict[str, str]] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = {s["key"]: s["title"] for s in current_specialties}
        for entry in STANDARD_SPECIALTIES:
            choices.setdefault(entry["key"], entry["title"])
        choice_field(self, "specialties").choices = list(choices.items())


class NewFrameworkForm(FrameworkForm):
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)
    field_order = ["organisation", "title", "description", "specialties"]

    def __init__(self, *args: Any, organisations: Iterable[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "organisation").choices = organisation_choices(organisations)


class CompetencyForm(forms.Form):
    parent = forms.TypedChoiceField(
        label=_("Place it under"), coerce=int, empty_value=None, required=False
    )
    code = forms.CharField(
        label=_("Code"), max_length=300, required=False, help_text=_("For example DL.2.4")
    )
    title = forms.CharField(label=_("Short title"), max_length=1000, required=False)
    statement = forms.CharField(
        label=_("Full statement"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What an educator with this competency knows and does."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self,
        *args: Any,
        levels: list[ProficiencyLevel],
        specialties: list[Specialty],
        parents: list[Competency] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if parents is None:
            del self.fields["parent"]
        else:
            choice_field(self, "parent").choices = [("", _("The top of the framework"))] + [
                (c.pk, ("— " * (c.depth - 1)) + str(c)[:120]) for c in parents
            ]
        for level in levels:
            self.fields[f"level_{level.key}"] = forms.CharField(
                label=_("At the %(level)s level") % {"level": level.title.lower()},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        for specialty in specialties:
            self.fields[f"specialty_{specialty.key}"] = forms.CharField(
                label=_("In %(specialty)s settings") % {"specialty": specialty.title.lower()},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.levels, self.specialties = levels, specialties

    def text(self) -> dict[str, Any]:
        """Return what the actions need: the fields, and level and specialty texts by key."""
        data = self.cleaned_data
        return {
            "code": data["code"],
            "title": data["title"],
            "statement": data["statement"],
            "notes": data["notes"],
            "levels": {level.key: data[f"level_{level.key}"] for level in self.levels},
            "specialties": {s.key: data[f"specialty_{s.key}"] for s in self.specialties},
        }

    def level_fields(self) -> list[forms.BoundField]:
        return [self[f"level_{level.key}"] for level in self.levels]

    def specialty_fields(self) -> list[forms.BoundField]:
        return [self[f"specialty_{s.key}"] for s in self.specialties]
