"""Forms for answers, evidence and reviews."""

from django import forms
from django.utils.translation import gettext_lazy as _


class AnswerTextForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"), required=False, max_length=20000, widget=forms.Textarea
    )


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))
    description = forms.CharField(label=_("What it shows"), required=False, max_length=500)
    is_public = forms.BooleanField(label=_("Show it on my public badge page"), required=False)


class LinkForm(forms.Form):
    url = forms.CharField(label=_("Link"), max_length=1000)
    description = forms.CharField(label=_("What it shows"), required=False, max_length=500)
