"""Helpers shared by the issuer's pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def refuse(request: HttpRequest, message: str) -> HttpResponse:
    """Answer 403 with a sentence saying why, for people who may see but not act."""
    return render(request, "credentials/manage/refused.html", {"message": message}, status=403)
