"""Forms for the issuer's pages: authoring, requirements, stacks, reviewers, awards."""

from collections.abc import Iterable, Sequence
from datetime import datetime, time
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frameworks.models import Competency
from organisations.models import Organisation

from ..models import Artifact, MicroCredential, Requirement, Reviewer

TEXT = {"rows": 3}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class CompetencyChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, competency: Competency) -> str:
        name = competency.title or competency.statement
        code = f"{competency.code} " if competency.code else ""
        return f"{code}{name[:120]}"


class MicroCredentialForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give the micro-credential a title.")},
    )
    competency = forms.CharField(
        label=_("The competency it recognises"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("One sentence: what the educator can do once they have earned it."),
    )
    competencies = CompetencyChoice(
        label=_("Competencies in your frameworks"),
        queryset=Competency.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Badges name these as their alignment. Hold Ctrl or ⌘ to choose several."),
    )
    key_method = forms.CharField(
        label=_("Key method"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    method_components = forms.CharField(
        label=_("Method components"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("One component per line."),
    )
    research = forms.CharField(
        label=_("Research and rationale"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    resources = forms.CharField(
        label=_("Resources"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_(
            "One per line: the title, then optionally | a kind (book, article, video) "
            "and | a web address starting with https://."
        ),
    )
    source = forms.CharField(label=_("Credit and source"), required=False, max_length=2000)
    blind_review = forms.BooleanField(
        label=_("Blind review: reviewers do not see the educator’s name or school"),
        required=False,
    )
    double_review = forms.BooleanField(
        label=_("Double review: two reviewers, and a third when they disagree"), required=False
    )
    exclude_colleagues = forms.BooleanField(
        label=_("Reviewers never assess colleagues from their own school"), required=False
    )
    valid_for_months = forms.IntegerField(
        label=_("Valid for (months)"),
        required=False,
        min_value=1,
        max_value=600,
        help_text=_(
            "Credentials expire this many months after they are awarded; verifiers then report "
            "them as expired. Leave blank for credentials that never expire."
        ),
        error_messages={
            "min_value": _("Give at least 1 month, or leave it blank for no expiry."),
            "max_value": _("Give at most 600 months (50 years), or leave it blank for no expiry."),
            "invalid": _("Give a whole number of months, or leave it blank for no expiry."),
        },
    )

    def __init__(
        self, *args: Any, competencies: QuerySet[Competency] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if competencies is not None:
            cast(CompetencyChoice, self.fields["competencies"]).queryset = competencies

    def clean_resources(self) -> list[dict]:
        resources = []
        for number, line in enumerate(_lines(self.cleaned_data["resources"]), start=1):
            title, *rest = [part.strip() for part in line.split("|")]
            resource = {"title": title, "kind": "", "url": ""}
            for part in rest:
                if "://" in part or part.startswith("www."):
                    try:
                        URLValidator(schemes=["http", "https"])(part)
                    except ValidationError:
                        raise ValidationError(
                            _("Line %(n)s: “%(url)s” is not a web address; start it with https://.")
                            % {"n": number, "url": part}
                        ) from None
                    resource["url"] = part
                elif part:
                    resource["kind"] = part
            if not title:
                raise ValidationError(
                    _("Line %(n)s has no title; write the title before the first |.")
                    % {"n": number}
                )
            resources.append(resource)
        return resources

    def to_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["method_components"] = _lines(data["method_components"])
        data["competencies"] = list(data["competencies"])
        return data

    @staticmethod
    def initial_for(micro_credential: MicroCredential) -> dict:
        return {
            "title": micro_credential.title,
            "competency": micro_credential.competency,
            "competencies": list(micro_credential.competencies.all()),
            "key_method": micro_credential.key_method,
            "method_components": "\n".join(micro_credential.method_components),
            "research": micro_credential.research,
            "resources": "\n".join(
                " | ".join(part for part in (r.get("title"), r.get("kind"), r.get("url")) if part)
                for r in micro_credential.resources
            ),
            "source": micro_credential.source,
            "blind_review": micro_credential.blind_review,
            "double_review": micro_credential.double_review,
            "exclude_colleagues": micro_credential.exclude_colleagues,
            "valid_for_months": micro_credential.valid_for_months,
        }


class RequirementForm(forms.Form):
    key = forms.CharField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("Choose a kind"))] + Requirement.Kind.choices,
        error_messages={
            "required": _("Choose a kind: overview questions, artifact or reflection.")
        },
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give this part a title, for example “Reflection”.")},
    )
    prompt = forms.CharField(label=_("Prompt"), required=False, widget=forms.Textarea(attrs=TEXT))
    questions = forms.CharField(
        label=_("Questions"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("For overview questions: one question per line."),
    )
    accepted = forms.MultipleChoiceField(
        label=_("Evidence accepted (artifacts only)"),
        choices=Artifact.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    earned_guide = forms.CharField(
        label=_("Scoring guide: what “earned” looks like"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
    )
    not_yet_guide = forms.CharField(
        label=_("Scoring guide: what “not yet” looks like"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("kind") == Requirement.Kind.ARTIFACT and not data.get("accepted"):
            self.add_error("accepted", _("Tick at least one kind of evidence an artifact may be."))
        return data

    def to_data(self) -> dict:
        data = self.cleaned_data
        return {
            "key": data["key"],
            "kind": data["kind"],
            "title": data["title"],
            "prompt": data["prompt"],
            "questions": _lines(data["questions"]),
            "accepted": data["accepted"] if data["kind"] == Requirement.Kind.ARTIFACT else [],
            "scoring_guide": {"earned": data["earned_guide"], "not_yet": data["not_yet_guide"]},
        }

    @staticmethod
    def initial_for(requirement: Requirement) -> dict:
        return {
            "key": requirement.key,
            "kind": requirement.kind,
            "title": requirement.title,
            "prompt": requirement.prompt,
            "questions": "\n".join(requirement.questions),
            "accepted": requirement.accepted,
            "earned_guide": requirement.earned_guide,
            "not_yet_guide": requirement.not_yet_guide,
        }


# Two empty parts, so an issuer can add parts without saving and reloading in between.
RequirementFormSet = forms.formset_factory(
    RequirementForm, extra=2, can_delete=True, max_num=30, validate_max=True
)


class StackForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give the stack a title.")},
    )
    description = forms.CharField(
        label=_("What holding the whole stack recognises"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
    )
    micro_credential_slugs = forms.MultipleChoiceField(
        label=_("Micro-credentials in the stack"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Tick two or more micro-credentials for the stack."),
            "invalid_choice": _(
                "“%(value)s” is not one of this issuer’s published micro-credentials; "
                "a stack may hold only those."
            ),
        },
    )

    def __init__(self, *args: Any, choices: Sequence[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["micro_credential_slugs"]).choices = choices


class ReviewerForm(forms.Form):
    email = forms.EmailField(
        label=_("Email of the person"),
        help_text=_("Someone in your organisations; invite anyone else first."),
    )
    kind = forms.ChoiceField(
        label=_("Reviews as"), choices=Reviewer.Kind.choices, initial=Reviewer.Kind.EXPERT
    )


class BulkAwardForm(forms.Form):
    micro_credential = forms.ModelChoiceField(
        label=_("Micro-credential to award"),
        queryset=MicroCredential.objects.none(),
        error_messages={
            "required": _("Choose the micro-credential to award."),
            "invalid_choice": _(
                "Choose one of this issuer’s published micro-credentials; that one is not."
            ),
        },
    )
    emails = forms.CharField(
        label=_("Emails of the people to award"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Paste one per line, or separated by commas or spaces."),
    )
    organisation = forms.ChoiceField(label=_("Or everyone in a school or district"), required=False)
    valid_until = forms.DateField(
        label=_("Expires on (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "The last day the credentials are valid. Leave blank to use the micro-credential’s "
            "own validity (if it has none, they never expire)."
        ),
        error_messages={"invalid": _("Give the date as YYYY-MM-DD, for example 2030-06-30.")},
    )

    def __init__(
        self,
        *args: Any,
        micro_credentials: QuerySet[MicroCredential] | None = None,
        organisations: Iterable[Organisation] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if micro_credentials is not None:
            field = cast(forms.ModelChoiceField, self.fields["micro_credential"])
            field.queryset = micro_credentials
        cast(forms.ChoiceField, self.fields["organisation"]).choices = [
            ("", _("— nobody —")),
            *((str(o.pk), o.name) for o in organisations),
        ]

    def clean_emails(self) -> list[str]:
        text = self.cleaned_data["emails"].replace(",", " ").replace(";", " ")
        emails, wrong = [], []
        for word in text.split():
            try:
                validate_email(word)
            except ValidationError:
                wrong.append(word)
            else:
                emails.append(word.lower())
        if wrong:
            raise ValidationError(
                _("These are not email addresses: %(w)s. Correct or remove them.")
                % {"w": ", ".join(wrong[:10])}
            )
        return list(dict.fromkeys(emails))

    def clean_valid_until(self) -> datetime | None:
        day = self.cleaned_data["valid_until"]
        if day is None:
            return None
        if day <= timezone.localdate():
            raise ValidationError(_("Choose a date after today, or leave it blank."))
        # Valid through the whole of that day, where the site is.
        return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not self.errors and not data.get("emails") and not data.get("organisation"):
            raise ValidationError(
                _("Paste at least one email, or choose a school or district, to say who to award.")
            )
        return data
