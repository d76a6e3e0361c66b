"""Forms for starting assessments, answering criteria and recording the discussion."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Rating

RATING_ERROR = _(
    "Choose one of the ratings offered: don’t know, not yet meeting, meets or exceeds."
)


class RatingField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=[("", _("Not rated yet")), *Rating.choices],
            coerce=int,
            empty_value=None,
            required=False,
            error_messages={"invalid_choice": RATING_ERROR},
            widget=forms.RadioSelect,
            **kwargs,
        )


class StartAssessmentForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("School or district"), coerce=int)
    instrument = forms.TypedChoiceField(label=_("Instrument"), coerce=int)
    title = forms.CharField(label=_("Title"), max_length=200)

    def __init__(self, *args, organisations, instruments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [
            (o.pk, ("— " * max(o.depth - 1, 0)) + o.name) for o in organisations
        ]
        self.fields["instrument"].choices = [(i.pk, str(i)) for i in instruments]


class AnswerForm(forms.Form):
    rating = RatingField(label=_("Rating"))
    evidence = forms.CharField(
        label=_("Evidence of success"), required=False, max_length=5000, widget=forms.Textarea
    )
    growth = forms.CharField(
        label=_("Opportunities for growth"), required=False, max_length=5000, widget=forms.Textarea
    )


class AgreementForm(forms.Form):
    rating = RatingField(label=_("Agreed rating"))
    position = forms.CharField(
        label=_("What the team agreed"), required=False, max_length=5000, widget=forms.Textarea
    )


class NextStepForm(forms.Form):
    description = forms.CharField(
        label=_("Next step"),
        max_length=500,
        error_messages={
            "required": _("Describe the next step: who does what by when."),
            "max_length": _(
                "A next step can be at most %(limit_value)d characters; this one has "
                "%(show_value)d. Shorten it, or split it into two steps."
            ),
        },
    )
    owner = forms.TypedChoiceField(
        label=_("Who"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={
            "invalid_choice": _(
                "“Who” must be someone on the team; choose a name from the list, or “Anyone”."
            )
        },
    )
    due_on = forms.DateField(
        label=_("By when"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "invalid": _(
                "“By when” must be a date, such as 2026-05-01; pick one from the calendar "
                "or leave it empty."
            )
        },
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", _("Anyone"))] + [(p.pk, p.full_name) for p in people]


class CriterionEditForm(forms.Form):
    text = forms.CharField(label=_("Criterion"), widget=forms.Textarea, max_length=2000)
