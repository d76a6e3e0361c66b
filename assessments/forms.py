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


ANSWER_TEXT_LIMIT = 5000


class LongTextField(forms.CharField):
    """Free text whose line breaks count once, as the browser's maxlength counts them."""

    def __init__(self, *, too_long, **kwargs):
        super().__init__(
            required=False,
            max_length=ANSWER_TEXT_LIMIT,
            widget=forms.Textarea,
            error_messages={"max_length": too_long},
            **kwargs,
        )

    def to_python(self, value):
        # A plain form post sends line breaks as CRLF; without this, 4,990 characters on
        # twenty lines would pass the browser's maxlength and fail here.
        return super().to_python(value).replace("\r\n", "\n")


class AnswerForm(forms.Form):
    rating = RatingField(label=_("Rating"))
    evidence = LongTextField(
        label=_("Evidence of success"),
        too_long=_(
            "Evidence of success can be at most %(limit_value)d characters; this text has "
            "%(show_value)d. Shorten it and it will save."
        ),
    )
    growth = LongTextField(
        label=_("Opportunities for growth"),
        too_long=_(
            "Opportunities for growth can be at most %(limit_value)d characters; this text has "
            "%(show_value)d. Shorten it and it will save."
        ),
    )


class AgreementForm(forms.Form):
    rating = RatingField(label=_("Agreed rating"))
    position = LongTextField(
        label=_("What the team agreed"),
        too_long=_(
            "What the team agreed can be at most %(limit_value)d characters; this text has "
            "%(show_value)d. Shorten it and save again."
        ),
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
