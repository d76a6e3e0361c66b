"""Helpers shared by the issuer's pages."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lib.errors import ActionError


def refuse(request: HttpRequest, message: str) -> HttpResponse:
    """Answer 403 with a sentence saying why, for people who may see but not act."""
    return render(request, "credentials/manage/refused.html", {"message": message}, status=403)


def attach(form: forms.Form, failure: ActionError) -> dict[str, str]:
    """Put an action's message beside its field; return it for the page top otherwise."""
    if failure.field and failure.field in form.fields:
        form.add_error(failure.field, failure.message)
        return {}
    return {failure.field or "form": failure.message}
